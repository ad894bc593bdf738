"""Campaigns API: create and edit drafts, publish, and move campaigns through their lifecycle."""

from __future__ import annotations

from apiflask import APIBlueprint
from sqlalchemy import select

from app.auth.guards import get_in_org_or_404, require_user, scope_to_org, token_auth
from app.database import commit
from app.paging import PageQuery, page_schema, paginate
from marketplace.campaigns import services
from marketplace.campaigns.queries import campaign_json
from marketplace.campaigns.schemas import CampaignIn, CampaignOut, TransitionIn
from marketplace.models import Campaign
from marketplace.roles import ENTERPRISE

bp = APIBlueprint("campaigns_api", __name__, url_prefix="/api/v1", tag="Campaigns")




def _campaign(campaign_id: int) -> Campaign:
    return get_in_org_or_404(Campaign, campaign_id, require_user())


@bp.post("/campaigns")
@bp.auth_required(token_auth, roles=["enterprise_admin"])
@bp.input(CampaignIn, arg_name="data")
@bp.output(CampaignOut, status_code=201)
@bp.doc(summary="Create a campaign (a draft)", tags=["Campaigns"], responses=[422])
def create_campaign(data):
    user = require_user()
    campaign = services.create_campaign(user.org_id, user.id, data)
    commit()
    return campaign_json(campaign)


@bp.get("/campaigns")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(CampaignOut))
@bp.doc(summary="The organization's campaigns, newest first", tags=["Campaigns"])
def list_campaigns(page):
    stmt = scope_to_org(select(Campaign), Campaign.org_id, require_user())
    return paginate(stmt, Campaign.id, serialize=campaign_json, **page)


@bp.get("/campaigns/<int:campaign_id>")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.output(CampaignOut)
@bp.doc(summary="A campaign", tags=["Campaigns"], responses=[404])
def get_campaign(campaign_id):
    return campaign_json(_campaign(campaign_id))


@bp.put("/campaigns/<int:campaign_id>")
@bp.auth_required(token_auth, roles=["enterprise_admin"])
@bp.input(CampaignIn, arg_name="data")
@bp.output(CampaignOut)
@bp.doc(summary="Replace a draft's settings", tags=["Campaigns"], responses=[404, 409, 422])
def update_campaign(campaign_id, data):
    campaign = services.update_draft(_campaign(campaign_id), data)
    commit()
    return campaign_json(campaign)


@bp.post("/campaigns/<int:campaign_id>/publish")
@bp.auth_required(token_auth, roles=["enterprise_admin"])
@bp.output(CampaignOut)
@bp.doc(summary="Publish: hold the budget in escrow from the wallet", tags=["Campaigns"],
        description="409 `invalid_transition` unless a draft; 409 when the wallet holds less than the budget.",
        responses=[404, 409])
def publish_campaign(campaign_id):
    campaign = services.publish_campaign(_campaign(campaign_id), require_user().id)
    commit()
    return campaign_json(campaign)


@bp.post("/campaigns/<int:campaign_id>/transitions")
@bp.auth_required(token_auth, roles=["enterprise_admin"])
@bp.input(TransitionIn, arg_name="data")
@bp.output(CampaignOut)
@bp.doc(summary="Run, pause, complete or cancel (completing or cancelling releases unspent escrow)",
        tags=["Campaigns"], responses=[404, 409, 422])
def transition_campaign(campaign_id, data):
    campaign = services.transition(_campaign(campaign_id), data["to"], require_user().id)
    commit()
    return campaign_json(campaign)
