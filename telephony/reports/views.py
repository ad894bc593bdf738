"""Report pages: a campaign's report (period switch, date range, chart and table, downloads), its
per-member report, and a member's own figures on the phone."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.auth.guards import current_user, get_in_org_or_404, page_login_required
from app.database import commit, rollback
from app.errors import AppError
from app.timeutil import utcnow, zone
from telephony.campaigns import Campaign
from telephony.reports import exports, figures, queries, schedules

bp = Blueprint("reports", __name__, url_prefix="/reports", template_folder="templates", static_folder="static",
               static_url_path="/static")
ENTERPRISE = ("enterprise_admin", "enterprise_supervisor", "admin")
CHART_WIDTH, CHART_HEIGHT = 640, 160


def _defaults(tz_name: str, days: int = 7) -> dict:
    today = utcnow().astimezone(zone(tz_name)).date()
    return {"from": (today - timedelta(days=days - 1)).isoformat(), "to": today.isoformat(), "by": "day",
            "tz": tz_name, "interval_minutes": "30"}


def _form(tz_name: str) -> dict:
    form = _defaults(tz_name)
    form.update({key: request.args[key] for key in form if request.args.get(key)})
    return form


def _window(form: dict):
    try:
        minutes = int(form["interval_minutes"])
    except ValueError:
        minutes = 0
    return queries.window(form["from"], form["to"], form["by"], form["tz"], minutes)


def chart_of(rows: list[dict]) -> dict | None:
    """Bars of offered and answered calls per period and the service level as a line (inline SVG)."""
    if not rows:
        return None
    top = max(max(row["offered"] for row in rows), 1)
    step = CHART_WIDTH / len(rows)
    bar = max(step / 2 - 1, 1)
    bars, points = [], []
    for i, row in enumerate(rows):
        x = i * step
        for j, key in enumerate(("offered", "answered")):
            height = row[key] * (CHART_HEIGHT - 10) / top
            bars.append({"x": round(x + j * bar, 1), "y": round(CHART_HEIGHT - height, 1), "width": round(bar, 1),
                         "height": round(height, 1), "kind": key, "title": f"{row['period']}: {row[key]}"})
        if row["service_level"] is not None:
            points.append(f"{x + step / 2:.1f},{CHART_HEIGHT - row['service_level'] * (CHART_HEIGHT - 10):.1f}")
    return {"bars": bars, "points": " ".join(points), "width": CHART_WIDTH, "height": CHART_HEIGHT, "top": top}


def _report_of(campaign_id: int, query):
    """The signed-in user, their organization's campaign (404 otherwise), the range form in their
    zone, and ``query(campaign, window)``'s report — or, for a bad range, the form's errors and status."""
    user = current_user()
    campaign = get_in_org_or_404(Campaign, campaign_id, user)
    form = _form(user.timezone or campaign.time_zone or "UTC")
    try:
        return user, campaign, form, query(campaign, _window(form)), {}, 200
    except AppError as exc:
        return user, campaign, form, None, exc.fields or {"_form": exc.message}, exc.status


@bp.get("/campaigns/<int:campaign_id>")
@page_login_required(roles=ENTERPRISE)
def campaign_report(campaign_id: int):
    user, campaign, form, report, errors, status = _report_of(campaign_id, queries.campaign_report)
    return render_template("reports/campaign.html", campaign=campaign, form=form, report=report, errors=errors,
                           chart=chart_of(report["rows"]) if report else None, periods=figures.PERIODS,
                           schedules=schedules.schedules_of(campaign.id, user.id),
                           files=schedules.files_of(campaign.id, user.id)), status


@bp.get("/campaigns/<int:campaign_id>/members")
@page_login_required(roles=ENTERPRISE)
def member_report(campaign_id: int):
    _user, campaign, form, report, errors, status = _report_of(campaign_id, queries.member_report)
    return render_template("reports/members.html", campaign=campaign, form=form, report=report,
                           errors=errors), status


@bp.get("/campaigns/<int:campaign_id>/download.csv")
@page_login_required(roles=ENTERPRISE)
def download_csv(campaign_id: int):
    return _download(campaign_id, "csv")


@bp.get("/campaigns/<int:campaign_id>/download.xlsx")
@page_login_required(roles=ENTERPRISE)
def download_xlsx(campaign_id: int):
    return _download(campaign_id, "xlsx")


def _download(campaign_id: int, ending: str):
    """The page's downloads (the session's, where the API takes a bearer token): the report, the
    per-member report (``what=members``) or every interaction (``what=interactions``)."""
    user = current_user()
    campaign = get_in_org_or_404(Campaign, campaign_id, user)
    win = _window(_form(user.timezone or campaign.time_zone or "UTC"))
    what = request.args.get("what", "report")
    make_rows = None
    if what == "members":
        rows = exports.report_rows(queries.member_report(campaign, win), exports.MEMBER_COLUMNS)
    elif what == "interactions":
        rows, campaign_id = None, campaign.id  # the stream reads in its own app context

        def make_rows():
            return exports.interaction_rows(campaign_id, win)
    else:
        what, rows = "report", exports.report_rows(queries.campaign_report(campaign, win))
    name = f"campaign-{campaign.id}-{what}-{win.start.isoformat()}-{win.end.isoformat()}.{ending}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if ending == "csv":
        return Response(exports.csv_response_body(rows, make_rows), mimetype="text/csv", headers=headers)
    return Response(exports.as_xlsx(rows if rows is not None else make_rows(), what), mimetype=exports.XLSX,
                    headers=headers)


@bp.get("/me")
@page_login_required(roles=["member"])
def my_report():
    user = current_user()
    form = _form(user.timezone or "UTC")
    report, errors, status = None, {}, 200
    try:
        report = queries.my_report(user.id, _window(form))
    except AppError as exc:
        errors, status = exc.fields or {"_form": exc.message}, exc.status
    return render_template("reports/me.html", form=form, report=report, errors=errors,
                           periods=figures.PERIODS), status


@bp.post("/campaigns/<int:campaign_id>/schedules")
@page_login_required(roles=ENTERPRISE)
def schedule_report(campaign_id: int):
    """Receive this campaign's report every day, week or month (as CSV or XLSX)."""
    user = current_user()
    campaign = get_in_org_or_404(Campaign, campaign_id, user)
    try:
        schedules.schedule_report(campaign, user.id, request.form.get("frequency", ""),
                                  request.form.get("file_format", ""))
        commit()
        flash(_("Scheduled: each report will appear below when its period ends."), "success")
    except AppError as exc:
        rollback()
        flash(exc.message if not exc.fields else " ".join(str(v) for v in exc.fields.values()), "error")
    return redirect(url_for("reports.campaign_report", campaign_id=campaign.id))


@bp.post("/schedules/<int:schedule_id>/delete")
@page_login_required(roles=ENTERPRISE)
def cancel_schedule(schedule_id: int):
    user = current_user()
    schedule = schedules.own_schedule(schedule_id, user.id)
    campaign_id = schedule.campaign_id
    schedules.cancel_schedule(schedule_id, user.id)
    commit()
    flash(_("The scheduled report was cancelled."), "success")
    return redirect(url_for("reports.campaign_report", campaign_id=campaign_id))


@bp.get("/files/<int:file_id>")
@page_login_required(roles=ENTERPRISE)
def report_file(file_id: int):
    """A delivered scheduled report (its owner's only)."""
    found = schedules.own_file(file_id, current_user().id)
    return Response(found.content, mimetype=found.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{found.filename}"'})
