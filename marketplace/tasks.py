"""Marketplace jobs: the sweeps that mark no-shows and resume stalled contact imports (the contact
import job itself lives beside its code)."""

from __future__ import annotations

import logging
from datetime import timedelta

from rq import Retry

from app.database import commit
from app.jobs import job, report_progress

logger = logging.getLogger(__name__)

NO_SHOW_EVERY = timedelta(minutes=5)
STALLED_IMPORTS_EVERY = timedelta(minutes=10)
STALLED_IMPORT_AFTER = timedelta(minutes=15)  # after the upload: a queued import has started long before


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


@job("default", retry=Retry(max=3, interval=[30, 120, 600]))
def resume_stalled_imports() -> int:
    """Queue again the contact imports that no job will finish (a periodic sweep, every ten minutes):
    an upload whose job was lost while Redis was down, or whose worker died, would otherwise wait
    for nothing."""
    from marketplace import contact_lists

    return len(contact_lists.resume_stalled_imports(STALLED_IMPORT_AFTER))
