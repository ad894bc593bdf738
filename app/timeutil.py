"""UTC helpers. Time is stored and compared in UTC; local time is for display and calling windows."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Treat a naive datetime as UTC (as stored); convert an aware one to UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_millis(value: datetime) -> int:
    """Integer milliseconds since the Unix epoch."""
    return int(as_utc(value).timestamp() * 1000)


def isoformat(value: datetime | None) -> str | None:
    """RFC 3339 text in UTC with a ``Z`` suffix, or None."""
    if value is None:
        return None
    return as_utc(value).isoformat().replace("+00:00", "Z")


def zone(name: str) -> ZoneInfo:
    """An IANA time zone by name; ``ValueError`` for an unknown one."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {name}") from exc


def local(value: datetime, tz_name: str) -> datetime:
    """The same instant in the named zone (e.g. a callee's local time for calling windows)."""
    return as_utc(value).astimezone(zone(tz_name))
