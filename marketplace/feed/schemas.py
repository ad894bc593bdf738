"""Request and response schemas of the feed and eligibility API."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate

from app.paging import PageQuery


class PayOut(Schema):
    currency = fields.String(required=True)
    per_call = fields.Integer(required=True, metadata={"description": "Minor units."})
    per_talk_minute = fields.Integer(required=True)
    per_shift_hour = fields.Integer(required=True)
    success_bonus = fields.Integer(required=True)


class FeedQuery(PageQuery):
    date_from = fields.Date(data_key="from", load_default=None,
                            metadata={"description": "First day (your time zone), YYYY-MM-DD."})
    date_to = fields.Date(data_key="to", load_default=None, metadata={"description": "Last day, YYYY-MM-DD."})
    industry = fields.String(load_default=None, validate=validate.Length(max=32))
    include_full = fields.Boolean(load_default=False,
                                  metadata={"description": "Also list full shifts (to join their waitlist)."})


class FeedItemOut(Schema):
    shift_id = fields.Integer(required=True)
    campaign_id = fields.Integer(required=True)
    campaign_name = fields.String(required=True)
    kind = fields.String(required=True)
    industry = fields.String(allow_none=True)
    starts_at = fields.DateTime(required=True)
    ends_at = fields.DateTime(required=True)
    seats = fields.Integer(required=True)
    seats_left = fields.Integer(required=True)
    pay = fields.Nested(PayOut, required=True)
    fit = fields.Integer(required=True, metadata={"description": "0..100: skills, tier, QA, reliability, history."})
    fit_parts = fields.Dict(keys=fields.String(), values=fields.Integer())
    overlaps_my_shift = fields.Boolean(required=True,
                                       metadata={"description": "You hold a shift at this time (claiming → 409)."})


class MissingOut(Schema):
    kind = fields.String(required=True, metadata={"description": "certification, tag, tier, language, region, "
                                                                 "qa_average or reliability"})
    key = fields.String(required=True)
    required = fields.Raw()
    have = fields.Raw(allow_none=True)
    message = fields.String(required=True, metadata={"example": "Needs certification E-commerce after-sales L1: "
                                                                "2 lessons, the exam left."})
    unlock = fields.List(fields.String(), required=True)
    url = fields.String(allow_none=True)


class LockedOut(Schema):
    campaign_id = fields.Integer(required=True)
    campaign_name = fields.String(required=True)
    kind = fields.String(required=True)
    industry = fields.String(allow_none=True)
    pay = fields.Nested(PayOut, required=True)
    missing = fields.List(fields.Nested(MissingOut), required=True)


class FeedOut(Schema):
    items = fields.List(fields.Nested(FeedItemOut), required=True)
    next_cursor = fields.String(allow_none=True, required=True)
    locked = fields.List(fields.Nested(LockedOut), required=True,
                         metadata={"description": "Campaigns with open seats you could unlock (first page only)."})
    locked_total = fields.Integer()


class EligibilityOut(Schema):
    campaign_id = fields.Integer(required=True)
    eligible = fields.Boolean(required=True)
    missing = fields.List(fields.Nested(MissingOut), required=True)
    fit = fields.Integer(required=True)
    fit_parts = fields.Dict(keys=fields.String(), values=fields.Integer())
