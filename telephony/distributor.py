"""The app's call distributor: one ``Acd`` on the app's Redis, and each campaign's routing settings.

Everything in telephony that routes (the webhooks, the agents' API, the dispatcher) reaches the ACD
through ``distributor()``, so that all of them share one set of keys and one id type. A campaign's
routing settings live in ``campaign.settings["routing"]`` with the defaults below.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from app.extensions import redis_store
from telephony.routing.acd import Acd

# A campaign's routing settings, and their defaults (seconds).
ROUTING_DEFAULTS: dict[str, Any] = {
    "offer_timeout_seconds": 15,
    "escalate_after_seconds": 30,
    "max_wait_seconds": 300,
    "wrapup_seconds": 60,
    "priority": 0,
}


def distributor() -> Acd:
    """The ACD of this app (its keys under ``ACD_PREFIX``, ids as ints, a heartbeat window of two
    beats), cached per Redis connection."""
    connection = redis_store.connection
    cached = current_app.extensions.get("telephony_acd")
    if cached is None or cached.client is not connection:
        cached = Acd(connection, prefix=current_app.config.get("ACD_PREFIX", "acd:"), id_type=int,
                     heartbeat_window_ms=2 * heartbeat_seconds() * 1000)
        current_app.extensions["telephony_acd"] = cached
    return cached


def heartbeat_seconds() -> int:
    """How often an agent's client beats (``AGENT_HEARTBEAT_SECONDS``); two missed beats take them offline."""
    return int(current_app.config.get("AGENT_HEARTBEAT_SECONDS") or 10)


def routing_settings(settings: dict | None) -> dict[str, Any]:
    """A campaign's routing settings (from ``campaign.settings``) over the defaults."""
    chosen = dict((settings or {}).get("routing") or {})
    return {key: chosen.get(key, default) for key, default in ROUTING_DEFAULTS.items()}
