"""The staffing calculator page: size one interval, with the what-if curve around the answer."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from marshmallow import ValidationError

from app.auth.guards import page_login_required
from app.errors import field_text
from marketplace.staffing import erlang
from marketplace.staffing.schemas import ErlangIn

# The blueprint keeps the marketplace's first name: the dashboards link to ``marketplace.calculator``.
bp = Blueprint("marketplace", __name__, url_prefix="/staffing", template_folder="../templates")

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
        errors = {k: field_text(v) for k, v in exc.messages.items()}
        status = 422 if request.args else 200
    else:
        forecast = erlang.Forecast(**data)
        result = erlang.required_agents(forecast)
        rows = [row.to_dict() for row in erlang.curve(forecast, result.agents)] if result.agents else []
    if errors and not request.args:
        errors = {}
    return render_template("marketplace/staffing/calculator.html", form=form, errors=errors,
                           result=result and result.to_dict(), rows=rows,
                           target=float(form["target_service_level"] or 0.8) if not errors else None,
                           title=_("Staffing calculator")), status
