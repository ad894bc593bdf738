"""``POST /webhooks/stripe``: through the webhook door (``app.webhooks``), signed by Stripe,
recorded by event id, applied idempotently."""

from __future__ import annotations

from collections.abc import Mapping

from apiflask import APIBlueprint
from flask import current_app
from flask_babel import gettext as _

from app import webhooks
from app.database import commit
from app.errors import BadRequest
from payouts import services
from payouts.providers.stripe import MalformedPayload, WebhookSignatureError, verify_webhook

bp = APIBlueprint("payouts_webhooks", __name__, tag="Payouts")


def _stripe_signature(payload: bytes, headers: Mapping[str, str]) -> object:
    """Stripe's check: the platform's endpoint and the Connect endpoint (events of members'
    connected accounts) each have their own signing secret; both may point here."""
    secrets = [s for s in (current_app.config.get("STRIPE_WEBHOOK_SECRET"),
                           current_app.config.get("STRIPE_CONNECT_WEBHOOK_SECRET")) if s]
    if not secrets:
        raise BadRequest(_("Stripe webhooks are not configured."), code="webhooks_not_configured")
    for secret in secrets[:-1]:
        try:
            return _event(payload, headers, secret)
        except WebhookSignatureError:
            continue  # signed with the other endpoint's secret, perhaps
    return _event(payload, headers, secrets[-1])


def _event(payload: bytes, headers: Mapping[str, str], secret: str) -> object:
    try:
        return verify_webhook(payload, headers.get("Stripe-Signature"), secret)
    except MalformedPayload:  # signed, so recorded (and ignored) as it came
        return {"unparsed": payload.decode("utf-8", "replace")[:10_000]}


@bp.post("/webhooks/stripe")
@bp.doc(summary="Stripe webhook (signed with Stripe-Signature); 400 bad_signature or malformed_event",
        responses=[200, 400])
def stripe_webhook():
    event = webhooks.verified("stripe", _stripe_signature)
    outcome = services.handle_event(event)
    commit()
    if outcome == "malformed":  # recorded, never applied; Stripe's retries are answered the same
        raise BadRequest(_("The event is not a well-formed Stripe event: it was recorded and ignored."),
                         code="malformed_event")
    return {"received": True, "outcome": outcome}
