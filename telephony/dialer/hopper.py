"""The dialer's pass and its one write verb, ``dial_contact``.

Every pass (the dispatcher runs one about every second, in every dispatcher process) takes each
running outbound campaign in progressive or predictive mode, counts its free agents (the ACD's pool
of available agents checked in to it) less the lines already ringing, works out how many lines to
open (``modes``), dials callback requests first, then the campaign's due contacts. A per-campaign
lock in Redis lets only one process work a campaign in a given pass; taking a contact is atomic
(``begin_attempt``), so two processes never call the same one.

``dial_contact`` checks the contact at the moment of dialing (``compliance``): a refused contact is
not dialed and the reason is written on it. The provider call is placed after commit, with the
campaign's number as caller ID, a ring of at least 15 s and answering-machine detection when the
campaign asks for it; its Url answers with ``answering.answer_outbound``.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy import func, select

from app.database import after_commit, commit, rollback
from app.extensions import db, redis_store
from app.timeutil import as_utc, utcnow
from marketplace.contacts import dialing
from marketplace.models import Campaign, Contact
from telephony import campaigns, numbers, services
from telephony.dialer import callbacks, compliance
from telephony.dialer.modes import Measured, lines_per_agent, lines_to_open
from telephony.dialer.placing import Dialed, place_call, take_token
from telephony.dialer.settings import dialer_settings
from telephony.distributor import distributor
from telephony.models import Interaction
from telephony.providers import get_provider

logger = logging.getLogger(__name__)

AMD_MODES = {"drop": "Enable", "retry": "Enable", "message": "DetectMessageEnd"}  # Twilio's MachineDetection
RINGING_FOR_AT_MOST = timedelta(minutes=2)  # a line not answered within this is no longer counted as ringing


def dial_contact(contact_id: int, *, member_id: int | None = None, now: datetime | None = None) -> Dialed:
    """Dial one contact now if every check passes; with ``member_id`` (preview mode) the call is
    reserved for that member, whose softphone rings once the callee answers."""
    now = as_utc(now or utcnow())
    ok, reason = compliance.check_and_record(contact_id, now)
    if not ok:
        return Dialed(None, reason)
    contact = db.session.get(Contact, contact_id)
    found = campaigns.campaign(contact.campaign_id)
    settings = dialer_settings(found.settings)
    provider = get_provider()
    caller_id = numbers.caller_id(found.id)
    if caller_id is None:
        dialing.record_refusal(contact_id, "no_caller_id", now)
        return Dialed(None, "no_caller_id")
    if not take_token(provider.name, settings, found.id):
        return Dialed(None, "paced")
    if not dialing.begin_attempt(contact_id, now):
        return Dialed(None, "in_progress")
    dialing.clear_refusal(contact_id)
    interaction = services.create_interaction(found.id, "outbound", provider=provider.name, contact_id=contact_id,
                                              at=now)
    if member_id is not None:
        services.record_offer(interaction.id, member_id, offer_id=f"preview-{interaction.id}", at=now)
    number = dialing.phone_for_dialing(contact_id, actor_id=member_id)
    machine_detection = AMD_MODES.get(settings["amd"]) if member_id is None else None
    after_commit(partial(place_call, interaction.id, number, caller_id, machine_detection, settings["ring_seconds"],
                         member_id))
    logger.info("Contact %s dialed on campaign %s (interaction %s)", contact_id, found.id, interaction.id)
    return Dialed(interaction.id, "ok")


# --- the pass ---------------------------------------------------------------------------------------

def free_agents(campaign_id: int) -> int:
    """Agents available for the campaign now (the ACD's pool)."""
    acd = distributor()
    return int(acd.client.zcard(f"{acd.prefix}av:{campaign_id}"))


def ringing_lines(campaign_id: int, now: datetime) -> int:
    """Outbound calls of the campaign placed and not yet answered (nor ended)."""
    return int(db.session.scalar(select(func.count()).select_from(Interaction).where(
        Interaction.campaign_id == campaign_id, Interaction.direction == "outbound",
        Interaction.state == "queued", Interaction.answered_by.is_(None),
        Interaction.queued_at > now - RINGING_FOR_AT_MOST)) or 0)


def measured(campaign_id: int, since: datetime | None = None) -> Measured:
    """Calls placed, answered by a person, and abandoned (a person answered and reached no agent)."""
    conditions = [Interaction.campaign_id == campaign_id, Interaction.direction == "outbound"]
    if since is not None:
        conditions.append(Interaction.queued_at >= since)
    human = Interaction.answered_by == "human"
    row = db.session.execute(select(
        func.count(), func.count().filter(human), func.count().filter(human, Interaction.state == "abandoned"),
        func.avg(Interaction.handle_seconds)).where(*conditions)).one()
    return Measured(placed=row[0], answered=row[1], abandoned=row[2], handle_seconds=float(row[3] or 0))


def dialing_campaigns(now: datetime) -> list[Campaign]:
    return [c for c in campaigns.running_campaigns(now) if c.kind == "outbound"
            and dialer_settings(c.settings)["mode"] in ("progressive", "predictive")]


def _claim_pass(campaign_id: int, seconds: float = 0.9) -> bool:
    """Only one process works a campaign in a given pass."""
    return bool(redis_store.connection.set(f"dialer:pass:{campaign_id}", "1", nx=True, px=int(seconds * 1000)))


def lines_for(found: Campaign, now: datetime) -> int:
    settings = dialer_settings(found.settings)
    free = free_agents(found.id)
    if free <= 0:
        return 0
    level = 1.0
    if settings["mode"] == "predictive":
        level = lines_per_agent(measured(found.id), measured(found.id, now - timedelta(days=30)),
                                float(settings["abandon_cap"]), float(settings["max_lines_per_agent"]))
    return lines_to_open(settings["mode"], free, ringing_lines(found.id, now), level)


def run_campaign(campaign_id: int, now: datetime | None = None) -> list[Dialed]:
    """One pass over one campaign: callbacks first, then due contacts, up to the lines it may open.
    Commits after each call placed (so the call is placed at once and a failure stops only itself)."""
    now = as_utc(now or utcnow())
    found = campaigns.campaign(campaign_id)
    lines = lines_for(found, now)
    done: list[Dialed] = []
    if lines <= 0:
        return done
    for dialed in callbacks.dial_due(found, lines, now):
        done.append(dialed)
        commit()
    lines -= sum(1 for d in done if d.placed)
    for contact in dialing.contacts_due(found.id, now, limit=max(lines * 2, 0)) if lines > 0 else []:
        if lines <= 0:
            break
        dialed = dial_contact(contact.id, now=now)
        commit()
        done.append(dialed)
        if dialed.reason == "paced":
            break
        if dialed.placed:
            lines -= 1
    return done


def run_callbacks(campaign_id: int, now: datetime | None = None) -> list[Dialed]:
    """One pass over an inbound campaign's callback requests: one line per free agent."""
    now = as_utc(now or utcnow())
    found = campaigns.campaign(campaign_id)
    lines = lines_to_open("progressive", free_agents(found.id), ringing_lines(found.id, now))
    done = callbacks.dial_due(found, lines, now)
    commit()
    return done


def tick(now: datetime | None = None) -> int:
    """The dialer's pass over every dialing campaign (and every campaign with callback requests
    open); how many calls it placed."""
    now = as_utc(now or utcnow())
    placed = 0
    work = [(c.id, run_campaign) for c in dialing_campaigns(now)]
    work += [(campaign_id, run_callbacks) for campaign_id in callbacks.campaigns_with_open_requests(now)
             if campaign_id not in {w[0] for w in work}]
    for campaign_id, run in work:
        if not _claim_pass(campaign_id):
            continue
        try:
            placed += sum(1 for d in run(campaign_id, now) if d.placed)
        except Exception:
            rollback()
            logger.exception("Dialer pass failed for campaign %s", campaign_id)
    return placed
