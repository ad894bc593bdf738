"""Interactions API: the calls an enterprise's campaigns took and a member handled, a member's
disposition at the end of a call, and whether a campaign's calls are being routed."""

from __future__ import annotations

from apiflask import APIBlueprint

from app.auth.guards import get_in_org_or_404, require_user, token_auth
from app.database import after_commit, commit
from app.errors import Conflict, NotFound
from app.numbers import is_id
from app.paging import page_schema
from telephony import calls, earnings, numbers, queries, services, survey, transfer
from telephony.campaigns import Campaign
from telephony.distributor import distributor
from telephony.schemas import (
    DispositionIn,
    InteractionOut,
    InteractionsQuery,
    RoutingIn,
    RoutingStatusOut,
    SurveyIn,
    SurveyOut,
)

bp = APIBlueprint("telephony_api", __name__, url_prefix="/api/v1", tag="Interactions")

READERS = ["member", "enterprise_admin", "enterprise_supervisor", "admin"]
ENTERPRISE = ["enterprise_admin", "enterprise_supervisor", "admin"]


@bp.get("/interactions")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(InteractionsQuery, location="query", arg_name="query")
@bp.output(page_schema(InteractionOut))
@bp.doc(summary="Interactions, newest first",
        description="An enterprise sees its campaigns' interactions, a member the ones they handled. Filters: "
                    "`campaign_id`, `member_id`, `state`, and `from` / `to` on the time the interaction was queued. "
                    "Another tenant's campaign or member simply matches nothing.",
        responses=[403, 422])
def list_interactions(query):
    return queries.list_interactions(require_user(), **query)


@bp.get("/interactions/<int:interaction_id>")
@bp.auth_required(token_auth, roles=READERS)
@bp.output(InteractionOut)
@bp.doc(summary="One interaction with its timeline, durations, disposition, earning and masked customer",
        responses=[403, 404])
def get_interaction(interaction_id):
    return queries.interaction_json(queries.visible_interaction(require_user(), interaction_id), detail=True)


@bp.post("/interactions/<int:interaction_id>/disposition")
@bp.auth_required(token_auth, roles=["member"])
@bp.input(DispositionIn, arg_name="data")
@bp.output(InteractionOut)
@bp.doc(summary="Set the disposition and end wrap-up (the member who handled the call)",
        description="During wrap-up only (409 `not_in_wrapup` before the call ended or once wrap-up ended), by the "
                    "member who handled the call, with one of the campaign's disposition codes (422 on `code` "
                    "otherwise), and the member's answers to the campaign's survey questions (422 on `survey_answers` "
                    "naming a question the campaign does not ask). The interaction is then completed and the "
                    "member's pay for it accrues, pending QA.",
        responses=[403, 404, 409, 422])
def set_disposition(interaction_id, data):
    user = require_user()
    interaction = queries.visible_interaction(user, interaction_id)
    services.set_disposition(interaction.id, user.id, data["code"], data.get("notes"), data.get("survey_answers"))
    interaction = services.complete_interaction(interaction.id)
    if (distributor().agent(user.id) or {}).get("st") == "wrapup":  # not if they left routing meanwhile
        earnings.record_presence(user.id, "available")
        after_commit(lambda: distributor().end_wrapup(user.id))
    commit()
    return queries.interaction_json(interaction, detail=True)


@bp.post("/agents/me/offers/<int:call_id>/accept")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(InteractionOut)
@bp.doc(summary="Take the call offered to me: my softphone rings and joins the caller",
        description="409 `offer_expired` (too late: the call went back to the queue), `offer_not_yours`, or "
                    "`offer_unknown`; nothing changes then. The call is answered once the softphone answers.",
        tags=["Agents"], responses=[403, 409])
def accept_offer(call_id):
    interaction = calls.accept_offer(require_user().id, call_id)
    commit()
    return queries.interaction_json(interaction, detail=True)


@bp.post("/agents/me/offers/<int:call_id>/decline")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(InteractionOut)
@bp.doc(summary="Turn down the call offered to me: it goes back to the front of its queue",
        description="409 `offer_expired`, `offer_not_yours` or `offer_unknown`; nothing changes then.",
        tags=["Agents"], responses=[403, 409])
def decline_offer(call_id):
    interaction = calls.decline_offer(require_user().id, call_id)
    commit()
    return queries.interaction_json(interaction, detail=True)


@bp.post("/interactions/<int:interaction_id>/hangup")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(InteractionOut)
@bp.doc(summary="End my call: both legs hang up and wrap-up begins",
        description="409 `not_in_call` unless the caller is on the line with me.", responses=[403, 404, 409])
def hang_up(interaction_id):
    user = require_user()
    interaction = calls.hang_up(queries.visible_interaction(user, interaction_id), user.id)
    commit()
    return queries.interaction_json(interaction, detail=True)


@bp.post("/interactions/<int:interaction_id>/transfer")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(InteractionOut)
@bp.doc(summary="Hand my call over to the enterprise's escalation line (warm transfer)",
        description="The enterprise's line (its SIP address, else its number) rings while I stay with the caller; "
                    "`transfer_state` goes `calling` → `connected` when the enterprise answers (I may then introduce "
                    "the caller and hang up: the caller stays with the enterprise) or `failed` when it does not "
                    "answer. 409 `not_in_call`, `no_escalation_line` or `transfer_in_progress`; 502 "
                    "`transfer_failed` when the carrier refuses the call. Nothing changes on an error.",
        responses=[403, 404, 409, 502])
def transfer_call(interaction_id):
    user = require_user()
    interaction = transfer.start(queries.visible_interaction(user, interaction_id).id, user.id)
    commit()
    return queries.interaction_json(interaction, detail=True)


def _campaign(campaign_id: int) -> Campaign:
    if not is_id(campaign_id):
        raise NotFound()
    return get_in_org_or_404(Campaign, campaign_id, require_user())


@bp.get("/campaigns/<int:campaign_id>/routing")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.output(RoutingStatusOut)
@bp.doc(summary="Whether the campaign's calls are being routed (held when its escrow runs out)",
        tags=["Campaigns"], responses=[403, 404])
def routing_status(campaign_id):
    campaign = _campaign(campaign_id)
    return {**earnings.routing_status(campaign.id), **numbers.routing_json(campaign)}


@bp.put("/campaigns/<int:campaign_id>/routing")
@bp.auth_required(token_auth, roles=["enterprise_admin", "admin"])
@bp.input(RoutingIn, arg_name="data")
@bp.output(RoutingStatusOut)
@bp.doc(summary="Set the campaign's number or SIP user, its escalation lines and routing settings",
        description="Only the fields given change. 422 naming each bad field (a number not in E.164, a SIP address "
                    "that is not one, a setting out of range); 409 `number_taken` when another campaign answers "
                    "on that number or SIP user.", tags=["Campaigns"], responses=[403, 404, 409, 422])
def configure_routing(campaign_id, data):
    campaign = _campaign(campaign_id)
    numbers.configure_routing(campaign, data)
    commit()
    return {**earnings.routing_status(campaign.id), **numbers.routing_json(campaign)}


@bp.post("/campaigns/<int:campaign_id>/routing/resume")
@bp.auth_required(token_auth, roles=["enterprise_admin", "admin"])
@bp.output(RoutingStatusOut)
@bp.doc(summary="Pay what the escrow owed members and route the campaign's calls again",
        description="409 `escrow_exhausted` while the escrow still cannot pay it all (what it could pay is paid).",
        tags=["Campaigns"], responses=[403, 404, 409])
def resume_routing(campaign_id):
    campaign = _campaign(campaign_id)
    resumed = earnings.resume_campaign_routing(campaign.id)
    commit()
    status = earnings.routing_status(campaign.id)
    if not resumed:
        raise Conflict(status["message"], code="escrow_exhausted")
    return {**status, **numbers.routing_json(campaign)}


def _survey_json(campaign: Campaign) -> dict:
    chosen = survey.policy(campaign)
    return {"campaign_id": campaign.id, **chosen,
            "question": {language: survey.question(campaign, language) for language in ("zh", "en")}}


@bp.get("/campaigns/<int:campaign_id>/csat-survey")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.output(SurveyOut)
@bp.doc(summary="The campaign's post-call satisfaction survey", tags=["Campaigns"], responses=[403, 404])
def get_survey(campaign_id):
    return _survey_json(_campaign(campaign_id))


@bp.put("/campaigns/<int:campaign_id>/csat-survey")
@bp.auth_required(token_auth, roles=["enterprise_admin", "admin"])
@bp.input(SurveyIn, arg_name="data")
@bp.output(SurveyOut)
@bp.doc(summary="Turn the post-call satisfaction survey on or off, and set its question",
        description="When on, a caller whose inbound call a member answered stays on the line after the member "
                    "hangs up and is asked to press 1 to 5 (the customer phone page shows the same keys); the key "
                    "becomes the call's CSAT. Only the fields given change.",
        tags=["Campaigns"], responses=[403, 404, 422])
def set_survey(campaign_id, data):
    campaign = _campaign(campaign_id)
    survey.set_policy(campaign, data)
    commit()
    return _survey_json(campaign)
