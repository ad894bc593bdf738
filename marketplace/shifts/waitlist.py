"""The waitlist of a full shift: members join it, leave it, and see their place in it.

The seats that free up go to the waitlist's head through ``claims.fill_from_waitlist``."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import exists, select

from app.auth.models import User
from app.errors import Conflict, NotFound
from app.extensions import db
from app.timeutil import utcnow
from marketplace.members import eligibility
from marketplace.models import ACTIVE_CLAIM_STATES, Claim, WaitlistEntry
from marketplace.shifts.claims import claimable, visible_shift


def join_waitlist(member: User, shift_id: int, now: datetime | None = None) -> WaitlistEntry:
    now = now or utcnow()
    shift, campaign = visible_shift(shift_id)
    claimable(shift, campaign, now)
    eligibility.require_eligible(member, campaign)
    if shift.claimed < shift.seats:
        raise Conflict(_("Seats are free on this shift: claim one."), code="seats_available")
    if db.session.scalar(select(exists().where(Claim.shift_id == shift.id, Claim.member_id == member.id,
                                               Claim.state.in_(ACTIVE_CLAIM_STATES)))):
        raise Conflict(_("You already hold a seat on this shift."), code="already_claimed")
    if db.session.scalar(select(exists().where(WaitlistEntry.shift_id == shift.id,
                                               WaitlistEntry.member_id == member.id))):
        raise Conflict(_("You are already on this waitlist."), code="already_waiting")
    entry = WaitlistEntry(shift_id=shift.id, member_id=member.id, created_at=now)
    db.session.add(entry)
    db.session.flush()
    return entry


def leave_waitlist(member: User, shift_id: int) -> None:
    gone = db.session.execute(WaitlistEntry.__table__.delete().where(
        WaitlistEntry.shift_id == shift_id, WaitlistEntry.member_id == member.id)).rowcount
    if not gone:
        raise NotFound()


def waitlist_position(member_id: int, shift_id: int) -> int | None:
    mine = db.session.scalar(select(WaitlistEntry.id).where(WaitlistEntry.shift_id == shift_id,
                                                            WaitlistEntry.member_id == member_id))
    if mine is None:
        return None
    return db.session.query(WaitlistEntry).filter(WaitlistEntry.shift_id == shift_id,
                                                  WaitlistEntry.id <= mine).count()
