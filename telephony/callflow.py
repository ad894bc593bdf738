"""The small pieces every part of the call flow shares: the conference a call's legs meet in, the
webhook URLs the carrier is told to call, the language a caller hears, the time a callback
reports, a call's final statuses, and hanging a call up."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlencode

from app.timeutil import as_utc, utcnow
from telephony.providers import ProviderError, get_provider

logger = logging.getLogger(__name__)

WEBHOOKS = "/telephony/twilio"
ENDED = ("completed", "busy", "no-answer", "failed", "canceled")  # a call's final statuses


def conference_name(interaction_id: int) -> str:
    return f"ix-{interaction_id}"


def webhook_url(path: str, provider=None, **query) -> str:
    """The absolute URL of one of the telephony webhooks, as the provider must call it."""
    provider = provider or get_provider()
    suffix = f"?{urlencode({k: v for k, v in query.items() if v is not None})}" if query else ""
    return provider.callback_url(f"{WEBHOOKS}/{path}{suffix}")


def caller_language(found) -> str:
    """The language callers of a campaign hear: its setting, else Chinese for a campaign run in China."""
    chosen = (found.settings or {}).get("language") if found is not None else None
    if chosen in ("zh", "en"):
        return chosen
    zone = getattr(found, "time_zone", "") or ""
    return "zh" if zone in ("Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi") else "en"


def provider_time(params: Mapping) -> datetime | None:
    """The time a callback reports (``Timestamp``, RFC 2822, whole seconds), or None. Never later
    than now: a carrier whose clock runs ahead (the local carrier sped up) cannot date the future."""
    try:
        reported = parsedate_to_datetime(params["Timestamp"]) if params.get("Timestamp") else None
    except (TypeError, ValueError):
        return None
    return min(as_utc(reported), utcnow()) if reported is not None else None


def hang_up(sid: str | None) -> None:
    """End a call on the provider (after commit); a call already gone is only logged."""
    if not sid:
        return
    try:
        get_provider().hangup(sid)
    except ProviderError as error:
        logger.info("Hang-up of %s: %s", sid, error)
