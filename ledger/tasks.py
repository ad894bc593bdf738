"""Ledger jobs: the sequencer, the anchor, the full verification."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta

from rq import Retry, get_current_job

from app.database import commit
from app.extensions import redis_store
from app.jobs import job, report_progress
from ledger import anchoring, bundle, services

ANCHOR_EVERY = timedelta(hours=1)
SWEEP_EVERY = timedelta(minutes=1)  # each commit nudges the sequencer; this catches a lost nudge
EXPORT_KEPT = timedelta(hours=1)  # how long an exported bundle waits for its download


def export_key(job_id: str) -> str:
    return f"ledger:export:{job_id}"


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


@job("ledger", timeout=3600)
def export_bundle(start: int = 0, end: int | None = None) -> dict:
    """``flask ledger export`` as a job with progress, for the auditor console: the bundle is kept
    (gzip, in Redis, for ``EXPORT_KEPT``) under the job's id for its owner to download. Safe to run
    twice: it only reads, and a second run overwrites the same key."""
    data = bundle.export(start, end, progress=lambda done, total: report_progress(done, total, "entries"))
    blob = gzip.compress(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    redis_store.connection.set(export_key(get_current_job().id), blob, ex=EXPORT_KEPT)
    return {"entries": len(data["entries"]), "tree_size": data["tree_head"]["tree_size"],
            "from": data["from"], "to": data["to"], "bytes": len(blob)}
