"""Stripe: Checkout for wallet top-ups, Connect Express accounts and Transfers for payouts,
balance transactions for reconciliation, and webhook signature checks. The only module that
imports ``stripe``."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime

import stripe

from app.webhooks import SignatureError
from payouts.providers.base import BalanceLine, Checkout, PayoutProvider, ProviderError, ProviderRejected

logger = logging.getLogger(__name__)

WEBHOOK_TOLERANCE_SECONDS = 300


class WebhookSignatureError(SignatureError, ValueError):
    """The payload is not signed by the configured secret, or the signature is stale."""


def verify_webhook(payload: bytes, signature_header: str | None, secret: str) -> object:
    """The event's JSON, if ``Stripe-Signature`` carries a valid HMAC-SHA256 of ``t.payload`` made
    within five minutes of now, either way; ``WebhookSignatureError`` otherwise.

    Stripe's library refuses only timestamps too far in the past; a signature dated in the future
    beyond the same tolerance is refused here too (a clock that cannot be trusted, or a signature
    made to be replayed later). The body is returned as parsed, whatever its shape: a correctly
    signed but malformed event is for the caller to record and ignore, not an error here."""
    header = signature_header or ""
    try:
        stripe.WebhookSignature.verify_header(payload.decode("utf-8"), header, secret,
                                              tolerance=WEBHOOK_TOLERANCE_SECONDS)
    except (stripe.SignatureVerificationError, ValueError) as exc:  # ValueError: not UTF-8
        raise WebhookSignatureError(str(exc)) from exc
    # The header's first ``t``, as Stripe's check read it.
    timestamp = int(next(value for key, _, value in (item.partition("=") for item in header.split(",")) if key == "t"))
    if timestamp > time.time() + WEBHOOK_TOLERANCE_SECONDS:
        raise WebhookSignatureError(f"Timestamp in the future beyond the tolerance ({timestamp})")
    try:
        return json.loads(payload)
    except ValueError as exc:
        raise MalformedPayload(str(exc)) from exc


class MalformedPayload(ValueError):
    """A correctly signed body that is not JSON."""


class StripeProvider(PayoutProvider):
    name = "stripe"
    settles_immediately = True

    def __init__(self, config) -> None:
        super().__init__(config)
        if not config.get("STRIPE_SECRET_KEY"):
            raise ProviderRejected("STRIPE_SECRET_KEY is not configured")
        base = config.get("STRIPE_API_BASE")  # a local emulator in tests
        kwargs = {"base_addresses": {"api": base, "connect": base, "files": base}} if base else {}
        self.client = stripe.StripeClient(config["STRIPE_SECRET_KEY"], max_network_retries=0, **kwargs)

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (stripe.InvalidRequestError, stripe.PermissionError, stripe.CardError) as exc:
            raise ProviderRejected(exc.user_message or str(exc)) from exc
        except stripe.StripeError as exc:
            raise ProviderError(str(exc)) from exc

    def create_checkout(self, topup, success_url: str, cancel_url: str) -> Checkout:
        session = self._call(self.client.v1.checkout.sessions.create, params={
            "mode": "payment",
            "success_url": success_url,
            "cancel_url": cancel_url,
            "client_reference_id": str(topup.id),
            "metadata": {"topup_id": str(topup.id), "org_id": str(topup.org_id)},
            "payment_intent_data": {"metadata": {"topup_id": str(topup.id)}},
            "line_items": [{"quantity": 1, "price_data": {
                "currency": topup.currency.lower(), "unit_amount": topup.amount,
                "product_data": {"name": "Crowdline wallet top-up"}}}],
        }, options={"idempotency_key": f"crowdline-topup-{topup.id}"})
        return Checkout(session.id, session.url)

    def onboarding_link(self, destination, member_email: str, refresh_url: str, return_url: str) -> str:
        if not destination.external_id:
            acct = self._call(self.client.v1.accounts.create, params={
                "type": "express", "email": member_email,
                "capabilities": {"transfers": {"requested": True}},
                "metadata": {"member_id": str(destination.member_id)},
            }, options={"idempotency_key": f"crowdline-account-{destination.member_id}"})
            destination.external_id = acct.id
        link = self._call(self.client.v1.account_links.create, params={
            "account": destination.external_id, "type": "account_onboarding",
            "refresh_url": refresh_url, "return_url": return_url})
        return link.url

    def dashboard_link(self, destination) -> str | None:
        """A login link to the Express dashboard: bank details are changed there, by the member."""
        if destination is None or not destination.external_id:
            return None
        link = self._call(self.client.v1.accounts.login_links.create, destination.external_id)
        return link.url

    def pay(self, payout, destination) -> str | None:
        if destination is None or not destination.external_id:
            raise ProviderRejected("The member has no connected Stripe account.")
        transfer = self._call(self.client.v1.transfers.create, params={
            "amount": payout.amount, "currency": payout.currency.lower(), "destination": destination.external_id,
            "transfer_group": f"payout_{payout.id}", "metadata": {"payout_id": str(payout.id)},
        }, options={"idempotency_key": payout.idempotency_key})
        logger.info("Stripe transfer %s for payout %s", transfer.id, payout.id)
        return transfer.id

    def balance_lines(self, start: datetime, end: datetime) -> list[BalanceLine]:
        kinds = {"charge": "topup", "payment": "topup", "refund": "refund", "payment_refund": "refund",
                 "transfer": "payout", "transfer_refund": "payout", "adjustment": "refund"}
        page = self._call(self.client.v1.balance_transactions.list, params={
            "created": {"gte": int(start.timestamp()), "lt": int(end.timestamp())}, "limit": 100,
            "expand": ["data.source"]})
        lines = []
        for found in page.auto_paging_iter():
            item = found.to_dict()
            source = item.get("source")
            metadata = (source.get("metadata") or {}) if isinstance(source, dict) else {}
            ref = metadata.get("payout_id") or metadata.get("topup_id")
            lines.append(BalanceLine(item["id"], kinds.get(item["type"], item["type"]), int(item["amount"]),
                                     item["currency"].upper(), int(ref) if ref else None,
                                     datetime.fromtimestamp(item["created"], UTC)))
        return lines
