"""Provider events (Stripe's webhooks, and the offline checkout simulator): recorded once by event
id at the webhook door (``app.webhooks``), then applied through idempotent transfer keys, so
replays and reordering change nothing."""

from __future__ import annotations

import logging

from flask_babel import gettext as _
from sqlalchemy import or_, select

from app import webhooks
from app.errors import Conflict, NotFound
from app.extensions import db
from payouts.models import Payout, PayoutDestination, Topup
from payouts.postings import InsufficientFunds
from payouts.services.notices import record_bank_failure, record_bank_payout
from payouts.services.payouts import fail_payout
from payouts.services.topups import credit_topup, debit_wallet

logger = logging.getLogger(__name__)

PROVIDER = "stripe"  # the offline simulator sends Stripe's events too

N_ = str  # marks a message for the catalog without translating it here

# Stored in English; the pages show it in the member's language (it is in the catalog).
TRANSFER_REVERSED = N_("The transfer to your payout account was reversed by the payment provider.")


def handle_event(event: dict) -> str:
    """Apply one event; return what happened (``duplicate``, ``ignored``, ``credited``, …)."""
    event_id, kind = str(event.get("id") or ""), str(event.get("type") or "")
    obj = ((event.get("data") or {}).get("object")) or {}
    if not event_id or not isinstance(obj, dict):
        return "malformed"
    known = kind in HANDLERS or kind in ACCOUNT_HANDLERS
    outcome = "pending" if known else "ignored"
    recorded = webhooks.record_once(PROVIDER, event_id, kind, event, outcome)
    if recorded is None:
        return "duplicate"
    if known:
        outcome = (_on_connected_account(ACCOUNT_HANDLERS[kind], obj, event.get("account"))
                   if kind in ACCOUNT_HANDLERS else HANDLERS[kind](obj))
        webhooks.set_outcome(recorded, outcome)
    logger.info("Provider event %s (%s): %s", event_id, kind, outcome)
    return outcome


def confirm_simulated_checkout(topup_id: int, org_id: int) -> str:
    """The offline simulator's "pay" button: the same ``checkout.session.completed`` handling as Stripe's."""
    topup = db.session.get(Topup, topup_id)
    if topup is None or topup.org_id != org_id:
        raise NotFound()
    if topup.provider != "manual":
        raise Conflict(_("This top-up is paid on Stripe's checkout page."), code="not_simulated")
    event = {"id": f"evt_local_{topup.id}", "type": "checkout.session.completed", "livemode": False,
             "data": {"object": {"id": topup.checkout_id, "object": "checkout.session",
                                 "client_reference_id": str(topup.id), "payment_status": "paid",
                                 "amount_total": topup.amount, "currency": topup.currency.lower(),
                                 "payment_intent": f"local_pi_{topup.id}",
                                 "metadata": {"topup_id": str(topup.id), "org_id": str(topup.org_id)}}}}
    return handle_event(event)


def _topup_for(obj: dict, checkout_id=None, payment_intent_id=None) -> Topup | None:
    """The top-up an event is about: by our metadata first, then by the provider's ids."""
    metadata = obj.get("metadata") or {}
    ref = metadata.get("topup_id") or obj.get("client_reference_id")
    if ref and str(ref).isdigit():
        return db.session.get(Topup, int(ref))
    conditions = [Topup.checkout_id == checkout_id] if isinstance(checkout_id, str) else []
    if isinstance(payment_intent_id, str):
        conditions.append(Topup.payment_intent_id == payment_intent_id)
    return db.session.scalar(select(Topup).where(or_(*conditions))) if conditions else None


def _checkout_completed(obj: dict) -> str:
    if obj.get("payment_status", "paid") not in ("paid", "no_payment_required"):
        return "awaiting_payment"  # asynchronous methods confirm later
    topup = _topup_for(obj, checkout_id=obj.get("id"))
    if topup is None:
        return "unknown_topup"
    credit_topup(topup, obj.get("payment_intent") if isinstance(obj.get("payment_intent"), str) else None)
    return "credited"


def _payment_intent_succeeded(obj: dict) -> str:
    topup = _topup_for(obj, payment_intent_id=obj.get("id"))
    if topup is None:
        return "unknown_topup"
    credit_topup(topup, obj.get("id"))
    return "credited"


def _charge_refunded(obj: dict) -> str:
    topup = _topup_for(obj, payment_intent_id=obj.get("payment_intent"))
    if topup is None:
        return "unknown_topup"
    credit_topup(topup, obj.get("payment_intent"))  # a refund proves the payment: credit first if still missing
    refunded = int(obj.get("amount_refunded") or 0)
    delta = min(refunded, topup.amount) - topup.refunded
    if delta <= 0:
        return "already_refunded"
    try:
        debit_wallet(topup, delta, f"refund:{topup.id}:{refunded}", "refund")
    except InsufficientFunds:
        return "insufficient_funds"
    topup.refunded = min(refunded, topup.amount)
    return "debited"


def _dispute_created(obj: dict) -> str:
    topup = _topup_for({"metadata": obj.get("metadata")}, payment_intent_id=obj.get("payment_intent"))
    if topup is None:
        return "unknown_topup"
    credit_topup(topup, obj.get("payment_intent"))
    amount = min(int(obj.get("amount") or 0), topup.amount)
    if amount <= 0:
        return "nothing_disputed"
    try:
        debit_wallet(topup, amount, f"dispute:{obj.get('id')}", "dispute")
    except InsufficientFunds:
        return "insufficient_funds"
    return "debited"


def _account_updated(obj: dict) -> str:
    destination = _connected_destination(obj.get("id"))
    if destination is None:
        return "unknown_account"
    if obj.get("payouts_enabled") and (obj.get("capabilities") or {}).get("transfers", "active") == "active":
        destination.status = "enabled"
    elif obj.get("details_submitted"):
        destination.status = "restricted"
    else:
        destination.status = "pending"
    return f"account_{destination.status}"


def _transfer_reversed(obj: dict) -> str:
    ref = (obj.get("metadata") or {}).get("payout_id")
    payout = db.session.get(Payout, int(ref)) if ref and str(ref).isdigit() else None
    if payout is None:
        payout = db.session.scalar(select(Payout).where(Payout.provider_ref == obj.get("id")))
    if payout is None:
        return "unknown_payout"
    fail_payout(payout.id, TRANSFER_REVERSED)
    return "payout_returned"


def _connected_destination(account_id) -> PayoutDestination | None:
    if not isinstance(account_id, str) or not account_id:
        return None
    return db.session.scalar(select(PayoutDestination).where(PayoutDestination.external_id == account_id))


def _on_connected_account(record, obj: dict, account_id) -> str:
    """A bank payout's event (``payout.failed``, ``payout.paid``). On a member's connected account
    (the event names the ``account``) the money is on their Stripe balance, not ours: ``record``
    keeps or clears what the member is told. Without an account it is the platform's own bank
    payout, for the operators."""
    if not account_id:
        return "platform_payout"
    destination = _connected_destination(account_id)
    if destination is None:
        return "unknown_account"
    return record(destination, obj)


HANDLERS = {
    "checkout.session.completed": _checkout_completed,
    "checkout.session.async_payment_succeeded": _checkout_completed,
    "payment_intent.succeeded": _payment_intent_succeeded,
    "charge.refunded": _charge_refunded,
    "charge.dispute.created": _dispute_created,
    "account.updated": _account_updated,
    "transfer.reversed": _transfer_reversed,
}
# Events about a connected account's own objects, applied through ``_on_connected_account``.
ACCOUNT_HANDLERS = {
    "payout.failed": record_bank_failure,
    "payout.paid": record_bank_payout,
}
