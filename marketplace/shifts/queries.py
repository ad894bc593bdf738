"""Reads of shifts and claims, and their JSON: a campaign's shifts and fill, a member's claims."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.auth.models import User
from app.extensions import db
from app.paging import after_keyset, keyset_cursor
from app.timeutil import as_utc, utcnow
from marketplace.models import Campaign, Claim, Shift
from marketplace.shifts.attendance import CHECK_IN_GRACE, CHECK_IN_OPENS


def campaign_shifts(campaign_id: int) -> list[Shift]:
    return list(db.session.scalars(select(Shift).where(Shift.campaign_id == campaign_id)
                                   .order_by(Shift.starts_at)))


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


def plan_summary(campaign_id: int) -> dict:
    count = db.session.scalar(select(func.count()).select_from(Shift).where(Shift.campaign_id == campaign_id))
    return {"shifts": count, **fill_rate(campaign_id)}


def claim_json(claim: Claim, now: datetime | None = None) -> dict:
    now = now or utcnow()
    campaign = db.session.get(Campaign, claim.campaign_id)
    start = as_utc(claim.starts_at)
    cutoff = start - timedelta(minutes=campaign.release_cutoff_minutes)
    return {"id": claim.id, "shift_id": claim.shift_id, "campaign_id": claim.campaign_id,
            "campaign_name": campaign.name, "starts_at": claim.starts_at, "ends_at": claim.ends_at,
            "state": claim.state, "claimed_at": claim.claimed_at, "released_at": claim.released_at,
            "late_release": claim.late_release, "checked_in_at": claim.checked_in_at,
            "from_waitlist": claim.from_waitlist, "release_free_until": cutoff,
            "can_release": claim.state == "claimed" and start > now,
            "release_is_late": claim.state == "claimed" and now > cutoff,
            "can_check_in": claim.state == "claimed" and start - CHECK_IN_OPENS <= now <= start + CHECK_IN_GRACE}


def claims_page(member: User, when: str, limit: int, cursor: str | None) -> dict:
    """Claims ordered by start (then id), keyset-paged on both."""
    now = utcnow()
    stmt = select(Claim).where(Claim.member_id == member.id)
    upcoming = when == "upcoming"
    if upcoming:
        stmt = stmt.where(Claim.ends_at > now, Claim.state.in_(("claimed", "checked_in")))
    elif when == "past":
        stmt = stmt.where((Claim.ends_at <= now) | Claim.state.in_(("released", "no_show")))
    if cursor:
        stmt = stmt.where(after_keyset(cursor, (Claim.starts_at, Claim.id), (datetime, int), descending=not upcoming))
    order = (Claim.starts_at.asc(), Claim.id.asc()) if upcoming else (Claim.starts_at.desc(), Claim.id.desc())
    rows = list(db.session.scalars(stmt.order_by(*order).limit(limit + 1)))
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = keyset_cursor(last.starts_at, last.id) if last else None
    return {"items": [claim_json(row, now) for row in rows[:limit]], "next_cursor": next_cursor}
