"""Payouts: members' payout accounts, withdrawals, paying through the provider, settling and failing."""

from __future__ import annotations

import logging
import uuid

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import events, jobs
from app.auth.models import User
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.timeutil import utcnow
from app.urls import public_url
from payouts import methods
from payouts.models import OPEN_PAYOUT_STATES, Payout, PayoutDestination
from payouts.postings import Leg, account, check_amount, find_balance, post, valid_currency
from payouts.providers import ProviderRejected, get_provider
from payouts.services.provider_errors import provider_call

logger = logging.getLogger(__name__)

DEFAULT_MINIMUM = 1000  # minor units: 10.00 in a two-decimal currency


def minimum_payout() -> int:
    return int(current_app.config.get("PAYOUT_MINIMUM", DEFAULT_MINIMUM))


def destination_of(member_id: int) -> PayoutDestination | None:
    return db.session.scalar(select(PayoutDestination).where(PayoutDestination.member_id == member_id))


def save_payout_details(member_id: int, *, method: str, holder: str, account_number: str,
                        bank_name: str = "") -> PayoutDestination:
    """Manual provider: the account the member is paid to by hand — a bank account, Alipay or
    WeChat Pay, each checked (``payouts.methods``). Replaces any earlier account or free text."""
    account = methods.clean(method, holder, account_number, bank_name)
    destination = destination_of(member_id)
    if destination is None:
        destination = PayoutDestination(member_id=member_id, provider="manual")
        db.session.add(destination)
    destination.provider, destination.status, destination.details = "manual", "enabled", None
    for field, value in account.items():
        setattr(destination, field, value)
    db.session.flush()
    logger.info("Member %s saved a %s payout account", member_id, account["method"])
    return destination


def start_onboarding(member_id: int) -> str:
    """The URL where the member connects a payout account (Stripe Connect onboarding, or the details form)."""
    provider = get_provider()
    if provider.name == "manual":
        return url_for("payouts.payout_account")
    destination = destination_of(member_id)
    if destination is None:
        destination = PayoutDestination(member_id=member_id, provider=provider.name)
        db.session.add(destination)
        db.session.flush()
    email = db.session.get(User, member_id).email
    with provider_call("an onboarding link"):
        return provider.onboarding_link(destination, email,
                                        refresh_url=public_url("payouts.payout_account"),
                                        return_url=public_url("payouts.earnings"))


def dashboard_link(member_id: int) -> str:
    """Where the member changes the bank details of their connected account (a one-time link);
    409 ``no_connected_account`` when payouts do not go through a provider's account."""
    with provider_call("a dashboard link"):
        link = get_provider().dashboard_link(destination_of(member_id))
    if not link:
        raise Conflict(_("Your payouts do not go through a Stripe account: change your payout details here."),
                       code="no_connected_account")
    return link


def open_payout(member_id: int) -> Payout | None:
    return db.session.scalar(select(Payout).where(Payout.member_id == member_id,
                                                  Payout.status.in_(OPEN_PAYOUT_STATES)))


def request_payout(member_id: int, amount: int, currency: str, *, scheduled: bool = False,
                   enqueue: bool = True) -> Payout:
    """Withdraw ``amount`` of the member's available balance: one open request at a time, at least
    the minimum, never more than available. The money moves to in-transit now; the job pays it."""
    currency, amount = valid_currency(currency), check_amount(amount)
    if amount < minimum_payout():
        raise ValidationError(fields={"amount": _("The minimum withdrawal is %(min)s minor units.",
                                                  min=minimum_payout())})
    destination = destination_of(member_id)
    if destination is None or destination.status != "enabled":
        raise Conflict(_("Connect a payout account first."), code="no_payout_account")
    if open_payout(member_id) is not None:
        raise Conflict(_("You already have a withdrawal in progress."), code="payout_in_progress")
    payout = Payout(member_id=member_id, amount=amount, currency=currency, provider=destination.provider,
                    scheduled=scheduled, idempotency_key=uuid.uuid4().hex)
    try:
        with db.session.begin_nested():  # a concurrent request of the same member meets the unique index
            db.session.add(payout)
    except IntegrityError as exc:
        raise Conflict(_("You already have a withdrawal in progress."), code="payout_in_progress") from exc
    # Read the balance only once this request holds the member's one open payout: a concurrent
    # request has then either committed its hold (and this insert met the index) or waits on it.
    # The caller's rollback removes the row when the balance is short; ``post`` guards it anyway.
    if amount > find_balance("member", member_id, "available", currency):
        raise ValidationError(fields={"amount": _("Exceeds the available balance.")})
    # The provider idempotency key is derived from the payout id and stored before the first attempt.
    payout.idempotency_key = f"crowdline-payout-{payout.id}"
    available = account("member", member_id, "available", currency)
    legs = [Leg(available, account("member", member_id, "in_transit", currency), amount)]
    post(f"payout:{payout.id}:hold", "payout_requested", legs, member_id=member_id, payout_id=payout.id)
    events.send(events.payout_requested, "payouts", payout_id=payout.id, member_id=member_id, amount=amount,
                currency=currency)
    logger.info("Payout %s of %s %s requested by member %s", payout.id, amount, currency, member_id)
    if enqueue:
        jobs.enqueue("payouts.tasks.process_payout", payout.id, owner_id=member_id, description="payout")
    return payout


def _locked(payout_id: int) -> Payout:
    payout = db.session.scalar(select(Payout).where(Payout.id == payout_id).with_for_update())
    if payout is None:
        raise NotFound()
    return payout


def execute_payout(payout_id: int, providers: dict | None = None) -> str:
    """Pay an open payout through its provider; safe to run again after a crash at any point,
    because the provider call carries the payout's stored idempotency key and the transfer
    carries a key derived from the payout id. ``providers`` caches provider clients across a batch."""
    payout = _locked(payout_id)
    if payout.status not in OPEN_PAYOUT_STATES:
        return payout.status
    providers = {} if providers is None else providers
    if payout.provider not in providers:
        providers[payout.provider] = get_provider(payout.provider)
    provider = providers[payout.provider]
    payout.attempts += 1
    if not provider.settles_immediately:
        payout.status = "processing"  # waits for an admin to pay it and mark it settled
        return payout.status
    try:
        reference = provider.pay(payout, destination_of(payout.member_id))
    except ProviderRejected as exc:
        fail_payout(payout.id, str(exc))
        return "failed"
    _mark_paid(payout, reference, None)
    return "paid"


def mark_payout_paid(payout_id: int, provider_ref: str | None, actor_id: int | None = None) -> Payout:
    """The money reached the member: in-transit → paid out. Idempotent."""
    return _mark_paid(_locked(payout_id), provider_ref, actor_id)


def _mark_paid(payout: Payout, provider_ref: str | None, actor_id: int | None) -> Payout:
    if payout.status == "paid":
        return payout
    if payout.status not in OPEN_PAYOUT_STATES:
        raise Conflict(_("This payout is already settled."), code="payout_settled")
    legs = [Leg(account("member", payout.member_id, "in_transit", payout.currency),
                account("member", payout.member_id, "paid_out", payout.currency), payout.amount)]
    post(f"payout:{payout.id}:paid", "payout_paid", legs, member_id=payout.member_id, payout_id=payout.id,
         external_ref=provider_ref)
    payout.status, payout.provider_ref, payout.settled_at = "paid", provider_ref, utcnow()
    events.send(events.payout_paid, "payouts", payout_id=payout.id, member_id=payout.member_id, amount=payout.amount,
                currency=payout.currency, provider_ref=provider_ref, actor_id=actor_id)
    logger.info("Payout %s paid (%s)", payout.id, provider_ref)
    return payout


def fail_payout(payout_id: int, reason: str, actor_id: int | None = None) -> Payout:
    """The payout did not reach the member (refused, or reversed after it was paid): the money
    returns to the member's available balance and the reason is shown to them. Idempotent."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(fields={"reason": _("Say why the payout failed.")})
    payout = _locked(payout_id)
    if payout.status == "failed":
        return payout
    source = "paid_out" if payout.status == "paid" else "in_transit"
    legs = [Leg(account("member", payout.member_id, source, payout.currency),
                account("member", payout.member_id, "available", payout.currency), payout.amount)]
    post(f"payout:{payout.id}:returned", "payout_returned", legs, member_id=payout.member_id, payout_id=payout.id,
         external_ref=payout.provider_ref)
    payout.status, payout.failure_reason, payout.settled_at = "failed", reason[:500], utcnow()
    events.send(events.payout_failed, "payouts", payout_id=payout.id, member_id=payout.member_id,
                amount=payout.amount, currency=payout.currency, reason=payout.failure_reason, actor_id=actor_id)
    logger.info("Payout %s failed: %s", payout.id, payout.failure_reason)
    return payout
