"""Campaigns' inbound numbers: which campaign a call is for, a fake number for each published
campaign on the local carrier, and the enterprise's own settings (Twilio number or SIP user,
where overflow goes back to, the routing settings)."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm.attributes import flag_modified

from app.errors import Conflict, ValidationError
from app.extensions import db
from telephony.distributor import ROUTING_DEFAULTS, routing_settings
from telephony.models import CampaignNumber
from telephony.providers import parse_sip_uri, sip_campaign_hint

logger = logging.getLogger(__name__)

E164 = re.compile(r"^\+[1-9]\d{6,14}$")
SIP_USER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
LOCAL_RANGE = "+86401"  # the local carrier's fake numbers: +86401 then the campaign id on 7 digits
ROUTING_LIMITS = {"offer_timeout_seconds": (5, 120), "escalate_after_seconds": (0, 3600),
                  "max_wait_seconds": (10, 7200), "wrapup_seconds": (0, 600), "priority": (0, 99)}


def number_of(campaign_id: int) -> CampaignNumber | None:
    return db.session.get(CampaignNumber, campaign_id)


def caller_id(campaign_id: int) -> str | None:
    """The campaign's own number: the caller ID of every leg placed for it."""
    found = number_of(campaign_id)
    return found.number if found is not None else None


def campaign_for_call(params: Mapping) -> int | None:
    """The campaign an inbound call is for: by the SIP header or user of a SIP Domain call, else by
    the dialled number."""
    to = params.get("To", "")
    if parse_sip_uri(to) is not None or params.get("SipHeader_X-Crowdline-Campaign"):
        hint = sip_campaign_hint(params)
        if not hint:
            return None
        column = CampaignNumber.sip_user == hint
    else:
        column = CampaignNumber.number == to
    return db.session.scalar(select(CampaignNumber.campaign_id).where(column))


def local_number(campaign_id: int) -> str:
    return f"{LOCAL_RANGE}{campaign_id:07d}"


def allocate_local_number(campaign_id: int) -> CampaignNumber:
    """Give a campaign a fake E.164 number of the local carrier (once; a set number is kept)."""
    found = number_of(campaign_id)
    if found is None:
        found = CampaignNumber(campaign_id=campaign_id, allocated=True)
        db.session.add(found)
    if found.number is None:
        found.number, found.allocated = local_number(campaign_id), True
        logger.info("Campaign %s answers on %s (local carrier)", campaign_id, found.number)
    db.session.flush()
    return found


def allocate_on_publish(sender, *, campaign_id: int, to_state: str, **_kwargs) -> None:
    """``campaign_changed`` receiver: a campaign taking calls on the local carrier gets a number."""
    if to_state in ("published", "running") and current_app.config.get("TELEPHONY_PROVIDER", "local") == "local":
        allocate_local_number(campaign_id)


def routing_json(found) -> dict:
    """The campaign's number, SIP user, escalation lines and routing settings, for its enterprise."""
    number = number_of(found.id)
    return {"number": number.number if number else None, "sip_user": number.sip_user if number else None,
            "escalation_sip_uri": number.escalation_sip_uri if number else None,
            "escalation_number": number.escalation_number if number else None,
            "settings": routing_settings(found.settings)}


def configure_routing(found, data: Mapping) -> None:
    """Set a campaign's number, SIP user, escalation lines and routing settings (only those given).
    422 naming each bad field; 409 ``number_taken`` when another campaign answers there already."""
    problems: dict[str, str] = {}
    for name in ("number", "escalation_number"):
        value = data.get(name)
        if value is not None and not E164.match(value):
            problems[name] = _("A phone number in international form, like +8613812345678.")
    if data.get("sip_user") is not None and not SIP_USER.match(data["sip_user"]):
        problems["sip_user"] = _("Letters, digits, dots, dashes and underscores, at most 64.")
    if data.get("escalation_sip_uri") is not None and parse_sip_uri(data["escalation_sip_uri"]) is None:
        problems["escalation_sip_uri"] = _("A SIP address, like sip:queue@pbx.example.com.")
    for key, (low, high) in ROUTING_LIMITS.items():
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high):
            problems[key] = _("A whole number from %(low)d to %(high)d.", low=low, high=high)
    if problems:
        raise ValidationError(fields=problems)
    taken = db.session.scalar(select(CampaignNumber.campaign_id).where(
        CampaignNumber.campaign_id != found.id,
        or_(*[getattr(CampaignNumber, name) == data[name] for name in ("number", "sip_user") if data.get(name)]
            or [False])))
    if taken is not None:
        raise Conflict(_("Another campaign already answers on this number or SIP user."), code="number_taken")
    number = number_of(found.id) or CampaignNumber(campaign_id=found.id, allocated=False)
    db.session.add(number)
    for name in ("number", "sip_user", "escalation_sip_uri", "escalation_number"):
        if name in data:
            setattr(number, name, data[name] or None)
    if "number" in data:
        number.allocated = False
    chosen = {key: data[key] for key in ROUTING_DEFAULTS if data.get(key) is not None}
    if chosen:
        settings = dict(found.settings or {})
        settings["routing"] = {**(settings.get("routing") or {}), **chosen}
        found.settings = settings
        flag_modified(found, "settings")
    db.session.flush()
    logger.info("Campaign %s routing set: %s", found.id, sorted(data))
