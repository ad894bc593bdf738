"""Fixtures for the agents' tests: a campaign running now with a shift a member is checked in to.

The enterprise, member and campaign factories come from the telephony tests' conftest."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.database import commit
from app.extensions import db
from app.timeutil import utcnow


@pytest.fixture
def on_shift(app):
    """``on_shift(campaign_id, member_id, starts=-5, ends=25, state="checked_in", campaign_state="running")``
    → the claim id: a shift of the campaign from ``starts`` to ``ends`` minutes from now, the member's
    claim on it, and the campaign in ``campaign_state`` within its dates."""
    from marketplace.models import Campaign, Claim, Shift

    def _make(campaign_id, member_id, starts=-5, ends=25, state="checked_in", campaign_state="running"):
        now = utcnow().replace(microsecond=0)
        with app.app_context():
            found = db.session.get(Campaign, campaign_id)
            found.state = campaign_state
            found.starts_at, found.ends_at = now - timedelta(days=1), now + timedelta(days=1)
            shift = Shift(campaign_id=campaign_id, org_id=found.org_id, starts_at=now + timedelta(minutes=starts),
                          ends_at=now + timedelta(minutes=ends), seats=5, claimed=1, state="open")
            db.session.add(shift)
            db.session.flush()
            claim = Claim(shift_id=shift.id, campaign_id=campaign_id, member_id=member_id, starts_at=shift.starts_at,
                          ends_at=shift.ends_at, state=state,
                          checked_in_at=now if state == "checked_in" else None)
            db.session.add(claim)
            commit()
            return claim.id

    return _make


@pytest.fixture
def acd(app):
    """The app's ACD, inside an app context."""
    from telephony.distributor import distributor

    with app.app_context():
        yield distributor()


@pytest.fixture
def routed(enterprise, member, campaign, on_shift, client):
    """``routed()`` → ``(member_id, headers, campaign_id, claim_id)`` of a member available on a running shift."""

    def _make(owner=None, **campaign_overrides):
        owner = owner or enterprise()
        campaign_id = campaign(owner, **campaign_overrides)
        member_id, headers = member()
        claim_id = on_shift(campaign_id, member_id)
        response = client.put("/api/v1/agents/me/presence", json={"status": "available"}, headers=headers)
        assert response.status_code == 200, response.json
        return member_id, headers, campaign_id, claim_id

    return _make


@pytest.fixture
def presence(app):
    """``presence(member_id)`` → the status of the member's open presence stretch, or None (offline)."""
    from sqlalchemy import select

    from telephony.models import PresenceInterval

    def _status(member_id):
        with app.app_context():
            return db.session.scalar(select(PresenceInterval.status).where(
                PresenceInterval.member_id == member_id, PresenceInterval.ended_at.is_(None)))

    return _status
