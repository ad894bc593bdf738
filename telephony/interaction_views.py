"""The enterprise's interaction pages: a campaign's interactions (filters by state, member and
day, keyset paging) and one interaction with its timeline, recording player, disposition and
earning. Times in the viewer's zone; another tenant's campaign or interaction is not found."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from sqlalchemy import select

from app.auth.guards import current_user, get_in_org_or_404, page_login_required
from app.auth.models import User
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.formatting import viewer_zone
from app.numbers import is_id
from app.timeutil import as_utc, zone
from telephony import queries
from telephony.campaigns import Campaign
from telephony.lifecycle import STATES
from telephony.recordings import services as recordings
from telephony.wallboard import event_label, event_labels, html_errors

ROLES = ("enterprise_admin", "enterprise_supervisor", "admin")
PAGE_SIZE = 25

bp = Blueprint("interaction_pages", __name__, url_prefix="/telephony", template_folder="templates")


def _id(raw) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise NotFound() from None
    if not is_id(value):
        raise NotFound()
    return value


def _day(raw: str | None, field: str, errors: dict) -> datetime | None:
    """Midnight of a calendar day (YYYY-MM-DD) in the viewer's zone, as UTC."""
    if not raw:
        return None
    try:
        day = datetime.strptime(raw, "%Y-%m-%d").date()
    except ValueError:
        errors[field] = _("Enter a date as YYYY-MM-DD.")
        return None
    return as_utc(datetime.combine(day, time.min, zone(viewer_zone())))


def _names(ids) -> dict[int, str]:
    ids = [i for i in set(ids) if i]
    return dict(db.session.execute(select(User.id, User.name).where(User.id.in_(ids))).all()) if ids else {}


@bp.get("/campaigns/<campaign_id>/interactions")
@html_errors
@page_login_required(ROLES)
def campaign_interactions(campaign_id):
    user = current_user()
    campaign = get_in_org_or_404(Campaign, _id(campaign_id), user)
    form = {key: (request.args.get(key) or "").strip() for key in ("state", "member", "from", "to", "cursor")}
    errors: dict = {}
    state = form["state"] if form["state"] in STATES else None
    if form["state"] and state is None:
        errors["state"] = _("Choose a state from the list.")
    member_id = None
    if form["member"]:
        try:
            member_id = _id(form["member"])
        except NotFound:
            errors["member"] = _("Enter a member's number.")
    start, end = _day(form["from"], "from", errors), _day(form["to"], "to", errors)
    if end is not None:
        end += timedelta(days=1)  # the "to" day is included
    page = {"items": [], "next_cursor": None}
    status = 200
    if errors:
        status = 422
    else:
        try:
            page = queries.list_interactions(user, campaign_id=campaign.id, member_id=member_id, state=state,
                                             queued_from=start, queued_to=end, limit=PAGE_SIZE,
                                             cursor=form["cursor"] or None)
        except ValidationError:
            errors["cursor"] = _("This page link is no longer valid; start from the first page.")
            status = 422
    names = _names(item["member_id"] for item in page["items"])
    query = {k: v for k, v in form.items() if v and k != "cursor"}
    return render_template("telephony/interactions.html", campaign=campaign, page=page, names=names, form=form,
                           errors=errors, states=STATES, labels=event_labels(), query=query,
                           title=_("Interactions: %(name)s", name=campaign.name)), status


@bp.get("/interactions/<interaction_id>")
@html_errors
@page_login_required(ROLES)
def interaction(interaction_id):
    user = current_user()
    found = queries.visible_interaction(user, _id(interaction_id))
    campaign = db.session.get(Campaign, found.campaign_id)
    body = queries.interaction_json(found, detail=True)
    recording = recordings.recording_json(recordings.recording_of(found.id), found)
    names = _names([found.member_id])
    return render_template("telephony/interaction.html", campaign=campaign, item=body, recording=recording,
                           member_name=names.get(found.member_id), labels=event_labels(), event_label=event_label,
                           title=_("Interaction #%(id)s", id=found.id))
