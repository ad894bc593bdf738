"""A campaign's dialer settings (``campaign.settings["dialer"]``) over their defaults, and the call
rate each provider allows. No request, no session."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marketplace.campaigns.dialer import AMD_ACTIONS, DEFAULTS, MAX_ABANDON_CAP, MIN_RING_SECONDS, MODES

# The settings' defaults and limits are the campaign's (the wizard checks them too).
DEFAULT_ABANDON_CAP = MAX_ABANDON_CAP
# Calls per second a provider accepts by default (Twilio: 1 call/s per account unless raised).
PROVIDER_CPS = {"twilio": 1.0, "local": 50.0}

__all__ = ["AMD_ACTIONS", "DEFAULTS", "DEFAULT_ABANDON_CAP", "MIN_RING_SECONDS", "MODES", "PROVIDER_CPS",
           "dialer_settings", "effective_cps", "provider_cps_limit"]


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
