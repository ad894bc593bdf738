"""Request and response schemas of the QA API."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate

from app.numbers import MAX_ID

MAX_UTTERANCES = 2000


class UtteranceIn(Schema):
    speaker = fields.String(required=True, metadata={"description": "`agent` or `customer`."})
    text = fields.String(required=True, validate=validate.Length(max=5000))
    start = fields.Float(required=True, metadata={"description": "Seconds from the start of the call."})
    end = fields.Float(required=True)


class ScoreIn(Schema):
    template = fields.String(load_default=None, validate=validate.OneOf(["standard"]),
                             metadata={"description": "The built-in template (`standard`), or give `scorecard_id`."})
    scorecard_id = fields.Integer(load_default=None, validate=validate.Range(min=1, max=MAX_ID))
    language = fields.String(load_default=None, validate=validate.OneOf(["zh", "en"]))
    disposition = fields.String(load_default=None, validate=validate.Length(max=32))
    transcript = fields.List(fields.Raw(), required=True, metadata={
        "description": "Utterances `{speaker, text, start, end}` in order (at most 2000)."})


class EvidenceOut(Schema):
    utterance = fields.Integer()
    text = fields.String()
    start = fields.Float()


class ItemOut(Schema):
    key = fields.String()
    passed = fields.Boolean(allow_none=True, metadata={"description": "null: not applicable to this call."})
    points = fields.Integer(allow_none=True)
    evidence = fields.List(fields.Nested(EvidenceOut))
    suspected = fields.List(fields.Nested(EvidenceOut), metadata={
        "description": "Utterances the item suspects without failing on them (the rudeness classifier's doubts)."})
    auto_fail = fields.String(allow_none=True, metadata={
        "description": "An automatic-fail item's scope: card or section; null for a scored item."})
    section = fields.String(allow_none=True)
    override = fields.Dict(allow_none=True)


class ScoreOut(Schema):
    score = fields.Integer(allow_none=True)
    decision = fields.String(metadata={"description": "approve | review | reject"})
    items = fields.List(fields.Nested(ItemOut))
    auto_failed = fields.Boolean()
    language = fields.String()


class ReviewOut(Schema):
    id = fields.Integer()
    kind = fields.String()
    reviewer_id = fields.Integer(allow_none=True)
    score = fields.Integer(allow_none=True)
    decision = fields.String()
    reason = fields.String(allow_none=True)
    overrides = fields.Dict()
    created_at = fields.DateTime()


class DisputeOut(Schema):
    id = fields.Integer()
    state = fields.String(metadata={"description": "open | upheld | rejected"})
    comment = fields.String()
    filed_at = fields.DateTime()
    resolution = fields.String(allow_none=True)
    resolved_at = fields.DateTime(allow_none=True)


class QAOut(Schema):
    id = fields.Integer()
    interaction_id = fields.Integer()
    campaign_id = fields.Integer()
    member_id = fields.Integer(allow_none=True)
    scorecard_id = fields.Integer(allow_none=True)
    scorecard_version = fields.Integer(metadata={"description": "0: the built-in standard template."})
    language = fields.String(allow_none=True)
    auto_score = fields.Integer(allow_none=True)
    auto_decision = fields.String()
    auto_failed = fields.Boolean()
    score = fields.Integer(allow_none=True)
    decision = fields.String()
    state = fields.String(metadata={"description": "in_review | final"})
    problem = fields.String(allow_none=True, metadata={"description": (
        "Why the scorer did not decide the call: no_transcript, transcript_<reason> (not readable), "
        "machine_transcript (scored from a machine's transcript of the recording: a person decides), "
        "speakers_unknown (a one-channel recording: who said what is unknown), suspected_rudeness (approved "
        "by score, held for a person on a suspicion of rudeness: the campaign's qa_review_suspected).")})
    items = fields.List(fields.Nested(ItemOut))
    review_due_at = fields.DateTime(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    acknowledged_at = fields.DateTime(allow_none=True)
    scored_at = fields.DateTime()
    reviews = fields.List(fields.Nested(ReviewOut))
    dispute = fields.Nested(DisputeOut, allow_none=True)


class ItemOverrideIn(Schema):
    key = fields.String(required=True, validate=validate.Length(min=1, max=64))
    passed = fields.Boolean(required=True, allow_none=True)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class ReviewIn(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(["approve", "reject"]))
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    items = fields.List(fields.Nested(ItemOverrideIn), load_default=list,
                        metadata={"description": "Items the reviewer changes, each with a reason."})


class DisputeIn(Schema):
    comment = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class ResolveIn(Schema):
    outcome = fields.String(required=True, validate=validate.OneOf(["upheld", "rejected"]))
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    score = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=0, max=100))


class TranscriptIn(Schema):
    language = fields.String(load_default=None, validate=validate.OneOf(["zh", "en"]))
    transcript = fields.List(fields.Raw(), required=True)


class TranscriptOut(Schema):
    interaction_id = fields.Integer()
    utterances = fields.Integer()
    language = fields.String()
    scoring = fields.String(metadata={"description": "queued | rescored | kept (already decided)"})


class ScorecardIn(Schema):
    spec = fields.Dict(required=True, metadata={"description": "`{sections: [{key, title, items: [...]}], "
                                                               "thresholds}`; points sum to 100."})
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=200))


class RescoringProgressOut(Schema):
    done = fields.Integer(allow_none=True)
    total = fields.Integer(allow_none=True, metadata={"description": "Null until the job has counted the calls."})


class RescoringOut(Schema):
    id = fields.Integer(required=True)
    job_id = fields.String(allow_none=True)
    started_by_id = fields.Integer(allow_none=True)
    started_by = fields.String(allow_none=True, metadata={"description": "The name of who started it."})
    started_at = fields.DateTime(required=True)
    finished_at = fields.DateTime(allow_none=True)
    interaction_id = fields.Integer(allow_none=True)
    start = fields.Date(data_key="from", attribute="from", allow_none=True)
    end = fields.Date(data_key="to", attribute="to", allow_none=True)
    state = fields.String(required=True, metadata={"description": "queued | running | done | failed"})
    progress = fields.Nested(RescoringProgressOut, required=True)
    summary = fields.Dict(allow_none=True, metadata={
        "description": "Once done: total, rescored, unchanged, kept_settled, kept_reviewed, unjudged, "
                       "decisions_changed, earnings_paid, earnings_refunded."})


class RescoringsOut(Schema):
    items = fields.List(fields.Nested(RescoringOut))


class RescoreIn(Schema):
    interaction_id = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=MAX_ID),
                                    metadata={"description": "One scored call of the campaign to rescore."})
    start = fields.Date(data_key="from", load_default=None, allow_none=True,
                        metadata={"description": "Rescore the calls that ended from this day (UTC)…"})
    end = fields.Date(data_key="to", load_default=None, allow_none=True,
                      metadata={"description": "…to this day (UTC), both included."})


class ScorecardOut(Schema):
    id = fields.Integer(allow_none=True)
    campaign_id = fields.Integer()
    version = fields.Integer()
    spec = fields.Dict()
    note = fields.String(allow_none=True)
    created_at = fields.DateTime(allow_none=True)


class CsatIn(Schema):
    rating = fields.Integer(required=True, validate=validate.Range(min=1, max=5))


class CsatOut(Schema):
    interaction_id = fields.Integer()
    rating = fields.Integer()
    source = fields.String()


class CsatSummaryOut(Schema):
    campaign_id = fields.Integer()
    responses = fields.Integer()
    average = fields.Float(allow_none=True)
    distribution = fields.Dict()
    members = fields.List(fields.Dict())
