"""Telephony jobs: the sweep that pays attended shifts by the hour once they have ended, and the
sweeps that keep members' presence truthful."""

from __future__ import annotations

import logging
from datetime import timedelta

from rq import Retry

from app.jobs import job

logger = logging.getLogger(__name__)

SHIFT_PAY_EVERY = timedelta(minutes=5)
PRESENCE_SWEEP_EVERY = timedelta(minutes=1)


@job("default", retry=Retry(max=3, interval=[30, 120, 600]))
def pay_ended_shifts() -> int:
    """Accrue pay per shift hour for the attended shifts that ended lately. Safe to run twice: each
    shift's pay carries its claim's key, so a second run pays nothing more."""
    from telephony import earnings

    paid = earnings.accrue_ended_shifts()
    if paid:
        logger.info("Shift pay accrued for %s shifts", paid)
    return paid


@job("default", retry=Retry(max=2, interval=[10, 30]))
def sweep_presence() -> int:
    """Members whose shift ended leave routing; members the ACD took offline go offline in the
    presence history. Safe to run twice: a second pass finds nothing left to change."""
    from telephony import agents

    changed = agents.sweep_presence()
    if changed:
        logger.info("Presence sweep: %s members changed", changed)
    return changed


@job("default", retry=Retry(max=3, interval=[10, 60, 300]))
def refresh_campaign_agents(campaign_id: int) -> int:
    """A campaign started or stopped taking calls: its members on shift get their routing again."""
    from telephony import agents

    return agents.refresh_campaign_agents(campaign_id)
