"""Report jobs: deliver the scheduled reports whose period has ended."""

from __future__ import annotations

import logging
from datetime import timedelta

from app.jobs import job

logger = logging.getLogger(__name__)

DELIVER_EVERY = timedelta(minutes=15)


@job("default")
def deliver_scheduled_reports() -> int:
    """Write and announce every scheduled report whose last period has ended. Safe to run twice: a
    period already delivered is skipped (one file per schedule and period, a unique row)."""
    from telephony.reports import schedules

    delivered = schedules.deliver_due()
    if delivered:
        logger.info("Scheduled reports delivered: %s", delivered)
    return delivered


@job("default", timeout=3600)
def rebuild_campaign_report(campaign_id: int) -> int:
    """Re-apply every interaction of a campaign to its report aggregates (a backfill or repair)."""
    from telephony.reports import services

    return services.rebuild_campaign(campaign_id)
