"""Telephony jobs: the sweep that pays attended shifts by the hour once they have ended."""

from __future__ import annotations

import logging
from datetime import timedelta

from rq import Retry

from app.jobs import job

logger = logging.getLogger(__name__)

SHIFT_PAY_EVERY = timedelta(minutes=5)


@job("default", retry=Retry(max=3, interval=[30, 120, 600]))
def pay_ended_shifts() -> int:
    """Accrue pay per shift hour for the attended shifts that ended lately. Safe to run twice: each
    shift's pay carries its claim's key, so a second run pays nothing more."""
    from telephony import earnings

    paid = earnings.accrue_ended_shifts()
    if paid:
        logger.info("Shift pay accrued for %s shifts", paid)
    return paid
