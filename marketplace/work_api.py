"""Shifts and claims API: the member's feed, claims, waitlists, check-in and profile; the
enterprise's shift plan, seats and rosters."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime

from apiflask import APIBlueprint
from sqlalchemy import func, select

from app.auth.guards import bearer_user_id, get_in_org_or_404, require_user, token_auth
from app.auth.models import User
from app.database import commit
from app.errors import NotFound
from app.extensions import db
from app.paging import after_keyset, keyset_cursor, page_schema, paginate
from app.timeutil import utcnow
from marketplace import claims, feed, shift_calendar, shifts
from marketplace.models import Campaign, Claim, MemberProfile, Shift
from marketplace.work_schemas import (
    ClaimOut,
    ClaimsQuery,
    EligibilityOut,
    FeedOut,
    FeedQuery,
    ProfileIn,
    ProfileOut,
    RosterOut,
    SeatsIn,
    ShiftOut,
    ShiftPlanOut,
    ShiftsQuery,
    WaitlistOut,
)

bp = APIBlueprint("work_api", __name__, url_prefix="/api/v1", tag="Shifts and claims")

MEMBER = ["member"]
ENTERPRISE = ["enterprise_admin", "enterprise_supervisor", "admin"]


# --- members ------------------------------------------------------------------------------------

@bp.get("/feed")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.input(FeedQuery, location="query", arg_name="query")
@bp.output(FeedOut)
@bp.doc(summary="Open seats you are eligible for, best fit first; and what you could unlock",
        description="Ranked by fit (skill scores, tier, QA average, reliability, past work for the enterprise), "
                    "then start time. `locked` (first page only) explains each missing requirement and how to "
                    "unlock it. Paged with `limit`/`cursor`.")
def get_feed(query):
    filters = feed.FeedFilter(date_from=query["date_from"], date_to=query["date_to"], industry=query["industry"],
                              include_full=query["include_full"])
    return feed.feed(require_user(), limit=query["limit"], cursor=query["cursor"], filters=filters)


@bp.get("/campaigns/<int:campaign_id>/eligibility")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(EligibilityOut)
@bp.doc(summary="Whether you may work a published campaign, and what is missing", responses=[404])
def get_eligibility(campaign_id):
    campaign = db.session.get(Campaign, campaign_id)
    if campaign is None or campaign.state in ("draft", "cancelled"):
        raise NotFound()
    return feed.campaign_eligibility(require_user(), campaign)


def sold_out_first(view: Callable) -> Callable:
    """Answer a claim on a shift known to be full before the caller is loaded (a valid token is
    enough): in a rush, most claimers arrive after the last seat, and this is their whole cost.
    So a signed-in caller who could not claim anyway (another role, a suspended account) hears
    409 ``shift_full`` for such a shift rather than 403; nothing changes either way."""

    @functools.wraps(view)
    def wrapped(shift_id: int, **kwargs):
        asked = bearer_user_id() is not None
        if asked:
            claims.refuse_if_known_full(shift_id)
        return view(shift_id, gate_asked=asked, **kwargs)

    return wrapped


@bp.post("/shifts/<int:shift_id>/claims")
@sold_out_first
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(ClaimOut, status_code=201)
@bp.doc(summary="Claim a seat",
        description="409 `shift_full`, `shift_started`, `shift_cancelled`, `already_claimed` or `overlapping_claim`; "
                    "403 `not_eligible` with each missing requirement in `fields`. A shift known to be full is "
                    "answered 409 `shift_full` on any valid token, before the role and eligibility checks.",
        responses=[403, 404, 409])
def claim(shift_id, gate_asked: bool = False):
    result = claims.claim_seat(require_user(), shift_id, gate_asked=gate_asked)
    commit()
    return claims.claim_json(result)


@bp.get("/claims")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.input(ClaimsQuery, location="query", arg_name="query")
@bp.output(page_schema(ClaimOut))
@bp.doc(summary="Your claims: upcoming (soonest first), past (latest first) or all")
def list_claims(query):
    return claims_page(require_user(), query["when"], query["limit"], query["cursor"])


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
    return {"items": [claims.claim_json(row, now) for row in rows[:limit]], "next_cursor": next_cursor}


@bp.delete("/claims/<int:claim_id>")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(ClaimOut)
@bp.doc(summary="Release a seat",
        description="Free until the campaign's cut-off (default 2 h before the start); later it is a late release "
                    "and lowers your reliability. 409 once the shift has started. The first member on the "
                    "waitlist gets the seat.", responses=[404, 409])
def release(claim_id):
    result = claims.release_claim(require_user(), claim_id)
    commit()
    return claims.claim_json(result)


@bp.post("/claims/<int:claim_id>/check-in")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(ClaimOut)
@bp.doc(summary="Check in for a shift (from 15 minutes before to 15 minutes after its start)",
        responses=[404, 409])
def check_in(claim_id):
    result = claims.check_in(require_user(), claim_id)
    commit()
    return claims.claim_json(result)


@bp.post("/shifts/<int:shift_id>/waitlist")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(WaitlistOut, status_code=201)
@bp.doc(summary="Wait for a seat on a full shift", description="409 `seats_available` when a seat is free.",
        responses=[403, 404, 409])
def join_waitlist(shift_id):
    member = require_user()
    claims.join_waitlist(member, shift_id)
    commit()
    return {"shift_id": shift_id, "position": claims.waitlist_position(member.id, shift_id)}


@bp.delete("/shifts/<int:shift_id>/waitlist")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output({}, status_code=204)
@bp.doc(summary="Leave a waitlist", responses=[404])
def leave_waitlist(shift_id):
    claims.leave_waitlist(require_user(), shift_id)
    commit()
    return ""


def profile_json(profile: MemberProfile) -> dict:
    return {name: getattr(profile, name) for name in ("member_id", "languages", "region", "reliability",
                                                      "shifts_attended", "late_releases", "no_shows", "qa_average")}


@bp.get("/members/me/profile")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(ProfileOut)
@bp.doc(summary="Your work profile: languages, region, reliability, QA average")
def get_profile():
    profile = claims.get_profile(require_user().id)
    commit()
    return profile_json(profile)


@bp.put("/members/me/profile")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.input(ProfileIn, arg_name="data")
@bp.output(ProfileOut)
@bp.doc(summary="Set your languages and region", responses=[422])
def put_profile(data):
    profile = claims.update_profile(require_user(), languages=data["languages"], region=data["region"])
    commit()
    return profile_json(profile)


# --- enterprises --------------------------------------------------------------------------------

def _campaign(campaign_id: int) -> Campaign:
    return get_in_org_or_404(Campaign, campaign_id, require_user())


def _plan_summary(campaign_id: int) -> dict:
    count = db.session.scalar(select(func.count()).select_from(Shift).where(Shift.campaign_id == campaign_id))
    return {"shifts": count, **shifts.fill_rate(campaign_id)}


@bp.get("/campaigns/<int:campaign_id>/shifts")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(ShiftsQuery, location="query", arg_name="page")
@bp.output(page_schema(ShiftOut))
@bp.doc(summary="A campaign's shifts in time order, with seats, claims and fill rate", tags=["Campaigns"],
        responses=[404])
def list_shifts(campaign_id, page):
    campaign = _campaign(campaign_id)
    stmt = select(Shift).where(Shift.campaign_id == campaign.id)
    return paginate(stmt, Shift.id, descending=False, serialize=shifts.shift_json, **page)


@bp.post("/campaigns/<int:campaign_id>/shifts/plan")
@bp.auth_required(token_auth, roles=["enterprise_admin"])
@bp.output(ShiftPlanOut)
@bp.doc(summary="Build a draft's shifts from its staffing plan (replaces the planned ones)", tags=["Campaigns"],
        description="Inbound: each shift gets the most rostered seats of its forecast intervals. Outbound: the "
                    "agent-hours of the contacts are spread over the calling windows.", responses=[404, 409, 422])
def plan_shifts(campaign_id):
    campaign = _campaign(campaign_id)
    shifts.replan(campaign)
    commit()
    return _plan_summary(campaign.id)


@bp.patch("/shifts/<int:shift_id>")
@bp.auth_required(token_auth, roles=["enterprise_admin"])
@bp.input(SeatsIn, arg_name="data")
@bp.output(ShiftOut)
@bp.doc(summary="Change a shift's seats", tags=["Campaigns"],
        description="Never below the seats already claimed (409 `below_claimed`). New seats go to the waitlist "
                    "first.", responses=[404, 409, 422])
def set_seats(shift_id, data):
    shift = get_in_org_or_404(Shift, shift_id, require_user())
    shifts.set_seats(shift, data["seats"])
    commit()
    return shifts.shift_json(shift)


@bp.get("/shifts/<int:shift_id>/roster")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(ShiftsQuery, location="query", arg_name="page")
@bp.output(page_schema(RosterOut))
@bp.doc(summary="Who holds the seats of a shift", tags=["Campaigns"], responses=[404])
def roster(shift_id, page):
    shift = get_in_org_or_404(Shift, shift_id, require_user())
    stmt = select(Claim).where(Claim.shift_id == shift.id, Claim.state.in_(shift_calendar.ROSTER_STATES))
    page = paginate(stmt, Claim.id, descending=False, **page)
    page["items"] = shift_calendar.roster_rows(page["items"])
    return page
