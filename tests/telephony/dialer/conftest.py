"""Fixtures of the dialer's tests: a running outbound campaign with a caller number and callees in
Shanghai, New York and Hong Kong, and members checked in to it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.database import commit
from app.extensions import db
from app.timeutil import utcnow
from tests.marketplace.contacts.helpers import CN_1, HK_1, US_1, create_campaign, csv_bytes, import_file

ALL_DAY = [{"days": [0, 1, 2, 3, 4, 5, 6], "start": "00:00", "end": "23:59"}]


def set_settings(app, campaign_id: int, **changes) -> None:
    """Change a campaign's settings (and dates) directly."""
    from sqlalchemy.orm.attributes import flag_modified

    from marketplace.models import Campaign

    with app.app_context():
        found = db.session.get(Campaign, campaign_id)
        for name in ("starts_at", "ends_at", "state"):
            if name in changes:
                setattr(found, name, changes.pop(name))
        found.settings = {**(found.settings or {}), **changes}
        flag_modified(found, "settings")
        commit()


@pytest.fixture
def outbound(app, client, enterprise):
    """``outbound(**settings)`` → ``{"campaign_id", "ids": {name: contact id}, "headers", "org_id"}``: a
    running outbound campaign (Mon–Fri 09:00–20:00 in each callee's zone unless changed) with a
    local caller number."""

    def _make(**settings):
        owner = enterprise()
        campaign = create_campaign(client, owner["headers"])
        rows = [[CN_1, "Shanghai", ""], [f"+1{US_1}", "New York", ""], [f"+852 {HK_1}", "Hong Kong", ""]]
        import_file(app, client, owner["headers"], campaign["id"], csv_bytes(rows))
        set_settings(app, campaign["id"], state="running", **settings)
        with app.app_context():
            from telephony import numbers

            numbers.allocate_local_number(campaign["id"])
            commit()
        items = client.get(f"/api/v1/campaigns/{campaign['id']}/contacts", headers=owner["headers"]).json["items"]
        return {"campaign_id": campaign["id"], "ids": {c["name"]: c["id"] for c in items},
                "headers": owner["headers"], "org_id": owner["org_id"], "owner": owner}

    return _make


@pytest.fixture
def on_shift(app):
    """``on_shift(campaign_id, member_id)``: the member checked in to a shift of the campaign running now."""
    from marketplace.models import Campaign, Claim, Shift

    def _make(campaign_id, member_id):
        now = utcnow().replace(microsecond=0)
        with app.app_context():
            found = db.session.get(Campaign, campaign_id)
            found.state = "running"
            found.starts_at, found.ends_at = now - timedelta(days=1), now + timedelta(days=1)
            shift = Shift(campaign_id=campaign_id, org_id=found.org_id, starts_at=now - timedelta(minutes=5),
                          ends_at=now + timedelta(minutes=25), seats=5, claimed=1, state="open")
            db.session.add(shift)
            db.session.flush()
            db.session.add(Claim(shift_id=shift.id, campaign_id=campaign_id, member_id=member_id,
                                 starts_at=shift.starts_at, ends_at=shift.ends_at, state="checked_in",
                                 checked_in_at=now))
            commit()

    return _make


def contact(app, contact_id):
    from marketplace.models import Contact

    with app.app_context():
        found = db.session.get(Contact, contact_id)
        db.session.refresh(found)
        return {k: getattr(found, k) for k in ("state", "attempts", "last_disposition", "next_attempt_at",
                                                "dial_refusal", "dial_refused_at")}
