"""Enterprise wallets: top-ups through the provider's checkout, credited only by the paid event."""

from __future__ import annotations

import logging

from flask_babel import gettext as _

from app.errors import ValidationError
from app.extensions import db
from app.timeutil import utcnow
from app.urls import public_url
from payouts.models import Topup, Transfer
from payouts.postings import PLATFORM, Leg, account, check_amount, post, valid_currency
from payouts.providers import get_provider
from payouts.services.provider_errors import provider_call

logger = logging.getLogger(__name__)

MAX_TOPUP = 100_000_000  # one million in a two-decimal currency per checkout


def create_topup(org_id: int, user_id: int, amount: int, currency: str) -> Topup:
    """A pending top-up and its checkout page; the wallet moves only when the payment is confirmed."""
    currency, amount = valid_currency(currency), check_amount(amount)
    if amount > MAX_TOPUP:
        raise ValidationError(fields={"amount": _("At most %(max)s minor units per top-up.", max=MAX_TOPUP)})
    provider = get_provider()
    topup = Topup(org_id=org_id, created_by_id=user_id, amount=amount, currency=currency, provider=provider.name)
    db.session.add(topup)
    db.session.flush()
    with provider_call("a checkout"):
        checkout = provider.create_checkout(topup, success_url=public_url("payouts.wallet"),
                                            cancel_url=public_url("payouts.wallet"))
    topup.checkout_id, topup.checkout_url = checkout.checkout_id, checkout.url
    logger.info("Top-up %s of %s %s for org %s created", topup.id, amount, currency, org_id)
    return topup


def credit_topup(topup: Topup, payment_intent_id: str | None = None) -> Transfer:
    """Credit the wallet for a paid top-up, once, whichever confirming event arrives first."""
    if payment_intent_id and not topup.payment_intent_id:
        topup.payment_intent_id = payment_intent_id
    legs = [Leg(account("platform", PLATFORM, "clearing", topup.currency),
                account("org", topup.org_id, "wallet", topup.currency), topup.amount)]
    transfer, created = post(f"topup:{topup.id}", "topup", legs, org_id=topup.org_id, topup_id=topup.id,
                             external_ref=topup.payment_intent_id or topup.checkout_id)
    if created:
        topup.status, topup.paid_at = "paid", utcnow()
    return transfer


def debit_wallet(topup: Topup, amount: int, key: str, reason: str) -> Transfer:
    """A refund or a dispute takes money back out of the wallet it funded."""
    legs = [Leg(account("org", topup.org_id, "wallet", topup.currency),
                account("platform", PLATFORM, "refunds", topup.currency), amount)]
    return post(key, reason, legs, org_id=topup.org_id, topup_id=topup.id,
                external_ref=topup.payment_intent_id or topup.checkout_id)[0]
