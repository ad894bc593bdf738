"""Voice providers behind one registry, chosen by ``TELEPHONY_PROVIDER``: each external service has one door.

``twilio`` talks to Twilio Programmable Voice; ``local`` runs the same code against the local
carrier (``telephony.carrier``), for ``make run``, the tests and load runs. Both speak TwiML,
built here: ``caller_waits_in_conference``, ``hold_music``, ``agent_joins_conference``,
``escalate_to_sip``, ``say_and_hang_up``, and ``Twiml()`` verb by verb for anything else.
"""

from __future__ import annotations

from flask import current_app

from telephony.providers.base import (
    CALL_PROGRESS_EVENTS,
    CONFERENCE_EVENTS,
    SIGNATURE_HEADER,
    PlacedCall,
    ProviderError,
    SipAddress,
    VoiceProvider,
    client_identity,
    member_id_from_identity,
    parse_sip_uri,
    public_url,
    sip_campaign_hint,
)
from telephony.providers.local import LocalProvider
from telephony.providers.twilio import (
    TwilioProvider,
    Twiml,
    agent_joins_conference,
    caller_waits_in_conference,
    escalate_to_sip,
    hold_music,
    say_and_hang_up,
)

PROVIDERS: dict[str, type[VoiceProvider]] = {"local": LocalProvider, "twilio": TwilioProvider}


def get_provider(name: str | None = None) -> VoiceProvider:
    """The configured provider (or the one named, e.g. the provider a call was placed with)."""
    name = name or current_app.config.get("TELEPHONY_PROVIDER") or "local"
    if name not in PROVIDERS:
        raise ValueError(f"unknown telephony provider: {name}")
    return PROVIDERS[name](current_app.config)


__all__ = [
    "CALL_PROGRESS_EVENTS", "CONFERENCE_EVENTS", "PROVIDERS", "SIGNATURE_HEADER", "PlacedCall", "ProviderError",
    "SipAddress", "Twiml", "VoiceProvider", "agent_joins_conference", "caller_waits_in_conference", "client_identity",
    "escalate_to_sip", "get_provider", "hold_music", "member_id_from_identity", "parse_sip_uri", "public_url",
    "say_and_hang_up", "sip_campaign_hint",
]
