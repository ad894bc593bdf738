"""The outbox: every signal becomes a queued entry in the transaction of the change it records."""

from __future__ import annotations

import json
import logging
import re

from app.extensions import db
from app.timeutil import isoformat, utcnow
from ledger.models import QueuedEntry

logger = logging.getLogger(__name__)

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"^\+?[\d\s().-]{8,}$")


def canonical_json(value) -> str:
    """The one serialisation that is hashed: sorted keys, no spaces, UTF-8 text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _redact(value, path: str, kind: str):
    """Personal data never enters the log: e-mails and phone numbers are replaced and reported."""
    if isinstance(value, dict):
        return {k: _redact(v, f"{path}.{k}", kind) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact(v, f"{path}[{i}]", kind) for i, v in enumerate(value)]
    if isinstance(value, str) and "*" not in value and (("@" in value and _EMAIL.search(value))
                                                        or _PHONE.match(value)):
        logger.error("Personal data in a %s signal at %s was redacted from the ledger", kind, path)
        return "[redacted]"
    return value


def _plain(value):
    """Signal values as JSON: ints, strings, bools, None, lists and dicts; anything else as text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return isoformat(value) if hasattr(value, "tzinfo") else value.isoformat()
    return str(value)


def record(kind: str, sender: str, payload: dict) -> QueuedEntry:
    """Queue an entry in the current transaction (called by the receivers of every signal)."""
    created = utcnow()
    body = {
        "kind": kind,
        "sender": sender,
        "created_at": isoformat(created),
        "payload": _redact(_plain(payload), "payload", kind),
    }
    plain = body["payload"]
    queued = QueuedEntry(kind=kind, entry=canonical_json(body), created_at=created,
                         campaign_id=_int(plain.get("campaign_id")),
                         member_id=_int(plain.get("member_id", plain.get("user_id"))),
                         org_id=_int(plain.get("org_id")))
    db.session.add(queued)
    return queued


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
