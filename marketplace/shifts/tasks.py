"""Shift jobs: the sweep that marks no-shows."""

from __future__ import annotations

import logging
from datetime import timedelta

from rq import Retry

from app.database import commit
from app.jobs import job, report_progress
from marketplace.shifts import attendance

logger = logging.getLogger(__name__)

NO_SHOW_EVERY = timedelta(minutes=5)


@job("default", retry=Retry(max=3, interval=[30, 120, 600]))
def sweep_no_shows() -> int:
    """Claims not checked in by the end of the grace period become no-shows, a batch at a time.

    Safe to run twice: a claim changes state once, so a retried sweep finds nothing left to mark."""
    total = 0
    while True:
        marked = attendance.mark_no_shows(limit=1000)
        commit()
        total += marked
        report_progress(total, None, "no-shows marked")
        if marked < 1000:
            break
    if total:
        logger.info("Marked %s no-shows", total)
    return total
