"""Request and response schemas of the work-profile API."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate

LANGUAGE = validate.Regexp(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", error="Use a language code such as zh, en, yue.")


class ProfileIn(Schema):
    languages = fields.List(fields.String(validate=LANGUAGE), load_default=None,
                            validate=validate.Length(max=12))
    region = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=64))


class ProfileOut(Schema):
    member_id = fields.Integer(required=True)
    languages = fields.List(fields.String(), required=True)
    region = fields.String(allow_none=True)
    reliability = fields.Integer(required=True, metadata={"description": "0..100, commitment adherence."})
    shifts_attended = fields.Integer(required=True)
    late_releases = fields.Integer(required=True)
    no_shows = fields.Integer(required=True)
    qa_average = fields.Float(allow_none=True)
