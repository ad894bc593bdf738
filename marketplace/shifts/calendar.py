"""The shift calendar: a campaign's shifts as a week grid in its time zone, and a shift's roster."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from app.timeutil import as_utc, zone
from marketplace.models import Campaign, Claim, MemberProfile, Shift

DAYS_PER_PAGE = 7
# The seats as the roster lists them, with those the platform took back (and why).
ROSTER_STATES = ("claimed", "checked_in", "no_show", "bumped")
# Fill-rate bands of the legend: (class, lowest ratio of the band).
BANDS = (("fill-full", 1.0), ("fill-high", 0.8), ("fill-mid", 0.5), ("fill-low", 0.0001), ("fill-none", 0.0))


def band(shift: Shift) -> str:
    """The legend band of a shift: how much of it is claimed (cancelled and seatless shifts apart)."""
    if shift.state == "cancelled":
        return "fill-cancelled"
    if not shift.seats:
        return "fill-empty"
    ratio = shift.claimed / shift.seats
    return next(name for name, lowest in BANDS if ratio >= lowest)


@dataclass
class Week:
    """Seven local days of a campaign's shifts: columns are days, rows are local start times."""

    days: list[date]
    times: list[str]
    cells: dict[tuple[date, str], Shift]
    shifts: list[Shift]
    previous: date | None
    next: date | None
    totals: dict = field(default_factory=dict)


def local_day(shift: Shift, tz_name: str) -> tuple[date, str]:
    start = as_utc(shift.starts_at).astimezone(zone(tz_name))
    return start.date(), start.strftime("%H:%M")


def week(campaign: Campaign, first: date | None = None) -> Week:
    """The week starting on ``first`` (default: the day of the first shift) of the campaign's shifts."""
    tz = zone(campaign.time_zone)
    all_days = sorted({as_utc(s).astimezone(tz).date() for s in db.session.scalars(
        select(Shift.starts_at).where(Shift.campaign_id == campaign.id))})
    if first is None:
        first = all_days[0] if all_days else as_utc(campaign.starts_at).astimezone(tz).date()
    last = first + timedelta(days=DAYS_PER_PAGE)
    window_start = datetime.combine(first, datetime.min.time(), tz)
    window_end = datetime.combine(last, datetime.min.time(), tz)
    shifts = list(db.session.scalars(select(Shift).where(
        Shift.campaign_id == campaign.id, Shift.starts_at >= as_utc(window_start), Shift.starts_at < as_utc(window_end))
        .order_by(Shift.starts_at)))
    cells = {}
    for shift in shifts:
        cells[local_day(shift, campaign.time_zone)] = shift
    days = sorted({day for day, _ in cells}) or [first]
    earlier = [d for d in all_days if d < first]
    later = [d for d in all_days if d >= last]
    live = [s for s in shifts if s.state != "cancelled"]
    seats, claimed = sum(s.seats for s in live), sum(s.claimed for s in live)
    return Week(days=days, times=sorted({time for _, time in cells}), cells=cells, shifts=shifts,
                previous=max(earlier[-1] - timedelta(days=DAYS_PER_PAGE - 1), earlier[0]) if earlier else None,
                next=later[0] if later else None,
                totals={"shifts": len(live), "seats": seats, "claimed": claimed,
                        "planned": sum(s.planned_seats for s in live),
                        "fill_rate": round(claimed / seats, 3) if seats else 0.0})


def roster_rows(claims: list[Claim]) -> list[dict]:
    """Roster rows (member name, state, why a seat was taken back, reliability) for ``claims``, with
    two queries in all."""
    ids = [claim.member_id for claim in claims]
    members = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
    profiles = {p.member_id: p for p in db.session.scalars(
        select(MemberProfile).where(MemberProfile.member_id.in_(ids)))} if ids else {}
    return [{"claim_id": claim.id, "member_id": claim.member_id, "member_name": members[claim.member_id].name,
             "state": claim.state, "claimed_at": claim.claimed_at, "checked_in_at": claim.checked_in_at,
             "reliability": profiles[claim.member_id].reliability if claim.member_id in profiles else 100,
             "removed_reason": claim.removed_reason}
            for claim in claims]


def roster(shift: Shift) -> list[dict]:
    """Who holds the seats of a shift: the rows of ``GET /api/v1/shifts/<id>/roster``, in claim order."""
    return roster_rows(list(db.session.scalars(select(Claim).where(
        Claim.shift_id == shift.id, Claim.state.in_(ROSTER_STATES)).order_by(Claim.id))))
