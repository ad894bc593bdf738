"""Signalling mailboxes in Redis: one per side of a call, keyed by the customer leg's call sid.

A message posted for the other side waits in its list (an hour at most) until that side's event
stream takes it, so neither browser has to be connected first and a reconnecting stream loses
nothing. Only a handful of message kinds pass; bodies are capped."""

from __future__ import annotations

import json
import secrets

from app.extensions import redis_store

SIDES = ("agent", "customer")
KINDS = frozenset({"offer", "answer", "ice", "bye", "hold", "resume", "dtmf", "caption"})
MAX_BODY = 20_000  # characters of one message (an SDP with its candidates fits easily)
KEEP_SECONDS = 3600
PHONE_KEY = "softphone:phone:{token}"


def _box(call_sid: str, side: str) -> str:
    return f"softphone:sig:{call_sid}:{side}"


def other(side: str) -> str:
    return "customer" if side == "agent" else "agent"


def post(call_sid: str, to_side: str, message: dict) -> None:
    """Leave ``message`` for ``to_side`` of the call."""
    redis = redis_store.connection
    key = _box(call_sid, to_side)
    redis.rpush(key, json.dumps(message, separators=(",", ":")))
    redis.expire(key, KEEP_SECONDS)


def take(call_sid: str, side: str, timeout: float) -> dict | None:
    """The next message for ``side`` (waiting up to ``timeout`` seconds), or None."""
    found = redis_store.connection.blpop([_box(call_sid, side)], timeout=max(1, int(timeout)))
    if found is None:
        return None
    return json.loads(found[1])


def clean(message: object) -> dict | None:
    """A message a browser may relay (its kind known, its body small), or None."""
    if not isinstance(message, dict) or message.get("kind") not in KINDS:
        return None
    body = message.get("body")
    if body is not None and (not isinstance(body, (str, dict)) or len(json.dumps(body)) > MAX_BODY):
        return None
    return {"kind": message["kind"], "body": body}


def new_phone_call(call_sid: str) -> str:
    """A secret the customer phone page uses for its call (the page is signed out)."""
    token = secrets.token_urlsafe(24)
    redis_store.connection.set(PHONE_KEY.format(token=token), call_sid, ex=KEEP_SECONDS * 4)
    return token


def phone_call_sid(token: str) -> str | None:
    if not token or len(token) > 64:
        return None
    value = redis_store.connection.get(PHONE_KEY.format(token=token))
    return value.decode() if value else None


def mark_browser_call(call_sid: str) -> None:
    """The customer leg is a browser (the customer phone page), not a simulated caller."""
    redis_store.connection.set(f"softphone:browser:{call_sid}", "1", ex=KEEP_SECONDS * 4)


def is_browser_call(call_sid: str) -> bool:
    return bool(redis_store.connection.exists(f"softphone:browser:{call_sid}"))
