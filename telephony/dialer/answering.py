"""What an outbound call does once the callee's side is known: who answered (the provider's
``AnsweredBy`` when answering-machine detection ran), and the TwiML that follows.

- a person, with an agent free: the callee waits in the interaction's conference and the ACD offers
  the call (progressive, predictive), or the previewing member's softphone rings (preview);
- a person, with no agent free: the campaign's message is said at once (within 2 s of the answer,
  as the FTC's safe harbour asks) and the call ends — an abandoned call, counted against the cap;
- a machine (or a fax), reported with the answer or — with Twilio's ``AsyncAmd``, which the dialer
  asks for so that a person is put through at once — a moment later (``amd_result``): the
  campaign's choice — ``drop`` (hang up, the contact is done), ``message`` (leave the campaign's
  message after the greeting, the contact is done) or ``retry`` (hang up, call again after
  ``amd_retry_minutes``);
- no answer, busy, failed: the interaction fails with that reason and the contact's next attempt
  follows the retry delay for that outcome.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import partial

from flask_babel import force_locale
from flask_babel import gettext as _

from app.database import after_commit
from app.extensions import db
from app.numbers import is_id
from marketplace.contacts import dialing
from telephony import calls, campaigns, earnings, numbers, services
from telephony.dialer.settings import dialer_settings
from telephony.distributor import distributor, routing_settings
from telephony.models import Interaction
from telephony.providers import ProviderError, Twiml, caller_waits_in_conference, get_provider, say_and_hang_up

logger = logging.getLogger(__name__)

def is_machine(answered_by: str) -> bool:
    return answered_by.startswith("machine") or answered_by == "fax"


def _free_agents(campaign_id: int) -> int:
    acd = distributor()
    return int(acd.client.zcard(f"{acd.prefix}av:{campaign_id}"))


def answer_outbound(interaction_id: int, params: Mapping, member_id: int | None = None) -> str:
    """The callee's side answered (the call's Url): the TwiML it gets."""
    interaction = db.session.get(Interaction, interaction_id) if is_id(interaction_id) else None
    if interaction is None or interaction.direction != "outbound" or interaction.state not in ("queued", "offered"):
        return str(Twiml().hangup())
    found = campaigns.campaign(interaction.campaign_id)
    settings = dialer_settings(found.settings)
    language = calls.caller_language(found)
    answered_by = (params.get("AnsweredBy") or "human").strip()[:16] or "human"
    if answered_by == "unknown":
        answered_by = "human"  # AMD could not tell: treat the callee as a person (never abandon silently)
    interaction.answered_by = answered_by
    db.session.flush()
    if is_machine(answered_by):
        return _machine(interaction, settings, language)
    if member_id is not None and interaction.member_id == member_id:  # preview: the member is waiting
        caller_id = numbers.caller_id(found.id) or calls.FALLBACK_CALLER_ID
        after_commit(partial(calls._ring_agent, interaction.id, member_id, caller_id))
    elif earnings.campaign_routing_paused(found.id) or _free_agents(found.id) <= 0:
        return _abandon(interaction, settings, language)
    else:
        routing = routing_settings(found.settings)
        queued_ms = int(interaction.queued_at.timestamp() * 1000)
        after_commit(partial(calls._enqueue, interaction.id, found.id, routing, False, queued_ms))
    return caller_waits_in_conference(
        calls.conference_name(interaction.id), language=language,
        wait_url=calls.webhook_url("wait", lang=language),
        status_callback=calls.webhook_url("conference", interaction=interaction.id),
        recording_status_callback=calls.webhook_url("recording", interaction=interaction.id))


def _abandon(interaction: Interaction, settings: dict, language: str) -> str:
    """A person answered and no agent is free: the message now, then the end of the call."""
    services.mark_abandoned(interaction.id)  # the receiver records the contact's attempt
    logger.info("Outbound interaction %s abandoned by the dialer: no agent free", interaction.id)
    with force_locale(language):
        message = settings.get("abandon_message") or _(
            "Hello, this is a call from %(campaign)s. We are sorry: no one is free to take your call now. "
            "We will call you again later. Goodbye.", campaign=campaigns.campaign(interaction.campaign_id).name)
    return say_and_hang_up(message, language)


def _machine(interaction: Interaction, settings: dict, language: str) -> str:
    action = settings["amd"]
    services.mark_failed(interaction.id, f"machine_{action}")
    if interaction.contact_id is not None:
        dialing.record_call_outcome(interaction.contact_id, "machine", retry_minutes=settings["amd_retry_minutes"],
                                    final=action != "retry")
    if action == "message" and settings.get("amd_message"):
        return say_and_hang_up(settings["amd_message"], language)
    return str(Twiml().hangup())


def amd_result(interaction_id: int, params: Mapping) -> str:
    """Answering-machine detection finished (Twilio's ``AsyncAmd``: the callee was already put
    through as a person, so no one waits in silence). A machine whose call has not reached an agent
    yet gets the campaign's treatment: out of the queue, and the call redirected to it."""
    interaction = db.session.get(Interaction, interaction_id) if is_id(interaction_id) else None
    if interaction is None or interaction.direction != "outbound":
        return "unknown_call"
    answered_by = (params.get("AnsweredBy") or "unknown").strip()[:16]
    if not is_machine(answered_by):
        return "human"
    interaction.answered_by = answered_by
    db.session.flush()
    if interaction.state not in ("queued", "offered"):
        return "machine_late"  # with an agent already, or over: the call goes on as it is
    found = campaigns.campaign(interaction.campaign_id)
    member_id, agent_sid = interaction.member_id, interaction.agent_call_sid
    customer_sid = interaction.customer_call_sid
    twiml = _machine(interaction, dialer_settings(found.settings), calls.caller_language(found))
    after_commit(partial(calls._withdraw, interaction.id, member_id, agent_sid))
    after_commit(partial(_redirect, customer_sid, twiml))
    return interaction.failure_reason or "machine"


def _redirect(sid: str | None, twiml: str) -> None:
    if not sid:
        return
    try:
        get_provider().update_call(sid, twiml=twiml)
    except ProviderError as error:
        logger.info("Could not redirect call %s: %s", sid, error)


# --- receivers (connected in ``telephony.receivers``) ----------------------------------------------

def _record_contact_disposition(sender, interaction_id, disposition=None, **_payload) -> None:
    """An outbound call with a contact was dispositioned: the contact's attempt, per the campaign."""
    interaction = db.session.get(Interaction, interaction_id)
    if interaction is None or interaction.contact_id is None or not disposition:
        return
    found = campaigns.campaign(interaction.campaign_id)
    if any(d.get("code") == disposition for d in (found.settings or {}).get("dispositions") or []):
        dialing.record_attempt(interaction.contact_id, disposition)
    else:
        dialing.record_call_outcome(interaction.contact_id, disposition, final=True)


def _record_contact_abandoned(sender, interaction_id, **_payload) -> None:
    """A callee who answered and reached no agent: call again after the abandoned outcome's delay."""
    interaction = db.session.get(Interaction, interaction_id)
    if interaction is not None and interaction.contact_id is not None and interaction.direction == "outbound":
        dialing.record_call_outcome(interaction.contact_id, "abandoned")


def connect(events) -> None:
    events.interaction_completed.connect(_record_contact_disposition)
    events.interaction_abandoned.connect(_record_contact_abandoned)
