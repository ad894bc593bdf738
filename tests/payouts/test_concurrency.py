"""Guarded accounts under real concurrency: separate connections, real commits, PostgreSQL row locks."""

from __future__ import annotations

import os
import threading

import pytest
import sqlalchemy as sa

from app.auth import services as accounts
from app.database import commit, rollback
from app.errors import Conflict, ValidationError
from app.extensions import db
from payouts import services
from payouts.models import Payout, Transfer
from payouts.postings import check_invariants, find_balance
from payouts.tasks import run_payout_batch
from tests.conftest import separate_app

pytestmark = pytest.mark.skipif(not (os.environ.get("DATABASE_URL") or "").startswith("postgres"),
                                reason="row-lock concurrency is a PostgreSQL property (SQLite serialises writers)")


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """A separate app and database: one connection per thread and real commits."""
    yield from separate_app(tmp_path_factory, "payconc")


def _setup(application, wallet: int) -> tuple[int, int]:
    with application.test_request_context():
        boss = accounts.register_user(email=f"boss{os.urandom(3).hex()}@example.test", password="correct-horse-battery",
                                      name="Boss", role="enterprise", org_name="Org")
        member = accounts.create_user(email=f"m{os.urandom(3).hex()}@example.test", password="correct-horse-battery",
                                      name="M", role="member")
        commit()
        org_id, member_id = boss.org_id, member.id
        topup = services.create_topup(org_id, boss.id, wallet, "CNY")
        services.confirm_simulated_checkout(topup.id, org_id)
        commit()
        return org_id, member_id


def _race(application, count: int, action) -> list[str]:
    barrier = threading.Barrier(count)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(i: int) -> None:
        with application.test_request_context():
            barrier.wait()
            try:
                action(i)
                commit()
                result = "ok"
            except Conflict as exc:
                rollback()
                result = exc.code
            finally:
                db.session.remove()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcomes


def test_concurrent_holds_never_overdraw_the_wallet(shared):
    org_id, _ = _setup(shared, 100_00)
    campaign = int.from_bytes(os.urandom(3), "big")
    outcomes = _race(shared, 10, lambda i: services.hold_escrow(campaign, org_id, 30_00, "CNY", key=f"c{campaign}:{i}"))
    assert outcomes.count("ok") == 3 and outcomes.count("insufficient_funds") == 7
    with shared.app_context():
        assert find_balance("org", org_id, "wallet", "CNY") == 10_00
        assert find_balance("campaign", campaign, "escrow", "CNY") == 90_00
        assert check_invariants() == []


def test_concurrent_withdrawals_never_overdraw(shared):
    org_id, member_id = _setup(shared, 100_00)
    campaign = int.from_bytes(os.urandom(3), "big")
    with shared.test_request_context():
        services.hold_escrow(campaign, org_id, 100_00, "CNY", key=f"h{campaign}")
        services.accrue_earning(campaign, campaign, member_id, 100_00, "CNY", key=f"a{campaign}", org_id=org_id)
        services.approve_earning(campaign, key=f"p{campaign}", fee_bps=0)
        services.save_payout_details(member_id, method="alipay", holder="Race Member",
                                     account_number="race@example.test")
        commit()
    outcomes = _race(shared, 8, lambda i: services.request_payout(member_id, 60_00, "CNY"))
    assert outcomes.count("ok") == 1, outcomes
    assert set(outcomes) <= {"ok", "payout_in_progress", "insufficient_funds"}
    with shared.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).where(Payout.member_id == member_id)) == 1
        assert find_balance("member", member_id, "available", "CNY") == 40_00
        assert find_balance("member", member_id, "in_transit", "CNY") == 60_00
        assert check_invariants() == []


def test_the_same_key_from_many_connections_has_one_effect(shared):
    org_id, _ = _setup(shared, 50_00)
    campaign = int.from_bytes(os.urandom(3), "big")
    outcomes = _race(shared, 8, lambda i: services.hold_escrow(campaign, org_id, 10_00, "CNY", key=f"once{campaign}"))
    assert outcomes == ["ok"] * 8
    with shared.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).where(Transfer.key == f"once{campaign}")) == 1
        assert find_balance("org", org_id, "wallet", "CNY") == 40_00


def test_the_batch_racing_members_own_withdrawals_opens_one_payout_each_and_never_overdraws(shared):
    org_id, _ = _setup(shared, 500_00)
    campaign = int.from_bytes(os.urandom(3), "big")
    members = []
    with shared.test_request_context():
        services.hold_escrow(campaign, org_id, 300_00, "CNY", key=f"h{campaign}")
        for i in range(6):
            member = accounts.create_user(email=f"m{os.urandom(3).hex()}@example.test",
                                          password="correct-horse-battery", name="M", role="member")
            services.accrue_earning(campaign, campaign * 10 + i, member.id, 50_00, "CNY", key=f"a{campaign}:{i}",
                                    org_id=org_id)
            services.approve_earning(campaign * 10 + i, key=f"p{campaign}:{i}", fee_bps=0)
            services.save_payout_details(member.id, method="alipay", holder="Race Member",
                                         account_number="race@example.test")
            members.append(member.id)
        commit()

    def act(i: int) -> None:
        if i == 0:
            run_payout_batch(chunk=2)
            return
        try:
            services.request_payout(members[i - 1], 30_00, "CNY", enqueue=False)
        except ValidationError as exc:  # the batch took the whole balance first
            raise Conflict("", code="exceeds_available") from exc

    outcomes = _race(shared, 7, act)
    assert len(outcomes) == 7 and set(outcomes) <= {"ok", "payout_in_progress", "exceeds_available"}, outcomes
    with shared.app_context():
        for member_id in members:
            payouts = db.session.scalars(sa.select(Payout).where(Payout.member_id == member_id)).all()
            assert len(payouts) == 1 and payouts[0].amount in (30_00, 50_00)
            assert find_balance("member", member_id, "in_transit", "CNY") == payouts[0].amount
            assert find_balance("member", member_id, "available", "CNY") == 50_00 - payouts[0].amount
        assert check_invariants() == []
