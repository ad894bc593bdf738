"""Marketplace pages: the staffing calculator and the enterprise's campaigns."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError
from sqlalchemy import select

from app.auth.guards import current_user, get_in_org_or_404, page_login_required, scope_to_org
from app.database import commit, rollback
from app.errors import AppError, Forbidden
from app.paging import paginate
from app.timeutil import zone
from marketplace import services, staffing
from marketplace.models import Campaign
from marketplace.schemas import CampaignIn, ErlangIn

bp = Blueprint("marketplace", __name__, url_prefix="/staffing", template_folder="templates")

DEFAULTS = {"calls": "100", "interval_minutes": "30", "aht_seconds": "180", "target_service_level": "0.8",
            "target_answer_seconds": "20", "max_occupancy": "0.85", "shrinkage": "0.3", "patience_seconds": ""}


@bp.get("/")
@page_login_required()
def calculator():
    """Size one interval: agents, rostered seats and the what-if curve around the answer."""
    form = {key: request.args.get(key, default).strip() for key, default in DEFAULTS.items()}
    errors: dict = {}
    result = rows = None
    status = 200
    raw = {k: v for k, v in form.items() if v != ""}
    try:
        data = ErlangIn().load(raw)
    except ValidationError as exc:
        errors = {k: (v[0] if isinstance(v, list) else v) for k, v in exc.messages.items()}
        status = 422 if request.args else 200
    else:
        forecast = staffing.Forecast(**data)
        result = staffing.required_agents(forecast)
        rows = [row.to_dict() for row in staffing.curve(forecast, result.agents)] if result.agents else []
    if errors and not request.args:
        errors = {}
    return render_template("marketplace/staffing.html", form=form, errors=errors, result=result and result.to_dict(),
                           rows=rows, target=float(form["target_service_level"] or 0.8) if not errors else None,
                           title=_("Staffing calculator")), status


# --- campaigns (enterprise console) -----------------------------------------------------------

campaigns_bp = Blueprint("campaigns", __name__, url_prefix="/campaigns", template_folder="templates")
ENTERPRISE = ["enterprise_admin", "enterprise_supervisor", "admin"]
STATE_LABELS = {"draft": _l("Draft"), "published": _l("Published"), "running": _l("Running"), "paused": _l("Paused"),
                "completed": _l("Completed"), "cancelled": _l("Cancelled")}
TRANSITION_LABELS = {"published": _l("Publish (hold the budget)"), "running": _l("Start"), "paused": _l("Pause"),
                     "completed": _l("Complete (release unspent escrow)"), "cancelled": _l("Cancel")}


@campaigns_bp.app_context_processor
def _campaign_labels():
    return {"state_labels": STATE_LABELS, "transition_labels": TRANSITION_LABELS}


def _forecast_lines(text: str, tz_name: str) -> list[dict]:
    """``2099-11-11 09:00, 120`` lines (the campaign's local time) → forecast intervals."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            when, calls = (part.strip() for part in line.split(","))
            start = datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=zone(tz_name))
            rows.append({"start": start.isoformat(), "calls": int(calls)})
        except ValueError as exc:
            raise ValidationError({"forecast": [_("Line %(n)s: use \"YYYY-MM-DD HH:MM, calls\".", n=number)]}) from exc
    return rows


def _form_to_campaign(form) -> dict:
    """The new-campaign form (an inbound peak) → the API's validated campaign."""
    tz_name = form.get("time_zone", "").strip() or "Asia/Shanghai"
    try:
        zone(tz_name)
    except ValueError as exc:
        raise ValidationError({"time_zone": [_("Unknown time zone.")]}) from exc

    def local(value: str) -> str:
        try:
            return datetime.strptime(value.strip(), "%Y-%m-%dT%H:%M").replace(tzinfo=zone(tz_name)).isoformat()
        except ValueError:
            return value

    def number(name: str):
        value = form.get(name, "").strip()
        return int(value) if value.lstrip("-").isdigit() else value

    body = {
        "kind": "inbound", "name": form.get("name", "").strip(), "time_zone": tz_name,
        "starts_at": local(form.get("starts_at", "")), "ends_at": local(form.get("ends_at", "")),
        "currency": form.get("currency", "CNY").strip().upper(), "budget": number("budget"),
        "pay_per_call": number("pay_per_call"),
        "inbound": {"interval_minutes": number("interval_minutes") or 30, "aht_seconds": number("aht_seconds"),
                    "forecast": _forecast_lines(form.get("forecast", ""), tz_name)},
    }
    return CampaignIn().load(body)


def _flat(messages) -> dict:
    flat = {}
    for key, value in messages.items():
        if isinstance(value, dict):
            for inner, problem in _flat(value).items():
                flat[inner if key in ("inbound", "outbound") else f"{key}.{inner}"] = problem
        else:
            flat[key] = value[0] if isinstance(value, list) else value
    return flat


@campaigns_bp.route("/", methods=["GET", "POST"])
@page_login_required(roles=ENTERPRISE)
def index():
    """The organization's campaigns, and a form for a new inbound peak (admins)."""
    user = current_user()
    errors: dict = {}
    status = 200
    if request.method == "POST":
        if not user.has_role("enterprise_admin"):
            raise Forbidden()
        try:
            campaign = services.create_campaign(user.org_id, user.id, _form_to_campaign(request.form))
            commit()
            return redirect(url_for("campaigns.detail", campaign_id=campaign.id))
        except ValidationError as exc:
            errors, status = _flat(exc.messages), 422
        except AppError as exc:
            rollback()
            errors, status = exc.fields or {"_form": exc.message}, exc.status
    page = paginate(scope_to_org(select(Campaign), Campaign.org_id, user), Campaign.id, limit=50,
                    cursor=request.args.get("cursor") or None)
    return render_template("marketplace/campaigns.html", page=page, form=request.form, errors=errors), status


@campaigns_bp.route("/<int:campaign_id>", methods=["GET", "POST"])
@page_login_required(roles=ENTERPRISE)
def detail(campaign_id: int):
    """A campaign: its state and the allowed moves, money in escrow, and the staffing plan chart."""
    user = current_user()
    campaign = get_in_org_or_404(Campaign, campaign_id, user)
    if request.method == "POST":
        if not user.has_role("enterprise_admin"):
            raise Forbidden()
        try:
            services.change_state(campaign, request.form.get("to", ""), user.id)
            commit()
            flash(_("Saved."), "success")
        except AppError as exc:
            rollback()
            flash(exc.message, "error")
        return redirect(url_for("campaigns.detail", campaign_id=campaign_id))
    plan = None
    if campaign.kind == "inbound" and campaign.settings.get("forecast"):
        plan = services.staffing_plan(campaign)
    return render_template("marketplace/campaign.html", campaign=services.campaign_json(campaign), plan=plan)
