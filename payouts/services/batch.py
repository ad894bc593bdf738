"""The payout batch, set-based: payouts created, held and paid a chunk of members at a time (the chunk
loop and its commits are `payouts.tasks`'s, at the edge).

Every rule of the one-payout path holds, in a few statements per chunk instead of a dozen per
member: one open payout per member (the database's unique index, met with ``ON CONFLICT DO
NOTHING``), each payout's provider idempotency key stored in the transaction that creates it
(before any provider call), one transfer per payout with its own key and signals
(``payouts.postings.post_many``), and amounts decided on balances read under the accounts' locks.

Lock order is the one-payout path's: the payout row first (the member's open-payout slot), then
the money accounts in ascending id order, so a member's own withdrawal racing the batch waits
or meets the unique index, and never deadlocks with it.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import String, bindparam, cast, delete, literal, select, update

from app import events
from app.auth.models import User
from app.bulk import ids_in, insert_rows, parts
from app.extensions import db
from app.timeutil import utcnow
from payouts.models import OPEN_PAYOUT_STATES, MoneyAccount, Payout, PayoutDestination
from payouts.postings import Leg, Planned, accounts_of, lock_balances, post_many
from payouts.providers import ProviderRejected, get_provider
from payouts.services.payouts import fail_payout, minimum_payout

logger = logging.getLogger(__name__)

def eligible_for_batch(after_id: int = 0, limit: int = 1000) -> list[tuple[int, str, int, str]]:
    """``(member_id, currency, available, provider)`` of members owed at least the minimum, with
    a payout account and no open payout, in member order from ``after_id``."""
    # NOT EXISTS, not NOT IN: an anti-join that probes the open-payout index per member (or hashes
    # the open payouts once); a NOT IN whose list the planner thinks too big to hash is re-read
    # for every account.
    open_payout = select(Payout.id).where(Payout.member_id == MoneyAccount.owner_id,
                                          Payout.status.in_(OPEN_PAYOUT_STATES))
    stmt = (select(MoneyAccount.owner_id, MoneyAccount.currency, MoneyAccount.balance, PayoutDestination.provider)
            .join(PayoutDestination, PayoutDestination.member_id == MoneyAccount.owner_id)
            .where(MoneyAccount.owner_kind == "member", MoneyAccount.purpose == "available",
                   MoneyAccount.balance >= minimum_payout(), PayoutDestination.status == "enabled",
                   MoneyAccount.owner_id > after_id, ~open_payout.exists(),
                   ~select(User.id).where(User.id == MoneyAccount.owner_id, User.is_simulated).exists())
            .order_by(MoneyAccount.owner_id, MoneyAccount.currency).limit(limit))
    return [tuple(row) for row in db.session.execute(stmt).all()]


def unpaid_scheduled_payouts() -> list[int]:
    """Ids of scheduled payouts still waiting for their first payment attempt (a crashed batch's)."""
    return list(db.session.scalars(select(Payout.id).where(
        Payout.scheduled.is_(True), Payout.status == "requested").order_by(Payout.id)))


def stalled_payouts(older_than: timedelta, limit: int) -> list[int]:
    """Ids of payouts still ``requested`` long after they were asked for: their job was lost (Redis
    was down when it was to be queued) or gave up (the provider was down through every retry).
    Paying them again is safe: each provider call carries the payout's stored idempotency key."""
    cutoff = utcnow() - older_than
    return list(db.session.scalars(select(Payout.id).where(
        Payout.status == "requested", Payout.requested_at < cutoff).order_by(Payout.id).limit(limit)))


def create_payouts(rows) -> list[int]:
    """Scheduled payouts for ``rows`` of ``eligible_for_batch`` (one per member: the first
    currency), each holding the member's whole available balance: payout rows, their keys, one
    hold transfer each and the ``payout_requested`` signals. Members that meanwhile got an open
    payout, or whose balance fell below the minimum, are left out. Returns the new payout ids."""
    wanted: dict[int, tuple[str, int, str]] = {}
    for member_id, currency, available, provider in rows:
        wanted.setdefault(member_id, (currency, available, provider))
    created: list[int] = []
    by_currency: dict[str, list[int]] = defaultdict(list)
    for member_id, (currency, _, _) in wanted.items():
        by_currency[currency].append(member_id)
    for currency, members in sorted(by_currency.items()):
        created += _create(currency, {m: wanted[m] for m in members})
    return created


def _create(currency: str, wanted: dict[int, tuple[str, int, str]]) -> list[int]:
    session = db.session
    now = utcnow()
    table = Payout.__table__
    # The member's open-payout slot first (as request_payout takes it), then the accounts' locks.
    inserted = dict(insert_rows(table, [
        {"member_id": m, "amount": available, "currency": currency, "status": "requested", "provider": provider,
         "idempotency_key": uuid.uuid4().hex, "scheduled": True, "attempts": 0, "requested_at": now}
        for m, (_, available, provider) in wanted.items()], returning=("member_id", "id"), skip_conflicts=True))
    if not inserted:
        return []
    members = sorted(inserted)
    available = accounts_of("member", members, "available", currency)
    in_transit = accounts_of("member", members, "in_transit", currency)
    balances = lock_balances([available[m].id for m in members] + [in_transit[m].id for m in members])
    amounts = {m: balances[available[m].id] for m in members}
    changed = [m for m in members if amounts[m] != wanted[m][1]]
    if changed:  # the balance moved since it was read: the payout takes what is there under the lock
        _adjust(currency, {m: inserted[m] for m in changed}, amounts)
        members = [m for m in members if amounts[m] >= minimum_payout()]
    ids = [inserted[m] for m in members]
    # The provider idempotency key is derived from the payout id and stored before the first attempt.
    for part in parts(ids):
        session.execute(update(table).where(ids_in(table.c.id, part))
                        .values(idempotency_key=literal("crowdline-payout-") + cast(table.c.id, String)))
    post_many([Planned(f"payout:{inserted[m]}:hold", "payout_requested",
                       (Leg(available[m], in_transit[m], amounts[m]),), {"member_id": m, "payout_id": inserted[m]})
               for m in members])
    for m in members:
        events.send(events.payout_requested, "payouts", payout_id=inserted[m], member_id=m, amount=amounts[m],
                    currency=currency)
    logger.info("Payout batch: %s payouts in %s requested", len(ids), currency)
    return ids


def _adjust(currency: str, payout_ids: dict[int, int], amounts: dict[int, int]) -> None:
    """Rare: a balance changed between the eligibility read and the lock. Below the minimum the
    payout (created in this transaction, never seen) is dropped; otherwise it takes the new amount."""
    table = Payout.__table__
    for member_id, payout_id in payout_ids.items():
        if amounts[member_id] < minimum_payout():
            db.session.execute(delete(table).where(table.c.id == payout_id))
        else:
            db.session.execute(update(table).where(table.c.id == payout_id).values(amount=amounts[member_id]))
    logger.info("Payout batch: %s balances in %s changed while the batch ran", len(payout_ids), currency)


def execute_payouts(payout_ids: list[int], providers: dict | None = None) -> dict[str, int]:
    """Pay open payouts through their providers, as ``execute_payout`` does one: the rows are
    locked, each provider call carries the payout's stored idempotency key (so a retry after a
    crash pays nothing twice), and the settled ones are posted in bulk. Returns counts by outcome."""
    session = db.session
    table = Payout.__table__
    providers = {} if providers is None else providers
    outcomes: dict[str, int] = defaultdict(int)
    payouts = []
    for part in parts(sorted(payout_ids)):  # plain rows: the provider reads id, amount, currency and the key
        payouts += session.execute(select(table).where(ids_in(table.c.id, part)).order_by(table.c.id)
                                   .with_for_update()).all()
    members = sorted({p.member_id for p in payouts})
    destinations = {d.member_id: d for part in parts(members) for d in session.execute(
        select(PayoutDestination.__table__).where(ids_in(PayoutDestination.member_id, part)))}
    paid: list[tuple] = []
    processing: list[int] = []
    rejected: list[tuple[int, str]] = []
    for payout in payouts:
        if payout.status not in OPEN_PAYOUT_STATES:
            outcomes[payout.status] += 1
            continue
        if payout.provider not in providers:
            providers[payout.provider] = get_provider(payout.provider)
        provider = providers[payout.provider]
        if not provider.settles_immediately:
            processing.append(payout.id)  # waits for an admin to pay it and mark it settled
            continue
        try:
            paid.append((payout, provider.pay(payout, destinations.get(payout.member_id))))
        except ProviderRejected as exc:
            rejected.append((payout.id, str(exc)))
    for ids, values in ((processing, {"status": "processing"}), ([payout_id for payout_id, _ in rejected], {})):
        for part in parts(ids):
            session.execute(update(table).where(ids_in(table.c.id, part)).values(attempts=table.c.attempts + 1,
                                                                                 **values))
    _settle(paid)
    outcomes["processing"] += len(processing)
    outcomes["paid"] += len(paid)
    for payout_id, reason in rejected:
        fail_payout(payout_id, reason)
        outcomes["failed"] += 1
    return {outcome: count for outcome, count in outcomes.items() if count}


def _settle(paid: list[tuple]) -> None:
    """In transit → paid out for each payout the provider accepted, one transfer and signal each."""
    by_currency: dict[str, list[tuple]] = defaultdict(list)
    for payout, reference in paid:
        by_currency[payout.currency].append((payout, reference))
    now = utcnow()
    table = Payout.__table__
    for currency, items in sorted(by_currency.items()):
        members = [payout.member_id for payout, _ in items]
        in_transit = accounts_of("member", members, "in_transit", currency)
        paid_out = accounts_of("member", members, "paid_out", currency)
        post_many([Planned(f"payout:{p.id}:paid", "payout_paid",
                           (Leg(in_transit[p.member_id], paid_out[p.member_id], p.amount),),
                           {"member_id": p.member_id, "payout_id": p.id, "external_ref": reference})
                   for p, reference in items])
        db.session.execute(update(table).where(table.c.id == bindparam("payout_id")).values(
            status="paid", provider_ref=bindparam("reference"), settled_at=now, attempts=table.c.attempts + 1),
            [{"payout_id": p.id, "reference": reference} for p, reference in items])
        for payout, reference in items:
            events.send(events.payout_paid, "payouts", payout_id=payout.id, member_id=payout.member_id,
                        amount=payout.amount, currency=payout.currency, provider_ref=reference, actor_id=None)
        logger.info("Payout batch: %s payouts in %s paid", len(items), currency)
