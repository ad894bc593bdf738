"""Interaction verbs: what provider webhooks, the routing layer and members do to an interaction.

Every verb locks the interaction's row, so callbacks about one call are applied one at a time, and
is idempotent and order-tolerant (see ``telephony.lifecycle``): the same callback twice changes
nothing the second time, a late callback fills in the time it carries without moving the
interaction back, and a final interaction never changes state. ``at`` is the time the provider
reports (aware; UTC is assumed for a naive one), ``now`` when not given. No verb commits: the
caller does, at its edge.
"""

from __future__ import annotations

import logging
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError

from app import events
from app.errors import Conflict, Forbidden, NotFound, ValidationError
from app.extensions import db
from app.timeutil import as_utc, utcnow
from telephony import campaigns, lifecycle
from telephony import survey_answers as survey_reading
from telephony.earnings import accrue_interaction_pay
from telephony.models import Interaction, InteractionEvent
from telephony.queries import find_by_call_sid

logger = logging.getLogger(__name__)

SENDER = "telephony"
NOTES_MAX = 2000


def _when(at: datetime | None) -> datetime:
    return as_utc(at) if at is not None else utcnow()


def _locked(interaction_id: int) -> Interaction:
    """The interaction, its row locked until the caller's transaction ends (404 if unknown)."""
    found = db.session.execute(select(Interaction).where(Interaction.id == interaction_id).with_for_update()
                               .execution_options(populate_existing=True)).scalar_one_or_none()
    if found is None:
        raise NotFound(_("No such interaction."))
    return found


def lock(interaction_id: int) -> Interaction:
    """The interaction, its row locked and freshly read (404 if unknown). Callers that decide from
    its state (a status callback, the dispatcher) lock first: two workers then judge it one after
    the other, never both from a read taken before the other's change committed."""
    return _locked(interaction_id)


def _record(interaction: Interaction, kind: str, at: datetime, *, key: str | None = None,
            member_id: int | None = None, **detail) -> bool:
    """Add a timeline event unless one with the same key is there already; True if it was added."""
    key = (key or kind)[:120]
    seen = db.session.scalar(select(exists().where(InteractionEvent.interaction_id == interaction.id,
                                                   InteractionEvent.key == key)))
    if seen:
        return False
    db.session.add(InteractionEvent(interaction_id=interaction.id, kind=kind, key=key, at=at,
                                    member_id=member_id, detail={k: v for k, v in detail.items() if v is not None}))
    return True


def record_event(interaction: Interaction, kind: str, at: datetime, *, key: str, member_id: int | None = None,
                 **detail) -> bool:
    """A step of the interaction's timeline another part of the call flow keeps (a hand-over's),
    once per ``key``; True if it was added. The interaction is locked by the caller."""
    return _record(interaction, kind, _when(at), key=key, member_id=member_id, **detail)


def _finish_durations(interaction: Interaction) -> None:
    """Store the durations derived from the timeline (final interactions, and late fill-ins)."""
    found = lifecycle.durations(queued_at=interaction.queued_at, offered_at=interaction.offered_at,
                                answered_at=interaction.answered_at, ended_at=interaction.ended_at,
                                wrapup_ended_at=interaction.wrapup_ended_at, hold_seconds=interaction.hold_seconds,
                                held_since=interaction.held_since)
    interaction.wait_seconds, interaction.ring_seconds = found.wait, found.ring
    interaction.talk_seconds, interaction.wrapup_seconds = found.talk, found.wrapup
    interaction.handle_seconds = found.handle
    if found.hold is not None:
        interaction.hold_seconds = found.hold


def _close_hold(interaction: Interaction, at: datetime) -> None:
    if interaction.held_since is not None:
        interaction.hold_seconds += lifecycle.seconds_between(interaction.held_since, at) or 0
        interaction.held_since = None


def _ignored(interaction: Interaction, verb: str) -> Interaction:
    logger.info("Interaction %s (%s): %s ignored (late or repeated)", interaction.id, interaction.state, verb)
    return interaction


# --- creating ----------------------------------------------------------------------------------

def create_interaction(campaign_id: int, direction: str, *, channel: str = "voice", provider: str = "local",
                       customer_call_sid: str | None = None, customer_phone: str | None = None,
                       contact_id: int | None = None, at: datetime | None = None) -> Interaction:
    """A new interaction waiting in the campaign's queue (``queued``), or the one already made for
    the same provider call (a repeated callback).

    ``customer_phone`` (inbound: the caller's E.164 number) is stored encrypted and masked only;
    ``contact_id`` (outbound) refers to the campaign's contact, whose masked number is copied."""
    problems = {}
    if direction not in lifecycle.DIRECTIONS:
        problems["direction"] = _("Either inbound or outbound.")
    if channel not in lifecycle.CHANNELS:
        problems["channel"] = _("Unknown channel.")
    if not provider or len(provider) > 16:
        problems["provider"] = _("A provider name of 1 to 16 characters.")
    if customer_call_sid is not None and not 0 < len(customer_call_sid) <= 64:
        problems["customer_call_sid"] = _("A call id of 1 to 64 characters.")
    if problems:
        raise ValidationError(fields=problems)
    if customer_call_sid is not None:
        existing = find_by_call_sid(provider, customer_call_sid)
        if existing is not None:
            return existing
    found = campaigns.campaign(campaign_id)
    if found is None:
        raise NotFound(_("No such campaign."))
    at = _when(at)
    interaction = Interaction(org_id=found.org_id, campaign_id=found.id, channel=channel, direction=direction,
                              state="queued", provider=provider, customer_call_sid=customer_call_sid, queued_at=at,
                              hold_seconds=0, pay_state="none")
    if contact_id is not None:
        contact = campaigns.contact_of(contact_id, found.id)
        if contact is None:
            raise ValidationError(fields={"contact_id": _("Not a contact of this campaign.")})
        interaction.contact_id, interaction.customer_masked = contact.id, contact.phone_masked
    elif customer_phone:
        phone_hash, sealed, masked = campaigns.seal_phone(customer_phone)
        interaction.customer_phone_hash, interaction.customer_phone_encrypted = phone_hash, sealed
        interaction.customer_masked = masked
    try:
        with db.session.begin_nested():
            db.session.add(interaction)
            db.session.flush()
    except IntegrityError:  # the same provider call created concurrently
        existing = find_by_call_sid(provider, customer_call_sid) if customer_call_sid else None
        if existing is None:
            raise
        return existing
    _record(interaction, "queued", at)
    events.send(events.interaction_started, SENDER, interaction_id=interaction.id, campaign_id=found.id,
                direction=direction)
    logger.info("Interaction %s queued on campaign %s (%s)", interaction.id, found.id, direction)
    return interaction


def attach_call(interaction_id: int, *, customer_call_sid: str | None = None,
                agent_call_sid: str | None = None) -> Interaction:
    """Record the provider's call ids of the customer's and the agent's legs; a set id never changes."""
    interaction = _locked(interaction_id)
    for name, value in (("customer_call_sid", customer_call_sid), ("agent_call_sid", agent_call_sid)):
        if value is None:
            continue
        if not 0 < len(value) <= 64:
            raise ValidationError(fields={name: _("A call id of 1 to 64 characters.")})
        current = getattr(interaction, name)
        if current is not None and current != value:
            raise Conflict(_("This interaction already has another call id."), code="call_sid_taken",
                           fields={name: _("Already set.")})
        setattr(interaction, name, value)
    db.session.flush()
    return interaction


def attach_media(interaction_id: int, *, recording_ref: str | None = None,
                 transcript_ref: str | None = None) -> Interaction:
    """Record where the recording and the transcript are kept (filled in after the call)."""
    interaction = _locked(interaction_id)
    if recording_ref is not None:
        interaction.recording_ref = recording_ref[:255]
    if transcript_ref is not None:
        interaction.transcript_ref = transcript_ref[:255]
    db.session.flush()
    return interaction


# --- offers ---------------------------------------------------------------------------------------

def record_offer(interaction_id: int, member_id: int, *, offer_id: str | None = None,
                 at: datetime | None = None) -> Interaction:
    """The routing layer reserved ``member_id`` for this interaction and rings them (``offered``)."""
    at = _when(at)
    interaction = _locked(interaction_id)
    key = f"offered:{offer_id or f'{member_id}:{at.isoformat()}'}"
    if not _record(interaction, "offered", at, key=key, member_id=member_id, offer_id=offer_id):
        return _ignored(interaction, "offer")
    if interaction.state in ("queued", "offered"):
        interaction.state, interaction.member_id, interaction.offered_at = "offered", member_id, at
    db.session.flush()
    return interaction


def _offer_ended(interaction_id: int, kind: str, member_id: int, offer_id: str | None,
                 at: datetime | None) -> Interaction:
    at = _when(at)
    interaction = _locked(interaction_id)
    key = f"{kind}:{offer_id or f'{member_id}:{at.isoformat()}'}"
    if not _record(interaction, kind, at, key=key, member_id=member_id, offer_id=offer_id):
        return _ignored(interaction, kind)
    if interaction.state == "offered" and interaction.member_id == member_id:
        interaction.state, interaction.member_id = "queued", None
    db.session.flush()
    return interaction


def record_declined(interaction_id: int, member_id: int, *, offer_id: str | None = None,
                    at: datetime | None = None) -> Interaction:
    """The offered member declined: the interaction waits in the queue again."""
    return _offer_ended(interaction_id, "declined", member_id, offer_id, at)


def record_missed(interaction_id: int, member_id: int, *, offer_id: str | None = None,
                  at: datetime | None = None) -> Interaction:
    """The offer timed out unanswered: the interaction waits in the queue again."""
    return _offer_ended(interaction_id, "missed", member_id, offer_id, at)


def mark_escalated(interaction_id: int, target: str, *, at: datetime | None = None, **detail) -> Interaction:
    """Waiting long, the interaction may now go to a wider set of members (or back to the enterprise):
    said on the timeline, once per ``target``."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if lifecycle.is_final(interaction.state) or not _record(interaction, "escalated", at,
                                                             key=f"escalated:{target}", target=target, **detail):
        return _ignored(interaction, "escalation")
    db.session.flush()
    return interaction


# --- the call ----------------------------------------------------------------------------------------

def mark_answered(interaction_id: int, member_id: int | None = None, *, at: datetime | None = None,
                  agent_call_sid: str | None = None) -> Interaction:
    """The member is on the line (``in_progress``). A late answer (the call already ended) fills in
    ``answered_at`` and nothing else; an abandoned or failed interaction stays as it is."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if interaction.state in ("abandoned", "failed"):
        return _ignored(interaction, "answer")
    if interaction.state == "offered" and member_id is not None and member_id != interaction.member_id:
        raise Conflict(_("This call was offered to another member."), code="offer_not_yours")
    member_id = member_id if member_id is not None else interaction.member_id
    if member_id is None:
        raise ValidationError(fields={"member_id": _("Which member answered.")})
    if not _record(interaction, "answered", at, member_id=member_id):
        return _ignored(interaction, "answer")
    if agent_call_sid and interaction.agent_call_sid is None:
        interaction.agent_call_sid = agent_call_sid[:64]
    if interaction.state in ("queued", "offered"):
        interaction.state, interaction.member_id, interaction.answered_at = "in_progress", member_id, at
    elif interaction.answered_at is None:  # arrived after the end: fill in, do not reopen
        interaction.answered_at = min(at, interaction.ended_at) if interaction.ended_at else at
        interaction.member_id = interaction.member_id or member_id
        if interaction.state == "completed":
            _finish_durations(interaction)
    db.session.flush()
    events.send(events.interaction_answered, SENDER, interaction_id=interaction.id,
                campaign_id=interaction.campaign_id, member_id=interaction.member_id)
    logger.info("Interaction %s answered by member %s", interaction.id, interaction.member_id)
    return interaction


def mark_held(interaction_id: int, *, at: datetime | None = None) -> Interaction:
    """The customer is put on hold (hold time is not talk time)."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if interaction.state != "in_progress":
        return _ignored(interaction, "hold")
    _record(interaction, "held", at, key=f"held:{at.isoformat()}", member_id=interaction.member_id)
    interaction.state, interaction.held_since = "held", at
    db.session.flush()
    return interaction


def mark_resumed(interaction_id: int, *, at: datetime | None = None) -> Interaction:
    """The customer is back from hold."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if interaction.state != "held":
        return _ignored(interaction, "resume")
    _record(interaction, "resumed", at, key=f"resumed:{at.isoformat()}", member_id=interaction.member_id)
    _close_hold(interaction, max(at, interaction.held_since))
    interaction.state = "in_progress"
    db.session.flush()
    return interaction


def mark_transferred(interaction_id: int, to_member_id: int, *, at: datetime | None = None) -> Interaction:
    """The call passed to another member, who handles it from now on (disposition and pay)."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if interaction.state not in lifecycle.LIVE_STATES or interaction.member_id == to_member_id:
        return _ignored(interaction, "transfer")
    _record(interaction, "transferred", at, key=f"transferred:{to_member_id}:{at.isoformat()}",
            member_id=to_member_id, from_member_id=interaction.member_id)
    interaction.member_id = to_member_id
    db.session.flush()
    return interaction


def record_caller_left(interaction_id: int, *, at: datetime | None = None) -> Interaction:
    """The caller hung up while the member's accepted leg was still in flight (``offered``): their
    end time is kept in ``ended_at`` and the interaction waits for the member leg's own outcome —
    answered before that time (wrap-up), or not (abandoned). The first report of the end wins."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if interaction.state != "offered":
        return _ignored(interaction, "caller's end")
    if interaction.ended_at is None or at < interaction.ended_at:
        interaction.ended_at = max(at, interaction.queued_at)
        db.session.flush()
    return interaction


def begin_wrapup(interaction_id: int, *, at: datetime | None = None) -> Interaction:
    """The call ended with a member on it: the member wraps up (``wrapup``) and then dispositions.

    Accepted from ``offered`` too, when the provider reports the end before the answer (the answer,
    arriving later, fills in ``answered_at``). A later report of an earlier end (the other leg's)
    moves ``ended_at`` back to it."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if interaction.state == "wrapup" and interaction.ended_at is not None and at < interaction.ended_at:
        # the other leg's end, reported later, was earlier: the conversation ended then
        interaction.ended_at = max(at, interaction.answered_at or at)
        db.session.flush()
        return interaction
    if interaction.state == "queued" or not lifecycle.moves_forward(interaction.state, "wrapup"):
        return _ignored(interaction, "wrap-up")
    _record(interaction, "wrapup", at, member_id=interaction.member_id)
    _close_hold(interaction, max(at, interaction.held_since or at))
    interaction.state, interaction.ended_at = "wrapup", at
    db.session.flush()
    return interaction


def set_disposition(interaction_id: int, member_id: int, code: str, notes: str | None = None,
                    survey_answers: list | dict | None = None) -> Interaction:
    """The handling member names the outcome, during wrap-up, with one of the campaign's codes,
    and may give their answers to the campaign's survey questions (see ``telephony.survey_answers``).

    409 ``not_in_wrapup`` outside wrap-up (before the call ended or after wrap-up ended), 403
    ``not_handling_member`` for anyone else, 422 on ``code`` for a code the campaign does not have,
    on ``notes`` past 2,000 characters and on ``survey_answers`` naming a question the campaign
    does not ask (or an answer too long); nothing changes then. The same code again changes
    nothing; another code during wrap-up replaces it; notes or answers given replace the earlier
    ones, left out they stay."""
    interaction = _locked(interaction_id)
    if interaction.member_id != member_id:
        raise Forbidden(_("Only the member who handled this call can set its disposition."),
                        code="not_handling_member")
    if interaction.state != "wrapup":
        message = (_("Wrap-up has ended: the disposition can no longer change.") if interaction.state == "completed"
                   else _("The disposition is set during wrap-up, after the call."))
        raise Conflict(message, code="not_in_wrapup")
    found = campaigns.campaign(interaction.campaign_id)
    disposition = next((d for d in campaigns.dispositions_of(found) if d.get("code") == code), None)
    problems = {}
    if disposition is None:
        problems["code"] = _("Not one of this campaign's dispositions.")
    if notes is not None and len(notes) > NOTES_MAX:
        problems["notes"] = _("At most %(count)d characters.", count=NOTES_MAX)
    answers = None
    if survey_answers is not None:
        try:
            questions = list((found.settings or {}).get("survey_questions") or [])
            answers = survey_reading.read_answers(survey_answers, questions)
        except survey_reading.SurveyError as error:
            problems["survey_answers"] = str(error)
    if problems:
        only = problems.get("survey_answers") if len(problems) == 1 else None
        raise ValidationError(only, fields=problems)
    interaction.disposition, interaction.outcome = code, disposition.get("outcome")
    if notes is not None:
        interaction.disposition_notes = notes
    if answers is not None:
        interaction.survey_answers = answers
    db.session.flush()
    logger.info("Interaction %s dispositioned %s by member %s", interaction.id, code, member_id)
    return interaction


def complete_interaction(interaction_id: int, *, at: datetime | None = None) -> Interaction:
    """Wrap-up ended: the interaction is final, its durations stored, ``interaction_completed`` sent
    and — with a disposition — the member's pay accrued (pending QA) once. Without a disposition
    (wrap-up timed out) nothing is paid. A repeated completion changes nothing."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if interaction.state not in ("wrapup", *lifecycle.LIVE_STATES):
        return _ignored(interaction, "completion")
    if interaction.state in lifecycle.LIVE_STATES:  # the end of the call was never reported
        _close_hold(interaction, max(at, interaction.held_since or at))
        interaction.ended_at = at
        _record(interaction, "wrapup", at, member_id=interaction.member_id)
    _record(interaction, "completed", at, member_id=interaction.member_id, disposition=interaction.disposition)
    interaction.state = "completed"
    interaction.wrapup_ended_at = max(at, interaction.ended_at)
    _finish_durations(interaction)
    db.session.flush()
    events.send(events.interaction_completed, SENDER, interaction_id=interaction.id,
                campaign_id=interaction.campaign_id, member_id=interaction.member_id,
                disposition=interaction.disposition, talk_seconds=interaction.talk_seconds or 0,
                handle_seconds=interaction.handle_seconds or 0, outcome=interaction.outcome)
    if interaction.disposition is not None:
        accrue_interaction_pay(interaction)
    logger.info("Interaction %s completed (%s)", interaction.id, interaction.disposition)
    return interaction


def mark_abandoned(interaction_id: int, *, at: datetime | None = None) -> Interaction:
    """The caller hung up before a member answered."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if interaction.state not in ("queued", "offered"):
        return _ignored(interaction, "abandonment")
    _record(interaction, "abandoned", at, member_id=interaction.member_id)
    interaction.state, interaction.ended_at = "abandoned", max(at, interaction.queued_at)
    _finish_durations(interaction)
    db.session.flush()
    events.send(events.interaction_abandoned, SENDER, interaction_id=interaction.id,
                campaign_id=interaction.campaign_id, wait_seconds=interaction.wait_seconds or 0)
    logger.info("Interaction %s abandoned after %ss", interaction.id, interaction.wait_seconds)
    return interaction


def mark_overflowed(interaction_id: int, outcome: str, *, at: datetime | None = None, **detail) -> Interaction:
    """The caller waited past the campaign's longest wait and was served otherwise: sent to the
    enterprise's own line (``enterprise_line``) or left a callback request (``callback_request``).
    Final, neither abandoned nor failed: ``outcome`` says what happened, the timeline says when."""
    if outcome not in lifecycle.OVERFLOW_OUTCOMES:
        raise ValueError(f"unknown overflow outcome {outcome!r}")
    at = _when(at)
    interaction = _locked(interaction_id)
    if interaction.state not in ("queued", "offered"):
        return _ignored(interaction, "overflow")
    _record(interaction, "overflowed", at, member_id=None, outcome=outcome, **detail)
    interaction.state, interaction.outcome = "overflowed", outcome
    interaction.ended_at = max(at, interaction.queued_at)
    _finish_durations(interaction)
    db.session.flush()
    logger.info("Interaction %s overflowed: %s", interaction.id, outcome)
    return interaction


def mark_failed(interaction_id: int, reason: str, *, at: datetime | None = None) -> Interaction:
    """The call could not be carried (busy, no answer, a provider error) before it ended normally."""
    at = _when(at)
    interaction = _locked(interaction_id)
    if not lifecycle.moves_forward(interaction.state, "failed") or interaction.state == "wrapup":
        return _ignored(interaction, "failure")
    _record(interaction, "failed", at, member_id=interaction.member_id, reason=reason[:64])
    _close_hold(interaction, max(at, interaction.held_since or at))
    interaction.state, interaction.failure_reason = "failed", reason[:64]
    interaction.ended_at = max(at, interaction.queued_at)
    _finish_durations(interaction)
    db.session.flush()
    logger.info("Interaction %s failed: %s", interaction.id, reason)
    return interaction
