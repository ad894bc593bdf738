"""Request and response schemas of the academy API."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate

from academy.models import INDUSTRIES
from academy.services import PERIODS


class CourseQuery(Schema):
    industry = fields.String(load_default=None, validate=validate.OneOf(INDUSTRIES))


class ProgressOut(Schema):
    lessons_done = fields.Integer(required=True)
    lessons_total = fields.Integer(required=True)
    quiz_passed = fields.Boolean(required=True)
    completed = fields.Boolean(required=True)
    ratio = fields.Float(required=True)


class LessonOut(Schema):
    id = fields.Integer(required=True)
    key = fields.String(required=True)
    title = fields.String(required=True)
    minutes = fields.Integer(required=True)
    completed = fields.Boolean(required=True)
    body_html = fields.String(metadata={"description": "Only in the course detail."})


class CourseOut(Schema):
    id = fields.Integer(required=True)
    key = fields.String(required=True)
    version = fields.Integer(required=True)
    status = fields.String(required=True)
    industry = fields.String(required=True)
    title = fields.String(required=True)
    summary = fields.String(required=True)
    quiz_id = fields.Integer(allow_none=True)
    progress = fields.Nested(ProgressOut, allow_none=True)


class CourseDetailOut(CourseOut):
    lessons = fields.List(fields.Nested(LessonOut), required=True)
    quiz = fields.Dict(allow_none=True, metadata={"description": "questions_per_attempt, pass_mark, "
                                                                 "time_limit_seconds, cooldown_seconds"})


class CoursesOut(Schema):
    items = fields.List(fields.Nested(CourseOut), required=True)


class LessonDoneOut(Schema):
    lesson_id = fields.Integer(required=True)
    completed = fields.Boolean(required=True)
    xp_awarded = fields.Integer(required=True)


class QuestionOut(Schema):
    id = fields.Integer(required=True)
    type = fields.String(required=True, metadata={"description": "single, multiple, true_false, ordering"})
    prompt = fields.String(required=True)
    options = fields.List(fields.Dict(), required=True, metadata={"description": "[{key, text}] in the order shown"})


class AttemptOut(Schema):
    id = fields.Integer(required=True)
    quiz_id = fields.Integer(required=True)
    status = fields.String(required=True)
    started_at = fields.DateTime(required=True)
    deadline_at = fields.DateTime(required=True)
    time_limit_seconds = fields.Integer(required=True)
    questions = fields.List(fields.Nested(QuestionOut), required=True)


class SubmitIn(Schema):
    answers = fields.Dict(keys=fields.String(validate=validate.Length(max=20)), values=fields.Raw(allow_none=True),
                          required=True, metadata={"description": "question id → option key (single), "
                                                                  "[keys] (multiple, ordering) or true/false"})


class SubmitOut(Schema):
    attempt_id = fields.Integer(required=True)
    score = fields.Float(required=True, metadata={"description": "0..1"})
    passed = fields.Boolean(required=True)
    xp_awarded = fields.Integer(required=True)
    correct = fields.Integer(required=True)
    total = fields.Integer(required=True)
    pass_mark = fields.Float(required=True)
    badges_awarded = fields.List(fields.String(), required=True)


class BadgeOut(Schema):
    key = fields.String(required=True)
    awarded_at = fields.DateTime(required=True)


class MeOut(Schema):
    xp = fields.Integer(required=True)
    level = fields.Integer(required=True)
    next_level_xp = fields.Integer(required=True)
    level_ratio = fields.Float(required=True)
    streak_days = fields.Integer(required=True)
    longest_streak = fields.Integer(required=True)
    badges = fields.List(fields.Nested(BadgeOut), required=True)


class LeaderboardQuery(Schema):
    period = fields.String(load_default="week", validate=validate.OneOf(PERIODS))
    industry = fields.String(load_default=None, validate=validate.OneOf(INDUSTRIES))
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class LeaderRowOut(Schema):
    rank = fields.Integer(required=True)
    member_id = fields.Integer(required=True)
    name = fields.String(required=True)
    xp = fields.Integer(required=True)
    level = fields.Integer(required=True)


class LeaderboardOut(Schema):
    period = fields.String(required=True)
    industry = fields.String(allow_none=True)
    items = fields.List(fields.Nested(LeaderRowOut), required=True)


class AssessmentIn(Schema):
    answers = fields.Dict(keys=fields.String(validate=validate.Length(max=4)), values=fields.Integer(),
                          required=True, metadata={"description": "item number → 1..5"})


class AssessmentOut(Schema):
    id = fields.Integer(required=True)
    instrument = fields.String(required=True)
    scores = fields.Dict(required=True, metadata={"description": "factor → 0..100"})
    taken_at = fields.DateTime(required=True)


class TypingStartOut(Schema):
    passage = fields.String(required=True)
    locale = fields.String(required=True)
    ticket = fields.String(required=True, metadata={"description": "Send it back with the typed text."})
    cpm_needed = fields.Integer(required=True, metadata={"description": "Characters per minute to pass."})
    accuracy_needed = fields.Float(required=True)


class TypingIn(Schema):
    ticket = fields.String(required=True, validate=validate.Length(max=1000))
    typed = fields.String(required=True, validate=validate.Length(max=5000))
