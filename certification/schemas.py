"""Request and response schemas of the certification API."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate


class CertificationOut(Schema):
    id = fields.Integer(required=True)
    key = fields.String(required=True)
    name = fields.String(required=True)
    industry = fields.String(required=True)
    required_courses = fields.List(fields.String(), required=True)
    exam_quiz_id = fields.Integer(allow_none=True)
    exam = fields.Dict(allow_none=True, metadata={"description": "questions, pass_mark, time_limit_seconds"})
    practical_required = fields.Boolean(required=True)
    rubric = fields.List(fields.Dict(), allow_none=True)
    min_profile = fields.Dict(allow_none=True)
    valid_days = fields.Integer(required=True)
    tags = fields.List(fields.String(), required=True)


class CertificationsOut(Schema):
    items = fields.List(fields.Nested(CertificationOut), required=True)


class GrantOut(Schema):
    id = fields.Integer(required=True)
    certification_id = fields.Integer(required=True)
    certification_key = fields.String(required=True)
    name = fields.String(required=True)
    member_id = fields.Integer(required=True)
    status = fields.String(required=True, metadata={"description": "active, expired, revoked"})
    granted_at = fields.DateTime(required=True)
    renewed_at = fields.DateTime(allow_none=True)
    expires_at = fields.DateTime(required=True)
    revoke_reason = fields.String(allow_none=True)
    credential_id = fields.String(required=True)


class GrantsOut(Schema):
    items = fields.List(fields.Nested(GrantOut), required=True)


class GrantIn(Schema):
    member_id = fields.Integer(required=True)


class RevokeIn(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=1000))


class TagOut(Schema):
    tag = fields.String(required=True)
    score = fields.Integer(required=True)
    reasons = fields.List(fields.Dict(), required=True)
    quality = fields.String(allow_none=True, metadata={
        "description": "the work-quality level of a tag earned by an active certification: unrated, standard, "
                       "proven, suspended (a suspended tag scores at most 59); null without such a certification"})
    computed_at = fields.DateTime(required=True)


class WorkQualityOut(Schema):
    qa_calls = fields.Integer(required=True, metadata={"description": "QA-decided calls (approved or rejected)"})
    qa_average = fields.Float(allow_none=True, metadata={"description": "QA average (0-100) of the last "
                                                                        "`rule.qa_window` decided calls"})
    csat_ratings = fields.Integer(required=True, metadata={"description": "customer ratings"})
    csat_average = fields.Float(allow_none=True, metadata={"description": "average rating (1-5) of the last "
                                                                          "`rule.csat_window` ratings"})
    level = fields.String(required=True, metadata={"description": "unrated, standard, proven, suspended"})
    updated_at = fields.DateTime(allow_none=True, metadata={"description": "the last call figure received"})
    rule = fields.Dict(required=True, metadata={"description": "qa_window, qa_min_calls, qa_proven, qa_floor, "
                                                               "csat_window, csat_min_ratings, csat_proven"})


class TagsOut(Schema):
    tier = fields.String(required=True, metadata={"description": "none, bronze, silver, gold, diamond"})
    score = fields.Integer(required=True)
    active_certifications = fields.Integer(required=True)
    next = fields.Dict(allow_none=True, metadata={"description": "what the next tier needs"})
    items = fields.List(fields.Nested(TagOut), required=True)
    work_quality = fields.Nested(WorkQualityOut, required=True)


class PracticalIn(Schema):
    transcript = fields.String(required=True, validate=validate.Length(max=20000))
    recording_url = fields.URL(load_default=None, validate=validate.Length(max=500))


class PracticalOut(Schema):
    id = fields.Integer(required=True)
    certification_id = fields.Integer(required=True)
    member_id = fields.Integer(required=True)
    status = fields.String(required=True)
    submitted_at = fields.DateTime(required=True)
    points = fields.Integer(allow_none=True)
    max_points = fields.Integer(allow_none=True)
    feedback = fields.String(allow_none=True)


class GradeIn(Schema):
    scores = fields.Dict(keys=fields.String(validate=validate.Length(max=80)), values=fields.Integer(),
                         required=True)
    feedback = fields.String(load_default="", validate=validate.Length(max=4000))


class VerifyOut(Schema):
    credential_id = fields.String(required=True)
    valid = fields.Boolean(required=True)
    status = fields.String(required=True)
    reason = fields.String(required=True)


# --- authoring ---------------------------------------------------------------------------------

from marshmallow import validate as _v  # noqa: E402

_FACTORS = ("extraversion", "agreeableness", "conscientiousness", "emotional_stability", "intellect")


class TextIn(Schema):
    en = fields.String(required=True, validate=_v.Length(min=1, max=200))
    zh = fields.String(load_default="", validate=_v.Length(max=200))


class ExamIn(Schema):
    course = fields.String(required=True, validate=_v.Length(min=1, max=64))
    questions = fields.Integer(strict=True, required=True, validate=_v.Range(min=1, max=200))
    pass_mark = fields.Float(required=True, validate=_v.Range(min=0, max=1, min_inclusive=False))
    time_limit_seconds = fields.Integer(strict=True, load_default=900, validate=_v.Range(min=60, max=14_400))


class RubricItemIn(Schema):
    key = fields.String(required=True, validate=_v.Regexp(r"^[a-z][a-z0-9_]{0,31}$"))
    label = fields.Nested(TextIn, required=True)
    max_points = fields.Integer(strict=True, required=True, validate=_v.Range(min=1, max=100))


class PracticalDefIn(Schema):
    required = fields.Boolean(required=True)
    scenario = fields.Nested(TextIn, load_default=None, allow_none=True)
    rubric = fields.List(fields.Nested(RubricItemIn), load_default=list, validate=_v.Length(max=30))


class DefinitionIn(Schema):
    """A certification as trainers author it (the same shape as ``academy/content/certifications.json``)."""

    key = fields.String(required=True, validate=_v.Regexp(r"^[a-z][a-z0-9_]{1,63}$"))
    name = fields.Nested(TextIn, required=True)
    description = fields.Nested(TextIn, load_default=None, allow_none=True)
    industry = fields.String(load_default="general",
                             validate=_v.OneOf(["general", "ecommerce", "finance", "energy", "government", "travel",
                                                "food_delivery"]))
    required_courses = fields.List(fields.String(validate=_v.Length(min=1, max=64)), load_default=list)
    exam = fields.Nested(ExamIn, load_default=None, allow_none=True)
    practical = fields.Nested(PracticalDefIn, load_default=None, allow_none=True)
    min_profile = fields.Dict(keys=fields.String(validate=_v.OneOf(_FACTORS)),
                              values=fields.Integer(strict=True, validate=_v.Range(min=0, max=100)),
                              load_default=None, allow_none=True)
    valid_days = fields.Integer(strict=True, required=True, validate=_v.Range(min=1, max=3650))
    tags = fields.List(fields.String(validate=_v.Regexp(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")), required=True,
                       validate=_v.Length(min=1, max=20))
