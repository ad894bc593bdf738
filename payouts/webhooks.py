"""``POST /webhooks/stripe``: signed by Stripe, recorded by event id, applied idempotently."""

from __future__ import annotations

import json
import logging

from apiflask import APIBlueprint
from flask import current_app, request
from flask_babel import gettext as _

from app.database import commit
from app.errors import BadRequest
from payouts import services
from payouts.providers.stripe import WebhookSignatureError, verify_webhook

logger = logging.getLogger(__name__)

bp = APIBlueprint("payouts_webhooks", __name__, tag="Payouts")


@bp.post("/webhooks/stripe")
@bp.doc(summary="Stripe webhook (signed with Stripe-Signature)", responses=[200, 400])
def stripe_webhook():
    # The platform's endpoint and the Connect endpoint (events of members' connected accounts)
    # each have their own signing secret; both may point here.
    secrets = [s for s in (current_app.config.get("STRIPE_WEBHOOK_SECRET"),
                           current_app.config.get("STRIPE_CONNECT_WEBHOOK_SECRET")) if s]
    if not secrets:
        raise BadRequest(_("Stripe webhooks are not configured."), code="webhooks_not_configured")
    payload = request.get_data(cache=True)
    event = None
    for secret in secrets:
        try:
            event = verify_webhook(payload, request.headers.get("Stripe-Signature"), secret)
            break
        except WebhookSignatureError as exc:
            failure = exc
    if event is None:
        logger.warning("Rejected a Stripe webhook: %s", failure)
        raise BadRequest(_("The webhook signature is not valid."), code="bad_signature")
    if not isinstance(event, dict):
        event = json.loads(payload)
    outcome = services.handle_event(event)
    commit()
    return {"received": True, "outcome": outcome}
