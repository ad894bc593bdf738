"""``POST /webhooks/stripe``: through the webhook door (``app.webhooks``), signed by Stripe,
recorded by event id, applied idempotently."""

from __future__ import annotations

import json
from collections.abc import Mapping

from apiflask import APIBlueprint
from flask import current_app
from flask_babel import gettext as _

from app import webhooks
from app.database import commit
from app.errors import BadRequest
from payouts import services
from payouts.providers.stripe import WebhookSignatureError, verify_webhook

bp = APIBlueprint("payouts_webhooks", __name__, tag="Payouts")


def _stripe_signature(payload: bytes, headers: Mapping[str, str]) -> dict:
    """Stripe's check: the platform's endpoint and the Connect endpoint (events of members'
    connected accounts) each have their own signing secret; both may point here."""
    secrets = [s for s in (current_app.config.get("STRIPE_WEBHOOK_SECRET"),
                           current_app.config.get("STRIPE_CONNECT_WEBHOOK_SECRET")) if s]
    if not secrets:
        raise BadRequest(_("Stripe webhooks are not configured."), code="webhooks_not_configured")
    for secret in secrets[:-1]:
        try:
            return _event(verify_webhook(payload, headers.get("Stripe-Signature"), secret), payload)
        except WebhookSignatureError:
            continue  # signed with the other endpoint's secret, perhaps
    return _event(verify_webhook(payload, headers.get("Stripe-Signature"), secrets[-1]), payload)


def _event(event, payload: bytes) -> dict:
    return event if isinstance(event, dict) else json.loads(payload)


@bp.post("/webhooks/stripe")
@bp.doc(summary="Stripe webhook (signed with Stripe-Signature)", responses=[200, 400])
def stripe_webhook():
    event = webhooks.verified("stripe", _stripe_signature)
    outcome = services.handle_event(event)
    commit()
    return {"received": True, "outcome": outcome}
