"""Provider events (Stripe's webhooks, and the offline checkout simulator): recorded once by event
id at the webhook door (``app.webhooks``), then applied through idempotent transfer keys, so
replays and reordering change nothing."""

from __future__ import annotations

import hashlib
import json
import logging

from flask_babel import gettext as _
from sqlalchemy import case, func, or_, select

from app import webhooks
from app.database import on_postgresql
from app.errors import Conflict, NotFound
from app.extensions import db
from payouts.models import Payout, PayoutDestination, Topup, Transfer
from payouts.postings import InsufficientFunds, reverse
from payouts.services.notices import record_bank_failure, record_bank_payout
from payouts.services.payouts import fail_payout
from payouts.services.topups import credit_topup, debit_wallet

logger = logging.getLogger(__name__)

PROVIDER = "stripe"  # the offline simulator sends Stripe's events too

N_ = str  # marks a message for the catalog without translating it here

# Stored in English; the pages show it in the member's language (it is in the catalog).
TRANSFER_REVERSED = N_("The transfer to your payout account was reversed by the payment provider.")


class MalformedEvent(ValueError):
    """A signed event whose shape is not what Stripe sends (a field missing or of the wrong type)."""


# Larger than any amount Stripe accepts (eight digits in the smallest unit), well inside BIGINT.
MAX_AMOUNT = 10**12


def handle_event(event: object) -> str:
    """Apply one event; return what happened (``duplicate``, ``ignored``, ``credited``, …).

    A malformed event (not an object, no id, ``data.object`` not an object, an amount that is not a
    whole number, …) is recorded with the outcome ``malformed`` and changes nothing else."""
    event_id, kind, obj = _envelope(event)
    if obj is None:
        return _record_malformed(event, event_id, kind)
    known = kind in HANDLERS or kind in ACCOUNT_HANDLERS
    recorded = webhooks.record_once(PROVIDER, event_id, kind, event, "pending" if known else "ignored")
    if recorded is None:  # a replay; one of a malformed event is answered as the first was
        return "malformed" if _recorded_outcome(event_id) == "malformed" else "duplicate"
    outcome = "ignored"
    if known:
        try:
            outcome = (_on_connected_account(ACCOUNT_HANDLERS[kind], obj, event.get("account"))
                       if kind in ACCOUNT_HANDLERS else HANDLERS[kind](obj))
        except MalformedEvent as exc:  # the handlers read every field before they write anything
            logger.warning("Provider event %s (%s) is malformed at %s: recorded, not applied", event_id, kind, exc)
            outcome = "malformed"
        webhooks.set_outcome(recorded, outcome)
    logger.info("Provider event %s (%s): %s", event_id, kind, outcome)
    return outcome


def _envelope(event: object) -> tuple[str, str, dict | None]:
    """``(id, type, data.object)``; the object is ``None`` when the event's shape is not Stripe's."""
    if not isinstance(event, dict):
        return "", "", None
    event_id, kind, data = event.get("id"), event.get("type"), event.get("data")
    if not (isinstance(event_id, str) and 0 < len(event_id) <= 120 and isinstance(kind, str) and kind):
        return "", "", None
    obj = data.get("object") if isinstance(data, dict) else None
    return event_id, kind, obj if isinstance(obj, dict) else None


def _recorded_outcome(event_id: str) -> str | None:
    return db.session.scalar(select(webhooks.WebhookEvent.outcome).where(
        webhooks.WebhookEvent.provider == PROVIDER, webhooks.WebhookEvent.event_id == event_id))


def _record_malformed(event: object, event_id: str, kind: str) -> str:
    """Keep what came (once: a replay, or Stripe's retries, add no row) for the operators."""
    body = event if isinstance(event, dict) else {"unparsed": event}
    key = event_id or "malformed:" + hashlib.sha256(
        json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()
    webhooks.record_once(PROVIDER, key, kind or "malformed", body, "malformed")
    logger.warning("A signed provider event is malformed (%s): recorded, not applied", key)
    return "malformed"


def _text(obj: dict, name: str) -> str | None:
    """A string field (an id, a status) or ``None`` when absent; anything else is malformed."""
    value = obj.get(name)
    if value is None or (isinstance(value, str) and len(value) <= 255):
        return value or None
    raise MalformedEvent(name)


def _amount(obj: dict, name: str) -> int:
    """A whole, non-negative amount in minor units; 0 when absent."""
    value = obj.get(name, 0)
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AMOUNT:
        raise MalformedEvent(name)
    return value


def _metadata(obj: dict) -> dict:
    value = obj.get("metadata")
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MalformedEvent("metadata")
    return value


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


def _topup_for(obj: dict, checkout_id: str | None = None, payment_intent_id: str | None = None) -> Topup | None:
    """The top-up an event is about: by our metadata first, then by the provider's ids."""
    metadata = _metadata(obj)
    ref = metadata.get("topup_id") or _text(obj, "client_reference_id")
    if isinstance(ref, str | int) and str(ref).isdigit() and len(str(ref)) <= 18:
        return _locked(db.session.get(Topup, int(ref)))
    conditions = [Topup.checkout_id == checkout_id] if checkout_id else []
    if payment_intent_id:
        conditions.append(Topup.payment_intent_id == payment_intent_id)
    return _locked(db.session.scalar(select(Topup).where(or_(*conditions)))) if conditions else None


def _locked(topup: Topup | None) -> Topup | None:
    """The top-up, locked until commit: refunds and disputes of one top-up are decided one at a time."""
    if topup is not None and on_postgresql():
        db.session.refresh(topup, with_for_update=True)
    return topup


def _taken_back(topup: Topup) -> int:
    """What refunds and disputes took out of the wallet for this top-up, less what won disputes returned."""
    signed = case((Transfer.reason == "dispute_won", -Transfer.amount), else_=Transfer.amount)
    return int(db.session.scalar(select(func.coalesce(func.sum(signed), 0)).where(
        Transfer.topup_id == topup.id, Transfer.reason.in_(("refund", "dispute", "dispute_won")))))


def _take_back(topup: Topup, wanted: int, key: str, reason: str) -> str:
    """Debit up to ``wanted`` from the wallet for a refund or a dispute, never more in all than the
    top-up credited: a refund and a dispute of the same payment, or two disputes, are capped at
    what remains."""
    amount = min(wanted, topup.amount - _taken_back(topup))
    if amount <= 0:
        return "nothing_left"
    try:
        debit_wallet(topup, amount, key, reason)
    except InsufficientFunds:
        return "insufficient_funds"
    return "debited" if amount == wanted else "debited_capped"


def _checkout_completed(obj: dict) -> str:
    status, checkout_id, intent = _text(obj, "payment_status"), _text(obj, "id"), _text(obj, "payment_intent")
    _amount(obj, "amount_total")
    if (status or "paid") not in ("paid", "no_payment_required"):
        return "awaiting_payment"  # asynchronous methods confirm later
    topup = _topup_for(obj, checkout_id=checkout_id)
    if topup is None:
        return "unknown_topup"
    credit_topup(topup, intent)
    return "credited"


def _payment_intent_succeeded(obj: dict) -> str:
    intent = _text(obj, "id")
    _amount(obj, "amount")
    topup = _topup_for(obj, payment_intent_id=intent)
    if topup is None:
        return "unknown_topup"
    credit_topup(topup, intent)
    return "credited"


def _charge_refunded(obj: dict) -> str:
    intent, refunded = _text(obj, "payment_intent"), _amount(obj, "amount_refunded")
    topup = _topup_for(obj, payment_intent_id=intent)
    if topup is None:
        return "unknown_topup"
    credit_topup(topup, intent)  # a refund proves the payment: credit first if still missing
    refunded = min(refunded, topup.amount)  # Stripe's running total of the charge's refunds
    delta = refunded - topup.refunded
    if delta <= 0:
        return "already_refunded"
    outcome = _take_back(topup, delta, f"refund:{topup.id}:{refunded}", "refund")
    if outcome != "insufficient_funds":
        topup.refunded = refunded
    return outcome


def _dispute_created(obj: dict) -> str:
    dispute_id, intent, amount = _text(obj, "id"), _text(obj, "payment_intent"), _amount(obj, "amount")
    if dispute_id is None:
        raise MalformedEvent("id")
    topup = _topup_for({"metadata": _metadata(obj)}, payment_intent_id=intent)
    if topup is None:
        return "unknown_topup"
    credit_topup(topup, intent)
    if _dispute_debit(dispute_id) is not None:
        return "already_debited"  # the same dispute in another event
    if amount <= 0:
        return "nothing_disputed"
    return _take_back(topup, amount, f"dispute:{dispute_id}", "dispute")


def _dispute_closed(obj: dict) -> str:
    """A dispute decided in the enterprise's favour returns what it took (once, whichever of
    ``charge.dispute.closed`` with status ``won`` and ``charge.dispute.funds_reinstated`` comes)."""
    dispute_id, status = _text(obj, "id"), _text(obj, "status")
    if dispute_id is None:
        raise MalformedEvent("id")
    if status != "won":
        return f"dispute_{status or 'closed'}"[:40]
    taken = _dispute_debit(dispute_id)
    if taken is None:
        return "nothing_to_return"
    _returned, created = reverse(taken, f"dispute_won:{dispute_id}", reason="dispute_won")
    return "returned" if created else "already_returned"


def _dispute_debit(dispute_id: str) -> Transfer | None:
    return db.session.scalar(select(Transfer).where(Transfer.key == f"dispute:{dispute_id}"))


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
    ref, transfer_id = _metadata(obj).get("payout_id"), _text(obj, "id")
    payout = db.session.get(Payout, int(ref)) if isinstance(ref, str | int) and str(ref).isdigit() \
        and len(str(ref)) <= 18 else None
    if payout is None and transfer_id:
        payout = db.session.scalar(select(Payout).where(Payout.provider_ref == transfer_id))
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
    "charge.dispute.closed": _dispute_closed,
    "charge.dispute.funds_reinstated": _dispute_closed,
    "account.updated": _account_updated,
    "transfer.reversed": _transfer_reversed,
}
# Events about a connected account's own objects, applied through ``_on_connected_account``.
ACCOUNT_HANDLERS = {
    "payout.failed": record_bank_failure,
    "payout.paid": record_bank_payout,
}
