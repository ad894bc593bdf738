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
def resume_routing(campaign_id: int) -> bool:
    """Escrow was added to a campaign whose routing is held: pay what was owed, oldest first, and
    route its calls again when all of it is paid (else the hold stays, with what is still short).
    Safe to run twice: paid earnings carry their keys, and a campaign not held is left alone."""
    from app.database import commit
    from telephony import earnings

    resumed = earnings.resume_campaign_routing(campaign_id)
    commit()
    logger.info("Campaign %s after escrow was added: routing %s", campaign_id, "resumed" if resumed else "still held")
    return resumed


@job("default", retry=Retry(max=3, interval=[10, 60, 300]))
def refill_held_campaigns(org_id: int, source_key: str) -> list[int]:
    """The organization topped up its wallet: its campaigns held for lack of escrow get what they
    lack and route again (``earnings.refill_held_campaigns``; safe to run twice)."""
    from app.database import commit
    from telephony import earnings

    resumed = earnings.refill_held_campaigns(org_id, source_key)
    commit()
    if resumed:
        logger.info("Organization %s topped up: routing resumed for campaigns %s", org_id, resumed)
    return resumed


@job("default", retry=Retry(max=3, interval=[10, 60, 300]))
def refresh_campaign_agents(campaign_id: int) -> int:
    """A campaign started or stopped taking calls: its members on shift get their routing again."""
    from telephony import agents

    return agents.refresh_campaign_agents(campaign_id)
