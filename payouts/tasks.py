"""Payout jobs on the "payouts" queue. Each takes ids, has a Retry, and is safe to run twice:
the provider call carries the payout's stored idempotency key and every posting its own key."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from rq import Retry

from app.database import commit
from app.jobs import job, report_progress
from payouts import services
from payouts.services.reconciliation import reconcile

logger = logging.getLogger(__name__)

RETRY = Retry(max=5, interval=[10, 60, 300, 900, 3600])
BATCH_INTERVAL = timedelta(days=7)
CREATE_CHUNK = 2000  # members per transaction when creating a batch
PAY_CHUNK = 10_000  # payouts per pay_payouts job (jobs of one batch run in parallel on several workers)
COMMIT_EVERY = 500  # payouts paid per transaction: row locks are held across their provider calls
STALLED_AFTER = timedelta(minutes=15)  # a payout still "requested" this long after the request lost its job
STALLED_EVERY = timedelta(minutes=10)


@job("payouts", retry=RETRY, swept_by="payout-stalled")
def process_payout(payout_id: int) -> str:
    """Pay one payout (or, with the manual provider, queue it for an admin)."""
    return services.execute_payout(payout_id)


@job("payouts", retry=RETRY, timeout=3600)
def pay_payouts(payout_ids: list[int]) -> dict:
    """Pay a chunk of a batch, a few hundred payouts per transaction. A crash before a commit is
    safe: the retried job calls the provider again with each payout's stored idempotency key,
    which returns the transfer already made instead of paying twice."""
    outcomes: dict[str, int] = {}
    providers: dict = {}
    for start in range(0, len(payout_ids), COMMIT_EVERY):
        for outcome, count in services.execute_payouts(payout_ids[start:start + COMMIT_EVERY], providers).items():
            outcomes[outcome] = outcomes.get(outcome, 0) + count
        commit()
        report_progress(min(start + COMMIT_EVERY, len(payout_ids)), len(payout_ids), "paying")
    return outcomes


@job("payouts", retry=RETRY, timeout=3600)
def resume_stalled_payouts() -> dict:
    """Pay the payouts whose own job never ran or gave up (a periodic sweep, every ten minutes):
    a withdrawal whose job was lost while Redis was down would otherwise wait for nothing."""
    ids = services.stalled_payouts(STALLED_AFTER, PAY_CHUNK)
    if ids:
        logger.warning("Resuming %s stalled payout(s)", len(ids))
    return pay_payouts(ids) if ids else {}


@job("payouts", retry=RETRY, timeout=3600)
def payout_batch() -> dict:
    """The scheduled payout run (a periodic job, weekly by default): a payout of the whole available
    balance for every eligible member, created a chunk of members per transaction; each chunk's
    payment is queued (``pay_payouts``) as soon as it commits. Running it twice is harmless:
    members with an open payout are skipped, and scheduled payouts a crashed run left unpaid are
    queued again (paying an already paid payout changes nothing)."""
    from app.jobs import enqueue

    def pay(ids: list[int]) -> None:
        for i in range(0, len(ids), PAY_CHUNK):
            enqueue(pay_payouts, ids[i:i + PAY_CHUNK], description="payout batch chunk")

    pay(services.unpaid_scheduled_payouts())
    ids = run_payout_batch(progress=lambda n: report_progress(n, None, "creating payouts"), on_chunk=pay)
    logger.info("Payout batch created %s payouts", len(ids))
    return {"payouts": len(ids)}


def run_payout_batch(chunk: int = CREATE_CHUNK, progress=None, on_chunk=None) -> list[int]:
    """Create a scheduled payout of the whole available balance for every eligible member,
    committing per chunk; return the new payout ids. ``on_chunk(ids)`` is called with each
    chunk's ids before its commit (e.g. to enqueue their payment once it commits)."""
    created: list[int] = []
    after = 0
    while True:
        rows = services.eligible_for_batch(after, chunk)
        if not rows:
            break
        after = rows[-1][0]
        ids = services.create_payouts(rows)
        if ids and on_chunk:
            on_chunk(ids)
        commit()
        created += ids
        if progress:
            progress(len(created))
    return created


@job("payouts", retry=Retry(max=3, interval=[60, 300, 900]))
def reconcile_period(start: str, end: str) -> dict:
    """Compare our transfers with the provider's balance transactions for ``[start, end)`` (ISO dates)."""
    report = reconcile(_day(start), _day(end))
    return {"reconciliation_id": report.id, "differences": report.differences}


def _day(text: str) -> datetime:
    from datetime import UTC

    value = date.fromisoformat(text)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)
