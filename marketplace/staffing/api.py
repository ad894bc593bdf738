"""Staffing API: the Erlang calculator, and a campaign's staffing plan from its forecast."""

from __future__ import annotations

from apiflask import APIBlueprint

from app.auth.guards import get_in_org_or_404, require_user, token_auth
from marketplace.models import Campaign
from marketplace.roles import ENTERPRISE
from marketplace.staffing import plans
from marketplace.staffing.erlang import Forecast, required_agents
from marketplace.staffing.schemas import ErlangIn, ErlangOut, StaffingPlanOut

bp = APIBlueprint("staffing_api", __name__, url_prefix="/api/v1", tag="Marketplace")



@bp.post("/staffing/erlang")
@bp.auth_required(token_auth)
@bp.input(ErlangIn, arg_name="data")
@bp.output(ErlangOut)
@bp.doc(summary="Agents needed for an interval (Erlang C; Erlang A with patience_seconds)",
        description="Ratios are 0..1. `agents` meet the service level without passing the maximum occupancy; "
                    "`rostered` = ceil(agents / (1 - shrinkage)).")
def erlang(data):
    return required_agents(Forecast(**data)).to_dict()


@bp.post("/campaigns/<int:campaign_id>/staffing-plan")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.output(StaffingPlanOut)
@bp.doc(summary="Agents and rostered seats per interval from the campaign's forecast (inbound)",
        tags=["Campaigns"], responses=[404, 409, 422])
def campaign_staffing_plan(campaign_id):
    return plans.staffing_plan(get_in_org_or_404(Campaign, campaign_id, require_user()))
