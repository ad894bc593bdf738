"""The member's assessments: the IPIP-50 personality markers and the typing check."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from academy import services
from academy.views.blueprint import bp, fail, locale
from app.auth.guards import current_user, page_login_required
from app.database import commit
from app.errors import AppError, NotFound


@bp.route("/assessment", methods=["GET", "POST"])
@page_login_required(["member"])
def assessment():
    user = current_user()
    try:
        instrument = services.ipip_instrument()
    except NotFound:
        instrument = None
    errors = {}
    if request.method == "POST" and instrument:
        answers = {}
        for item in instrument["items"]:
            value = request.form.get(f"i{item['number']}", "")
            if value.isdigit():
                answers[str(item["number"])] = int(value)
        try:
            services.submit_assessment(user, instrument, answers)
            commit()
            flash(_("Thank you. Your trait scores are on your profile."), "success")
            return redirect(url_for("academy.profile"))
        except AppError as exc:
            fail(exc)
            errors = exc.fields
    return render_template("academy/assessment.html", instrument=instrument, errors=errors,
                           latest=services.latest_assessment(user.id))


@bp.route("/typing", methods=["GET", "POST"])
@page_login_required(["member"])
def typing_check():
    """The typing and writing check for chat work: type the passage; the server keeps the time."""
    user = current_user()
    result = None
    if request.method == "POST":
        try:
            result = services.submit_typing_check(user, request.form.get("ticket", ""), request.form.get("typed", ""))
            commit()
        except AppError as exc:
            fail(exc)
            return redirect(url_for("academy.typing_check"))
    check = services.start_typing_check(user, locale())
    return render_template("academy/typing.html", check=check, result=result,
                           latest=services.latest_typing(user.id))
