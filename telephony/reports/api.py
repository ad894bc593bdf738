"""Reports API: a campaign's figures by interval, day, ISO week or month (JSON, CSV, XLSX), its
members' figures, and a member's own."""

from __future__ import annotations

from apiflask import APIBlueprint
from apiflask.schemas import FileSchema
from flask import Response

from app.auth.guards import get_in_org_or_404, require_user, token_auth
from telephony.campaigns import Campaign
from telephony.reports import exports, queries
from telephony.reports.schemas import (
    ExportQuery,
    MemberReportOut,
    MemberReportQuery,
    MyReportOut,
    ReportOut,
    ReportQuery,
)

bp = APIBlueprint("reports_api", __name__, url_prefix="/api/v1", tag="Reports")

ENTERPRISE = ["enterprise_admin", "enterprise_supervisor", "admin"]

_RANGE = ("`from` and `to` are local dates (inclusive) in `tz` (the requester's zone by default); a range that "
          "runs backwards, is longer than the period allows (31 days by interval, 400 by day or week), or an "
          "unknown `tz` is a 422 that names the field. Another organization's campaign is a 404.")


def _window(query):
    return queries.window(query["start"], query["end"], query["by"], query["tz"], query["interval_minutes"],
                          default_tz=require_user().timezone or "UTC")


def _campaign(campaign_id) -> Campaign:
    return get_in_org_or_404(Campaign, campaign_id, require_user())


@bp.get("/campaigns/<int:campaign_id>/report")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(ReportQuery, location="query", arg_name="query")
@bp.output(ReportOut)
@bp.doc(summary="A campaign's report by interval, day, ISO week or month",
        description="One row per period with activity, and the totals: offered, answered, abandoned, SL and SL2, "
                    "ASA, AHT (talk, hold, wrap-up), occupancy, outbound attempts, abandonment against the cap, "
                    "first contact resolution, CSAT, QA, and cost against the budget and the forecast. " + _RANGE,
        responses=[403, 404, 422])
def campaign_report(campaign_id, query):
    campaign = _campaign(campaign_id)
    return queries.campaign_report(campaign, _window(query))


def _rows(campaign: Campaign, win, which: str):
    if which == "interaction":
        return exports.interaction_rows(campaign.id, win)
    return exports.report_rows(queries.campaign_report(campaign, win))


def _csv_body(campaign: Campaign, win, which: str):
    if which == "interaction":
        campaign_id = campaign.id  # the stream reads in its own app context, after this session ends
        return exports.csv_response_body(make_rows=lambda: exports.interaction_rows(campaign_id, win))
    return exports.csv_response_body(_rows(campaign, win, which))


def _filename(campaign: Campaign, win, ending: str, what: str = "report") -> str:
    return f"campaign-{campaign.id}-{what}-{win.start.isoformat()}-{win.end.isoformat()}.{ending}"


@bp.get("/campaigns/<int:campaign_id>/report.csv")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(ExportQuery, location="query", arg_name="query")
@bp.output(FileSchema(type="string", format="binary"), content_type="text/csv",
           description="The report as CSV (UTF-8 with a BOM), streamed: one row per period and a total row, or "
                       "(`rows=interaction`) one row per interaction, times in `tz`.")
@bp.doc(summary="Download a campaign's report (CSV)", responses=[403, 404, 422])
def campaign_report_csv(campaign_id, query):
    campaign, win = _campaign(campaign_id), _window(query)
    return Response(_csv_body(campaign, win, query["rows"]), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{_filename(campaign, win, "csv")}"'})


@bp.get("/campaigns/<int:campaign_id>/report.xlsx")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(ExportQuery, location="query", arg_name="query")
@bp.output(FileSchema(type="string", format="binary"), content_type=exports.XLSX,
           description="The report as an XLSX workbook: one row per period and a total row, or "
                       "(`rows=interaction`) one row per interaction, times in `tz`.")
@bp.doc(summary="Download a campaign's report (XLSX)", responses=[403, 404, 422])
def campaign_report_xlsx(campaign_id, query):
    campaign, win = _campaign(campaign_id), _window(query)
    body = exports.as_xlsx(_rows(campaign, win, query["rows"]), "report")
    return Response(body, mimetype=exports.XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{_filename(campaign, win, "xlsx")}"'})


@bp.get("/campaigns/<int:campaign_id>/report/members")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(MemberReportQuery, location="query", arg_name="query")
@bp.output(MemberReportOut)
@bp.doc(summary="A campaign's report per member",
        description="Each member who handled the campaign's calls in the range: calls, talk time, occupancy, "
                    "adherence (shifts checked in to / claimed), QA, CSAT and earnings. " + _RANGE,
        responses=[403, 404, 422])
def member_report(campaign_id, query):
    return queries.member_report(_campaign(campaign_id), _window(query))


@bp.get("/campaigns/<int:campaign_id>/report/members.csv")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(MemberReportQuery, location="query", arg_name="query")
@bp.output(FileSchema(type="string", format="binary"), content_type="text/csv",
           description="The per-member report as CSV (UTF-8 with a BOM).")
@bp.doc(summary="Download a campaign's report per member (CSV)", responses=[403, 404, 422])
def member_report_csv(campaign_id, query):
    campaign, win = _campaign(campaign_id), _window(query)
    rows = exports.report_rows(queries.member_report(campaign, win), exports.MEMBER_COLUMNS)
    return Response(exports.csv_response_body(rows), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{_filename(campaign, win, "csv", "members")}"'})


@bp.get("/campaigns/<int:campaign_id>/report/members.xlsx")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(MemberReportQuery, location="query", arg_name="query")
@bp.output(FileSchema(type="string", format="binary"), content_type=exports.XLSX,
           description="The per-member report as an XLSX workbook.")
@bp.doc(summary="Download a campaign's report per member (XLSX)", responses=[403, 404, 422])
def member_report_xlsx(campaign_id, query):
    campaign, win = _campaign(campaign_id), _window(query)
    body = exports.as_xlsx(exports.report_rows(queries.member_report(campaign, win), exports.MEMBER_COLUMNS),
                           "members")
    return Response(body, mimetype=exports.XLSX, headers={
        "Content-Disposition": f'attachment; filename="{_filename(campaign, win, "xlsx", "members")}"'})


@bp.get("/reports/me")
@bp.auth_required(token_auth, roles=["member"])
@bp.input(ReportQuery, location="query", arg_name="query")
@bp.output(MyReportOut)
@bp.doc(summary="My own figures by period: calls, talk time, occupancy, adherence, QA, CSAT, earnings",
        description=_RANGE.split(" Another")[0], responses=[403, 422])
def my_report(query):
    return queries.my_report(require_user().id, _window(query))
