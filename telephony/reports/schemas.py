"""Request and response schemas of the reports API. Ratios are 0..1; money in minor units."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate

from telephony.reports.figures import INTERVAL_MINUTES, PERIODS

_RATIO = {"description": "A ratio 0..1 (null when nothing to divide by)."}


class ReportQuery(Schema):
    start = fields.String(data_key="from", required=True, validate=validate.Length(max=10),
                          metadata={"description": "First day (YYYY-MM-DD, in `tz`), included."})
    end = fields.String(data_key="to", required=True, validate=validate.Length(max=10),
                        metadata={"description": "Last day (YYYY-MM-DD, in `tz`), included."})
    by = fields.String(load_default="day", validate=validate.OneOf(PERIODS))
    tz = fields.String(load_default=None, validate=validate.Length(max=64),
                       metadata={"description": "An IANA time zone; the requester's own by default."})
    interval_minutes = fields.Integer(load_default=30, validate=validate.OneOf(INTERVAL_MINUTES),
                                      metadata={"description": "The length of an interval (with `by=interval`)."})


class ExportQuery(ReportQuery):
    rows = fields.String(load_default="period", validate=validate.OneOf(("period", "interaction")),
                         metadata={"description": "One row per period (the report) or per interaction."})


class MemberReportQuery(ReportQuery):
    pass


def _figures():
    return {
        "offered": fields.Integer(), "answered": fields.Integer(), "abandoned": fields.Integer(),
        "abandoned_short": fields.Integer(metadata={"description": "Abandoned within the short-abandon threshold."}),
        "service_level": fields.Float(allow_none=True, metadata={
            "description": "SL: answered within the target answer time / answered."}),
        "sl2": fields.Float(allow_none=True, metadata={
            "description": "SL2: (answered + abandoned within target) / (answered + abandoned)."}),
        "asa_seconds": fields.Float(allow_none=True), "handled": fields.Integer(),
        "aht_seconds": fields.Float(allow_none=True), "talk_seconds": fields.Integer(),
        "aht_talk_seconds": fields.Float(allow_none=True), "aht_hold_seconds": fields.Float(allow_none=True),
        "aht_wrapup_seconds": fields.Float(allow_none=True),
        "occupancy": fields.Float(allow_none=True, metadata=_RATIO),
        "abandon_rate": fields.Float(allow_none=True, metadata=_RATIO), "abandon_cap": fields.Float(),
        "over_abandon_cap": fields.Boolean(),
        "attempted": fields.Integer(), "reached": fields.Integer(), "succeeded": fields.Integer(),
        "fcr": fields.Float(allow_none=True, metadata={
            "description": "First contact resolution: handled calls not followed by another contact of the same "
                           "customer within 7 days / handled."}),
        "csat": fields.Float(allow_none=True, metadata={"description": "Average score 1..5."}),
        "csat_responses": fields.Integer(),
        "qa_average": fields.Float(allow_none=True), "qa_scored": fields.Integer(),
        "qa_approve": fields.Integer(), "qa_review": fields.Integer(), "qa_reject": fields.Integer(),
        "earnings": fields.Integer(), "fees": fields.Integer(), "cost": fields.Integer(),
        "cost_per_handled": fields.Integer(allow_none=True),
        "forecast_calls": fields.Integer(allow_none=True),
    }


ReportRowOut = Schema.from_dict({"period_start": fields.String(), "period": fields.String(), **_figures()},
                                name="ReportRowOut")
ReportTotalsOut = Schema.from_dict({
    **_figures(), "budget": fields.Integer(), "budget_used": fields.Float(allow_none=True, metadata={
        "description": "Cost / the campaign's budget."}),
    "planned_cost": fields.Integer(allow_none=True, metadata={
        "description": "The staffing plan's estimated cost for the campaign (null without a plan)."}),
    "cost_against_plan": fields.Float(allow_none=True, metadata={"description": "Cost / the planned cost."}),
}, name="ReportTotalsOut")


class ReportOut(Schema):
    campaign_id = fields.Integer()
    currency = fields.String()
    by = fields.String()
    tz = fields.String()
    start = fields.String(data_key="from")
    end = fields.String(data_key="to")
    rows = fields.List(fields.Nested(ReportRowOut))
    totals = fields.Nested(ReportTotalsOut)


def _member_figures():
    return {"calls": fields.Integer(), "answered": fields.Integer(), "talk_seconds": fields.Integer(),
            "aht_seconds": fields.Float(allow_none=True), "occupancy": fields.Float(allow_none=True, metadata=_RATIO),
            "shifts_claimed": fields.Integer(), "shifts_checked_in": fields.Integer(),
            "adherence": fields.Float(allow_none=True, metadata={
                "description": "Shifts checked in to / shifts claimed and kept (0..1)."}),
            "qa_average": fields.Float(allow_none=True), "qa_scored": fields.Integer(),
            "csat": fields.Float(allow_none=True), "earnings": fields.Integer()}


MemberRowOut = Schema.from_dict({"member_id": fields.Integer(), "name": fields.String(), **_member_figures()},
                                name="MemberRowOut")
MemberTotalsOut = Schema.from_dict(_member_figures(), name="MemberTotalsOut")
MyRowOut = Schema.from_dict({"period_start": fields.String(), "period": fields.String(), **_member_figures()},
                            name="MyReportRowOut")


class MemberReportOut(Schema):
    campaign_id = fields.Integer()
    currency = fields.String()
    tz = fields.String()
    start = fields.String(data_key="from")
    end = fields.String(data_key="to")
    rows = fields.List(fields.Nested(MemberRowOut))
    totals = fields.Nested(MemberTotalsOut)


class MyReportOut(Schema):
    member_id = fields.Integer()
    by = fields.String()
    tz = fields.String()
    start = fields.String(data_key="from")
    end = fields.String(data_key="to")
    rows = fields.List(fields.Nested(MyRowOut))
    totals = fields.Nested(MemberTotalsOut)
