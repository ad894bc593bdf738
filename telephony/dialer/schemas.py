"""Request and response schemas of the dialer's API."""

from __future__ import annotations

from apiflask import Schema, fields


class DialerSettingsIn(Schema):
    """Only the fields given change; values are checked by the service (422 naming each field)."""

    mode = fields.String(metadata={"description": "preview | progressive | predictive"})
    abandon_cap = fields.Float(metadata={"description": "Largest share of calls answered by a person that may "
                                                        "reach no agent (0..0.03), over the campaign and 30 days."})
    amd = fields.String(metadata={"description": "When a machine answers: drop | message | retry"})
    amd_message = fields.String(metadata={"description": "Left on the machine with `message`."})
    amd_retry_minutes = fields.Integer()
    abandon_message = fields.String(metadata={"description": "Said at once to a person answered with no agent "
                                                             "free (default: a message in the callee's language)."})
    ring_seconds = fields.Integer(metadata={"description": "How long a call rings, 15..120 s."})
    cps = fields.Float(allow_none=True, metadata={"description": "Calls per second (null: the provider's limit); "
                                                                 "never above the provider's limit."})
    max_lines_per_agent = fields.Float(metadata={"description": "Predictive mode's ceiling, 1..5."})


class MeasuredOut(Schema):
    placed = fields.Integer()
    answered = fields.Integer(metadata={"description": "Answered by a person."})
    abandoned = fields.Integer()
    abandon_rate = fields.Float(metadata={"description": "0..1"})


class DialerOut(Schema):
    settings = fields.Dict()
    provider = fields.String()
    provider_cps_limit = fields.Float()
    campaign = fields.Nested(MeasuredOut)
    last_30_days = fields.Nested(MeasuredOut)
    refusals = fields.Dict(metadata={"description": "Contacts by the reason they were last not dialed."})


class PreviewQuery(Schema):
    campaign_id = fields.Integer(load_default=None)


class PreviewContactOut(Schema):
    contact_id = fields.Integer()
    campaign_id = fields.Integer()
    campaign_name = fields.String()
    name = fields.String(allow_none=True, metadata={"description": "Masked as imported."})
    phone_masked = fields.String(metadata={"example": "138****5678"})
    time_zone = fields.String()
    local_time = fields.String(metadata={"description": "The callee's local time, HH:MM."})
    attributes = fields.Dict(metadata={"description": "The other columns, masked."})
    attempts = fields.Integer()
    last_disposition = fields.String(allow_none=True)
    script = fields.String()
    survey_questions = fields.List(fields.String())
    dispositions = fields.List(fields.Dict())


class PreviewOut(Schema):
    contact = fields.Nested(PreviewContactOut, allow_none=True,
                            metadata={"description": "null when no contact is due now."})


class DialOut(Schema):
    interaction_id = fields.Integer()
    contact_id = fields.Integer()
    state = fields.String()
