"""Campaign pages: the enterprise's campaigns (wizard, detail) and their shift calendar."""

from __future__ import annotations

import re
from datetime import date

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from marshmallow import ValidationError
from sqlalchemy import select

from academy.models import INDUSTRIES
from app.auth.guards import current_user, get_in_org_or_404, page_login_required, scope_to_org
from app.database import commit, rollback
from app.errors import AppError, Forbidden, NotFound, error_text
from app.formatting import money_text
from app.money import CURRENCY_EXPONENTS, Money, MoneyError, major_units
from app.paging import paginate
from certification.services import all_certifications
from marketplace.campaigns import dialer, funding, services
from marketplace.campaigns import form as campaign_form
from marketplace.campaigns.queries import campaign_json
from marketplace.campaigns.schemas import PURPOSES
from marketplace.labels import (
    BAND_LABELS,
    CAMPAIGN_STATE_LABELS,
    CLAIM_STATE_LABELS,
    DAY_LABELS,
    INDUSTRY_LABELS,
    KIND_LABELS,
    OUTCOME_LABELS,
    PURPOSE_LABELS,
    REMOVAL_REASON_LABELS,
    STEP_LABELS,
    TIER_LABELS,
    TRANSITION_LABELS,
)
from marketplace.models import Campaign, Shift
from marketplace.roles import ENTERPRISE
from marketplace.shifts import calendar as shift_calendar
from marketplace.shifts import services as shifts
from marketplace.shifts.queries import campaign_shifts, fill_rate
from marketplace.shifts.schemas import SeatsIn
from marketplace.staffing.plans import staffing_plan

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns", template_folder="../templates",
               static_folder="../static", static_url_path="/static")
TIME_ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Asia/Kolkata",
              "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Australia/Sydney", "UTC")
ADMIN = ["enterprise_admin"]


@bp.app_context_processor
def _campaign_labels():
    return {"state_labels": CAMPAIGN_STATE_LABELS, "transition_labels": TRANSITION_LABELS, "kind_labels": KIND_LABELS}


@bp.get("/")
@page_login_required(roles=ENTERPRISE)
def index():
    """The organization's campaigns, newest first; admins start the wizard from here."""
    user = current_user()
    page = paginate(scope_to_org(select(Campaign), Campaign.org_id, user), Campaign.id, limit=50,
                    cursor=request.args.get("cursor") or None)
    return render_template("marketplace/campaigns/index.html", page=page)


# --- the wizard -----------------------------------------------------------------------------------

def _fee_preview(values: dict, fee_bps: int) -> dict:
    """Per pay rule: what the member keeps after the platform fee (amounts that parse)."""
    preview = {}
    for name in campaign_form.MONEY_FIELDS[1:]:
        try:
            amount = Money.parse(str(values.get(name) or "").strip(), str(values.get("currency") or ""))
        except MoneyError:
            continue
        if amount.amount > 0:
            fee = amount.percent(fee_bps)
            preview[name] = {"fee": money_text(fee), "net": money_text(amount - fee)}
    return preview


def _wizard(campaign: Campaign | None):
    user = current_user()
    errors: dict = {}
    status = 200
    values = campaign_form.values_of(campaign) if campaign else campaign_form.defaults()
    if request.method == "POST":
        values = campaign_form.values_from(request.form)
        try:
            data = campaign_form.to_campaign(values, request.files.get("forecast_file"))
            if campaign is None:
                campaign = services.create_campaign(user.org_id, user.id, data)
                message = _("Draft saved. Check the staffing plan, then plan the shifts.")
            else:
                services.update_draft(campaign, data)
                message = _("Draft saved.")
                if campaign_shifts(campaign.id):
                    message = _("Draft saved. Plan the shifts again so they follow the changes.")
            commit()
            flash(message, "success")
            return redirect(url_for("campaigns.detail", campaign_id=campaign.id))
        except campaign_form.FormInvalid as exc:
            rollback()
            errors, status = exc.errors, 422
        except AppError as exc:
            rollback()
            errors, status = exc.fields or {"_form": exc.message}, exc.status
    fee_bps = campaign.platform_fee_bps if campaign else current_app.config.get("PAYOUT_FEE_BPS", 1000)
    certifications = all_certifications()
    tags = sorted({tag for cert in certifications for tag in cert.tags or []})
    return render_template(
        "marketplace/campaigns/wizard.html", campaign=campaign, values=values, errors=errors,
        start_step=_wizard_step(errors), error_summary=_wizard_summary(errors), certifications=certifications,
        tag_suggestions=tags,
        currencies={code: code for code in sorted(CURRENCY_EXPONENTS)}, exponents=CURRENCY_EXPONENTS,
        time_zones=TIME_ZONES,
        industries={key: INDUSTRY_LABELS.get(key, key) for key in (*INDUSTRIES, "telecom")},
        purposes={key: PURPOSE_LABELS[key] for key in PURPOSES}, outcomes=OUTCOME_LABELS, tiers=TIER_LABELS,
        day_labels=DAY_LABELS, step_labels=STEP_LABELS, fee_bps=fee_bps, fee_preview=_fee_preview(values, fee_bps),
        dialer_modes=dialer.MODE_LABELS, amd_labels=dialer.AMD_LABELS,
        dialer_limits={"abandon_cap": dialer.MAX_ABANDON_CAP,
                       "ring": (dialer.MIN_RING_SECONDS, dialer.MAX_RING_SECONDS)},
    ), status


def _wizard_summary(errors: dict) -> list[tuple[str, list[str]]]:
    """Every step's problems, the two kinds' settings under the one workload step."""
    grouped: dict[str, list[str]] = {}
    for step, messages in campaign_form.summary(errors).items():
        grouped.setdefault("workload" if step in ("inbound", "outbound") else step, []).extend(messages)
    return list(grouped.items())


def _wizard_step(errors: dict) -> str | None:
    step = campaign_form.step_of(errors)
    return "workload" if step in ("inbound", "outbound") else step


@bp.route("/new", methods=["GET", "POST"])
@page_login_required(roles=ADMIN)
def new():
    """The campaign wizard: kind, basics, pay and QA, requirements, workload, shifts → a draft."""
    return _wizard(None)


@bp.route("/<int:campaign_id>/edit", methods=["GET", "POST"])
@page_login_required(roles=ADMIN)
def edit(campaign_id: int):
    """The wizard again, on a draft: saving replaces all of its settings (as PUT does)."""
    campaign = get_in_org_or_404(Campaign, campaign_id, current_user())
    if campaign.state != "draft":
        flash(_("Only a draft can be edited; this campaign is not one (%(state)s).",
                state=CAMPAIGN_STATE_LABELS[campaign.state]),
              "error")
        return redirect(url_for("campaigns.detail", campaign_id=campaign_id))
    return _wizard(campaign)


# --- a campaign -----------------------------------------------------------------------------------

def _what_happened(campaign: Campaign, held_before: int) -> str:
    """The flash after a move: the new state and the money it moved."""
    held = funding.escrow_balance(campaign)
    if campaign.state == "published":
        return _("Published; %(amount)s %(currency)s held in escrow. Members can claim its seats now.",
                 amount=major_units(held, campaign.currency), currency=campaign.currency)
    if campaign.state in ("cancelled", "completed"):
        returned = major_units(max(held_before - held, 0), campaign.currency)
        if campaign.state == "cancelled":
            return _("Cancelled; every seat is released and %(amount)s %(currency)s went back to your wallet.",
                     amount=returned, currency=campaign.currency)
        return _("Completed; %(amount)s %(currency)s of unspent escrow went back to your wallet.",
                 amount=returned, currency=campaign.currency)
    if campaign.state == "paused":
        return _("Paused: members cannot claim its seats until you resume it.")
    return _("Running: members can claim its seats.")


def _confirmations(campaign: Campaign) -> dict[str, str]:
    """The question each irreversible or money-moving move asks first."""
    budget = major_units(campaign.budget, campaign.currency)
    return {
        "published": _("Publish this campaign? %(amount)s %(currency)s move from your wallet into escrow, and "
                       "members can claim its seats.", amount=budget, currency=campaign.currency),
        "cancelled": _("Cancel this campaign? Every claimed seat is released and the unspent escrow goes back to "
                       "your wallet. This cannot be undone."),
        "completed": _("Complete this campaign? Its shifts close and the unspent escrow goes back to your wallet. "
                       "This cannot be undone."),
    }


@bp.route("/<int:campaign_id>", methods=["GET", "POST"])
@page_login_required(roles=ENTERPRISE)
def detail(campaign_id: int):
    """A campaign: its state and the allowed moves, money in escrow, settings, and the staffing plan."""
    user = current_user()
    campaign = get_in_org_or_404(Campaign, campaign_id, user)
    if request.method == "POST":
        if not user.has_role("enterprise_admin"):
            raise Forbidden()
        try:
            held_before = funding.escrow_balance(campaign)
            services.transition(campaign, request.form.get("to", ""), user.id)
            commit()
            flash(_what_happened(campaign, held_before), "success")
        except AppError as exc:
            rollback()
            flash(str(exc.message), "error")
        return redirect(url_for("campaigns.detail", campaign_id=campaign_id))
    plan = None
    if campaign.kind == "outbound" or campaign.settings.get("forecast"):
        plan = staffing_plan(campaign)
    certifications = {cert.key: cert for cert in all_certifications()}
    return render_template("marketplace/campaigns/detail.html", campaign=campaign_json(campaign), plan=plan,
                           shift_count=len(campaign_shifts(campaign.id)), certifications=certifications,
                           plan_outdated=shifts.plan_outdated(campaign), confirmations=_confirmations(campaign),
                           purposes=PURPOSE_LABELS, outcomes=OUTCOME_LABELS, tiers=TIER_LABELS,
                           day_labels=DAY_LABELS, major=major_units,
                           dialer={**dialer.DEFAULTS, **((campaign.settings or {}).get("dialer") or {})},
                           dialer_modes=dialer.MODE_LABELS, amd_labels=dialer.AMD_LABELS)


@bp.post("/<int:campaign_id>/shifts/plan")
@page_login_required(roles=ADMIN)
def plan_shifts(campaign_id: int):
    """Build a draft's shifts from its staffing plan (replacing the planned ones)."""
    campaign = get_in_org_or_404(Campaign, campaign_id, current_user())
    try:
        planned = shifts.replan(campaign)
        commit()
        flash(ngettext("%(num)s shift planned.", "%(num)s shifts planned.", len(planned)), "success")
    except AppError as exc:
        rollback()
        flash(error_text(exc), "error")
        return redirect(url_for("campaigns.detail", campaign_id=campaign_id))
    return redirect(url_for("campaigns.shift_calendar", campaign_id=campaign_id))


# --- the shift calendar ---------------------------------------------------------------------------

def _first_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _seat_changes(campaign: Campaign, week: shift_calendar.Week, form) -> tuple[dict[int, int], list[str]]:
    """The seats the form asks for, per shift id: typed into the cells, or by the bulk form."""
    by_id = {shift.id: shift for shift in week.shifts if shift.state != "cancelled"}
    wanted: dict[int, int] = {}
    problems: list[str] = []

    def seats_of(text: str, label: str) -> int | None:
        try:
            return SeatsIn().load({"seats": int(text)})["seats"]
        except (ValueError, ValidationError):
            problems.append(_("%(shift)s: seats must be a whole number from 0 to 100000.", shift=label))
            return None

    if form.get("action") == "bulk":
        mode, amount = form.get("bulk_mode", "set"), form.get("bulk_seats", "").strip()
        if not re.fullmatch(r"-?\d+", amount):
            return {}, [_("Enter the number of seats.")]
        earliest, latest = form.get("bulk_from", "").strip() or "00:00", form.get("bulk_to", "").strip() or "23:59"
        days = set(form.getlist("bulk_days"))
        for shift in by_id.values():
            day, time = shift_calendar.local_day(shift, campaign.time_zone)
            if (days and day.isoformat() not in days) or not earliest <= time <= latest:
                continue
            seats = seats_of(str(int(amount) + (shift.seats if mode == "add" else 0)), f"{day} {time}")
            if seats is not None and seats != shift.seats:
                wanted[shift.id] = seats
        return wanted, problems
    for key, value in form.items():
        if not key.startswith("seats-") or not key[6:].isdigit():
            continue
        shift = by_id.get(int(key[6:]))
        if shift is None or not value.strip():
            continue
        day, time = shift_calendar.local_day(shift, campaign.time_zone)
        seats = seats_of(value.strip(), f"{day} {time}")
        if seats is not None and seats != shift.seats:
            wanted[shift.id] = seats
    return wanted, problems


def _save_seats(campaign: Campaign, week: shift_calendar.Week, form) -> None:
    """All the changes or none: a shift that cannot take its new seats keeps the others unchanged."""
    wanted, problems = _seat_changes(campaign, week, form)
    if not problems:
        for shift in week.shifts:
            if shift.id not in wanted:
                continue
            try:
                shifts.set_seats(shift, wanted[shift.id])
            except AppError as exc:
                day, time = shift_calendar.local_day(shift, campaign.time_zone)
                problems.append(f"{day} {time}: {exc.message}")
    if problems:
        rollback()
        for problem in problems:
            flash(problem, "error")
        flash(_("No seats were changed."), "error")
        return
    commit()
    flash(ngettext("Seats saved on %(num)s shift.", "Seats saved on %(num)s shifts.", len(wanted)) if wanted
          else _("No seats changed."), "success")


@bp.route("/<int:campaign_id>/shifts", methods=["GET", "POST"], endpoint="shift_calendar")
@page_login_required(roles=ENTERPRISE)
def shift_calendar_page(campaign_id: int):
    """The shift calendar: a week of shifts by day and time of day, fill rates, seats and rosters."""
    user = current_user()
    campaign = get_in_org_or_404(Campaign, campaign_id, user)
    first = _first_day(request.values.get("from"))
    week = shift_calendar.week(campaign, first)
    if request.method == "POST":
        if not user.has_role("enterprise_admin"):
            raise Forbidden()
        _save_seats(campaign, week, request.form)
        page = {"from": first.isoformat()} if first else {}
        return redirect(url_for("campaigns.shift_calendar", campaign_id=campaign_id, **page))
    selected = roster = None
    if request.args.get("shift", "").isdigit():
        selected = get_in_org_or_404(Shift, int(request.args["shift"]), user)
        if selected.campaign_id != campaign.id:
            raise NotFound()
        roster = shift_calendar.roster(selected)
    editable = user.has_role("enterprise_admin") and campaign.state not in ("completed", "cancelled")
    return render_template(
        "marketplace/shifts/calendar.html", campaign=campaign, week=week, first=first or (week.days[0]),
        fill=fill_rate(campaign.id), editable=editable, band=shift_calendar.band, bands=BAND_LABELS,
        selected=selected, roster=roster, claim_labels=CLAIM_STATE_LABELS, removal_labels=REMOVAL_REASON_LABELS,
        day_labels=DAY_LABELS,
        local_day=shift_calendar.local_day)

