"""The member's work pages: the ranked feed of open seats, my shifts, and the claim, release,
check-in and waitlist actions on them.

The blueprint is named ``work`` (the dashboards link to ``work.index`` and ``work.my_shifts``)."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from app.auth.guards import current_user, page_login_required
from app.database import commit, rollback
from app.errors import AppError
from app.extensions import db
from marketplace.feed import queries as feed
from marketplace.labels import CLAIM_STATE_LABELS, INDUSTRY_LABELS
from marketplace.members.profiles import get_profile
from marketplace.models import Campaign, Shift, WaitlistEntry
from marketplace.shifts import attendance, claims, waitlist
from marketplace.shifts.queries import claims_page

bp = Blueprint("work", __name__, url_prefix="/work", template_folder="../templates")


@bp.app_context_processor
def _labels():
    return {"industry_labels": INDUSTRY_LABELS, "claim_state_labels": CLAIM_STATE_LABELS}


def _date(name: str) -> date | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _attempt(action, success: str | None = None):
    """Run ``action()`` and commit, flashing ``success``; on a refusal roll back and flash why.
    The action's result, or None when it was refused. An action that needs confirming rolls back
    and raises ``ConfirmationRequired`` for the view to ask (see ``_ask``)."""
    try:
        result = action()
        commit()
    except claims.ConfirmationRequired:
        rollback()
        raise
    except AppError as exc:
        rollback()
        flash(exc.message, "error")
        return None
    if success:
        flash(success, "success")
    return result


def _confirmed() -> bool:
    return request.form.get("confirm") == "1"


def _ask(exc: claims.ConfirmationRequired, title: str, go_label: str):
    """The confirmation step: what the action costs, and the same form again with ``confirm``."""
    return render_template("marketplace/shifts/confirm.html", title=title, message=exc.message, cost=exc.cost,
                           action=request.path, go_label=go_label, back=_back_or(url_for("work.my_shifts")))


def _back_or(default: str) -> str:
    target = request.form.get("next", "")
    return target if target.startswith("/work") else default


def _back() -> str:
    target = request.form.get("next", "")
    return target if target.startswith("/work") else url_for("work.index")


@bp.get("/")
@page_login_required(roles=["member"])
def index():
    """Open seats I can claim, best fit first, and the locked campaigns with the way to unlock them."""
    user = current_user()
    filters = feed.FeedFilter(date_from=_date("from"), date_to=_date("to"),
                              industry=request.args.get("industry") or None,
                              include_full=request.args.get("full") == "1")
    errors = {}
    try:
        body = feed.feed(user, limit=20, cursor=request.args.get("cursor") or None, filters=filters)
    except AppError as exc:
        errors = exc.fields or {"_form": exc.message}
        body = {"items": [], "next_cursor": None, "locked": []}
    waiting = set(db.session.scalars(select(WaitlistEntry.shift_id).where(WaitlistEntry.member_id == user.id)))
    industries = sorted({i for i in db.session.scalars(select(Campaign.industry).where(
        Campaign.state.in_(claims.CLAIMABLE_CAMPAIGN_STATES), Campaign.industry.is_not(None)).distinct())})
    return render_template("marketplace/feed/feed.html", body=body, filters=filters, errors=errors,
                           waiting=waiting, industries=industries, args=request.args)


@bp.post("/shifts/<int:shift_id>/claim")
@page_login_required(roles=["member"])
def claim(shift_id: int):
    try:
        _attempt(lambda: claims.claim_seat(current_user(), shift_id, confirm=_confirmed()),
                 _("Seat claimed. Check in up to 15 minutes before it starts."))
    except claims.ConfirmationRequired as exc:
        return _ask(exc, _("Claim a seat inside the free-release window?"), _("Claim it anyway"))
    return redirect(_back())


@bp.post("/shifts/<int:shift_id>/waitlist", endpoint="waitlist")
@page_login_required(roles=["member"])
def waitlist_page(shift_id: int):
    user = current_user()
    if request.form.get("leave"):
        _attempt(lambda: waitlist.leave_waitlist(user, shift_id), _("You left the waitlist."))
    elif _attempt(lambda: waitlist.join_waitlist(user, shift_id)) is not None:
        flash(_("You are number %(n)s on the waitlist. A seat released before the free-release window closes "
                "is yours automatically; after that we tell you and you choose. Either way you get a notification.",
                n=waitlist.waitlist_position(user.id, shift_id)), "success")
    return redirect(_back())


@bp.get("/shifts")
@page_login_required(roles=["member"])
def my_shifts():
    """Upcoming claims with check-in and release, waitlists, past shifts, and my reliability."""
    user = current_user()
    upcoming = claims_page(user, "upcoming", 50, None)["items"]
    past = claims_page(user, "past", 20, None)["items"]
    waiting = []
    for entry in db.session.scalars(select(WaitlistEntry).where(WaitlistEntry.member_id == user.id)
                                    .order_by(WaitlistEntry.id)):
        shift = db.session.get(Shift, entry.shift_id)
        waiting.append({"shift": shift, "campaign": db.session.get(Campaign, shift.campaign_id),
                        "position": waitlist.waitlist_position(user.id, shift.id)})
    profile = get_profile(user.id)
    return render_template("marketplace/shifts/mine.html", upcoming=upcoming, past=past, waiting=waiting,
                           profile=profile)


@bp.post("/claims/<int:claim_id>/release")
@page_login_required(roles=["member"])
def release(claim_id: int):
    try:
        result = _attempt(lambda: claims.release_claim(current_user(), claim_id, confirm=_confirmed()))
    except claims.ConfirmationRequired as exc:
        return _ask(exc, _("Release this seat late?"), _("Release it anyway"))
    if result is not None and result.late_release:
        flash(_("Seat released. It was inside the cut-off, so it counts as a late release: your reliability is "
                "now %(score)s.", score=get_profile(current_user().id).reliability), "error")
    elif result is not None:
        flash(_("Seat released, free of charge."), "success")
    return redirect(url_for("work.my_shifts"))


@bp.post("/claims/<int:claim_id>/check-in")
@page_login_required(roles=["member"])
def check_in(claim_id: int):
    _attempt(lambda: attendance.check_in(current_user(), claim_id), _("Checked in. Go available to take calls."))
    return redirect(url_for("work.my_shifts"))
