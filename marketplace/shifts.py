"""Shifts: the staffing plan turned into seats members can claim.

Inbound: each shift spans ``campaign.slot_minutes`` of the forecast and gets the most rostered
seats any of its intervals needs. Outbound: the agent-hours the contact list needs are spread
evenly over the calling windows (in the campaign's time zone), after shrinkage.

A draft's shifts are ``planned``: the enterprise may re-plan them or change seats freely. Editing
a draft re-plans its shifts when none was adjusted by hand; adjusted ones are kept, and the
campaign page says the plan moved on (``plan_outdated``). Publishing opens them; afterwards seats
may still change but never below the seats claimed.
"""

from __future__ import annotations

import logging
import math
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select, update

from app import events
from app.database import after_commit
from app.errors import Conflict, ValidationError
from app.extensions import db
from app.timeutil import as_utc, utcnow, zone
from marketplace import claims, seat_gate, staffing
from marketplace.models import Campaign, Claim, Contact, Shift, WaitlistEntry

logger = logging.getLogger(__name__)

MAX_SHIFTS = 96 * 62  # two months of 15-minute shifts


def _parse(value) -> datetime:
    return as_utc(datetime.fromisoformat(value) if isinstance(value, str) else value)


# --- the plan -----------------------------------------------------------------------------------

def expected_attempts(contact_rate: float, max_attempts: int) -> float:
    """Attempts per contact when each reaches the callee with ``contact_rate`` (a geometric series)."""
    miss = 1.0 - contact_rate
    return (1.0 - miss ** max_attempts) / contact_rate if miss > 0 else 1.0


def window_slots(campaign: Campaign) -> list[datetime]:
    """Starts (UTC) of the shifts that fit in the outbound calling windows, campaign time zone."""
    tz = zone(campaign.time_zone)
    step = timedelta(minutes=campaign.slot_minutes)
    start, end = as_utc(campaign.starts_at), as_utc(campaign.ends_at)
    windows = campaign.settings.get("calling_windows") or []
    slots: list[datetime] = []
    day = start.astimezone(tz).date()
    while datetime.combine(day, datetime.min.time(), tz) < end and len(slots) <= MAX_SHIFTS:
        for window in windows:
            if day.weekday() not in window["days"]:
                continue
            opens = datetime.combine(day, datetime.strptime(window["start"], "%H:%M").time(), tz)
            closes = datetime.combine(day, datetime.strptime(window["end"], "%H:%M").time(), tz)
            slot = opens
            while slot + step <= closes:
                if as_utc(slot) >= start and as_utc(slot + step) <= end:
                    slots.append(as_utc(slot))
                slot += step
        day += timedelta(days=1)
    return sorted(set(slots))


def outbound_plan(campaign: Campaign) -> dict:
    """Agent-hours from contacts × expected attempts × handle time, spread over the calling windows."""
    settings = campaign.settings
    contacts = db.session.scalar(select(func.count()).select_from(Contact).where(
        Contact.campaign_id == campaign.id, Contact.state.in_(("pending", "in_progress"))))
    source = "contacts"
    if not contacts and settings.get("expected_contacts"):
        contacts, source = settings["expected_contacts"], "expected_contacts"
    attempts = expected_attempts(settings.get("contact_rate", 0.35), settings.get("max_attempts", 3))
    hours = staffing.outbound_agent_hours(contacts, attempts, settings.get("handle_seconds", 240))
    slots = window_slots(campaign)
    slot_hours = campaign.slot_minutes / 60
    shrinkage = settings.get("shrinkage", 0.3)
    per_slot = math.ceil(hours / (len(slots) * slot_hours)) if slots and hours else 0
    seats = staffing.rostered_for(per_slot, shrinkage) if per_slot else 0
    return {"contacts": contacts, "contacts_source": source, "attempts_per_contact": round(attempts, 3),
            "agent_hours": round(hours, 2), "slots": len(slots), "agents_per_slot": per_slot,
            "rostered_per_slot": seats, "slot_minutes": campaign.slot_minutes,
            "shifts": [{"starts_at": slot, "seats": seats} for slot in slots]}


def inbound_shifts(campaign: Campaign, plan: dict) -> list[dict]:
    """Group the plan's intervals into shifts of ``slot_minutes``: the peak rostered need of each."""
    step = timedelta(minutes=campaign.slot_minutes)
    groups: dict[datetime, int] = {}
    first = None
    for interval in plan["intervals"]:
        start = _parse(interval["start"])
        first = first or start
        slot = first + step * ((start - first) // step)
        groups[slot] = max(groups.get(slot, 0), interval["rostered"])
    return [{"starts_at": start, "seats": seats} for start, seats in sorted(groups.items())]


def planned_shifts(campaign: Campaign) -> list[dict]:
    from marketplace import services

    if campaign.kind == "inbound":
        return inbound_shifts(campaign, services.staffing_plan(campaign))
    return outbound_plan(campaign)["shifts"]


# --- building and adjusting ---------------------------------------------------------------------

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


def campaign_shifts(campaign_id: int) -> list[Shift]:
    return list(db.session.scalars(select(Shift).where(Shift.campaign_id == campaign_id)
                                   .order_by(Shift.starts_at)))


def set_seats(shift: Shift, seats: int) -> Shift:
    """Change a shift's seats: anything in a draft, never below the seats already claimed later."""
    campaign = db.session.get(Campaign, shift.campaign_id)
    if campaign.state in ("completed", "cancelled"):
        raise Conflict(_("The campaign is %(state)s.", state=campaign.state), code="campaign_closed")
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
        released = list(db.session.scalars(select(Claim).where(Claim.shift_id == shift.id,
                                                              Claim.state == "claimed")))
        for claim in released:
            claim.state, claim.released_at = "released", now
            events.send(events.claim_released, "marketplace", claim_id=claim.id, shift_id=shift.id,
                        campaign_id=campaign.id, member_id=claim.member_id, late=False, reason="campaign_closed")
        shift.state, shift.claimed = "cancelled", 0
        db.session.execute(WaitlistEntry.__table__.delete().where(WaitlistEntry.shift_id == shift.id))
    db.session.flush()
    return len(future)


def fill_rate(campaign_id: int) -> dict:
    """Seats, claimed seats and their ratio over the campaign's open shifts."""
    seats, claimed = db.session.execute(select(func.coalesce(func.sum(Shift.seats), 0),
                                               func.coalesce(func.sum(Shift.claimed), 0))
                                        .where(Shift.campaign_id == campaign_id, Shift.state != "cancelled")).one()
    return {"seats": int(seats), "claimed": int(claimed), "fill_rate": round(claimed / seats, 3) if seats else 0.0}


def shift_json(shift: Shift) -> dict:
    return {"id": shift.id, "campaign_id": shift.campaign_id, "starts_at": shift.starts_at, "ends_at": shift.ends_at,
            "seats": shift.seats, "planned_seats": shift.planned_seats, "claimed": shift.claimed,
            "seats_left": max(shift.seats - shift.claimed, 0), "state": shift.state,
            "fill_rate": round(shift.claimed / shift.seats, 3) if shift.seats else 0.0}
