"""Reading reports: a campaign's figures by interval, day, ISO week or month in the viewer's time
zone, per member, and a member's own — all from the 15-minute aggregates, never the raw calls.

``raw_bucket_sums`` is the plain aggregate over the interactions themselves: what the aggregates
must equal (tests) and what they are measured against (the benchmark)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import Integer, and_, case, cast, func, select

from app.auth.models import User
from app.database import on_postgresql
from app.errors import ValidationError
from app.extensions import db
from app.timeutil import as_utc, utcnow, zone
from telephony.campaigns import Campaign, Claim, planned_cost
from telephony.models import Interaction, PresenceInterval
from telephony.reports import figures
from telephony.reports.models import MEASURES, MemberReportBucket, ReportBucket

MAX_DAYS = {"interval": 31, "day": 400, "week": 400, "month": 800}


@dataclass(frozen=True)
class Window:
    """A checked report request: local dates (inclusive), the period, the zone."""

    start: date
    end: date
    by: str
    tz_name: str
    interval_minutes: int = 30

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.tz_name)

    @property
    def utc_range(self) -> tuple[datetime, datetime]:
        return figures.local_range(self.start, self.end, self.tz)


def window(start: str | date | None, end: str | date | None, by: str | None, tz_name: str | None,
           interval_minutes: int | None = None, default_tz: str = "UTC") -> Window:
    """Check a report request; a 422 naming each bad field (nothing else happens)."""
    problems = {}

    def _day(value, name):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value or "")
        except ValueError:
            problems[name] = _("A date as YYYY-MM-DD.")
            return None

    first, last = _day(start, "from"), _day(end, "to")
    by = by or "day"
    if by not in figures.PERIODS:
        problems["by"] = _("One of: %(values)s.", values=", ".join(figures.PERIODS))
    tz_name = tz_name or default_tz
    try:
        zone(tz_name)
    except ValueError:
        problems["tz"] = _("Not a time zone we know (use a name such as Asia/Shanghai).")
    minutes = interval_minutes or 30
    if minutes not in figures.INTERVAL_MINUTES:
        problems["interval_minutes"] = _("Either 15 or 30.")
    if first and last and not problems.get("by"):
        if last < first:
            problems["to"] = _("The end of the range comes before its start.")
        elif (last - first).days + 1 > MAX_DAYS[by]:
            problems["to"] = _("At most %(count)d days at a time for this period.", count=MAX_DAYS[by])
    if problems:
        raise ValidationError(fields=problems)
    return Window(first, last, by, tz_name, minutes)


# --- summing buckets into periods --------------------------------------------------------------

def _columns(model):
    return [getattr(model, name) for name in MEASURES]


def bucket_sums(campaign_id: int, start: datetime, end: datetime, member_id: int | None = None):
    """``[(bucket, {measure: sum})]`` of the campaign (or one member on it) in ``[start, end)``."""
    model = MemberReportBucket if member_id is not None else ReportBucket
    query = select(model.bucket, *_columns(model)).where(model.campaign_id == campaign_id, model.bucket >= start,
                                                         model.bucket < end)
    if member_id is not None:
        query = query.where(model.member_id == member_id)
    return [(as_utc(row[0]), dict(zip(MEASURES, row[1:], strict=True))) for row in db.session.execute(query)]


def raw_bucket_sums(campaign_id: int, start: datetime, end: datetime, rules: figures.Rules | None = None):
    """The same counters computed straight from the interactions (the ones that do not depend on
    QA, CSAT or repeat contacts): one aggregate query grouped by 15 minutes."""
    i = Interaction
    if on_postgresql():
        slot = func.floor(func.extract("epoch", i.queued_at) / 900)
    else:
        slot = cast(func.strftime("%s", i.queued_at), Integer) / 900
    inbound = i.direction == "inbound"
    answered = and_(i.answered_at.is_not(None), i.state.in_(figures.ANSWERED_STATES))
    abandoned = i.state == "abandoned"
    reached = and_(i.direction == "outbound", answered | abandoned)
    wait = func.coalesce(i.wait_seconds, 0)
    completed = i.state == "completed"
    rules = rules or figures.Rules()
    target, short = rules.target_seconds, rules.short_abandon_seconds

    def count(condition):
        return func.sum(case((condition, 1), else_=0))

    def total(condition, value):
        return func.sum(case((condition, value), else_=0))

    found = select(
        slot, count(inbound | reached), count(answered), count(abandoned), count(and_(abandoned, wait <= short)),
        count(and_(answered, wait <= target)), count(and_(abandoned, wait <= target)), total(answered, wait),
        count(completed), total(completed, func.coalesce(i.talk_seconds, 0)),
        total(completed, func.coalesce(i.hold_seconds, 0)), total(completed, func.coalesce(i.wrapup_seconds, 0)),
        count(i.direction == "outbound"), count(reached),
    ).where(i.campaign_id == campaign_id, i.queued_at >= start, i.queued_at < end).group_by(slot)
    names = ("offered", "answered", "abandoned", "abandoned_short", "answered_in_target", "abandoned_in_target",
             "wait_seconds", "handled", "talk_seconds", "hold_seconds", "wrapup_seconds", "attempted", "reached")
    out = []
    for row in db.session.execute(found):
        sums = {name: int(value or 0) for name, value in zip(names, row[1:], strict=True)}
        sums["handle_seconds"] = sums["talk_seconds"] + sums["hold_seconds"] + sums["wrapup_seconds"]
        out.append((datetime.fromtimestamp(int(row[0]) * 900, ZoneInfo("UTC")), sums))
    return out


def _into_periods(sums, win: Window) -> dict[tuple, tuple[datetime, dict]]:
    periods: dict[tuple, tuple[datetime, dict]] = {}
    for bucket, counters in sums:
        start = figures.period_of(bucket, win.by, win.tz, win.interval_minutes)
        key = figures.period_key(start)
        if key not in periods:
            periods[key] = (start, {})
        figures.add(periods[key][1], counters)
    return periods


def _staffed_seconds(member_ids: list[int], win: Window) -> dict[tuple, int]:
    """The members' reachable seconds in each period (the denominator of occupancy)."""
    if not member_ids:
        return {}
    start, end = win.utc_range
    now = utcnow()
    found: dict[tuple, int] = defaultdict(int)
    rows = db.session.execute(select(PresenceInterval.started_at, PresenceInterval.ended_at).where(
        PresenceInterval.member_id.in_(member_ids), PresenceInterval.started_at < end,
        (PresenceInterval.ended_at.is_(None)) | (PresenceInterval.ended_at > start)))
    for began, ended in rows:
        began, ended = max(as_utc(began), start), min(as_utc(ended) if ended else now, end)
        piece = figures.bucket_of(began)
        while piece < ended:
            following = piece + timedelta(minutes=figures.BUCKET_MINUTES)
            seconds = int((min(following, ended) - max(piece, began)).total_seconds())
            if seconds > 0:
                found[figures.period_key(figures.period_of(piece, win.by, win.tz, win.interval_minutes))] += seconds
            piece = following
    return found


def _reachable_seconds(member_ids: list[int], win: Window) -> dict[int, int]:
    """Each member's reachable seconds over the whole range (one query for all of them)."""
    start, end = win.utc_range
    now = utcnow()
    found: dict[int, int] = defaultdict(int)
    rows = db.session.execute(select(PresenceInterval.member_id, PresenceInterval.started_at,
                                     PresenceInterval.ended_at).where(
        PresenceInterval.member_id.in_(member_ids), PresenceInterval.started_at < end,
        (PresenceInterval.ended_at.is_(None)) | (PresenceInterval.ended_at > start)))
    for member_id, began, ended in rows:
        seconds = (min(as_utc(ended) if ended else now, end) - max(as_utc(began), start)).total_seconds()
        found[member_id] += max(int(seconds), 0)
    return found


def _members_of(campaign_id: int, win: Window) -> list[int]:
    start, end = win.utc_range
    return list(db.session.scalars(select(MemberReportBucket.member_id).distinct().where(
        MemberReportBucket.campaign_id == campaign_id, MemberReportBucket.bucket >= start,
        MemberReportBucket.bucket < end)))


def _forecast(campaign: Campaign, win: Window) -> dict[tuple, int]:
    """The staffing plan's forecast calls in each period."""
    start, end = win.utc_range
    found: dict[tuple, int] = defaultdict(int)
    for item in (campaign.settings or {}).get("forecast") or []:
        try:
            at = as_utc(datetime.fromisoformat(str(item["start"]).replace("Z", "+00:00")))
            calls = int(item.get("calls") or 0)
        except (KeyError, TypeError, ValueError):
            continue
        if start <= at < end:
            found[figures.period_key(figures.period_of(figures.bucket_of(at), win.by, win.tz,
                                                       win.interval_minutes))] += calls
    return found


def campaign_report(campaign: Campaign, win: Window, *, raw: bool = False) -> dict:
    """``{"rows": [...], "totals": {...}}``: one row per period that saw any activity, oldest first."""
    start, end = win.utc_range
    if raw:
        sums = raw_bucket_sums(campaign.id, start, end, figures.rules_of(campaign))
    else:
        sums = bucket_sums(campaign.id, start, end)
    periods = _into_periods(sums, win)
    staffed = _staffed_seconds(_members_of(campaign.id, win), win) if not raw else {}
    forecast = _forecast(campaign, win)
    settings = campaign.settings or {}
    cap = float(settings.get("abandon_cap", figures.DEFAULT_ABANDON_CAP))
    rows, everything = [], {}
    for key, (period_start, counters) in sorted(periods.items(), key=lambda item: item[1][0]):
        figures.add(everything, counters)
        row = {"period_start": period_start.isoformat(), "period": figures.period_label(period_start, win.by),
               **figures.derive(counters, fee_bps=campaign.platform_fee_bps, staffed_seconds=staffed.get(key),
                                abandon_cap=cap),
               "forecast_calls": forecast.get(key)}
        rows.append(row)
    totals = figures.derive(everything, fee_bps=campaign.platform_fee_bps,
                            staffed_seconds=sum(staffed.values()) or None, abandon_cap=cap)
    plan_cost = planned_cost(campaign)
    totals.update(forecast_calls=sum(forecast.values()) if forecast else None, budget=campaign.budget,
                  planned_cost=plan_cost, cost_against_plan=round(totals["cost"] / plan_cost, 4) if plan_cost else None,
                  budget_used=round(totals["cost"] / campaign.budget, 4) if campaign.budget else None)
    return {"campaign_id": campaign.id, "currency": campaign.currency, "by": win.by, "tz": win.tz_name,
            "start": win.start.isoformat(), "end": win.end.isoformat(), "rows": rows, "totals": totals}


# --- per member --------------------------------------------------------------------------------

def _adherence(campaign_id: int | None, member_ids: list[int], win: Window) -> dict[int, tuple[int, int]]:
    """``{member_id: (checked in, claimed)}``: the member's shifts that started in the range
    (before now) and were kept (released ones are not counted)."""
    start, end = win.utc_range
    query = select(Claim.member_id, func.count(), func.sum(case((Claim.state == "checked_in", 1), else_=0))).where(
        Claim.member_id.in_(member_ids), Claim.starts_at >= start, Claim.starts_at < min(end, utcnow()),
        Claim.state.in_(("claimed", "checked_in", "no_show"))).group_by(Claim.member_id)
    if campaign_id is not None:
        query = query.where(Claim.campaign_id == campaign_id)
    return {member_id: (int(kept or 0), int(claimed)) for member_id, claimed, kept in db.session.execute(query)}


def _member_row(counters: dict, staffed: int | None, adherence: tuple[int, int] | None, fee_bps: int) -> dict:
    found = figures.derive(counters, fee_bps=fee_bps, staffed_seconds=staffed)
    kept, claimed = adherence or (0, 0)
    return {"calls": found["handled"], "answered": found["answered"], "talk_seconds": found["talk_seconds"],
            "aht_seconds": found["aht_seconds"], "occupancy": found["occupancy"],
            "shifts_claimed": claimed, "shifts_checked_in": kept,
            "adherence": round(kept / claimed, 4) if claimed else None,
            "qa_average": found["qa_average"], "qa_scored": found["qa_scored"], "csat": found["csat"],
            "earnings": found["earnings"]}


def member_report(campaign: Campaign, win: Window) -> dict:
    """Each member who handled the campaign's calls in the range: ``{"rows": [...], "totals": {...}}``."""
    start, end = win.utc_range
    query = select(MemberReportBucket.member_id, *[func.sum(c) for c in _columns(MemberReportBucket)]).where(
        MemberReportBucket.campaign_id == campaign.id, MemberReportBucket.bucket >= start,
        MemberReportBucket.bucket < end).group_by(MemberReportBucket.member_id)
    per_member = {row[0]: {name: int(v or 0) for name, v in zip(MEASURES, row[1:], strict=True)}
                  for row in db.session.execute(query)}
    names = dict(db.session.execute(select(User.id, User.name).where(User.id.in_(list(per_member)))).all()) \
        if per_member else {}
    reachable = _reachable_seconds(list(per_member), win) if per_member else {}
    adherence = _adherence(campaign.id, list(per_member), win) if per_member else {}
    rows, everything = [], {}
    for member_id, counters in sorted(per_member.items(), key=lambda item: -item[1].get("handled", 0)):
        staffed = reachable.get(member_id) or None
        figures.add(everything, counters)
        rows.append({"member_id": member_id, "name": names.get(member_id, ""),
                     **_member_row(counters, staffed, adherence.get(member_id), campaign.platform_fee_bps)})
    kept = sum(a[0] for a in adherence.values())
    claimed = sum(a[1] for a in adherence.values())
    staffed_all = sum(reachable.values()) or None
    return {"campaign_id": campaign.id, "currency": campaign.currency, "tz": win.tz_name,
            "start": win.start.isoformat(), "end": win.end.isoformat(), "rows": rows,
            "totals": _member_row(everything, staffed_all, (kept, claimed), campaign.platform_fee_bps)}


def my_report(member_id: int, win: Window) -> dict:
    """A member's own figures across their campaigns, by period: what they see on the phone."""
    start, end = win.utc_range
    model = MemberReportBucket
    query = select(model.bucket, *[func.sum(c) for c in _columns(model)]).where(
        model.member_id == member_id, model.bucket >= start, model.bucket < end).group_by(model.bucket)
    sums = [(as_utc(row[0]), {n: int(v or 0) for n, v in zip(MEASURES, row[1:], strict=True)})
            for row in db.session.execute(query)]
    periods = _into_periods(sums, win)
    staffed = _staffed_seconds([member_id], win)
    rows, everything = [], {}
    for key, (period_start, counters) in sorted(periods.items(), key=lambda item: item[1][0]):
        figures.add(everything, counters)
        rows.append({"period_start": period_start.isoformat(),
                     "period": figures.period_label(period_start, win.by),
                     **_member_row(counters, staffed.get(key), None, 0)})
    adherence = _adherence(None, [member_id], win).get(member_id)
    return {"member_id": member_id, "by": win.by, "tz": win.tz_name, "start": win.start.isoformat(),
            "end": win.end.isoformat(), "rows": rows,
            "totals": _member_row(everything, sum(staffed.values()) or None, adherence, 0)}
