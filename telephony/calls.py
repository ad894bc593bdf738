"""The call flow: what an inbound call, the routing layer's events, members' answers and the
provider's status callbacks do to an interaction and to the ACD.

A caller dials a campaign's number → ``answer_inbound`` opens an interaction, queues it in the ACD
and parks the caller in the conference ``ix-<id>`` → the dispatcher offers it to a member →
``accept_offer`` reserves it and, after commit, rings the member's softphone → the agent leg
answers (``call_status``) and joins the conference: answered → either leg hangs up: wrap-up →
the disposition (or wrap-up's timeout) completes it.

Services: nothing here commits. Side effects on the provider and the ACD run after commit
(``app.database.after_commit``), so a rolled-back change never rings anyone. Every step is safe to
repeat: the interaction verbs are idempotent and order-tolerant, and the ACD refuses what no longer
applies.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import partial

from flask import current_app, g, has_request_context
from flask_babel import force_locale
from flask_babel import gettext as _

from app.database import after_commit
from app.errors import Conflict
from app.extensions import db
from app.numbers import is_id
from app.timeutil import utcnow
from telephony import campaigns, earnings, numbers, services, survey, transcription, transfer
from telephony.callflow import ENDED, caller_language, conference_name, provider_time, webhook_url
from telephony.callflow import hang_up as hang_up_call
from telephony.dialer import outcomes
from telephony.distributor import distributor, routing_settings
from telephony.models import Interaction
from telephony.providers import (
    ProviderError,
    caller_waits_in_conference,
    client_identity,
    get_provider,
    member_id_from_identity,
    say_and_hang_up,
)
from telephony.queries import find_by_call_sid
from telephony.recordings.policy import consent_text
from telephony.recordings.policy import policy as recording_policy

logger = logging.getLogger(__name__)

AGENT_RING_SECONDS = 30
FALLBACK_CALLER_ID = "client:crowdline"  # a softphone may be called from any client name


# --- inbound -------------------------------------------------------------------------------------

def answer_inbound(params: Mapping) -> str:
    """A customer dialled a campaign's number (or SIP user): the TwiML that answers them.

    The interaction is opened once per provider call (a repeated request returns the same TwiML
    and queues nothing twice); the ACD learns of it after commit."""
    provider = get_provider()
    campaign_id = numbers.campaign_for_call(params)
    found = campaigns.campaign(campaign_id) if campaign_id is not None else None
    if found is None or found.state not in ("published", "running"):
        logger.warning("Inbound call %s to %s: no campaign takes calls there", params.get("CallSid"), params.get("To"))
        language = caller_language(found)
        with force_locale(language):
            return say_and_hang_up(_("Sorry, this line is not taking calls now. Goodbye."), language)
    language = caller_language(found)
    interaction = services.create_interaction(found.id, "inbound", provider=provider.name,
                                              customer_call_sid=params["CallSid"],
                                              customer_phone=params.get("From"), at=provider_time(params))
    if interaction.state == "queued":
        settings = routing_settings(found.settings)
        paused = earnings.campaign_routing_paused(found.id)
        queued_ms = int(interaction.queued_at.timestamp() * 1000)
        after_commit(partial(_enqueue, interaction.id, found.id, settings, paused, queued_ms))
    recorded = recording_policy(found)["enabled"]  # consent first, then the recorded conference
    return caller_waits_in_conference(
        conference_name(interaction.id), language=language,
        wait_url=webhook_url("wait", provider, lang=language),
        status_callback=webhook_url("conference", provider, interaction=interaction.id),
        greeting=consent_text(found, language) if recorded else None,
        recording_status_callback=webhook_url("recording", provider, interaction=interaction.id) if recorded else None,
        action=webhook_url("after", provider, interaction=interaction.id))


def _enqueue(interaction_id: int, campaign_id: int, settings: dict, paused: bool, queued_ms: int) -> None:
    acd = distributor()
    acd.configure_campaign(campaign_id, offer_timeout_seconds=settings["offer_timeout_seconds"],
                           escalate_after_seconds=settings["escalate_after_seconds"],
                           max_wait_seconds=settings["max_wait_seconds"], paused=paused)
    outcome = acd.enqueue(interaction_id, campaign_id, priority=int(settings["priority"]), queued_at_ms=queued_ms)
    logger.info("Interaction %s queued in the ACD: %s", interaction_id, outcome.reason or "ok")


def requeue(interaction: Interaction) -> None:
    """After commit, put a call whose member fell through back in its queue, at its first arrival."""
    found = campaigns.campaign(interaction.campaign_id)
    settings = routing_settings(found.settings)
    paused = earnings.campaign_routing_paused(found.id)
    after_commit(partial(_enqueue, interaction.id, found.id, settings, paused,
                         int(interaction.queued_at.timestamp() * 1000)))


# --- offers ----------------------------------------------------------------------------------------

REFUSALS = {
    "expired": ("offer_expired", lambda: _("This offer has expired: the call went to someone else.")),
    "not_yours": ("offer_not_yours", lambda: _("This call was offered to another member.")),
}


def _refused(reason: str | None) -> Conflict:
    code, message = REFUSALS.get(reason or "", ("offer_unknown", lambda: _("There is no such offer for you.")))
    return Conflict(message(), code=code)


def _offered_interaction(interaction_id: int) -> Interaction | None:
    return db.session.get(Interaction, interaction_id) if is_id(interaction_id) else None


def _respond(verb: str, member_id: int, interaction_id: int) -> tuple[Interaction, str]:
    """The ACD's atomic answer to the member's offer (``accept`` or ``decline``): the interaction and
    the offer id, or 409 with the reason it was refused (and nothing changed)."""
    interaction = _offered_interaction(interaction_id)
    if interaction is None:
        raise _refused("unknown_offer")
    # The ACD's answer stands outside the database: when this request's transaction is run again
    # (SQLite's "database is locked" retry), the first run's reservation is still the member's.
    answered = g.setdefault("acd_answers", {}) if has_request_context() else {}
    if (verb, member_id, interaction.id) in answered:
        return interaction, answered[(verb, member_id, interaction.id)]
    outcome = getattr(distributor(), verb)(member_id, call_id=interaction.id)
    if not outcome.ok:
        raise _refused(outcome.reason)
    key = (verb, member_id, interaction.id)
    answered[key] = str(outcome.get("offer"))
    after_commit(partial(answered.pop, key, None))  # kept only for a run again of this transaction
    return interaction, str(outcome.get("offer"))


def accept_offer(member_id: int, interaction_id: int) -> Interaction:
    """The member takes the call offered to them: reserved in the ACD at once, and after commit
    their softphone rings (the answer is recorded when that leg answers). 409 when the offer is
    not theirs, has expired or does not exist; nothing changes then."""
    interaction, offer_id = _respond("accept", member_id, interaction_id)
    services.record_offer(interaction.id, member_id, offer_id=offer_id)
    if services.lock(interaction.id).state not in ("queued", "offered"):
        # the caller hung up while the ACD still offered the call: undo the reservation, ring no one
        if _on_call(member_id, interaction.id):
            distributor().end_call(member_id, 0)
        raise _refused("expired")
    earnings.record_presence(member_id, "busy")
    caller_id = numbers.caller_id(interaction.campaign_id) or FALLBACK_CALLER_ID
    after_commit(partial(_ring_agent, interaction.id, member_id, caller_id))
    logger.info("Member %s accepted interaction %s", member_id, interaction.id)
    return interaction


def decline_offer(member_id: int, interaction_id: int) -> Interaction:
    """The member turns the offer down: the call goes back to the front of its queue."""
    interaction, offer_id = _respond("decline", member_id, interaction_id)
    return services.record_declined(interaction.id, member_id, offer_id=offer_id)


def _ring_agent(interaction_id: int, member_id: int, caller_id: str) -> None:
    provider = get_provider()
    try:
        provider.place_call(f"client:{client_identity(member_id)}", caller_id,
                            webhook_url("agent", provider, interaction=interaction_id, member=member_id),
                            status_callback=webhook_url("status", provider, interaction=interaction_id,
                                                        leg="agent", member=member_id),
                            timeout=AGENT_RING_SECONDS)
    except ProviderError:
        logger.exception("Could not ring member %s for interaction %s", member_id, interaction_id)


# --- status callbacks ----------------------------------------------------------------------------

def call_status(params: Mapping, *, interaction_id: int | None = None, leg: str | None = None,
                member_id: int | None = None) -> str:
    """A call-progress callback of either leg; what it did (for the webhook's record)."""
    provider = get_provider()
    sid, status, at = params.get("CallSid", ""), params.get("CallStatus", ""), provider_time(params)
    if leg == "escalation":  # the enterprise's line, ringing for a hand-over
        found = db.session.get(Interaction, interaction_id) if interaction_id is not None else None
        return transfer.escalation_leg(services.lock(found.id), sid, status, at) if found else "unknown_call"
    if leg == "agent" and interaction_id is not None:
        interaction = db.session.get(Interaction, interaction_id)
    else:
        interaction = find_by_call_sid(provider.name, sid)
        leg = "customer" if interaction is not None and interaction.customer_call_sid == sid else "agent"
    if interaction is None:
        logger.info("Status %s of an unknown call %s", status, sid)
        return "unknown_call"
    # Decide under the row lock, from the committed state: the other leg's callback may be in
    # another worker's open transaction (a stale "offered" here would free a member who is talking).
    interaction = services.lock(interaction.id)
    if leg == "customer":
        return customer_leg(interaction, status, at) if status in ENDED else "ignored"
    member_id = member_id or member_id_from_identity(params.get("To", "")) or interaction.member_id
    return agent_leg(interaction, sid, member_id, status, at, answered_at=_answer_time(params, at))


def customer_leg(interaction: Interaction, status: str, at: datetime | None) -> str:
    """The caller's leg ended: before an answer, the caller abandoned; after, wrap-up begins."""
    state = interaction.state
    if interaction.direction == "outbound" and interaction.answered_by is None and state in ("queued", "offered"):
        return outcomes.not_answered(interaction, status, at)  # the dialer's call, never answered
    if state == "offered" and interaction.member_id is not None and _leg_in_flight(interaction):
        # The member accepted: their leg may have been answered with its callback still on the way.
        # Its own final status decides (answered: wrap-up from the caller's end; else abandoned).
        services.record_caller_left(interaction.id, at=at)
        after_commit(partial(hang_up_call, interaction.agent_call_sid))
        return "caller_left"
    if state in ("queued", "offered"):
        member_id = interaction.member_id
        services.mark_abandoned(interaction.id, at=at)
        if member_id is not None:  # offered or accepted to them: free again
            earnings.record_presence(member_id, "available", at=at)
        after_commit(partial(_withdraw, interaction.id, member_id, interaction.agent_call_sid))
        return "abandoned"
    if state in ("in_progress", "held"):
        end_with_member(interaction, at, hang_up=(interaction.agent_call_sid,))
        return "wrapup"
    if state in ("wrapup", "completed") and interaction.transfer_state == "connected":
        transfer.caller_ended(interaction, at)  # handed over: the caller talked on with the enterprise
        return "caller_left"
    if state == "wrapup" and at is not None:
        services.begin_wrapup(interaction.id, at=at)  # the member's leg ended first in our view
    return "ignored"


# The member's leg rings at most AGENT_RING_SECONDS; its outcome is reported well within this.
ORPHAN_GRACE = timedelta(seconds=AGENT_RING_SECONDS + 15)


def settle_orphaned_caller_ends(grace: timedelta = ORPHAN_GRACE, limit: int = 200) -> int:
    """Calls whose caller hung up while the member's accepted leg was in flight wait for that leg's
    own outcome (``record_caller_left``). When no outcome ever comes — the leg was never placed (an
    accept that failed after the ACD reserved the member) or its callbacks were lost — nothing else
    would end them: past ``grace`` they are settled as the caller's abandonment at the time they
    hung up, and the member is freed in the ACD. How many were settled (the caller commits)."""
    rows = db.session.execute(db.select(Interaction.id, Interaction.member_id).where(
        Interaction.state == "offered", Interaction.ended_at.is_not(None),
        Interaction.ended_at < utcnow() - grace).order_by(Interaction.id).limit(limit)).all()
    settled = 0
    for row in rows:
        interaction = services.lock(row.id)
        if interaction.state != "offered" or interaction.ended_at is None:
            continue  # its outcome arrived meanwhile
        member_id, agent_call_sid = interaction.member_id, interaction.agent_call_sid
        services.mark_abandoned(interaction.id, at=interaction.ended_at)
        if member_id is not None:
            earnings.record_presence(member_id, "available")
        after_commit(partial(_withdraw, interaction.id, member_id, agent_call_sid))
        logger.warning("Interaction %s: the member's leg never reported after the caller left; abandoned",
                       interaction.id)
        settled += 1
    return settled


def _withdraw(interaction_id: int, member_id: int | None, agent_call_sid: str | None) -> None:
    acd = distributor()
    outcome = acd.withdraw(interaction_id)
    if not outcome.ok:
        # Accepted meanwhile — perhaps before the database heard of the offer, so ask the ACD whose
        # call it is: the member is freed (not their loss), never left on a call that is over.
        holder = (acd.call(interaction_id) or {}).get("agent")
        member_id = member_id if member_id is not None else (int(holder) if holder and holder.isdigit() else None)
    if not outcome.ok and member_id is not None and _on_call(member_id, interaction_id):
        acd.end_call(member_id, 0)  # accepted, the softphone still ringing: not the member's loss
    hang_up_call(agent_call_sid)


def _leg_in_flight(interaction: Interaction) -> bool:
    """Has the offered member accepted (their softphone leg placed, perhaps answered)?"""
    return interaction.agent_call_sid is not None or _on_call(interaction.member_id, interaction.id)


def _answer_time(params: Mapping, at: datetime | None) -> datetime | None:
    """When a leg that ended ``completed`` was answered: its end less its ``CallDuration``."""
    try:
        duration = int(params.get("CallDuration", ""))
    except ValueError:
        return None
    return at - timedelta(seconds=duration) if at is not None and duration >= 0 else None


def _on_call(member_id: int, interaction_id: int) -> bool:
    record = distributor().agent(member_id) or {}
    return record.get("call") == str(interaction_id)


def agent_leg(interaction: Interaction, sid: str, member_id: int | None, status: str, at: datetime | None,
              answered_at: datetime | None = None) -> str:
    """The member's leg: ringing, answered (the member is on the line), or ended. ``answered_at``:
    the answer a ``completed`` report implies (its time less its duration), if it carries one."""
    if member_id is None:
        return "ignored"
    if status in ("initiated", "ringing", "queued"):
        if interaction.agent_call_sid is None and interaction.state == "offered":
            services.attach_call(interaction.id, agent_call_sid=sid)
        return "ringing"
    if status == "in-progress":
        return _agent_answered(interaction, sid, member_id, at)
    if status not in ENDED:
        return "ignored"
    if status == "completed" and interaction.state == "offered" and interaction.member_id == member_id:
        # Twilio says "completed" only of a leg that was answered: its answer's callback is late
        _agent_answered(interaction, sid, member_id, answered_at)
    if interaction.state in ("in_progress", "held") and interaction.agent_call_sid == sid:
        end_with_member(interaction, at, hang_up=_caller_unless_staying(interaction))
        return "wrapup"
    if interaction.state == "offered" and interaction.member_id == member_id and interaction.ended_at is not None:
        # the caller left first and this leg was never answered: the caller abandoned
        services.mark_abandoned(interaction.id, at=interaction.ended_at)
        earnings.record_presence(member_id, "available", at=at)
        after_commit(partial(_withdraw, interaction.id, member_id, None))
        return "abandoned"
    if interaction.state == "wrapup" and interaction.agent_call_sid == sid and at is not None:
        services.begin_wrapup(interaction.id, at=at)  # the caller's end came first in our view
    if interaction.state == "offered" and interaction.member_id == member_id:
        # accepted, but the softphone never answered: the call waits again, the member is away
        services.record_missed(interaction.id, member_id, offer_id=f"leg:{sid}", at=at)
        earnings.record_presence(member_id, "away")
        after_commit(partial(_release_member, interaction.id, member_id))
        requeue(interaction)
        return "agent_unreachable"
    return "ignored"


def _agent_answered(interaction: Interaction, sid: str, member_id: int, at: datetime | None) -> str:
    if interaction.state in ("queued", "abandoned", "failed") or interaction.member_id != member_id:
        after_commit(partial(hang_up_call, sid))  # the caller left, or the call went back to the queue
        return "too_late"
    caller_left = interaction.ended_at if interaction.state == "offered" else None
    if caller_left is not None and at is not None and at > caller_left:
        # answered after the caller had already hung up: nobody was there to talk to
        services.mark_abandoned(interaction.id, at=caller_left)
        earnings.record_presence(member_id, "available", at=at)
        after_commit(partial(_withdraw, interaction.id, member_id, sid))
        return "too_late"
    try:
        services.mark_answered(interaction.id, member_id, at=at, agent_call_sid=sid)
    except Conflict:
        logger.warning("Member %s answered interaction %s offered to someone else", member_id, interaction.id)
        after_commit(partial(hang_up_call, sid))
        return "not_yours"
    earnings.record_presence(member_id, "busy", at=at)
    if caller_left is not None:  # the caller's end was reported first: the conversation is over
        end_with_member(interaction, caller_left, hang_up=(sid,))
        return "wrapup"
    return "answered"


def _release_member(interaction_id: int, member_id: int) -> None:
    acd = distributor()
    if _on_call(member_id, interaction_id):
        acd.end_call(member_id, 0)
    acd.set_away(member_id)


def end_with_member(interaction: Interaction, at: datetime | None, *, hang_up: tuple[str | None, ...] = (),
                    release: bool = True) -> bool:
    """The conversation is over (either side hung up): wrap-up begins, the member's routing goes to
    wrap-up after commit and the other legs are hung up. True when this call moved it to wrap-up."""
    member_id, before = interaction.member_id, interaction.state
    transfer.member_left_early(interaction)
    services.begin_wrapup(interaction.id, at=at)
    if before == "wrapup" or interaction.state != "wrapup":
        return False
    if member_id is not None and release:
        earnings.record_presence(member_id, "wrapup", at=at)
    wrapup = routing_settings(campaigns.campaign(interaction.campaign_id).settings)["wrapup_seconds"]
    after_commit(partial(_wrap_up, interaction.id, member_id if release else None, wrapup, hang_up))
    return True


def _wrap_up(interaction_id: int, member_id: int | None, wrapup_seconds: float,
             hang_up: tuple[str | None, ...]) -> None:
    if member_id is not None and _on_call(member_id, interaction_id):
        distributor().end_call(member_id, wrapup_seconds)
    for sid in hang_up:
        hang_up_call(sid)


def hang_up(interaction: Interaction, member_id: int) -> Interaction:
    """The handling member ends the call from the workspace: wrap-up begins, both legs end."""
    interaction = services.lock(interaction.id)
    if interaction.member_id != member_id or interaction.state not in ("in_progress", "held"):
        raise Conflict(_("There is no call of yours to hang up here."), code="not_in_call")
    end_with_member(interaction, None, hang_up=(interaction.agent_call_sid, *_caller_unless_staying(interaction)))
    return interaction


def _caller_unless_staying(interaction: Interaction) -> tuple[str | None, ...]:
    """The caller's leg, to hang up with the member's — unless the caller stays on the line: with
    the enterprise the call was handed to, or for the survey (sent to it after commit; the member's
    leg of a surveyed call does not end the conference, so nothing else moves the caller)."""
    if interaction.transfer_state == "connected":
        return ()
    if survey.follows(interaction) and interaction.customer_call_sid:
        after_commit(partial(_to_survey, interaction.customer_call_sid, interaction.id))
        return ()
    return (interaction.customer_call_sid,)


def _to_survey(sid: str, interaction_id: int) -> None:
    provider = get_provider()
    try:
        provider.update_call(sid, url=webhook_url("after", provider, interaction=interaction_id))
    except ProviderError as error:  # gone already (the caller hung up): nothing to ask
        logger.info("Survey of interaction %s not started: %s", interaction_id, error)


def agent_gone(member_id: int, undone: Mapping) -> None:
    """The member left routing at once (heartbeats lost, shift released, suspended: what the ACD's
    ``tick`` or ``remove_agent`` reports as ``requeued_call`` / ``released_call``): a ringing offer is
    missed, a call in progress ends as if they hung up, an accepted one not yet answered waits again."""
    earnings.record_presence(member_id, "offline")
    if undone.get("requeued_call") is not None:
        services.record_missed(undone["requeued_call"], member_id, offer_id=str(undone.get("offer") or "gone"))
    released = undone.get("released_call")
    interaction = _locked_or_none(released) if released is not None else None
    if interaction is None:
        return
    if interaction.state in ("in_progress", "held"):
        end_with_member(interaction, None, hang_up=(interaction.agent_call_sid, *_caller_unless_staying(interaction)),
                        release=False)
    elif interaction.state == "offered":
        services.record_missed(interaction.id, member_id, offer_id="gone")
        after_commit(partial(hang_up_call, interaction.agent_call_sid))
        requeue(interaction)


def _locked_or_none(interaction_id: int) -> Interaction | None:
    found = db.session.get(Interaction, interaction_id)
    return services.lock(found.id) if found is not None else None


def agent_twiml(interaction_id: int) -> str:
    """The member's leg, once answered: join the caller's conference (or end, if the caller left)."""
    from telephony.providers import Twiml, agent_joins_conference

    interaction = db.session.get(Interaction, interaction_id)
    if interaction is None or interaction.state not in ("offered", "in_progress", "held"):
        return str(Twiml().hangup())
    found = campaigns.campaign(interaction.campaign_id)
    surveyed = interaction.direction == "inbound" and survey.policy(found)["enabled"]
    return agent_joins_conference(
        conference_name(interaction.id), end_on_exit=not surveyed,
        status_callback=webhook_url("conference", interaction=interaction.id),
        transcription=transcription.for_member_leg(current_app.config, interaction.id, caller_language(found)))
