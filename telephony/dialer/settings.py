"""A campaign's dialer settings (``campaign.settings["dialer"]``) over their defaults, and the call
rate each provider allows. Pure: no Flask, no session."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MODES = ("preview", "progressive", "predictive")
AMD_ACTIONS = ("drop", "message", "retry")  # what to do when a machine answers
MIN_RING_SECONDS = 15  # ring at least 15 s (about four rings) before giving up
DEFAULT_ABANDON_CAP = 0.03
# Calls per second a provider accepts by default (Twilio: 1 call/s per account unless raised).
PROVIDER_CPS = {"twilio": 1.0, "local": 50.0}

DEFAULTS: dict[str, Any] = {
    "mode": "progressive",
    "abandon_cap": DEFAULT_ABANDON_CAP,  # abandoned / answered by a person, over the campaign and 30 days
    "amd": "drop",  # drop | message | retry
    "amd_message": "",  # left on the machine with ``message``
    "amd_retry_minutes": 240,
    "ring_seconds": 20,
    "cps": None,  # None: the provider's limit
    "max_lines_per_agent": 3.0,  # predictive mode's ceiling
    "abandon_message": "",  # said to a person answered with no agent free (default: a message in their language)
}


def dialer_settings(settings: Mapping | None) -> dict[str, Any]:
    """A campaign's dialer settings over the defaults."""
    chosen = dict((settings or {}).get("dialer") or {})
    merged = {key: chosen.get(key, default) for key, default in DEFAULTS.items()}
    merged["ring_seconds"] = max(int(merged["ring_seconds"] or MIN_RING_SECONDS), MIN_RING_SECONDS)
    return merged


def provider_cps_limit(provider: str, config: Mapping) -> float:
    """The calls per second ``provider`` accepts: ``DIALER_MAX_CPS`` when the account's limit was
    raised, else the provider's default."""
    configured = config.get("DIALER_MAX_CPS")
    if configured:
        return float(configured)
    return PROVIDER_CPS.get(provider, 1.0)


def effective_cps(chosen: float | None, limit: float) -> float:
    """The rate the dialer paces at: the campaign's choice, never above the provider's limit."""
    return min(float(chosen), limit) if chosen else limit
