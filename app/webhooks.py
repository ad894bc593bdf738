"""The one door for provider callbacks (Stripe, Twilio, …): signature-checked, recorded once.

A provider's blueprint route does two things through here, then applies the event and commits:

1. ``verified(provider, check)``: ``check(payload, headers)`` is the provider's own signature
   check over the raw body and headers; it returns the parsed event or raises
   ``SignatureError``, which answers 400 ``bad_signature`` (or the provider's ``refusal_status``)
   and changes nothing.
2. ``record_once(provider, key, kind, payload)``: one row of ``webhook_events`` per provider and
   caller-chosen idempotency key (Stripe's event id, a Twilio call sid with its status, …),
   inserted race-safe. A replay finds the row and gets ``None``: it must change nothing.
   ``set_outcome`` stores what applying the event did.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime

from flask import request
from flask_babel import gettext as _
from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime, insert
from app.errors import BadRequest
from app.extensions import db
from app.timeutil import utcnow

logger = logging.getLogger(__name__)


class SignatureError(Exception):
    """The callback is not signed by the provider (missing, malformed, stale or wrong signature)."""


class WebhookEvent(db.Model):
    """Every provider callback received, by provider and idempotency key: a replay finds its row."""

    __tablename__ = "webhook_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(32))
    event_id: Mapped[str] = mapped_column(String(120))  # the provider's event id, or the caller's key
    type: Mapped[str] = mapped_column(String(80))  # the provider's event type
    outcome: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    payload: Mapped[dict] = mapped_column(JSON)

    __table_args__ = (UniqueConstraint("provider", "event_id"),)


def verified(provider: str, check: Callable[[bytes, Mapping[str, str]], object], *,
             refusal_status: int = 400) -> object:
    """The current request's event, as ``check`` parsed it from the raw body once its signature held;
    ``refusal_status`` (400 by default; Twilio expects 403) ``bad_signature`` (logged) when it does not."""
    payload = request.get_data(cache=True)
    try:
        return check(payload, request.headers)
    except SignatureError as exc:
        logger.warning("Rejected a %s webhook: %s", provider, exc)
        raise BadRequest(_("The webhook signature is not valid."), code="bad_signature",
                         status=refusal_status) from exc


def record_once(provider: str, key: str, kind: str, payload: dict, outcome: str = "pending") -> int | None:
    """Record the event in the current transaction; return its row id, or ``None`` when this
    provider's ``key`` was recorded before (a replay: apply nothing)."""
    stmt = (insert(WebhookEvent)
            .values(provider=provider, event_id=key[:120], type=kind[:80], outcome=outcome, payload=payload,
                    received_at=utcnow())
            .on_conflict_do_nothing(index_elements=["provider", "event_id"]).returning(WebhookEvent.id))
    return db.session.execute(stmt).scalar()


def set_outcome(event_row_id: int, outcome: str) -> None:
    """What applying a recorded event did (``credited``, ``unknown_topup``, …), for the operators.
    When the row is gone (the transaction that recorded it was rolled back while the event was being
    applied), there is nothing to annotate: the provider's retry records it again."""
    row = db.session.get(WebhookEvent, event_row_id)
    if row is None:
        logger.warning("Webhook event %s vanished before its outcome (%s) was stored", event_row_id, outcome)
        return
    row.outcome = outcome[:40]
