"""Marketplace jobs: the sweep that marks no-shows (the contact import job lives beside its code)."""

from __future__ import annotations

import logging
from datetime import timedelta

from rq import Retry

from app.database import commit
from app.jobs import job, report_progress

logger = logging.getLogger(__name__)

NO_SHOW_EVERY = timedelta(minutes=5)


@job("default", retry=Retry(max=3, interval=[30, 120, 600]))
def sweep_no_shows() -> int:
    """Claims not checked in by the end of the grace period become no-shows, a batch at a time.

    Safe to run twice: a claim changes state once, so a retried sweep finds nothing left to mark."""
    from marketplace import claims

    total = 0
    while True:
        marked = claims.mark_no_shows(limit=1000)
        commit()
        total += marked
        report_progress(total, None, "no-shows marked")
        if marked < 1000:
            break
    if total:
        logger.info("Marked %s no-shows", total)
    return total
