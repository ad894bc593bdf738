"""The agents' API: a member goes available, keeps their client's heartbeat, reads their state
(the offer ringing them, their call, today's work, their next shift) and gets a softphone token."""

from __future__ import annotations

from apiflask import APIBlueprint, Schema, fields
from marshmallow import validate

from app.auth.guards import require_user, token_auth
from app.database import commit
from telephony import agents

bp = APIBlueprint("telephony_agents_api", __name__, url_prefix="/api/v1", tag="Agents")

MEMBER = ["member"]


class PresenceIn(Schema):
    status = fields.String(required=True, validate=validate.OneOf(agents.PRESENCE_CHOICES),
                           metadata={"description": "available | away | offline"})


class RoutedCampaignOut(Schema):
    id = fields.Integer(required=True)
    name = fields.String(allow_none=True)
    escalation = fields.Boolean(required=True, metadata={
        "description": "true: only the campaign's calls that waited past its escalation time."})


class OfferOut(Schema):
    offer_id = fields.Integer(required=True)
    call_id = fields.Integer(required=True)
    interaction_id = fields.Integer(allow_none=True)
    campaign_id = fields.Integer(required=True)
    campaign_name = fields.String(allow_none=True)
    customer = fields.Dict(required=True, metadata={"description": "`{masked: \"138****5678\"}`, never the number."})
    escalated = fields.Boolean(required=True)
    expires_at = fields.DateTime(allow_none=True)
    seconds_left = fields.Integer(required=True)


class PresenceOut(Schema):
    member_id = fields.Integer(required=True)
    state = fields.String(required=True, metadata={
        "description": "available | offered | busy | wrapup | away | offline"})
    since = fields.DateTime(allow_none=True)
    seconds_in_state = fields.Integer(allow_none=True)
    heartbeat_every_seconds = fields.Integer(required=True, metadata={
        "description": "Send POST /agents/me/heartbeat this often; two missed beats take you offline."})
    campaigns = fields.List(fields.Nested(RoutedCampaignOut), required=True)
    offer = fields.Nested(OfferOut, allow_none=True)


class EarningTodayOut(Schema):
    currency = fields.String(required=True)
    amount = fields.Integer(required=True, metadata={"description": "Minor units, pending QA."})


class TodayOut(Schema):
    since = fields.DateTime(required=True, metadata={"description": "Midnight in your time zone."})
    calls_handled = fields.Integer(required=True)
    talk_seconds = fields.Integer(required=True)
    earnings_pending_qa = fields.List(fields.Nested(EarningTodayOut), required=True)


class NextShiftOut(Schema):
    id = fields.Integer(required=True, metadata={"description": "The claim."})
    shift_id = fields.Integer(required=True)
    campaign_id = fields.Integer(required=True)
    campaign_name = fields.String(required=True)
    starts_at = fields.DateTime(required=True)
    ends_at = fields.DateTime(required=True)
    state = fields.String(required=True, metadata={"description": "claimed | checked_in"})
    can_check_in = fields.Boolean(required=True)
    check_in_opens_at = fields.DateTime(required=True)
    check_in_url = fields.String(required=True, metadata={"description": "POST it to check in."})


class AgentOut(PresenceOut):
    interaction_id = fields.Integer(allow_none=True, metadata={"description": "The call you are on or wrapping up."})
    today = fields.Nested(TodayOut, required=True)
    next_shift = fields.Nested(NextShiftOut, allow_none=True)
    on_shift = fields.Boolean(required=True, metadata={"description": "Whether you may go available now."})


class TokenOut(Schema):
    token = fields.String(required=True, metadata={"description": "A JWT with a Voice grant for the softphone."})
    identity = fields.String(required=True, metadata={"example": "member-42"})
    ttl_seconds = fields.Integer(required=True)
    expires_at = fields.DateTime(required=True)
    provider = fields.String(required=True)


@bp.put("/agents/me/presence")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.input(PresenceIn, arg_name="data")
@bp.output(PresenceOut)
@bp.doc(summary="Go available, away or offline",
        description="Available and away need a running shift you are checked in to (started, not ended, its "
                    "campaign running, its requirements met): otherwise 403 with the reason (`not_checked_in`, "
                    "`shift_not_started`, `campaign_paused`, `campaign_not_running`, `not_eligible`) and nothing "
                    "changes. 409 `agent_busy` while you are on a call. Counts as a heartbeat.",
        responses=[403, 409, 422])
def set_presence(data):
    body = agents.set_presence(require_user(), data["status"])
    commit()
    return body


@bp.post("/agents/me/heartbeat")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(PresenceOut)
@bp.doc(summary="Your client is alive",
        description="Every `heartbeat_every_seconds`; two missed beats take you offline (a ringing offer goes to "
                    "another member). Once offline, set yourself available again.", responses=[403])
def beat():
    body = agents.heartbeat(require_user())
    commit()
    return body


@bp.get("/agents/me")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(AgentOut)
@bp.doc(summary="Your state: the offer ringing you, your call, today's work and your next shift",
        responses=[403])
def me():
    body = agents.agent_view(require_user())
    commit()
    return body


@bp.get("/telephony/token")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(TokenOut)
@bp.doc(summary="A softphone access token (call again to refresh it before it expires)", tags=["Agents"],
        responses=[403])
def token():
    return agents.softphone_token(require_user())
