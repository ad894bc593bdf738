"""The supervisor's live wallboard: the page, its server-sent events and poll fallback, and the
same figures as ``GET /api/v1/campaigns/{id}/live``.

The event stream is bounded: it sends a refresh every ``WALLBOARD_EVENT_SECONDS`` (default 1)
for ``WALLBOARD_STREAM_SECONDS`` (default 25) and then closes, telling the browser (``retry:``)
to reconnect within two seconds. Under gunicorn's sync workers a stream therefore holds one
worker for at most that long; the page falls back to polling ``/telephony/wallboard/data`` every
two seconds when the stream cannot be opened.
"""

from __future__ import annotations

import functools
import json
import time

from apiflask import APIBlueprint, Schema, fields
from flask import Blueprint, Response, current_app, render_template, request, stream_with_context
from flask_babel import gettext as _

from app.auth.guards import current_user, get_in_org_or_404, page_login_required, require_role, require_user, token_auth
from app.errors import AppError, NotFound, Unauthorized, error_text
from app.extensions import db
from app.formatting import when
from app.numbers import is_id
from app.timeutil import isoformat
from telephony import live
from telephony.campaigns import Campaign

ROLES = ("enterprise_admin", "enterprise_supervisor", "admin")
RETRY_MS = 1500

bp = Blueprint("wallboard", __name__, url_prefix="/telephony/wallboard", template_folder="templates",
               static_folder="static", static_url_path="/static")
api_bp = APIBlueprint("telephony_live_api", __name__, url_prefix="/api/v1", tag="Campaigns")


def html_errors(view):
    """Pages under ``/telephony/`` (a prefix whose errors answer JSON, for the provider's webhooks)
    still answer people with the error page."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except AppError as exc:
            return render_template("errors/error.html", status=exc.status, code=exc.code, message=error_text(exc),
                                   fields=exc.fields or {}), exc.status

    return wrapped


def _campaign(user, raw) -> Campaign:
    try:
        campaign_id = int(raw)
    except (TypeError, ValueError):
        raise NotFound() from None
    if not is_id(campaign_id):
        raise NotFound()
    return get_in_org_or_404(Campaign, campaign_id, user)


def _json(value):
    return isoformat(value) if hasattr(value, "isoformat") else str(value)


def event_labels() -> dict[str, str]:
    """The timeline's kinds and the interaction states, in the viewer's language."""
    return {"queued": _("queued"), "offered": _("offered"), "declined": _("declined"), "missed": _("missed"),
            "answered": _("answered"), "held": _("on hold"), "resumed": _("resumed"), "transferred": _("transferred"),
            "escalated": _("escalated"), "wrapup": _("wrap-up"), "completed": _("completed"),
            "abandoned": _("abandoned"), "failed": _("failed"), "in_progress": _("in a call"),
            "transferred:calling": _("calling the enterprise's line"),
            "transferred:connected": _("handed over to the enterprise"),
            "transferred:failed": _("the enterprise's line did not answer"),
            "transferred:enterprise_left": _("the enterprise hung up"),
            "transferred:caller_left": _("the caller hung up, after the hand-over")}


def event_label(event: dict, labels: dict[str, str]) -> str:
    """A timeline entry in words: its kind, or the step of a hand-over."""
    step = (event.get("detail") or {}).get("step")
    key = f"{event['kind']}:{step}" if step else event["kind"]
    return labels.get(key) or labels.get(event["kind"], event["kind"])


def _snapshot_text(campaign) -> str:
    body = live.snapshot(campaign)
    labels = event_labels()
    body["at_text"] = when(body["at"], "time")
    for row in body["agents_list"]:
        row["since_text"] = when(row["since"], "time") if row["since"] else ""
    for slot in body["chart"]:
        slot["label"] = when(slot["start"], "time", show_zone=False)
    for item in body["interactions"]:
        item["state_text"] = labels.get(item["state"], item["state"])
        item["queued_text"] = when(item["queued_at"], "time")
        for event in item["timeline"]:
            event["text"] = f"{when(event['at'], 'time', show_zone=False)} {event_label(event, labels)}"
    db.session.rollback()  # end the read: the next refresh sees what was committed since
    return json.dumps(body, default=_json)


def _reader():
    user = current_user()
    if user is None:
        raise Unauthorized()
    require_role(user, *ROLES)
    return user


@bp.get("")
@html_errors
@page_login_required(ROLES)
def page():
    """The wallboard of one campaign (``?campaign=<id>``)."""
    campaign = _campaign(current_user(), request.args.get("campaign"))
    figures = live.snapshot(campaign)
    return render_template("telephony/wallboard.html", campaign=campaign, live=figures,
                           title=_("Live wallboard: %(name)s", name=campaign.name))


@bp.get("/data")
def data():
    """One refresh as JSON (the page's fallback poll), for a signed-in supervisor."""
    campaign = _campaign(_reader(), request.args.get("campaign"))
    return Response(_snapshot_text(campaign), mimetype="application/json",
                    headers={"Cache-Control": "no-store"})


@bp.get("/stream")
def stream():
    """Server-sent events: a ``live`` event with one refresh each second, for a bounded time."""
    campaign = _campaign(_reader(), request.args.get("campaign"))
    every = float(current_app.config.get("WALLBOARD_EVENT_SECONDS") or 1)
    lasting = float(current_app.config.get("WALLBOARD_STREAM_SECONDS") or 25)
    campaign_id = campaign.id

    def events():
        yield f"retry: {RETRY_MS}\n\n"
        ends = time.monotonic() + lasting
        while True:
            found = db.session.get(Campaign, campaign_id)
            if found is None:
                return
            yield f"event: live\ndata: {_snapshot_text(found)}\n\n"
            if time.monotonic() + every > ends:
                return
            time.sleep(every)

    return Response(stream_with_context(events()), mimetype="text/event-stream",
                    headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


class AgentsByStateOut(Schema):
    available = fields.Integer()
    offered = fields.Integer(metadata={"description": "Ringing with an offer now."})
    on_call = fields.Integer()
    wrapup = fields.Integer()
    away = fields.Integer()
    offline = fields.Integer(metadata={"description": "On shift (checked in) but not reachable."})


class LiveOut(Schema):
    campaign_id = fields.Integer()
    at = fields.DateTime()
    day_starts_at = fields.DateTime(metadata={"description": "Midnight of today in the campaign's time zone."})
    time_zone = fields.String()
    target_answer_seconds = fields.Integer()
    waiting = fields.Integer(metadata={"description": "Calls queued or ringing an agent now."})
    longest_wait_seconds = fields.Integer()
    agents = fields.Nested(AgentsByStateOut)
    offered = fields.Integer(metadata={"description": "Interactions queued today."})
    answered = fields.Integer()
    abandoned = fields.Integer()
    answered_within_target = fields.Integer()
    abandoned_within_target = fields.Integer()
    service_level = fields.Float(allow_none=True, metadata={
        "description": "Answered within the target / answered (0..1)."})
    sl2 = fields.Float(allow_none=True, metadata={
        "description": "(Answered + abandoned within the target) / (answered + abandoned), Asterisk's second "
                       "convention, as the reports use (0..1)."})
    asa = fields.Float(allow_none=True, metadata={"description": "Average seconds from queued to answered."})
    aht = fields.Float(allow_none=True, metadata={
        "description": "Average handle seconds (talk + hold + wrap-up) of today's completed calls."})
    occupancy = fields.Float(allow_none=True, metadata={
        "description": "Agents on a call or in wrap-up / agents staffed, now (0..1)."})


@api_bp.get("/campaigns/<int:campaign_id>/live")
@api_bp.auth_required(token_auth, roles=list(ROLES))
@api_bp.output(LiveOut)
@api_bp.doc(summary="The campaign's live figures: now and today so far",
            description="Calls waiting and the longest wait, agents by state, and today's (the campaign's time "
                        "zone) offered, answered, abandoned, service level, SL2, ASA, AHT and occupancy. Ratios "
                        "are 0..1, null when nothing was counted yet.", responses=[403, 404])
def live_figures(campaign_id):
    return live.figures(_campaign(require_user(), campaign_id))
