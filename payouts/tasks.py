"""Payout jobs on the "payouts" queue. Each takes ids, has a Retry, and is safe to run twice:
the provider call carries the payout's stored idempotency key and every posting its own key."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from rq import Retry

from app.database import commit
from app.jobs import job, report_progress
from payouts import reports, services
from payouts.providers import get_provider

logger = logging.getLogger(__name__)

RETRY = Retry(max=5, interval=[10, 60, 300, 900, 3600])
BATCH_INTERVAL = timedelta(days=7)
PAY_CHUNK = 500
COMMIT_EVERY = 50


@job("payouts", retry=RETRY)
def process_payout(payout_id: int) -> str:
    """Pay one payout (or, with the manual provider, queue it for an admin)."""
    return services.execute_payout(payout_id)


@job("payouts", retry=RETRY, timeout=3600)
def pay_payouts(payout_ids: list[int]) -> dict:
    """Pay a chunk of a batch, committing every few payouts. A crash before a commit is safe: the
    retried job calls the provider again with each payout's stored idempotency key, which returns
    the transfer already made instead of paying twice."""
    outcomes: dict[str, int] = {}
    providers: dict = {}
    for done, payout_id in enumerate(payout_ids, start=1):
        outcome = services.execute_payout(payout_id, providers)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if done % COMMIT_EVERY == 0 or done == len(payout_ids):
            commit()
            report_progress(done, len(payout_ids), "paying")
    return outcomes


@job("payouts", retry=RETRY, timeout=3600)
def payout_batch() -> dict:
    """The scheduled payout run (a periodic job, weekly by default): a payout of the whole available
    balance for every eligible member, paid in chunks by ``pay_payouts`` jobs. Running it twice is
    harmless: members with an open payout are skipped."""
    from app.jobs import enqueue

    ids = services.run_payout_batch(progress=lambda n: report_progress(n, None, "creating payouts"))
    for i in range(0, len(ids), PAY_CHUNK):
        enqueue(pay_payouts, ids[i:i + PAY_CHUNK], description="payout batch chunk")
    logger.info("Payout batch created %s payouts", len(ids))
    return {"payouts": len(ids)}


@job("payouts", retry=Retry(max=3, interval=[60, 300, 900]))
def reconcile_period(start: str, end: str) -> dict:
    """Compare the ledger with the provider's balance transactions for ``[start, end)`` (ISO dates)."""
    report = reports.reconcile(get_provider(), _day(start), _day(end))
    return {"reconciliation_id": report.id, "differences": report.differences}


def _day(text: str) -> datetime:
    from datetime import UTC

    value = date.fromisoformat(text)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)
