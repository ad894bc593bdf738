"""The live wallboard's figures for one campaign: now (calls waiting, agents by state) and today so
far (offered, answered, abandoned, service levels, ASA, AHT, occupancy), with the last hours by
interval against the staffing plan. Reads only: the interactions table and the ACD's agent records.

Conventions (the wallboard names them):

- "today" is the campaign's calendar day, in the campaign's time zone, up to now;
- ``service_level`` = answered within the target answer time / answered;
- ``sl2`` = (answered within the target + abandoned within the target) / (answered + abandoned):
  Asterisk's second convention, the one the reports use — a caller who gave up before the target
  counts as served in time, one who gave up later counts against it;
- ``asa`` = mean seconds from queued to answered; ``aht`` = mean handle seconds (talk + hold +
  wrap-up) of today's completed calls;
- ``occupancy`` = agents on a call or in wrap-up / agents staffed (available, offered, on a call,
  in wrap-up) right now.

Ratios are 0..1 and ``None`` when their denominator is zero; times are whole seconds.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import func, select

from app.auth.models import User
from app.errors import ValidationError
from app.extensions import db
from app.timeutil import as_utc, utcnow, zone
from telephony import campaigns
from telephony.distributor import distributor
from telephony.models import Interaction
from telephony.reports.figures import derive, ratio

WAITING_STATES = ("queued", "offered")
AGENT_BUCKETS = ("available", "offered", "on_call", "wrapup", "away", "offline")
ROUTING_TO_BUCKET = {"available": "available", "offered": "offered", "busy": "on_call", "wrapup": "wrapup",
                     "away": "away", "offline": "offline"}
CHART_HOURS = 4
DEFAULT_TARGET_SECONDS = 20


def target_seconds(campaign) -> int:
    return int((campaign.settings or {}).get("target_answer_seconds") or DEFAULT_TARGET_SECONDS)


def day_start(campaign, now: datetime) -> datetime:
    tz = zone(campaign.time_zone or "UTC")
    return as_utc(datetime.combine(now.astimezone(tz).date(), time.min, tz))


def _seconds(start: datetime | None, end: datetime | None) -> int | None:
    if start is None or end is None:
        return None
    return max(0, round((as_utc(end) - as_utc(start)).total_seconds()))


def agents_now(campaign_id: int, now: datetime) -> list[dict]:
    """The members on shift for the campaign now (checked in), and anyone still on one of its
    calls, with their routing state and seconds in it; names as the enterprise sees them."""
    member_ids = set(campaigns.checked_in_members(campaign_id, now))
    member_ids |= set(db.session.scalars(select(Interaction.member_id).where(
        Interaction.campaign_id == campaign_id, Interaction.member_id.is_not(None),
        Interaction.state.in_(("offered", "in_progress", "held", "wrapup")))))
    ids = sorted(member_ids)
    if not ids:
        return []
    names = dict(db.session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())
    rows = []
    for member_id, record in zip(ids, distributor().agents(ids), strict=True):
        state = ROUTING_TO_BUCKET.get((record or {}).get("st"), "offline")
        since_ms = (record or {}).get("since")
        since = datetime.fromtimestamp(int(since_ms) / 1000, now.tzinfo) if since_ms else None
        rows.append({"member_id": member_id, "name": names.get(member_id), "state": state,
                     "since": since, "seconds_in_state": _seconds(since, now) if since else None})
    rows.sort(key=lambda row: (AGENT_BUCKETS.index(row["state"]), row["name"] or ""))
    return rows


def _today(campaign, start: datetime, now: datetime) -> list:
    """Today's interactions of the campaign, only the columns the figures need (light rows)."""
    return list(db.session.execute(select(
        Interaction.state, Interaction.queued_at, Interaction.answered_at, Interaction.ended_at,
        Interaction.handle_seconds).where(
        Interaction.campaign_id == campaign.id, Interaction.queued_at >= start, Interaction.queued_at <= now)).all())


def figures(campaign, now: datetime | None = None) -> dict:
    """Everything the wallboard shows, as ``GET /api/v1/campaigns/{id}/live`` returns it."""
    now = as_utc(now) if now is not None else utcnow()
    start = day_start(campaign, now)
    target = target_seconds(campaign)
    waiting = db.session.execute(select(func.count(Interaction.id), func.min(Interaction.queued_at)).where(
        Interaction.campaign_id == campaign.id, Interaction.state.in_(WAITING_STATES))).one()
    rows = _today(campaign, start, now)
    answered = [i for i in rows if i.answered_at is not None]
    waits = [_seconds(i.queued_at, i.answered_at) for i in answered]
    within = sum(1 for w in waits if w <= target)
    abandoned = [i for i in rows if i.state == "abandoned"]
    abandoned_within = sum(1 for i in abandoned if (_seconds(i.queued_at, i.ended_at) or 0) <= target)
    handled = [i.handle_seconds for i in rows if i.state == "completed" and i.handle_seconds is not None]
    agents = agents_now(campaign.id, now)
    by_state = {bucket: sum(1 for a in agents if a["state"] == bucket) for bucket in AGENT_BUCKETS}
    working = by_state["on_call"] + by_state["wrapup"]
    staffed = working + by_state["available"] + by_state["offered"]
    # the service level family as the reports define it, from today's counts
    served = derive({"answered": len(answered), "abandoned": len(abandoned), "answered_in_target": within,
                     "abandoned_in_target": abandoned_within, "wait_seconds": sum(waits),
                     "handled": len(handled), "handle_seconds": sum(handled)})
    return {
        "campaign_id": campaign.id, "at": now, "day_starts_at": start, "time_zone": campaign.time_zone,
        "target_answer_seconds": target,
        "waiting": int(waiting[0]), "longest_wait_seconds": _seconds(waiting[1], now) if waiting[0] else 0,
        "agents": by_state,
        "offered": len(rows), "answered": len(answered), "abandoned": len(abandoned),
        "answered_within_target": within,
        "abandoned_within_target": abandoned_within,
        "service_level": served["service_level"], "sl2": served["sl2"],
        "asa": served["asa_seconds"], "aht": served["aht_seconds"],
        "occupancy": ratio(working, staffed),
    }


def chart(campaign, now: datetime | None = None, hours: int = CHART_HOURS) -> list[dict]:
    """The last ``hours`` by the campaign's interval: calls offered and answered, members who took a
    call, against the staffing plan's forecast calls, agents and rostered seats for that interval."""
    now = as_utc(now) if now is not None else utcnow()
    minutes = int((campaign.settings or {}).get("interval_minutes") or 30)
    step = timedelta(minutes=minutes)
    epoch = datetime(2000, 1, 1, tzinfo=now.tzinfo)
    current = epoch + ((now - epoch) // step) * step
    first = current - step * max(1, hours * 60 // minutes - 1)
    plan = _plan_by_start(campaign)
    rows = list(db.session.execute(select(Interaction.queued_at, Interaction.answered_at, Interaction.member_id)
                                   .where(Interaction.campaign_id == campaign.id, Interaction.queued_at >= first,
                                          Interaction.queued_at <= now)).all())
    out = []
    slot = first
    while slot <= current:
        end = slot + step
        inside = [r for r in rows if slot <= as_utc(r.queued_at) < end]
        planned = plan.get(slot, {})
        out.append({"start": slot, "offered": len(inside), "answered": sum(1 for r in inside if r.answered_at),
                    "agents": len({r.member_id for r in inside if r.answered_at and r.member_id}),
                    "forecast_calls": planned.get("calls"), "forecast_agents": planned.get("agents"),
                    "rostered": planned.get("rostered")})
        slot = end
    return out


def _plan_by_start(campaign) -> dict[datetime, dict]:
    """The staffing plan's intervals by their start (UTC); none for an outbound campaign or one
    without a forecast."""
    from marketplace.staffing.plans import staffing_plan

    if campaign.kind != "inbound":
        return {}
    try:
        plan = staffing_plan(campaign)
    except (ValidationError, KeyError, ValueError, TypeError):
        return {}
    return {as_utc(datetime.fromisoformat(str(i["start"]))): i for i in plan.get("intervals", [])}


def interactions_now(campaign_id: int, now: datetime | None = None, limit: int = 20) -> list[Interaction]:
    """The campaign's latest interactions (the wallboard's list)."""
    return list(db.session.scalars(select(Interaction).where(Interaction.campaign_id == campaign_id)
                                   .order_by(Interaction.id.desc()).limit(limit)))


def snapshot(campaign, now: datetime | None = None) -> dict:
    """The figures with the agents list, the chart and the latest interactions with their
    timelines: one wallboard refresh."""
    from telephony import queries

    now = as_utc(now) if now is not None else utcnow()
    body = figures(campaign, now)
    body["agents_list"] = agents_now(campaign.id, now)
    body["chart"] = chart(campaign, now)
    body["interactions"] = [{**{k: v for k, v in queries.interaction_json(i, detail=True).items()
                                if k in ("id", "state", "member_id", "queued_at", "answered_at", "ended_at",
                                         "durations", "timeline", "customer")}}
                            for i in interactions_now(campaign.id, now)]
    return body
