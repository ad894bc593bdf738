"""Revocation, expiry and suspension reach the shifts: the seat goes back without penalty, the member
is told why, the waitlist gets the seat and the enterprise sees it on the roster."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.auth import services as accounts
from app.auth.models import User
from app.database import commit
from app.extensions import db
from app.notifications.models import Notification
from app.notifications.services import words
from app.timeutil import utcnow
from certification import services as cert_services
from certification.models import CertificationGrant
from marketplace.models import Claim, MemberProfile
from tests.marketplace.helpers import inbound, publish

ECOM = "ecommerce_after_sales_l1"


@pytest.fixture
def certified(app, member):
    """A member holding the e-commerce certification: (id, headers, grant id)."""

    def _make():
        uid, headers = member()
        with app.test_request_context():
            cert = cert_services.certifications_by_key([ECOM])[ECOM]
            grant = cert_services.grant(cert, db.session.get(User, uid), actor_id=None, check=False)
            commit()
            return uid, headers, grant.id

    return _make


def _full_shift_with_a_waiter(client, enterprise, certified):
    _campaign, rows = publish(client, enterprise, inbound(requirements={"certifications": [ECOM]}), seats={0: 1})
    holder, holder_headers, grant_id = certified()
    waiter, waiter_headers, _grant = certified()
    claim = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=holder_headers)
    assert claim.status_code == 201, claim.json
    assert client.post(f"/api/v1/shifts/{rows[0]['id']}/waitlist", headers=waiter_headers).status_code == 201
    return rows[0], claim.json, holder, waiter, grant_id


def _roster(client, enterprise, shift_id):
    return client.get(f"/api/v1/shifts/{shift_id}/roster", headers=enterprise["headers"]).json["items"]


def test_a_revoked_certification_takes_the_seat_back_without_penalty(app, client, enterprise, certified, content,
                                                                      create_user):
    shift, claim, holder, waiter, grant_id = _full_shift_with_a_waiter(client, enterprise, certified)
    trainer_id = create_user("trainer")
    with app.test_request_context():
        cert_services.revoke(grant_id, actor=db.session.get(User, trainer_id), reason="Shared a customer's number")
        commit()
    with app.app_context():
        removed = db.session.get(Claim, claim["id"])
        assert (removed.state, removed.removed_reason, removed.late_release) == ("bumped", "certification_revoked",
                                                                                  False)
        assert db.session.get(MemberProfile, holder).reliability == 100  # no penalty
        given = db.session.scalars(select(Claim).where(Claim.shift_id == shift["id"], Claim.member_id == waiter)).one()
        assert given.state == "claimed" and given.from_waitlist
        told = db.session.scalars(select(Notification).where(Notification.user_id == holder)).one()
        assert told.kind == "seat_removed.certification_revoked" and told.read_at is None
        assert db.session.scalars(select(Notification.kind).where(Notification.user_id == waiter)).all() == [
            "waitlist.seat_given"]
    with app.test_request_context(headers={"Accept-Language": "zh-CN"}):
        title, body = words(db.session.get(Notification, told.id))
        assert "电商售后一级" in body and "Double 11 peak" in title
    with app.test_request_context():
        title, body = words(db.session.get(Notification, told.id))
        assert "E-commerce after-sales L1" in body and "revoked" in body and "no cost to your reliability" in body
    rows = {row["member_id"]: row for row in _roster(client, enterprise, shift["id"])}
    assert rows[holder]["state"] == "bumped" and rows[holder]["removed_reason"] == "certification_revoked"
    assert rows[waiter]["state"] == "claimed" and rows[waiter]["removed_reason"] is None


def test_an_expired_certification_and_a_suspension_take_the_seat_back_too(app, client, enterprise, certified,
                                                                          content, create_user):
    shift, claim, holder, waiter, grant_id = _full_shift_with_a_waiter(client, enterprise, certified)
    with app.test_request_context():
        db.session.get(CertificationGrant, grant_id).expires_at = utcnow() - timedelta(days=1)
        assert cert_services.expire_due() == 1
        commit()
        assert db.session.get(Claim, claim["id"]).removed_reason == "certification_expired"
        given = db.session.scalars(select(Claim).where(Claim.shift_id == shift["id"], Claim.member_id == waiter)).one()
        # The waiter now holds the seat; suspending them frees it for nobody (the list is empty) but still
        # without penalty, and they are told.
        admin_id = create_user("admin")
        accounts.set_active(db.session.get(User, waiter), False, actor_id=admin_id, reason="Fraud check")
        commit()
        db.session.refresh(given)
        assert (given.state, given.removed_reason) == ("bumped", "account_suspended")
        assert db.session.get(MemberProfile, waiter).reliability == 100
        kinds = set(db.session.scalars(select(Notification.kind).where(Notification.user_id.in_([holder, waiter]))))
        assert kinds == {"seat_removed.certification_expired", "waitlist.seat_given", "seat_removed.account_suspended"}


def test_a_seat_whose_requirements_still_hold_is_kept(app, client, enterprise, certified, content, create_user):
    _campaign, rows = publish(client, enterprise, inbound())  # no requirements
    holder, headers, grant_id = certified()
    claim = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers).json
    with app.test_request_context():
        cert_services.revoke(grant_id, actor=db.session.get(User, create_user("trainer")), reason="test")
        commit()
        assert db.session.get(Claim, claim["id"]).state == "claimed"
        assert db.session.scalars(select(Notification).where(Notification.user_id == holder)).first() is None
