"""Benchmark: post earnings through the posting engine, and run a payout batch.

    python bench/payouts_postings.py            # 1,000,000 earnings (accrue + approve), a 60,000-member batch
    python bench/payouts_postings.py --quick    # 5,000 earnings, a 2,000-member batch
    python bench/payouts_postings.py --earnings 20000 --members 60000   # any sizes

Uses PostgreSQL when DATABASE_URL is set (in a scratch database ``<name>_bench_payouts``), else SQLite.
Figures, each next to a baseline measured in the same run:
  * earnings: transfers/s (``accrue_earning`` + ``approve_earning``: row locks, idempotency
    keys, guarded balance updates, postings, signals) vs a bare INSERT of the same transfer and
    posting rows, statement for statement, into copies of the tables without any of that;
    target: at least 25% of the bare-insert rate;
  * the payout batch (``payout_batch`` and the ``pay_payouts`` jobs it queues: creating, holding
    and paying every eligible member's payout, with the provider call stubbed in-process) vs the
    bare-insert time of the same payout rows; target: under 2 minutes for 60,000 members.

Jobs go through queues on the embedded Redis, as in production: the ``payouts`` queue is worked
(in this process) inside the timed batch; the audit ledger's sequencer (the ``ledger`` queue, its
own worker in production) runs after each timed part and is reported on its own line. Every
signal's outbox entry is written inside the timed parts.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scratch import insert_members, scratch_database  # noqa: E402 - bench/ is on the path when run as a script

COMMIT_EVERY = 1000
PROGRESS_EVERY = 100_000  # earnings between progress lines


def make_members(count: int) -> list[int]:
    """``count`` member users, inserted in bulk (password hashing is not what is measured)."""
    return insert_members(count)


def fund_org(amount: int) -> int:
    from flask import current_app

    from app.auth import services as accounts
    from app.database import commit
    from payouts import services

    with current_app.test_request_context():
        boss = accounts.register_user(email=f"boss{time.time_ns()}@example.test", password="correct-horse-battery",
                                      name="Bench", role="enterprise", org_name="Bench Org")
        commit()
        topup = services.create_topup(boss.org_id, boss.id, min(amount, 100_000_000), "CNY")
        services.confirm_simulated_checkout(topup.id, boss.org_id)
        commit()
        # Larger wallets take several top-ups (a checkout has a ceiling).
        remaining = amount - topup.amount
        while remaining > 0:
            more = services.create_topup(boss.org_id, boss.id, min(remaining, 100_000_000), "CNY")
            services.confirm_simulated_checkout(more.id, boss.org_id)
            commit()
            remaining -= more.amount
        return boss.org_id


def bench_earnings(count: int, members: list[int]) -> tuple[float, float]:
    """Seconds for ``count`` earnings through the posting engine, and for the bare inserts of the same rows."""
    import sqlalchemy as sa

    from app.database import commit
    from app.extensions import db
    from payouts import services
    from payouts.models import Posting, Transfer

    amount = 250
    org_id = fund_org(count * amount)
    services.hold_escrow(1, org_id, count * amount, "CNY", key="bench:escrow")
    commit()
    started = time.perf_counter()
    for i in range(count):
        interaction = i + 1
        member = members[i % len(members)]
        services.accrue_earning(1, interaction, member, amount, "CNY", key=f"accrue:{interaction}", org_id=org_id)
        services.approve_earning(interaction, key=f"approve:{interaction}", fee_bps=1000)
        if i % COMMIT_EVERY == COMMIT_EVERY - 1:
            commit()
        if i % PROGRESS_EVERY == PROGRESS_EVERY - 1:
            _progress("earnings", i + 1, count, started)
    commit()
    posting_seconds = time.perf_counter() - started

    # Baseline: the same transfer and posting rows, inserted one transfer at a time into plain copies.
    meta = sa.MetaData()
    bare_t = sa.Table("bench_bare_transfers", meta, *[sa.Column(c.name, c.type, primary_key=c.primary_key)
                                                      for c in Transfer.__table__.columns])
    bare_p = sa.Table("bench_bare_postings", meta, *[sa.Column(c.name, c.type, primary_key=c.primary_key)
                                                     for c in Posting.__table__.columns])
    meta.create_all(db.session.connection())
    commit()
    rows = db.session.execute(sa.select(Transfer).where(Transfer.key.like("a%")).order_by(Transfer.id)).scalars().all()
    postings: dict[int, list[dict]] = {}
    for p in db.session.scalars(sa.select(Posting).where(Posting.transfer_id.in_([t.id for t in rows[:1]]))):
        postings.setdefault(p.transfer_id, []).append({"account_id": p.account_id, "amount": p.amount})
    columns = [c.name for c in Transfer.__table__.columns if c.name != "id"]
    templates = [{c: getattr(t, c) for c in columns} for t in rows]
    db.session.expunge_all()
    started = time.perf_counter()
    for i, values in enumerate(templates):
        new_id = db.session.execute(sa.insert(bare_t).values(**values).returning(bare_t.c.id)).scalar()
        legs = 3 if values["reason"] == "earning_approved" else 2
        db.session.execute(sa.insert(bare_p), [{"transfer_id": new_id, "account_id": k + 1, "amount": 1}
                                               for k in range(legs)])
        if i % COMMIT_EVERY == COMMIT_EVERY - 1:
            commit()
        if i % (2 * PROGRESS_EVERY) == 2 * PROGRESS_EVERY - 1:
            _progress("bare INSERT", (i + 1) // 2, count, started)
    commit()
    bare_seconds = time.perf_counter() - started
    return posting_seconds, bare_seconds


def _progress(label: str, done: int, count: int, started: float) -> None:
    """A long run says how it goes: the rate so far, in transfers/s (two per earning)."""
    seconds = time.perf_counter() - started
    print(f"  … {label}: {done:,} of {count:,} earnings in {seconds:,.0f} s, {2 * done / seconds:,.0f} transfers/s "
          "so far", flush=True)


def work_queue(name: str) -> float:
    """Seconds to work off everything queued on ``name`` (a burst worker in this process)."""
    from app.jobs import run_worker

    started = time.perf_counter()
    run_worker([name], burst=True)
    return time.perf_counter() - started


def sequence_ledger(label: str) -> None:
    """Run the audit ledger's sequencer over what the timed part queued, and say how long it took."""
    from sqlalchemy import func, select

    from app.extensions import db
    from ledger.models import QueuedEntry

    queued = db.session.scalar(select(func.count()).select_from(QueuedEntry))
    seconds = work_queue("ledger")
    left = db.session.scalar(select(func.count()).select_from(QueuedEntry))
    db.session.rollback()
    print(f"  audit ledger: {queued - left:,} entries of {label} sequenced by the ledger worker in {seconds:.1f} s"
          f" (not in the figures above){'' if not left else f'; {left:,} left'}", flush=True)


def bench_batch(count: int) -> tuple[float, float, int]:
    """Seconds for a payout batch over ``count`` members, and for the bare inserts of its payout rows."""
    import sqlalchemy as sa
    from flask import current_app

    from app.database import commit
    from app.extensions import db
    from payouts import services
    from payouts.models import Payout, PayoutDestination
    from payouts.postings import Leg, account, accounts_of, post
    from payouts.providers import PROVIDERS, PayoutProvider
    from payouts.tasks import payout_batch

    class LocalStub(PayoutProvider):
        """Stands in for Stripe in this benchmark only: answers at once, like a transfer that succeeded."""

        name = "stripe"

        def pay(self, payout, destination):
            return f"tr_bench_{payout.id}"

    members = make_members(count)
    org_id = fund_org(count * 5000)
    services.hold_escrow(2, org_id, count * 5000, "CNY", key="bench:batch-escrow")
    escrow = account("campaign", 2, "escrow", "CNY")
    for i in range(0, count, 500):
        chunk = members[i:i + 500]
        available = accounts_of("member", chunk, "available", "CNY")
        post(f"bench:credit:{i}", "earning_approved",
             [Leg(escrow, available[m], 5000) for m in chunk], campaign_id=2)
        commit()
    db.session.execute(sa.insert(PayoutDestination), [
        {"member_id": m, "provider": "stripe", "external_id": f"acct_bench_{m}", "status": "enabled"}
        for m in members])
    commit()
    saved = PROVIDERS["stripe"], current_app.config.get("PAYOUT_PROVIDER")
    PROVIDERS["stripe"] = LocalStub
    current_app.config.update(PAYOUT_PROVIDER="stripe")
    try:
        started = time.perf_counter()
        payout_batch()
        work_queue("payouts")
        batch_seconds = time.perf_counter() - started
    finally:
        PROVIDERS["stripe"], current_app.config["PAYOUT_PROVIDER"] = saved
    paid = db.session.scalar(sa.select(sa.func.count()).where(Payout.status == "paid"))

    meta = sa.MetaData()
    bare = sa.Table("bench_bare_payouts", meta, *[sa.Column(c.name, c.type, primary_key=c.primary_key)
                                                  for c in Payout.__table__.columns])
    meta.create_all(db.session.connection())
    commit()
    rows = [{c.name: getattr(p, c.name) for c in Payout.__table__.columns if c.name != "id"}
            for p in db.session.scalars(sa.select(Payout))]
    started = time.perf_counter()
    for i, row in enumerate(rows):
        db.session.execute(sa.insert(bare).values(**row))
        if i % COMMIT_EVERY == COMMIT_EVERY - 1:
            commit()
    commit()
    bare_seconds = time.perf_counter() - started
    return batch_seconds, bare_seconds, paid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--earnings", type=int, help="earnings to post (default 1,000,000; 5,000 with --quick)")
    parser.add_argument("--members", type=int, help="members in the payout batch (default 60,000; 2,000 with --quick)")
    parser.add_argument("--only", choices=("batch", "earnings"), help="run one part only")
    args = parser.parse_args()
    earnings, batch = (5_000, 2_000) if args.quick else (1_000_000, 60_000)
    earnings, batch = args.earnings or earnings, args.members or batch

    from flask_migrate import upgrade

    from app import create_app

    uri = scratch_database(os.environ.get("DATABASE_URL"), "payouts")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": uri, "RQ_INLINE": False, "REDIS_URL": None,
                      "INSTANCE_PATH": tempfile.mkdtemp(prefix="bench-payouts-inst-"),
                      "PASSWORD_HASH_PARAMS": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}})
    with app.app_context():
        upgrade(revision="heads")
        print(f"database: {uri.split('://')[0]}")
        if args.only != "earnings":
            run_batch(batch)
        if args.only != "batch":
            run_earnings(earnings)


def run_batch(count: int) -> None:
    from payouts.postings import check_invariants

    batch_s, bare_batch_s, paid = bench_batch(count)
    rate = paid / batch_s
    print(f"payout batch: {count:,} members, {paid:,} paid in {batch_s:.1f} s ({rate:,.0f} payouts/s)", flush=True)
    print(f"  60,000 members: {60_000 / rate:.0f} s at this rate (target < 120 s)")
    print(f"  bare INSERT of the same payout rows: {bare_batch_s:.1f} s (ratio {bare_batch_s / batch_s:.0%})")
    problems = check_invariants()
    print(f"  money check: {'ok' if not problems else problems[:3]}")
    sequence_ledger("the batch")


def run_earnings(count: int) -> None:
    from payouts.postings import check_invariants

    posting_s, bare_s = bench_earnings(count, make_members(1000))
    transfers = 2 * count
    posting_rate, bare_rate = transfers / posting_s, transfers / bare_s
    print(f"earnings: {count:,} (accrue + approve = {transfers:,} transfers) in {posting_s:.1f} s")
    print(f"  postings    {posting_rate:,.0f} transfers/s")
    print(f"  bare INSERT {bare_rate:,.0f} transfers/s (same rows, no locks, keys or balances)")
    print(f"  ratio       {posting_rate / bare_rate:.0%} of the bare-insert rate (target ≥ 25%)")
    problems = check_invariants()
    print(f"  money check: {'ok' if not problems else problems[:3]}")
    sequence_ledger("the earnings")


if __name__ == "__main__":
    main()
