"""Staffing plans: what a campaign needs, and the shifts that roster it.

Inbound: agents and rostered seats per forecast interval (Erlang C, or Erlang A with patience),
grouped into shifts of ``campaign.slot_minutes`` that each get the most rostered seats any of
their intervals needs. Outbound: the agent-hours the contact list needs, spread evenly over the
calling windows (in the campaign's time zone) as the seat-hours that remain after shrinkage.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select

from app.errors import ValidationError
from app.extensions import db
from app.timeutil import as_utc, zone
from marketplace.models import Campaign, Contact
from marketplace.staffing import erlang

MAX_SHIFTS = 96 * 62  # two months of 15-minute shifts


def _parse(value) -> datetime:
    return as_utc(datetime.fromisoformat(value) if isinstance(value, str) else value)


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


def spread(total: int, buckets: int) -> list[int]:
    """``total`` units over ``buckets`` as evenly as possible (counts differ by at most one, the extra
    ones spaced out rather than bunched at the start)."""
    if buckets <= 0:
        return []
    base, extra = divmod(total, buckets)
    return [base + (i + 1) * extra // buckets - i * extra // buckets for i in range(buckets)]


def outbound_plan(campaign: Campaign) -> dict:
    """Agent-hours from contacts × expected attempts × handle time, and the seat-hours that carry them
    after shrinkage, spread over the calling windows in whole seats of one shift each.

    The seats are counted in total, not per shift: rounding each shift up to one agent would roster
    every calling-window hour of the campaign for a list that needs a few hours in all."""
    settings = campaign.settings
    contacts = db.session.scalar(select(func.count()).select_from(Contact).where(
        Contact.campaign_id == campaign.id, Contact.state.in_(("pending", "in_progress"))))
    source = "contacts"
    if not contacts and settings.get("expected_contacts"):
        contacts, source = settings["expected_contacts"], "expected_contacts"
    attempts = expected_attempts(settings.get("contact_rate", 0.35), settings.get("max_attempts", 3))
    hours = erlang.outbound_agent_hours(contacts, attempts, settings.get("handle_seconds", 240))
    slots = window_slots(campaign)
    slot_hours = campaign.slot_minutes / 60
    shrinkage = settings.get("shrinkage", 0.3)
    seat_shifts = math.ceil(hours / (1.0 - shrinkage) / slot_hours - 1e-9) if slots and hours else 0
    seats = spread(seat_shifts, len(slots))
    shifts = [{"starts_at": slot, "seats": count} for slot, count in zip(slots, seats, strict=True) if count]
    return {"contacts": contacts, "contacts_source": source, "attempts_per_contact": round(attempts, 3),
            "agent_hours": round(hours, 2), "rostered_hours": round(seat_shifts * slot_hours, 2),
            "slots": len(slots), "shift_count": len(shifts),
            "agents_per_slot": math.ceil(hours / (len(slots) * slot_hours) - 1e-9) if slots and hours else 0,
            "rostered_per_slot": max(seats, default=0), "slot_minutes": campaign.slot_minutes,
            "shifts": shifts}


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
    """The shifts (start and seats) the campaign's staffing plan asks for."""
    if campaign.kind == "inbound":
        return inbound_shifts(campaign, staffing_plan(campaign))
    return outbound_plan(campaign)["shifts"]


def staffing_plan(campaign: Campaign) -> dict:
    """Inbound: agents and rostered seats per forecast interval, with the peak and rostered hours.
    Outbound: the agent-hours the contacts need and the seats per shift in the calling windows."""
    if campaign.kind != "inbound":
        plan = outbound_plan(campaign)
        del plan["shifts"]
        plan = {"model": "outbound_workload", **plan}
        return {**plan, "estimated_cost": estimated_cost(campaign, plan)}
    settings = campaign.settings
    forecast = settings.get("forecast") or []
    if not forecast:
        raise ValidationError(fields={"forecast": _("Add a volume forecast first.")})
    minutes = settings.get("interval_minutes", 30)
    intervals = []
    for item in forecast:
        result = erlang.required_agents(erlang.Forecast(
            calls=item["calls"], interval_minutes=minutes, aht_seconds=settings["aht_seconds"],
            target_service_level=settings.get("target_service_level", 0.8),
            target_answer_seconds=settings.get("target_answer_seconds", 20),
            max_occupancy=settings.get("max_occupancy", 0.85), shrinkage=settings.get("shrinkage", 0.3),
            patience_seconds=settings.get("patience_seconds")))
        intervals.append({"start": item["start"], "calls": item["calls"], "agents": result.agents,
                          "rostered": result.rostered, "service_level": round(result.service_level, 3),
                          "occupancy": round(result.occupancy, 3)})
    plan = {
        "model": "erlang_a" if settings.get("patience_seconds") else "erlang_c",
        "interval_minutes": minutes,
        "intervals": intervals,
        "peak_agents": max(i["agents"] for i in intervals),
        "peak_rostered": max(i["rostered"] for i in intervals),
        "rostered_hours": math.fsum(i["rostered"] for i in intervals) * minutes / 60,
    }
    return {**plan, "estimated_cost": estimated_cost(campaign, plan)}


def estimated_cost(campaign: Campaign, plan: dict) -> int:
    """What the plan would cost at the campaign's pay rules, in minor units, erring high: every
    forecast call (inbound) or attempt (outbound) paid per call, talk paid for the whole handle time,
    the success bonus for every call answered (inbound) or contact reached (outbound), and every
    rostered seat-hour paid per shift hour."""
    settings = campaign.settings
    if plan["model"] == "outbound_workload":
        handle = settings.get("handle_seconds", 240)
        missed = (1.0 - settings.get("contact_rate", 0.35)) ** settings.get("max_attempts", 3)
        reached = plan["contacts"] * (1.0 - missed)
        calls = plan["contacts"] * plan["attempts_per_contact"]
    else:
        handle = settings.get("aht_seconds", 0)
        calls = reached = sum(interval["calls"] for interval in plan["intervals"])
    per_call = campaign.pay_per_call * calls
    per_reached = (campaign.pay_per_talk_minute * handle / 60 + campaign.success_bonus) * reached
    per_hour = campaign.pay_per_shift_hour * plan["rostered_hours"]
    return math.ceil(per_call + per_reached + per_hour - 1e-6)
