"""Feed API: the open seats a member may claim, ranked by fit, and a campaign's eligibility."""

from __future__ import annotations

from apiflask import APIBlueprint

from app.auth.guards import require_user, token_auth
from app.errors import NotFound
from app.extensions import db
from marketplace.feed import queries as feed
from marketplace.feed.schemas import EligibilityOut, FeedOut, FeedQuery
from marketplace.models import Campaign
from marketplace.roles import MEMBER

bp = APIBlueprint("feed_api", __name__, url_prefix="/api/v1", tag="Shifts and claims")



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
