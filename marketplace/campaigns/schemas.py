"""Request and response schemas of the campaigns API (and of the wizard, which validates with them)."""

from __future__ import annotations

import itertools

from apiflask import Schema, fields
from marshmallow import ValidationError, validate, validates_schema

from marketplace.campaigns import dialer

PURPOSES = ("satisfaction_callback", "survey", "win_back", "promotion", "reminder")
OUTCOMES = ("success", "retry", "final")
HHMM = validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="Use HH:MM (24 h).")


class ForecastIntervalIn(Schema):
    start = fields.AwareDateTime(required=True, metadata={"description": "Start of the interval (with time zone)."})
    calls = fields.Integer(required=True, validate=validate.Range(min=0, max=1_000_000))


class QASettingsIn(Schema):
    """The campaign's QA policy, in its inbound or outbound settings."""

    qa_review_window_hours = fields.Integer(validate=validate.Range(min=1, max=720), metadata={
        "description": "Hours a call held for QA review waits for a person before it is approved (default 72)."})
    qa_review_suspected = fields.Boolean(metadata={
        "description": "Hold for a person a call QA would approve while suspecting a rude sentence it is not sure of "
                       "(default false)."})


class InboundSettingsIn(QASettingsIn):
    interval_minutes = fields.Integer(load_default=30, validate=validate.OneOf([15, 30]))
    aht_seconds = fields.Integer(required=True, validate=validate.Range(min=1, max=7200))
    target_service_level = fields.Float(load_default=0.8, validate=validate.Range(min=0, max=1, min_inclusive=False,
                                                                                   max_inclusive=False))
    target_answer_seconds = fields.Integer(load_default=20, validate=validate.Range(min=0, max=3600))
    max_occupancy = fields.Float(load_default=0.85, validate=validate.Range(min=0, max=1, min_inclusive=False))
    shrinkage = fields.Float(load_default=0.3, validate=validate.Range(min=0, max=1, max_inclusive=False))
    patience_seconds = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=3600))
    forecast = fields.List(fields.Nested(ForecastIntervalIn), load_default=list,
                           validate=validate.Length(max=96 * 31),
                           metadata={"description": "Consecutive intervals, no gaps."})

    @validates_schema
    def _no_gaps(self, data, **kwargs):
        step = data.get("interval_minutes", 30) * 60
        starts = [item["start"] for item in data.get("forecast", [])]
        for index, (before, after) in enumerate(itertools.pairwise(starts), start=1):
            if (after - before).total_seconds() != step:
                raise ValidationError(f"Interval {index} does not follow the previous one by "
                                      f"{step // 60} minutes (a gap or an overlap).", field_name="forecast")


class DispositionIn(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^[a-z][a-z0-9_]{0,31}$"))
    label = fields.String(required=True, validate=validate.Length(min=1, max=80))
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))
    retry_delay_minutes = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=10080))


class CallingWindowIn(Schema):
    days = fields.List(fields.Integer(validate=validate.Range(min=0, max=6)), required=True,
                       validate=validate.Length(min=1, max=7), metadata={"description": "0 = Monday … 6 = Sunday"})
    start = fields.String(required=True, validate=HHMM)
    end = fields.String(required=True, validate=HHMM)

    @validates_schema
    def _ends_after_start(self, data, **kwargs):
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            raise ValidationError("The window must end after it starts.", field_name="end")


class DialerIn(Schema):
    """The dialer's settings chosen with the campaign; the dialer's own API and page change them later
    with the same limits. Left out: the dialer's defaults."""

    mode = fields.String(metadata={"description": "preview | progressive | predictive"})
    abandon_cap = fields.Float(metadata={"description": "Largest share of calls answered by a person that may "
                                                        "reach no agent (0..0.03), over the campaign and 30 days."})
    amd = fields.String(metadata={"description": "When a machine answers: drop | message | retry"})
    amd_message = fields.String(metadata={"description": "Left on the machine with `message`."})
    amd_retry_minutes = fields.Integer(metadata={"description": "With `retry`: call again after, 1..10080 minutes."})
    ring_seconds = fields.Integer(metadata={"description": "How long a call rings, 15..120 s."})
    max_lines_per_agent = fields.Float(metadata={"description": "Predictive mode's ceiling, 1..5."})
    abandon_message = fields.String(metadata={"description": "Said at once to a person answered with no agent free."})

    @validates_schema(skip_on_field_errors=False)
    def _limits(self, data, **kwargs):
        if problems := dialer.problems(data):
            raise ValidationError(problems)


class OutboundSettingsIn(QASettingsIn):
    purpose = fields.String(required=True, validate=validate.OneOf(PURPOSES))
    script = fields.String(required=True, validate=validate.Length(min=1, max=20_000))
    survey_questions = fields.List(fields.String(validate=validate.Length(min=1, max=500)), load_default=list,
                                   validate=validate.Length(max=50))
    dispositions = fields.List(fields.Nested(DispositionIn), required=True, validate=validate.Length(min=1, max=50))
    calling_windows = fields.List(fields.Nested(CallingWindowIn), required=True,
                                  validate=validate.Length(min=1, max=14))
    max_attempts = fields.Integer(load_default=3, validate=validate.Range(min=1, max=20))
    contact_rate = fields.Float(load_default=0.35, validate=validate.Range(min=0.01, max=1),
                                metadata={"description": "Share of attempts that reach the callee (plans attempts)."})
    expected_contacts = fields.Integer(load_default=None, allow_none=True,
                                       validate=validate.Range(min=1, max=10_000_000),
                                       metadata={"description": "Contacts to plan for before a list is uploaded."})
    shrinkage = fields.Float(load_default=0.3, validate=validate.Range(min=0, max=1, max_inclusive=False))
    handle_seconds = fields.Integer(load_default=240, validate=validate.Range(min=10, max=7200))
    dialer = fields.Nested(DialerIn, metadata={
        "description": "The dialer's settings (left out: a new campaign dials with the defaults; a draft keeps its "
                       "own). Also set later with PUT /campaigns/{id}/dialer."})

    @validates_schema
    def _dispositions(self, data, **kwargs):
        codes = [d["code"] for d in data.get("dispositions", [])]
        if len(codes) != len(set(codes)):
            raise ValidationError("Disposition codes must be unique.", field_name="dispositions")
        if not any(d["outcome"] == "success" for d in data.get("dispositions", [])):
            raise ValidationError("At least one disposition must be a success.", field_name="dispositions")


class RequirementsIn(Schema):
    certifications = fields.List(fields.String(validate=validate.Length(max=64)), load_default=list)
    tags = fields.Dict(keys=fields.String(validate=validate.Length(max=64)),
                       values=fields.Integer(validate=validate.Range(min=0, max=100)), load_default=dict,
                       metadata={"description": "Skill tag → minimum score 0–100."})
    min_tier = fields.String(load_default=None, allow_none=True,
                             validate=validate.OneOf(["bronze", "silver", "gold", "diamond"]))
    languages = fields.List(fields.String(validate=validate.Length(max=16)), load_default=list)
    regions = fields.List(fields.String(validate=validate.Length(max=64)), load_default=list)
    min_qa_average = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=0, max=100))
    min_reliability = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=0, max=100))


class CampaignIn(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(["inbound", "outbound"]))
    name = fields.String(required=True, validate=validate.Length(min=1, max=160))
    time_zone = fields.String(required=True, validate=validate.Length(min=1, max=64))
    starts_at = fields.AwareDateTime(required=True)
    ends_at = fields.AwareDateTime(required=True)
    currency = fields.String(required=True, validate=validate.Length(equal=3))
    budget = fields.Integer(strict=True, required=True, validate=validate.Range(min=1),
                            metadata={"description": "Minor units held in escrow when the campaign is published."})
    pay_per_call = fields.Integer(strict=True, load_default=0, validate=validate.Range(min=0))
    pay_per_talk_minute = fields.Integer(strict=True, load_default=0, validate=validate.Range(min=0))
    pay_per_shift_hour = fields.Integer(strict=True, load_default=0, validate=validate.Range(min=0))
    success_bonus = fields.Integer(strict=True, load_default=0, validate=validate.Range(min=0))
    qa_auto_approve = fields.Integer(load_default=80, validate=validate.Range(min=0, max=100))
    qa_review_from = fields.Integer(load_default=60, validate=validate.Range(min=0, max=100))
    industry = fields.String(load_default=None, allow_none=True,
                             validate=validate.Regexp(r"^[a-z][a-z0-9_]{0,31}$"),
                             metadata={"description": "e.g. ecommerce, telecom: members filter their feed by it."})
    slot_minutes = fields.Integer(load_default=30, validate=validate.OneOf([15, 30, 60, 120, 240]),
                                  metadata={"description": "Length of a shift (a seat members claim), minutes."})
    release_cutoff_minutes = fields.Integer(
        load_default=120, validate=validate.Range(min=0, max=7 * 24 * 60),
        metadata={"description": "Releasing a seat later than this before its start counts against reliability."})
    requirements = fields.Nested(RequirementsIn, load_default=dict)
    inbound = fields.Nested(InboundSettingsIn, load_default=None, allow_none=True)
    outbound = fields.Nested(OutboundSettingsIn, load_default=None, allow_none=True)

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def _coherent(self, data, original, **kwargs):
        """Every rule across fields at once, also when some fields are already refused: a form that
        shows its problems step by step must not reveal a new one after each fix. ``data`` holds only
        the fields that loaded, so each rule looks at fields that did."""
        errors: dict[str, list[str]] = {}

        def refuse(field_name: str, message: str) -> None:
            errors.setdefault(field_name, []).append(message)

        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            refuse("ends_at", "The campaign must end after it starts.")
        pays = ("pay_per_call", "pay_per_talk_minute", "pay_per_shift_hour")
        if all(name in data for name in pays) and not any(data[name] for name in pays):
            refuse("pay_per_call", "Set a pay per call, per talk minute or per shift hour above zero.")
        if data.get("qa_review_from", 60) > data.get("qa_auto_approve", 80):
            refuse("qa_review_from", "Human review must start at or below the auto-approve score.")
        kind = data.get("kind")
        given = original if isinstance(original, dict) else {}
        if kind and not data.get(kind) and not given.get(kind):
            refuse(kind, f"The {kind} settings are required.")
        inbound = data.get("inbound") if kind == "inbound" else None
        if inbound and data.get("slot_minutes", 30) % inbound.get("interval_minutes", 30):
            refuse("slot_minutes", "A shift must span whole forecast intervals.")
        other = "outbound" if kind == "inbound" else "inbound"
        if kind and given.get(other):
            refuse(other, f"An {kind} campaign has no {other} settings.")
        if errors:
            raise ValidationError(errors)


class CampaignOut(Schema):
    id = fields.Integer(required=True)
    org_id = fields.Integer(required=True)
    kind = fields.String(required=True)
    name = fields.String(required=True)
    state = fields.String(required=True)
    time_zone = fields.String()
    starts_at = fields.DateTime()
    ends_at = fields.DateTime()
    currency = fields.String()
    budget = fields.Integer()
    escrow_balance = fields.Integer(metadata={"description": "Minor units held in escrow now."})
    pay_per_call = fields.Integer()
    pay_per_talk_minute = fields.Integer()
    pay_per_shift_hour = fields.Integer()
    success_bonus = fields.Integer()
    qa_auto_approve = fields.Integer()
    qa_review_from = fields.Integer()
    industry = fields.String(allow_none=True)
    slot_minutes = fields.Integer()
    release_cutoff_minutes = fields.Integer()
    requirements = fields.Dict()
    settings = fields.Dict()
    allowed_transitions = fields.List(fields.String())
    fill = fields.Dict(metadata={"description": "{seats, claimed, fill_rate} over the campaign's shifts"})
    created_at = fields.DateTime()
    published_at = fields.DateTime(allow_none=True)


class TransitionIn(Schema):
    to = fields.String(required=True, validate=validate.OneOf(["running", "paused", "completed", "cancelled"]),
                       metadata={"description": "Publishing has its own endpoint (it holds the budget)."})
