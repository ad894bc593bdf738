"""A "sold out" mark per shift in Redis, so a rush on a full shift is answered without the database.

When a thousand members tap the same shift, all but its seats get a 409. Without the mark each of
those answers costs a transaction that reads the shift, the campaign and the member's profile;
with it, one Redis lookup. The database stays the only authority on seats: the mark is set only when
the database has said the shift is full (a claim took the last seat and committed, or the seat
counter refused one), and removed after a commit that frees a seat or adds seats. A mark that
outlives its truth (a seat freed between the database's answer and the mark) lasts at most
``SEAT_GATE_SECONDS``, and a freed seat goes to the waitlist first anyway. If Redis is down, every
claim simply asks the database.
"""

from __future__ import annotations

import logging

import redis
from flask import current_app

from app.extensions import redis_store

logger = logging.getLogger(__name__)


def _key(shift_id: int) -> str:
    return f"crowdline:shift-full:{shift_id}"


def _seconds() -> int:
    return int(current_app.config.get("SEAT_GATE_SECONDS") or 0)


def known_full(shift_id: int) -> bool:
    """True when the database said this shift was full less than ``SEAT_GATE_SECONDS`` ago."""
    if not _seconds():
        return False
    try:
        return bool(redis_store.connection.exists(_key(shift_id)))
    except redis.RedisError as exc:
        logger.warning("Seat gate unavailable, asking the database: %s", exc)
        return False


def mark_full(shift_id: int) -> None:
    """Remember that the database has no free seat on this shift (call it with committed truth)."""
    seconds = _seconds()
    if not seconds:
        return
    try:
        redis_store.connection.set(_key(shift_id), 1, ex=seconds)
    except redis.RedisError as exc:
        logger.warning("Seat gate unavailable: %s", exc)


def forget(shift_id: int) -> None:
    """A seat may be free again: the next claim asks the database (call it after the commit)."""
    if not _seconds():
        return
    try:
        redis_store.connection.delete(_key(shift_id))
    except redis.RedisError as exc:
        logger.warning("Seat gate unavailable: %s", exc)
