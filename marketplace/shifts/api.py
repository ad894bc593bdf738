"""Shifts and claims API: members claim, release and check in, and wait for seats; enterprises plan
shifts, change seats and see rosters."""

from __future__ import annotations

import functools
from collections.abc import Callable

from apiflask import APIBlueprint
from flask import request
from marshmallow import ValidationError
from sqlalchemy import select

from app.auth.guards import bearer_user_id, get_in_org_or_404, require_user, token_auth
from app.database import commit
from app.errors import ValidationError as AppValidationError
from app.paging import page_schema, paginate
from marketplace.models import Campaign, Claim, Shift
from marketplace.roles import ENTERPRISE, MEMBER
from marketplace.shifts import attendance, claims, waitlist
from marketplace.shifts import calendar as shift_calendar
from marketplace.shifts import services as shifts
from marketplace.shifts.queries import claim_json, claims_page, plan_summary, shift_json
from marketplace.shifts.schemas import (
    ClaimOut,
    ClaimsQuery,
    ConfirmIn,
    RosterOut,
    SeatsIn,
    ShiftOut,
    ShiftPlanOut,
    ShiftsQuery,
    WaitlistOut,
)

bp = APIBlueprint("shifts_api", __name__, url_prefix="/api/v1", tag="Shifts and claims")



CONFIRMATION = ("409 `confirmation_required` says what it costs: `fields.confirm` in words, `fields.cost` in "
                "figures (`reliability` now and after). Send the request again with the body "
                "`{\"confirm\": true}` (or `?confirm=true`) to go ahead.")


def _confirmed(query: dict) -> bool:
    """``confirm`` from the JSON body, else from the query string (the body is optional here)."""
    body = request.get_json(silent=True) if request.is_json else None
    if not isinstance(body, dict) or "confirm" not in body:
        return query["confirm"]
    try:
        return ConfirmIn().load({"confirm": body["confirm"]})["confirm"]
    except ValidationError as exc:
        raise AppValidationError(fields={"confirm": exc.messages["confirm"][0]}) from exc


# --- members ------------------------------------------------------------------------------------

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
@bp.input(ConfirmIn, location="query", arg_name="query")
@bp.output(ClaimOut, status_code=201)
@bp.doc(summary="Claim a seat",
        description="409 `shift_full`, `shift_started`, `shift_cancelled`, `already_claimed` or `overlapping_claim`; "
                    "403 `not_eligible` with each missing requirement in `fields`. A shift known to be full is "
                    "answered 409 `shift_full` on any valid token, before the role and eligibility checks. "
                    "A shift that starts inside its release cut-off cannot be released for free once claimed: "
                    + CONFIRMATION, responses=[403, 404, 409])
def claim(shift_id, query, gate_asked: bool = False):
    result = claims.claim_seat(require_user(), shift_id, gate_asked=gate_asked, confirm=_confirmed(query))
    commit()
    return claim_json(result)


@bp.get("/claims")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.input(ClaimsQuery, location="query", arg_name="query")
@bp.output(page_schema(ClaimOut))
@bp.doc(summary="Your claims: upcoming (soonest first), past (latest first) or all")
def list_claims(query):
    return claims_page(require_user(), query["when"], query["limit"], query["cursor"])


@bp.delete("/claims/<int:claim_id>")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.input(ConfirmIn, location="query", arg_name="query")
@bp.output(ClaimOut)
@bp.doc(summary="Release a seat",
        description="Free until the campaign's cut-off (default 2 h before the start); later it is a late release "
                    "and lowers your reliability: " + CONFIRMATION + " 409 `shift_started` once the shift has "
                    "started. The first member on the waitlist gets the seat before the cut-off; inside it, the "
                    "waiting members are notified and the first to claim gets it.", responses=[404, 409])
def release(claim_id, query):
    result = claims.release_claim(require_user(), claim_id, confirm=_confirmed(query))
    commit()
    return claim_json(result)


@bp.post("/claims/<int:claim_id>/check-in")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(ClaimOut)
@bp.doc(summary="Check in for a shift (from 15 minutes before to 15 minutes after its start)",
        responses=[404, 409])
def check_in(claim_id):
    result = attendance.check_in(require_user(), claim_id)
    commit()
    return claim_json(result)


@bp.post("/shifts/<int:shift_id>/waitlist")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(WaitlistOut, status_code=201)
@bp.doc(summary="Wait for a seat on a full shift", description="409 `seats_available` when a seat is free.",
        responses=[403, 404, 409])
def join_waitlist(shift_id):
    member = require_user()
    waitlist.join_waitlist(member, shift_id)
    commit()
    return {"shift_id": shift_id, "position": waitlist.waitlist_position(member.id, shift_id)}


@bp.delete("/shifts/<int:shift_id>/waitlist")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output({}, status_code=204)
@bp.doc(summary="Leave a waitlist", responses=[404])
def leave_waitlist(shift_id):
    waitlist.leave_waitlist(require_user(), shift_id)
    commit()
    return ""


# --- enterprises --------------------------------------------------------------------------------

def _campaign(campaign_id: int) -> Campaign:
    return get_in_org_or_404(Campaign, campaign_id, require_user())


@bp.get("/campaigns/<int:campaign_id>/shifts")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(ShiftsQuery, location="query", arg_name="page")
@bp.output(page_schema(ShiftOut))
@bp.doc(summary="A campaign's shifts in time order, with seats, claims and fill rate", tags=["Campaigns"],
        responses=[404])
def list_shifts(campaign_id, page):
    campaign = _campaign(campaign_id)
    stmt = select(Shift).where(Shift.campaign_id == campaign.id)
    return paginate(stmt, Shift.id, descending=False, serialize=shift_json, **page)


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
    return plan_summary(campaign.id)


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
    return shift_json(shift)


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
