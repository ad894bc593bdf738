"""Attendance: members check in for their shifts, the sweep marks no-shows, and telephony asks
who is on shift now.

Check-in opens 15 minutes before the start and closes 15 minutes after it; a claim still not
checked in then is a no-show, which costs reliability in full."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from app import events
from app.auth.models import User
from app.errors import Conflict
from app.extensions import db
from app.timeutil import as_utc, utcnow
from marketplace.labels import CLAIM_STATE_LABELS
from marketplace.members.profiles import locked_profile, record
from marketplace.models import Claim
from marketplace.shifts.claims import own_claim

CHECK_IN_OPENS = timedelta(minutes=15)  # before the start
CHECK_IN_GRACE = timedelta(minutes=15)  # after the start; later it is a no-show


def check_in(member: User, claim_id: int, now: datetime | None = None) -> Claim:
    """Mark attendance: from 15 minutes before the start to 15 minutes after it."""
    now = now or utcnow()
    claim = own_claim(member, claim_id)
    profile = locked_profile(member.id)
    db.session.refresh(claim)
    if claim.state == "checked_in":
        return claim
    if claim.state != "claimed":
        raise Conflict(_("You cannot check in: the claim is no longer held (%(state)s).",
                         state=CLAIM_STATE_LABELS[claim.state]), code="not_checkable")
    start = as_utc(claim.starts_at)
    if now < start - CHECK_IN_OPENS:
        raise Conflict(_("Check-in opens 15 minutes before the shift starts."), code="check_in_not_open")
    if now > start + CHECK_IN_GRACE:
        raise Conflict(_("Check-in closed 15 minutes after the start."), code="check_in_closed")
    claim.state, claim.checked_in_at = "checked_in", now
    record(profile, attended=1)
    db.session.flush()
    events.send(events.shift_checked_in, "marketplace", claim_id=claim.id, shift_id=claim.shift_id,
                campaign_id=claim.campaign_id, member_id=member.id, late=now > start)
    return claim


def mark_no_shows(now: datetime | None = None, limit: int = 5000) -> int:
    """Claims still unchecked after the grace period become no-shows (the periodic sweep)."""
    now = now or utcnow()
    due = list(db.session.scalars(select(Claim).where(Claim.state == "claimed",
                                                      Claim.starts_at < now - CHECK_IN_GRACE)
                                  .order_by(Claim.id).limit(limit)))
    for claim in due:
        profile = locked_profile(claim.member_id)
        claim.state = "no_show"
        record(profile, no_shows=1)
        events.send(events.claim_no_show, "marketplace", claim_id=claim.id, shift_id=claim.shift_id,
                    campaign_id=claim.campaign_id, member_id=claim.member_id)
    db.session.flush()
    return len(due)


def checked_in_members(campaign_id: int, now: datetime | None = None) -> list[int]:
    """Members on shift now (checked in to a shift that has not ended): who telephony may route to."""
    now = now or utcnow()
    return list(db.session.scalars(select(Claim.member_id).where(
        Claim.campaign_id == campaign_id, Claim.state == "checked_in", Claim.starts_at <= now + CHECK_IN_OPENS,
        Claim.ends_at > now)))
