"""The nightly purge of recordings past their campaign's retention."""

from __future__ import annotations

import logging
from datetime import timedelta

from app.jobs import job

logger = logging.getLogger(__name__)

PURGE_EVERY = timedelta(days=1)


@job("default")
def purge_recordings() -> int:
    from app.database import commit
    from telephony.recordings import services

    purged = services.purge_expired()
    commit()
    if purged:
        logger.info("Purged the media of %s recordings past retention", purged)
    return purged
