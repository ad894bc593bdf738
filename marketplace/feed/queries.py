"""The member's feed: open seats they are eligible for, best fit first, and what they could unlock.

One request costs a few queries whatever the number of members or shifts: the member's facts (a
handful), the campaigns that have free future seats (one aggregate over the ``(state, starts_at)``
index), then the page of shifts walked campaign by campaign in fit order, each an index range scan
on ``(campaign_id, starts_at)`` (usually the best campaign alone fills a page). Eligibility and fit
are computed per campaign in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select, tuple_
from sqlalchemy.orm import defer

from app.auth.models import Organization, User
from app.errors import ValidationError
from app.extensions import db
from app.money import Money
from app.paging import decode_keyset, keyset_cursor
from app.timeutil import as_utc, utcnow, zone
from marketplace.members import eligibility
from marketplace.models import ACTIVE_CLAIM_STATES, Campaign, Claim, Shift
from marketplace.shifts.claims import CLAIMABLE_CAMPAIGN_STATES

LOCKED_SHOWN = 10


@dataclass
class FeedFilter:
    date_from: date | None = None
    date_to: date | None = None
    industry: str | None = None
    include_full: bool = False


def _window(member: User, filters: FeedFilter, now: datetime) -> tuple[datetime, datetime | None]:
    tz = zone(member.timezone or "UTC")
    start = now
    if filters.date_from:
        start = max(now, as_utc(datetime.combine(filters.date_from, time.min, tz)))
    end = as_utc(datetime.combine(filters.date_to + timedelta(days=1), time.min, tz)) if filters.date_to else None
    if end is not None and filters.date_from and filters.date_to < filters.date_from:
        raise ValidationError(fields={"to": "The end date is before the start date."})
    return start, end


def _open_campaigns(filters: FeedFilter, start: datetime, end: datetime | None) -> list[Campaign]:
    has_seats = select(Shift.campaign_id).where(Shift.state == "open", Shift.starts_at > start)
    if not filters.include_full:
        has_seats = has_seats.where(Shift.claimed < Shift.seats)
    if end is not None:
        has_seats = has_seats.where(Shift.starts_at < end)
    # The kind's settings (an inbound forecast can be thousands of intervals) are not needed here.
    stmt = select(Campaign).options(defer(Campaign.settings)).where(
        Campaign.state.in_(CLAIMABLE_CAMPAIGN_STATES), Campaign.id.in_(has_seats.distinct()))
    if filters.industry:
        stmt = stmt.where(Campaign.industry == filters.industry)
    return list(db.session.scalars(stmt))


def feed(member: User, *, limit: int = 20, cursor: str | None = None, filters: FeedFilter | None = None,
         now: datetime | None = None, with_locked: bool = True) -> dict:
    """``{"items": [...], "next_cursor", "locked": [...]}``; ``locked`` only on the first page."""
    now = now or utcnow()
    filters = filters or FeedFilter()
    start, end = _window(member, filters, now)
    facts = eligibility.member_facts(member.id)
    eligible: list[tuple[int, dict, Campaign]] = []
    locked: list[tuple[Campaign, list]] = []
    for campaign in _open_campaigns(filters, start, end):
        missing = eligibility.check(facts, campaign)
        if missing:
            locked.append((campaign, missing))
        else:
            score, parts = eligibility.fit(facts, campaign)
            eligible.append((score, parts, campaign))
    eligible.sort(key=lambda item: (-item[0], item[2].id))
    by_id = {campaign.id: (score, parts, campaign) for score, parts, campaign in eligible}

    items: list[dict] = []
    next_cursor = None
    companies = _companies([campaign for _s, _p, campaign in eligible] + [campaign for campaign, _m in locked])
    mine = _my_claim_times(member.id, start)
    rows = _ranked_shifts(member, eligible, filters, start, end, limit + 1, cursor)
    if rows:
        for shift, _position in rows[:limit]:
            score, parts, campaign = by_id[shift.campaign_id]
            items.append(_item(shift, campaign, score, parts, mine, companies))
        if len(rows) > limit:
            last, position = rows[limit - 1]
            next_cursor = keyset_cursor(position, last.starts_at, last.id)
    body = {"items": items, "next_cursor": next_cursor, "locked": []}
    if not cursor:
        body["starting_soon"] = _starting_soon(member, eligible, now, by_id, companies, mine)
    if with_locked and not cursor:
        locked.sort(key=lambda item: (len(item[1]), item[0].id))
        shown = locked[:LOCKED_SHOWN]
        eligibility.explain(member, [item for _campaign, missing in shown for item in missing])
        body["locked"] = [_locked(campaign, missing, companies) for campaign, missing in shown]
        body["locked_total"] = len(locked)
    return body


def _ranked_shifts(member: User, eligible: list, filters: FeedFilter, start: datetime, end: datetime | None,
                   wanted: int, cursor: str | None) -> list[tuple[Shift, int]]:
    """Up to ``wanted`` open shifts as ``(shift, campaign position)``: the best-fitting campaign's
    first, soonest first, then the next campaign's. One index range scan per campaign until the
    page is full (usually one), instead of sorting every eligible shift by fit."""
    after = decode_keyset(cursor, (int, datetime, int)) if cursor else None
    held = select(Claim.shift_id).where(Claim.member_id == member.id, Claim.state.in_(ACTIVE_CLAIM_STATES))
    rows: list[tuple[Shift, int]] = []
    for position in range(after[0] if after else 0, len(eligible)):
        stmt = select(Shift).where(Shift.campaign_id == eligible[position][2].id, Shift.state == "open",
                                   Shift.starts_at > start, Shift.id.not_in(held))
        if not filters.include_full:
            stmt = stmt.where(Shift.claimed < Shift.seats)
        if end is not None:
            stmt = stmt.where(Shift.starts_at < end)
        if after and position == after[0]:
            stmt = stmt.where(tuple_(Shift.starts_at, Shift.id) > tuple_(after[1], after[2]))
        found = db.session.scalars(stmt.order_by(Shift.starts_at, Shift.id).limit(wanted - len(rows)))
        rows.extend((shift, position) for shift in found)
        if len(rows) >= wanted:
            break
    return rows


def _my_claim_times(member_id: int, start: datetime) -> list[tuple[datetime, datetime]]:
    return [(as_utc(a), as_utc(b)) for a, b in db.session.execute(
        select(Claim.starts_at, Claim.ends_at).where(Claim.member_id == member_id,
                                                     Claim.state.in_(ACTIVE_CLAIM_STATES), Claim.ends_at > start))]


# What the estimate of a shift's pay assumes: calls an hour and talk minutes a call for a member
# who is busy most of the shift (a 3-minute handle time at about 60% occupancy).
ESTIMATE_CALLS_PER_HOUR = 12
ESTIMATE_TALK_MINUTES_PER_CALL = 3
STARTING_SOON = timedelta(hours=12)
STARTING_SOON_SHOWN = 3


def pay_json(campaign: Campaign, shift: Shift | None = None) -> dict:
    """The campaign's pay rules, what the member receives of each after the platform fee
    (``net``), and for a shift the net amount a member may expect from it (an estimate)."""
    rates = {"per_call": campaign.pay_per_call, "per_talk_minute": campaign.pay_per_talk_minute,
             "per_shift_hour": campaign.pay_per_shift_hour, "success_bonus": campaign.success_bonus}
    fee_bps = campaign.platform_fee_bps
    body = {"currency": campaign.currency, **rates, "fee_bps": fee_bps,
            "net": {name: _net(amount, campaign.currency, fee_bps) for name, amount in rates.items()}}
    if shift is not None:
        hours = (as_utc(shift.ends_at) - as_utc(shift.starts_at)).total_seconds() / 3600
        per_call = rates["per_call"] + ESTIMATE_TALK_MINUTES_PER_CALL * rates["per_talk_minute"]
        gross = round(hours * (rates["per_shift_hour"] + ESTIMATE_CALLS_PER_HOUR * per_call))
        body["expected_per_shift"] = _net(gross, campaign.currency, fee_bps)
    return body


def _net(amount: int, currency: str, fee_bps: int) -> int:
    money = Money(int(amount or 0), currency)
    return (money - money.percent(fee_bps)).amount


def _starting_soon(member: User, eligible: list, now: datetime, by_id: dict, companies: dict, mine) -> list[dict]:
    """The next few open seats that start within ``STARTING_SOON``, soonest first, whatever their fit."""
    if not eligible:
        return []
    held = select(Claim.shift_id).where(Claim.member_id == member.id, Claim.state.in_(ACTIVE_CLAIM_STATES))
    shifts = db.session.scalars(select(Shift).where(
        Shift.campaign_id.in_([campaign.id for _s, _p, campaign in eligible]), Shift.state == "open",
        Shift.starts_at > now, Shift.starts_at <= now + STARTING_SOON, Shift.claimed < Shift.seats,
        Shift.id.not_in(held)).order_by(Shift.starts_at, Shift.id).limit(STARTING_SOON_SHOWN))
    return [_item(shift, by_id[shift.campaign_id][2], *by_id[shift.campaign_id][:2], mine, companies)
            for shift in shifts]


def _companies(campaigns) -> dict[int, str]:
    org_ids = {campaign.org_id for campaign in campaigns}
    if not org_ids:
        return {}
    rows = db.session.execute(select(Organization.id, Organization.name).where(Organization.id.in_(org_ids)))
    return dict(rows.all())


def _item(shift: Shift, campaign: Campaign, score: int, parts: dict, mine, companies: dict) -> dict:
    begins, ends = as_utc(shift.starts_at), as_utc(shift.ends_at)
    return {"shift_id": shift.id, "campaign_id": campaign.id, "campaign_name": campaign.name, "kind": campaign.kind,
            "company": companies.get(campaign.org_id, ""),
            "industry": campaign.industry, "starts_at": shift.starts_at, "ends_at": shift.ends_at,
            "seats": shift.seats, "seats_left": max(shift.seats - shift.claimed, 0), "pay": pay_json(campaign, shift),
            "fit": score, "fit_parts": parts,
            "overlaps_my_shift": any(a < ends and b > begins for a, b in mine)}


def _locked(campaign: Campaign, missing: list, companies: dict) -> dict:
    return {"campaign_id": campaign.id, "campaign_name": campaign.name, "kind": campaign.kind,
            "company": companies.get(campaign.org_id, ""),
            "industry": campaign.industry, "pay": pay_json(campaign),
            "missing": [item.to_dict() for item in missing]}


def campaign_eligibility(member: User, campaign: Campaign) -> dict:
    """Whether the member may work ``campaign``, each missing requirement explained, and the fit."""
    facts = eligibility.member_facts(member.id)
    missing = eligibility.explain(member, eligibility.check(facts, campaign))
    score, parts = eligibility.fit(facts, campaign)
    return {"campaign_id": campaign.id, "eligible": not missing, "missing": [m.to_dict() for m in missing],
            "fit": score, "fit_parts": parts}
