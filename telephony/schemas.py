"""Request and response schemas of the interactions API. The customer goes out masked only."""

from __future__ import annotations

from datetime import UTC

from apiflask import Schema, fields
from marshmallow import validate, validates_schema
from marshmallow.exceptions import ValidationError

from app.numbers import MAX_ID
from app.paging import PageQuery
from telephony.lifecycle import STATES


class InteractionsQuery(PageQuery):
    campaign_id = fields.Integer(load_default=None, validate=validate.Range(min=1, max=MAX_ID))
    member_id = fields.Integer(load_default=None, validate=validate.Range(min=1, max=MAX_ID))
    state = fields.String(load_default=None, validate=validate.OneOf(STATES))
    queued_from = fields.AwareDateTime(data_key="from", load_default=None, default_timezone=UTC, metadata={
        "description": "Queued at or after this time (RFC 3339; UTC without an offset)."})
    queued_to = fields.AwareDateTime(data_key="to", load_default=None, default_timezone=UTC, metadata={
        "description": "Queued before this time."})

    @validates_schema
    def _ordered(self, data, **kwargs):
        if data.get("queued_from") and data.get("queued_to") and data["queued_to"] <= data["queued_from"]:
            raise ValidationError("Must be after `from`.", field_name="to")


class DispositionIn(Schema):
    code = fields.String(required=True, validate=validate.Length(min=1, max=32),
                         metadata={"description": "One of the campaign's disposition codes."})
    notes = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    survey_answers = fields.Raw(load_default=None, allow_none=True, metadata={
        "description": "The answers to the campaign's survey questions: a list of `{\"question\": …, \"answer\": …}` "
                       "(the question worded as the campaign's `survey_questions` has it), or an object of answers "
                       "by the question's position, 0 for the first (`{\"0\": \"5\", \"2\": \"yes\"}`). Blank "
                       "answers are left out; each answer is at most 1,000 characters. 422 naming the question "
                       "the campaign does not ask. Given again during wrap-up, it replaces the earlier answers.",
        "oneOf": [{"type": "array", "items": {"type": "object", "properties": {
            "question": {"type": "string"}, "answer": {"type": "string"}}, "required": ["question", "answer"]}},
                  {"type": "object", "additionalProperties": {"type": "string"}}],
        "example": [{"question": "How satisfied are you with the delivery (1-5)?", "answer": "5"}]})


class DurationsOut(Schema):
    wait = fields.Integer(allow_none=True, metadata={"description": "Seconds queued until answered (or until the "
                                                                    "caller left)."})
    ring = fields.Integer(allow_none=True, metadata={"description": "Seconds the answered offer rang."})
    talk = fields.Integer(allow_none=True, metadata={"description": "Seconds on the line, holds excluded."})
    hold = fields.Integer(allow_none=True)
    wrapup = fields.Integer(allow_none=True)
    handle = fields.Integer(allow_none=True, metadata={"description": "talk + hold + wrapup"})


class DispositionOut(Schema):
    code = fields.String(required=True)
    label = fields.String(allow_none=True)
    outcome = fields.String(allow_none=True, metadata={"description": "success | retry | final"})
    notes = fields.String(allow_none=True)


class SurveyAnswerOut(Schema):
    index = fields.Integer(required=True, metadata={"description": "The question's position, 0 for the first."})
    question = fields.String(required=True)
    answer = fields.String(required=True)


class CustomerOut(Schema):
    masked = fields.String(allow_none=True, metadata={"example": "138****5678"})
    contact_id = fields.Integer(allow_none=True, metadata={"description": "The outbound campaign's contact."})


class EarningOut(Schema):
    amount = fields.Integer(allow_none=True, metadata={"description": "Minor units."})
    currency = fields.String(required=True)
    state = fields.String(required=True, metadata={
        "description": "pending (QA), approved, reversed, or unfunded (the campaign's escrow ran out)."})


class TimelineEventOut(Schema):
    kind = fields.String(required=True)
    at = fields.DateTime(required=True)
    member_id = fields.Integer(allow_none=True)
    detail = fields.Dict()


class InteractionOut(Schema):
    id = fields.Integer(required=True)
    campaign_id = fields.Integer(required=True)
    member_id = fields.Integer(allow_none=True)
    direction = fields.String(required=True, metadata={"description": "inbound | outbound"})
    channel = fields.String(required=True, metadata={"description": "voice (chat later)"})
    state = fields.String(required=True, metadata={"description": " | ".join(STATES)})
    queued_at = fields.DateTime(required=True)
    offered_at = fields.DateTime(allow_none=True)
    answered_at = fields.DateTime(allow_none=True)
    ended_at = fields.DateTime(allow_none=True)
    wrapup_ended_at = fields.DateTime(allow_none=True)
    durations = fields.Nested(DurationsOut, required=True)
    disposition = fields.Nested(DispositionOut, allow_none=True)
    survey_answers = fields.List(fields.Nested(SurveyAnswerOut), metadata={
        "description": "The member's answers to the campaign's survey questions, in the campaign's order."})
    outcome = fields.String(allow_none=True)
    customer = fields.Nested(CustomerOut, required=True)
    provider = fields.String(required=True)
    customer_call_sid = fields.String(allow_none=True)
    agent_call_sid = fields.String(allow_none=True)
    recording_ref = fields.String(allow_none=True)
    transcript_ref = fields.String(allow_none=True)
    transfer_state = fields.String(allow_none=True, metadata={
        "description": "A hand-over to the enterprise's line: calling | connected | failed (null: none)."})
    earning = fields.Nested(EarningOut, allow_none=True)
    qa = fields.Dict(allow_none=True, metadata={"description": "The QA decision (null until QA scores it)."})
    timeline = fields.List(fields.Nested(TimelineEventOut), metadata={"description": "Oldest first (one "
                                                                                     "interaction only)."})


class RoutingStatusOut(Schema):
    paused = fields.Boolean(required=True)
    reason = fields.String(allow_none=True, metadata={"description": "escrow_exhausted"})
    message = fields.String(allow_none=True)
    since = fields.DateTime(allow_none=True)
    shortfall = fields.Integer(required=True, metadata={"description": "Minor units the escrow could not pay."})
    currency = fields.String(allow_none=True)
    number = fields.String(allow_none=True, metadata={"description": "The E.164 number callers dial."})
    sip_user = fields.String(allow_none=True, metadata={"description": "The SIP Domain user of overflow calls."})
    escalation_sip_uri = fields.String(allow_none=True)
    escalation_number = fields.String(allow_none=True)
    settings = fields.Dict(metadata={"description": "offer_timeout_seconds, escalate_after_seconds, "
                                                    "max_wait_seconds, wrapup_seconds, priority"})


class RoutingIn(Schema):
    """Only the fields given change; ranges are checked by the service (422 naming each field)."""

    number = fields.String(allow_none=True, validate=validate.Length(max=20), metadata={"example": "+14155550100"})
    sip_user = fields.String(allow_none=True, validate=validate.Length(max=64))
    escalation_sip_uri = fields.String(allow_none=True, validate=validate.Length(max=255))
    escalation_number = fields.String(allow_none=True, validate=validate.Length(max=20))
    offer_timeout_seconds = fields.Integer()
    escalate_after_seconds = fields.Integer()
    max_wait_seconds = fields.Integer()
    wrapup_seconds = fields.Integer()
    priority = fields.Integer()


class SurveyPromptIn(Schema):
    en = fields.String(validate=validate.Length(max=300))
    zh = fields.String(validate=validate.Length(max=300))


class SurveyIn(Schema):
    """Only the fields given change."""

    enabled = fields.Boolean(metadata={"description": "Ask callers of answered inbound calls to rate them 1-5."})
    prompt = fields.Nested(SurveyPromptIn, metadata={"description": "The campaign's own question per caller "
                                                                    "language (empty: the default question)."})


class SurveyOut(Schema):
    campaign_id = fields.Integer()
    enabled = fields.Boolean()
    prompt = fields.Dict(keys=fields.String(), values=fields.String())
    question = fields.Dict(keys=fields.String(), values=fields.String(),
                           metadata={"description": "What callers hear, per language (their own or the default)."})
