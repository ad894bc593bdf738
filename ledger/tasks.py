"""Ledger jobs: the sequencer, the anchor, the full verification."""

from __future__ import annotations

from datetime import timedelta

from rq import Retry

from app.database import commit
from app.jobs import job, report_progress
from ledger import anchoring, services

ANCHOR_EVERY = timedelta(hours=1)
SWEEP_EVERY = timedelta(minutes=1)  # each commit nudges the sequencer; this catches a lost nudge


@job("ledger", retry=Retry(max=5, interval=[1, 5, 30, 120, 600]), timeout=600)
def integrate() -> int:
    """Integrate everything queued (in batches, each committed); safe to run twice."""
    total = 0
    while True:
        done = services.integrate()
        commit()
        total += done
        if done < services.BATCH_SIZE:
            return total


@job("ledger", retry=Retry(max=5, interval=[60, 300, 900, 1800, 3600]), timeout=900)
def anchor() -> dict | None:
    """Write the latest signed tree head's root to the chain; a failure is retried and never blocks the log."""
    found = anchoring.anchor_latest()
    return found and {"tx_hash": found.tx_hash, "tree_size": found.tree_size}


@job("ledger", timeout=3600)
def verify() -> dict:
    """The full check (``flask ledger verify``) as a job with progress, for the auditor console."""
    return services.verify_all(progress=lambda done, total: report_progress(done, total, "entries"))
