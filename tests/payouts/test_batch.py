"""The set-based payout batch: the rules of the one-payout path, a chunk of members at a time."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app import events
from app.database import commit
from app.extensions import db
from payouts import services
from payouts.models import Payout, PayoutDestination, Transfer
from payouts.postings import check_invariants, find_balance
from payouts.providers import PROVIDERS
from payouts.providers.stripe import StripeProvider
from payouts.tasks import pay_payouts, payout_batch, run_payout_batch


@pytest.fixture
def connected(app, create_user):
    """``connected()`` → a member with an enabled Stripe account on file."""

    def _make() -> int:
        member_id = create_user("member")
        with app.app_context():
            db.session.add(PayoutDestination(member_id=member_id, provider="stripe", external_id=f"acct_{member_id}",
                                             status="enabled"))
            commit()
        return member_id

    return _make


@pytest.fixture
def signals():
    """Every payouts signal sent while the test runs: ``[(name, payload), ...]``."""
    seen: list[tuple[str, dict]] = []
    receivers = []
    for signal in (events.money_transferred, events.payout_requested, events.payout_paid, events.payout_failed):
        def _receive(sender, _name=signal.name, **payload):
            seen.append((_name, payload))

        signal.connect(_receive, weak=False)
        receivers.append((signal, _receive))
    yield seen
    for signal, receiver in receivers:
        signal.disconnect(receiver)


def test_the_batch_pays_every_member_once_through_stripe_with_the_stored_key(
        app, enterprise, fund, earn, connected, use_stripe, drain, signals):
    _, org_id, _ = enterprise()
    fund(org_id, 200_00)
    members = [connected() for _ in range(5)]
    for i, member_id in enumerate(members):
        earn(org_id, member_id, 20_00 + i * 100, interaction_id=500 + i)
    signals.clear()
    with app.app_context():
        assert payout_batch() == {"payouts": 5}
    drain()
    with app.app_context():
        payouts = db.session.scalars(sa.select(Payout).order_by(Payout.id)).all()
        assert [(p.member_id, p.amount, p.status, p.scheduled) for p in payouts] == [
            (m, 20_00 + i * 100, "paid", True) for i, m in enumerate(members)]
        assert {p.idempotency_key for p in payouts} == {f"crowdline-payout-{p.id}" for p in payouts}
        calls = use_stripe.made("/v1/transfers")
        assert sorted(c["idempotency_key"] for c in calls) == sorted(p.idempotency_key for p in payouts)
        for i, member_id in enumerate(members):
            assert find_balance("member", member_id, "available", "CNY") == 0
            assert find_balance("member", member_id, "in_transit", "CNY") == 0
            assert find_balance("member", member_id, "paid_out", "CNY") == 20_00 + i * 100
        keys = set(db.session.scalars(sa.select(Transfer.key).where(Transfer.payout_id.is_not(None))))
        assert keys == {f"payout:{p.id}:{step}" for p in payouts for step in ("hold", "paid")}
        assert check_invariants() == []
        first = payouts[0]
    # Each money movement has its signals, with the payloads of the one-payout path.
    names = [name for name, _ in signals]
    assert names.count("money_transferred") == 10
    assert names.count("payout_requested") == 5 and names.count("payout_paid") == 5
    [requested] = [p for n, p in signals if n == "payout_requested" and p["payout_id"] == first.id]
    assert {k: v for k, v in requested.items() if k != "occurred_at"} == {
        "payout_id": first.id, "member_id": first.member_id, "amount": first.amount, "currency": "CNY"}
    [hold] = [p for n, p in signals if n == "money_transferred" and p["key"] == f"payout:{first.id}:hold"]
    assert hold["from_account"] == f"member:{first.member_id}:available:CNY"
    assert hold["to_account"] == f"member:{first.member_id}:in_transit:CNY"
    assert hold["amount"] == first.amount and hold["reason"] == "payout_requested" and hold["transfer_id"]
    [paid] = [p for n, p in signals if n == "payout_paid" and p["payout_id"] == first.id]
    assert paid["provider_ref"] == first.provider_ref and paid["actor_id"] is None
    with app.app_context():
        assert payout_batch() == {"payouts": 0}  # a second run finds nothing to pay
    drain()
    assert len(use_stripe.made("/v1/transfers")) == 5


def test_chunks_skip_open_payouts_small_balances_and_pay_one_currency_at_a_time(
        app, enterprise, fund, earn, create_user, payout_details):
    _, org_id, _ = enterprise()
    fund(org_id, 300_00)
    fund(org_id, 100_00, currency="USD")
    members = [create_user("member") for _ in range(6)]
    for i, member_id in enumerate(members):
        payout_details(member_id)
        earn(org_id, member_id, 30_00, interaction_id=600 + i)
    earn(org_id, members[0], 40_00, interaction_id=690, currency="USD")
    small = create_user("member")
    payout_details(small)
    earn(org_id, small, 9_99, interaction_id=699)  # below the minimum
    with app.test_request_context():
        services.request_payout(members[1], 10_00, "CNY", enqueue=False)  # an open request of their own
        commit()
    with app.app_context():
        ids = run_payout_batch(chunk=2)
        payouts = db.session.scalars(sa.select(Payout).where(Payout.id.in_(ids)).order_by(Payout.member_id)).all()
        assert [(p.member_id, p.currency, p.amount) for p in payouts] == [
            (members[0], "CNY", 30_00)] + [(m, "CNY", 30_00) for m in members[2:]]
        assert all(p.status == "requested" and p.idempotency_key == f"crowdline-payout-{p.id}" for p in payouts)
        assert find_balance("member", members[0], "available", "USD") == 40_00  # the next run's
        assert find_balance("member", members[1], "available", "CNY") == 20_00
        assert find_balance("member", members[1], "in_transit", "CNY") == 10_00
        assert find_balance("member", small, "available", "CNY") == 9_99
        assert services.unpaid_scheduled_payouts() == sorted(ids)
        assert check_invariants() == []


def test_payouts_a_crashed_batch_left_unpaid_are_paid_by_the_next_run(app, enterprise, fund, earn, connected,
                                                                       use_stripe, drain):
    _, org_id, _ = enterprise()
    fund(org_id, 100_00)
    members = [connected() for _ in range(3)]
    for i, member_id in enumerate(members):
        earn(org_id, member_id, 25_00, interaction_id=700 + i)
    with app.app_context():
        ids = run_payout_batch()  # created and committed, but their payment never queued
        commit()
    with app.app_context():
        assert payout_batch() == {"payouts": 0}
    drain()
    with app.app_context():
        assert {db.session.get(Payout, i).status for i in ids} == {"paid"}
        assert check_invariants() == []
    assert len(use_stripe.made("/v1/transfers")) == 3


class CrashMidChunk(StripeProvider):
    """Stripe accepted two transfers, then the worker died before the chunk's commit."""

    crash_after = 2

    def pay(self, payout, destination):
        reference = super().pay(payout, destination)
        CrashMidChunk.crash_after -= 1
        if CrashMidChunk.crash_after == 0:
            raise SystemExit("worker killed")
        return reference


def test_a_pay_job_killed_mid_chunk_pays_each_payout_once_when_retried(app, enterprise, fund, earn, connected,
                                                                       use_stripe, monkeypatch):
    _, org_id, _ = enterprise()
    fund(org_id, 100_00)
    members = [connected() for _ in range(3)]
    for i, member_id in enumerate(members):
        earn(org_id, member_id, 30_00, interaction_id=800 + i)
    with app.app_context():
        ids = run_payout_batch()
        commit()
    monkeypatch.setitem(PROVIDERS, "stripe", CrashMidChunk)
    CrashMidChunk.crash_after = 2
    with app.app_context(), pytest.raises(SystemExit):
        pay_payouts(ids)
    with app.app_context():
        assert {db.session.get(Payout, i).status for i in ids} == {"requested"}  # rolled back
    # Each job gets its own context: the test's sessions share one connection (savepoints).
    with app.app_context():
        assert pay_payouts(ids) == {"paid": 3}  # the retry
    with app.app_context():
        assert pay_payouts(ids) == {"paid": 3}  # and again: nothing more happens
    calls = use_stripe.made("/v1/transfers")
    assert len(calls) == 5 and {c["idempotency_key"] for c in calls} == {f"crowdline-payout-{i}" for i in ids}
    assert len([o for o in use_stripe.objects.values() if o.get("object") == "transfer"]) == 3
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).where(Transfer.reason == "payout_paid",
                                                                  Transfer.payout_id.in_(ids))) == 3
        assert all(find_balance("member", m, "paid_out", "CNY") == 30_00 for m in members)
        assert check_invariants() == []


def test_a_refused_transfer_in_a_batch_fails_only_that_payout(app, enterprise, fund, earn, connected, create_user,
                                                              use_stripe):
    _, org_id, _ = enterprise()
    fund(org_id, 100_00)
    good = connected()
    unconnected = create_user("member")
    with app.app_context():  # enabled, but Stripe has no account id for it: the provider refuses
        db.session.add(PayoutDestination(member_id=unconnected, provider="stripe", status="enabled"))
        commit()
    earn(org_id, good, 30_00, interaction_id=850)
    earn(org_id, unconnected, 20_00, interaction_id=851)
    with app.app_context():
        ids = run_payout_batch()
        commit()
    with app.app_context():
        assert pay_payouts(ids) == {"paid": 1, "failed": 1}
    with app.app_context():
        assert find_balance("member", good, "paid_out", "CNY") == 30_00
        assert find_balance("member", unconnected, "available", "CNY") == 20_00
        assert check_invariants() == []


def test_simulated_members_are_never_in_a_batch(app, enterprise, fund, earn, create_user, payout_details):
    from app.auth.models import User

    _, org_id, _ = enterprise()
    fund(org_id, 100_00)
    real, simulated = create_user("member"), create_user("member")
    for i, member_id in enumerate((real, simulated)):
        payout_details(member_id)
        earn(org_id, member_id, 30_00, interaction_id=810 + i)
    with app.app_context():
        db.session.get(User, simulated).is_simulated = True  # made by the telephony simulator
        commit()
        eligible = {row[0] for row in services.eligible_for_batch(limit=100_000)}
        assert real in eligible and simulated not in eligible
