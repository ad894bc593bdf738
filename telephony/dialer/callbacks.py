"""Callback requests (a caller who waited past an inbound campaign's longest wait and pressed 1):
dialed before any contact, as soon as an agent of the campaign is free, inside the callee's calling
window (the zone of their number's country or region; the campaign's windows, else every day
09:00–21:00), never to a number on a DNC list.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial

from sqlalchemy import select, update

from app import events
from app.database import after_commit
from app.extensions import db
from marketplace.contacts import dnc
from marketplace.contacts.dialing import in_calling_window
from marketplace.contacts.phones import PhoneNormalizer, choose_time_zone
from marketplace.contacts.vault import vault
from marketplace.models import Campaign
from telephony import campaigns, numbers, services
from telephony.dialer.placing import Dialed, place_call, take_token
from telephony.dialer.settings import dialer_settings
from telephony.models import CallbackRequest
from telephony.providers import get_provider

logger = logging.getLogger(__name__)

DEFAULT_WINDOWS = [{"days": [0, 1, 2, 3, 4, 5, 6], "start": "09:00", "end": "21:00"}]


def callee_zone(number: str, fallback: str) -> str:
    """The time zone of a number's country or region (the campaign's zone when it spans several)."""
    phone = PhoneNormalizer("CN").normalize(number)
    if isinstance(phone, str):
        return fallback
    return choose_time_zone(phone.time_zones, fallback)


def dial_due(found: Campaign, lines: int, now: datetime) -> list:
    """Dial up to ``lines`` open callback requests of the campaign, oldest first."""
    if lines <= 0:
        return []
    done = []
    settings = dialer_settings(found.settings)
    windows = (found.settings or {}).get("calling_windows") or DEFAULT_WINDOWS
    caller_id = numbers.caller_id(found.id)
    if caller_id is None:
        return []
    requests = db.session.scalars(select(CallbackRequest).where(
        CallbackRequest.campaign_id == found.id, CallbackRequest.state == "open",
        CallbackRequest.phone_encrypted.is_not(None)).order_by(CallbackRequest.requested_at).limit(lines * 4)).all()
    provider = get_provider()
    for request in requests:
        if len([d for d in done if d.placed]) >= lines:
            break
        if dnc.is_blocked(found.org_id, request.phone_hash):
            _set_state(request.id, "closed")
            done.append(Dialed(None, "dnc"))
            continue
        number = vault().decrypt(request.phone_encrypted, request.phone_hash)
        if not in_calling_window(windows, callee_zone(number, found.time_zone), now):
            done.append(Dialed(None, "outside_calling_window"))
            continue
        if not take_token(provider.name, settings, found.id):
            done.append(Dialed(None, "paced"))
            break
        if not _set_state(request.id, "dialed"):
            continue  # another process took it
        interaction = services.create_interaction(found.id, "outbound", provider=provider.name,
                                                  customer_phone=number, at=now)
        events.send(events.contact_phone_accessed, "telephony", contact_id=None, campaign_id=found.id,
                    org_id=found.org_id, purpose="dial", actor_id=None)
        after_commit(partial(place_call, interaction.id, number, caller_id, None, settings["ring_seconds"], None))
        logger.info("Callback request %s dialed (interaction %s)", request.id, interaction.id)
        done.append(Dialed(interaction.id, "ok"))
    return done


def campaigns_with_open_requests(now: datetime) -> list[int]:
    """Running campaigns (within their dates) that have callback requests waiting."""
    running = {c.id for c in campaigns.running_campaigns(now)}
    waiting = db.session.scalars(select(CallbackRequest.campaign_id).where(
        CallbackRequest.state == "open").distinct()).all()
    return sorted(running.intersection(waiting))


def _set_state(request_id: int, state: str) -> bool:
    taken = db.session.execute(update(CallbackRequest).where(
        CallbackRequest.id == request_id, CallbackRequest.state == "open").values(state=state)
        .execution_options(synchronize_session="fetch"))
    return taken.rowcount == 1
