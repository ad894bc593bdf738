"""Marketplace API: the staffing calculator."""

from __future__ import annotations

from apiflask import APIBlueprint

from app.auth.guards import token_auth
from marketplace import staffing
from marketplace.schemas import ErlangIn, ErlangOut

bp = APIBlueprint("marketplace_api", __name__, url_prefix="/api/v1", tag="Staffing")


@bp.post("/staffing/erlang")
@bp.auth_required(token_auth)
@bp.input(ErlangIn, arg_name="data")
@bp.output(ErlangOut)
@bp.doc(summary="Agents needed for an interval (Erlang C; Erlang A with patience_seconds)",
        description="Ratios are 0..1. `agents` meet the service level without passing the maximum occupancy; "
                    "`rostered` = ceil(agents / (1 - shrinkage)).")
def erlang(data):
    return staffing.required_agents(staffing.Forecast(**data)).to_dict()
