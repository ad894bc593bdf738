"""Shifts: the staffing plan (``staffing.plans``) turned into seats members can claim.

A draft's shifts are ``planned``: the enterprise may re-plan them or change seats freely. Editing
a draft re-plans its shifts when none was adjusted by hand; adjusted ones are kept, and the
campaign page says the plan moved on (``plan_outdated``). Publishing opens them; afterwards seats
may still change but never below the seats claimed.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select, update

from app.database import after_commit
from app.errors import Conflict, ValidationError
from app.extensions import db
from app.timeutil import as_utc, utcnow
from marketplace.labels import CAMPAIGN_STATE_LABELS
from marketplace.models import Campaign, Claim, Shift, WaitlistEntry
from marketplace.shifts import claims, seat_gate
from marketplace.shifts.queries import campaign_shifts
from marketplace.staffing.plans import MAX_SHIFTS, planned_shifts

logger = logging.getLogger(__name__)


def replan(campaign: Campaign) -> list[Shift]:
    """Replace a draft's planned shifts with the ones its staffing plan asks for."""
    if campaign.state != "draft":
        raise Conflict(_("Shifts are planned while the campaign is a draft; change seats one by one now."),
                       code="not_a_draft")
    _build(campaign)
    return campaign_shifts(campaign.id)


def plan_outdated(campaign: Campaign) -> bool:
    """True when a draft's planned shifts are not the ones its current plan asks for (the forecast,
    the settings or the contact list changed since they were planned). Seats changed by hand do
    not count: the comparison is with the seats each shift was planned with."""
    if campaign.state != "draft":
        return False
    have = [(as_utc(start), seats) for start, seats in db.session.execute(
        select(Shift.starts_at, Shift.planned_seats).where(Shift.campaign_id == campaign.id)
        .order_by(Shift.starts_at))]
    if not have:
        return False
    try:
        wanted = [(as_utc(item["starts_at"]), item["seats"]) for item in planned_shifts(campaign)]
    except ValidationError:  # no forecast any more: nothing to follow
        return False
    return have != wanted


def follow_plan(campaign: Campaign) -> bool:
    """After a draft's edit: plan its shifts again if the plan moved and no seat was changed by
    hand. Returns True when the shifts now follow the plan (or there are none)."""
    if not plan_outdated(campaign):
        return True
    adjusted = db.session.scalar(select(func.count()).select_from(Shift).where(
        Shift.campaign_id == campaign.id, Shift.seats != Shift.planned_seats))
    if adjusted:
        return False
    _build(campaign)
    return True


def _build(campaign: Campaign) -> int:
    wanted = planned_shifts(campaign)
    if len(wanted) > MAX_SHIFTS:
        raise ValidationError(fields={"slot_minutes": _("Too many shifts: use longer shifts.")})
    db.session.execute(Shift.__table__.delete().where(Shift.campaign_id == campaign.id))
    step = timedelta(minutes=campaign.slot_minutes)
    rows = [{"campaign_id": campaign.id, "org_id": campaign.org_id, "starts_at": item["starts_at"],
             "ends_at": item["starts_at"] + step, "seats": item["seats"], "planned_seats": item["seats"],
             "claimed": 0, "state": "planned", "created_at": utcnow()} for item in wanted]
    if rows:
        db.session.execute(Shift.__table__.insert(), rows)
    db.session.expire_all()
    logger.info("Campaign %s planned %s shifts", campaign.id, len(rows))
    return len(rows)


def set_seats(shift: Shift, seats: int) -> Shift:
    """Change a shift's seats: anything in a draft, never below the seats already claimed later."""
    campaign = db.session.get(Campaign, shift.campaign_id)
    if campaign.state in ("completed", "cancelled"):
        raise Conflict(_("Seats cannot be changed: the campaign is closed (%(state)s).",
                         state=CAMPAIGN_STATE_LABELS[campaign.state]), code="campaign_closed")
    waiting = claims.waitlist_heads(shift.id, seats - shift.claimed) if shift.state == "open" else []
    done = db.session.execute(update(Shift).where(Shift.id == shift.id, Shift.claimed <= seats)
                              .values(seats=seats).execution_options(synchronize_session=False))
    if done.rowcount == 0:
        db.session.refresh(shift)
        raise Conflict(_("%(claimed)s seats are already claimed on this shift.", claimed=shift.claimed),
                       code="below_claimed", fields={"seats": _("At least %(n)s.", n=shift.claimed)})
    db.session.refresh(shift)
    if waiting:
        claims.fill_from_waitlist(shift, waiting)
    shift_id = shift.id
    after_commit(lambda: seat_gate.forget(shift_id))
    return shift


def open_shifts(campaign: Campaign) -> int:
    """On publishing: plan the shifts if the draft has none, then open them all."""
    count = db.session.scalar(select(func.count()).select_from(Shift).where(Shift.campaign_id == campaign.id))
    if not count:
        has_plan = campaign.kind == "outbound" or (campaign.settings.get("forecast") or [])
        if has_plan:
            _build(campaign)
    opened = db.session.execute(update(Shift).where(Shift.campaign_id == campaign.id, Shift.state == "planned")
                                .values(state="open").execution_options(synchronize_session=False)).rowcount
    return opened


def close_shifts(campaign: Campaign) -> int:
    """On completing or cancelling: future shifts are cancelled and their seats released (no penalty)."""
    now = utcnow()
    future = list(db.session.scalars(select(Shift).where(
        Shift.campaign_id == campaign.id, Shift.state != "cancelled", Shift.starts_at > now)))
    for shift in future:
        held = list(db.session.scalars(select(Claim).where(Claim.shift_id == shift.id, Claim.state == "claimed")))
        for claim in held:
            claims.give_back(claim, now, late=False, reason="campaign_closed")
        shift.state, shift.claimed = "cancelled", 0
        db.session.execute(WaitlistEntry.__table__.delete().where(WaitlistEntry.shift_id == shift.id))
    db.session.flush()
    return len(future)


