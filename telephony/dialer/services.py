"""The dialer's write verbs and reads behind its API: a campaign's dialer settings, its figures,
and preview mode (the member's next contact, and the dial they press)."""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from app.database import after_commit, commit
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.numbers import is_id
from app.timeutil import local, utcnow
from marketplace.campaigns import dialer as campaign_dialer
from marketplace.contacts import dialing
from marketplace.models import Campaign, Contact
from telephony import campaigns, earnings
from telephony.dialer import compliance, hopper
from telephony.dialer.modes import Measured
from telephony.dialer.pacing import check_cps
from telephony.dialer.settings import dialer_settings, provider_cps_limit
from telephony.distributor import distributor
from telephony.models import Interaction
from telephony.providers import get_provider

logger = logging.getLogger(__name__)


def configure_dialer(found: Campaign, data: dict) -> dict:
    """Set an outbound campaign's dialer settings (only those given); 422 naming each bad field,
    nothing changed then. The limits are the campaign's own (the wizard checks the same)."""
    if found.kind != "outbound":
        raise ValidationError(_("Only outbound campaigns dial."), code="not_outbound")
    problems = campaign_dialer.problems(data, dialer_settings(found.settings))
    if "cps" in data:
        try:
            check_cps(data["cps"], provider_cps_limit(get_provider().name, current_app.config))
        except ValidationError as refused:
            problems.update(refused.fields or {})
    if problems:
        raise ValidationError(fields=problems)
    settings = dict(found.settings or {})
    settings["dialer"] = {**(settings.get("dialer") or {}), **{k: v for k, v in data.items()}}
    found.settings = settings
    flag_modified(found, "settings")
    db.session.flush()
    logger.info("Campaign %s dialer set: %s", found.id, sorted(data))
    return dialer_settings(found.settings)


def _measured_json(measured: Measured) -> dict:
    return {"placed": measured.placed, "answered": measured.answered, "abandoned": measured.abandoned,
            "abandon_rate": round(measured.abandon_rate, 4)}


def dialer_json(found: Campaign) -> dict:
    provider = get_provider().name
    refusals = dict(db.session.execute(select(Contact.dial_refusal, func.count()).where(
        Contact.campaign_id == found.id, Contact.dial_refusal.is_not(None)).group_by(Contact.dial_refusal)).all())
    return {"settings": dialer_settings(found.settings), "provider": provider,
            "provider_cps_limit": provider_cps_limit(provider, current_app.config),
            "campaign": _measured_json(hopper.measured(found.id)),
            "last_30_days": _measured_json(hopper.measured(found.id, utcnow() - timedelta(days=30))),
            "refusals": refusals}


# --- preview mode ------------------------------------------------------------------------------------

def _preview_campaigns(member_id: int, now) -> list[Campaign]:
    """The running outbound campaigns in preview mode the member is checked in to now."""
    found = []
    for _claim, campaign in campaigns.member_claims(member_id, now):
        if campaign.kind == "outbound" and campaign.state in campaigns.ROUTABLE_CAMPAIGN_STATES \
                and dialer_settings(campaign.settings)["mode"] == "preview" and campaign not in found:
            found.append(campaign)
    return found


def _card(contact: Contact, found: Campaign, now) -> dict:
    settings = found.settings or {}
    return {"contact_id": contact.id, "campaign_id": found.id, "campaign_name": found.name, "name": contact.name,
            "phone_masked": contact.phone_masked, "time_zone": contact.time_zone,
            "local_time": local(now, contact.time_zone).strftime("%H:%M"), "attributes": contact.attributes or {},
            "attempts": contact.attempts, "last_disposition": contact.last_disposition,
            "script": settings.get("script") or "", "survey_questions": settings.get("survey_questions") or [],
            "dispositions": [{"code": d.get("code"), "label": d.get("label"), "outcome": d.get("outcome")}
                             for d in settings.get("dispositions") or []]}


def next_preview(member, campaign_id: int | None = None) -> dict | None:
    """The member's next contact to preview (masked), or None when none may be called now."""
    now = utcnow()
    choices = _preview_campaigns(member.id, now)
    if campaign_id is not None:
        choices = [c for c in choices if c.id == campaign_id]
        if not choices:
            raise NotFound()
    for found in choices:
        for contact in dialing.contacts_due(found.id, now, limit=1):
            return _card(contact, found, now)
    return None


def dial_preview(member, contact_id: int) -> Interaction:
    """The member pressed dial on a previewed contact: checked again now, then dialed for them.
    404 outside the member's preview campaigns; 409 with the reason when a check fails (the reason
    is recorded on the contact, nothing is dialed)."""
    now = utcnow()
    contact = db.session.get(Contact, contact_id) if is_id(contact_id) else None
    if contact is None or contact.campaign_id not in {c.id for c in _preview_campaigns(member.id, now)}:
        raise NotFound()
    dialed = hopper.dial_contact(contact.id, member_id=member.id, now=now)
    if not dialed.placed:
        commit()  # the refusal stays on the contact; nothing was dialed
        if dialed.reason == "paced":
            raise Conflict(_("The line is busy with other calls: press dial again in a second."), code="paced")
        if dialed.reason == "no_caller_id":
            raise Conflict(_("The campaign has no number to call from yet."), code="no_caller_id")
        raise Conflict(compliance.reason_text(dialed.reason), code=dialed.reason)
    earnings.record_presence(member.id, "busy")
    after_commit(partial(_out_of_routing, member.id))
    return db.session.get(Interaction, dialed.interaction_id)


def _out_of_routing(member_id: int) -> None:
    """While their preview call rings and runs, the member is offered no other call."""
    distributor().set_away(member_id)
