"""Warm transfer: the member hands a call over to the enterprise's escalation line (its phone
number or SIP address) and stays with the caller until the enterprise answers, then leaves.

The flow, on Twilio and the local carrier alike: ``start`` places a leg to the escalation line whose
answer joins the call's conference ``ix-<id>`` (``escalation_twiml``). Until it answers the
member's leg still ends the conference when it leaves, so a member who hangs up early ends the
call as always (and the ringing leg is cancelled). When the enterprise answers (``escalation_leg``,
``transfer_state`` ``connected``) the member's participant is told not to end the conference any
more; the member introduces the caller and leaves (wrap-up and the pay for the time they spent),
and the caller goes on talking with the enterprise. That part of the call is the enterprise's: it
is on the timeline (when the enterprise answered, when the caller's call finally ended) but not in
the member's handle time. A leg that is busy or unanswered leaves the member with the caller
(``failed``); they may try again.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial

from flask_babel import force_locale
from flask_babel import gettext as _

from app import events
from app.database import after_commit
from app.errors import AppError, Conflict
from app.extensions import db
from app.numbers import is_id
from app.timeutil import utcnow
from telephony import campaigns, lifecycle, numbers, services
from telephony.callflow import ENDED, caller_language, conference_name, hang_up, webhook_url
from telephony.models import Interaction
from telephony.providers import ProviderError, Twiml, get_provider

logger = logging.getLogger(__name__)

RING_SECONDS = 30


class TransferFailed(AppError):
    status = 502
    code = "transfer_failed"


def escalation_line(campaign_id: int) -> tuple[str, str] | None:
    """Where the campaign's calls are handed over: ``("sip", uri)`` or ``("number", e164)``, or None."""
    line = numbers.number_of(campaign_id)
    if line is not None and line.escalation_sip_uri:
        return "sip", line.escalation_sip_uri
    if line is not None and line.escalation_number:
        return "number", line.escalation_number
    return None


def _step(interaction: Interaction, step: str, at: datetime, **detail) -> None:
    services.record_event(interaction, "transferred", at, key=f"transferred:{step}:{at.isoformat()}",
                          member_id=interaction.member_id, step=step, **detail)


def start(interaction_id: int, member_id: int) -> Interaction:
    """The member asks to hand the call over: the enterprise's line rings (``calling``). 409 when
    this is not their live call, when the campaign has no escalation line, or a hand-over is already
    under way; 502 when the carrier refuses the call (nothing changes then)."""
    interaction = services.lock(interaction_id)
    if interaction.member_id != member_id or interaction.state not in lifecycle.LIVE_STATES:
        raise Conflict(_("There is no call of yours to transfer here."), code="not_in_call")
    line = escalation_line(interaction.campaign_id)
    if line is None:
        raise Conflict(_("This campaign has no escalation line to hand calls over to."), code="no_escalation_line")
    if interaction.transfer_state in ("calling", "connected"):
        raise Conflict(_("This call is already being handed over to the enterprise."), code="transfer_in_progress")
    kind, target = line
    provider = get_provider()
    caller_id = numbers.caller_id(interaction.campaign_id) or "client:crowdline"
    try:
        placed = provider.place_call(target, caller_id,
                                     webhook_url("escalation", provider, interaction=interaction.id),
                                     status_callback=webhook_url("status", provider, interaction=interaction.id,
                                                                 leg="escalation"),
                                     timeout=RING_SECONDS)
    except ProviderError as error:
        logger.warning("Transfer of interaction %s: the carrier refused the call (%s)", interaction.id, error)
        raise TransferFailed(_("The enterprise's line could not be called. Stay with the caller and try again.")) \
            from error
    interaction.escalation_call_sid, interaction.transfer_state = placed.sid[:64], "calling"
    _step(interaction, "calling", utcnow(), target=kind)
    db.session.flush()
    logger.info("Interaction %s: member %s hands the call to the enterprise (%s)", interaction.id, member_id, kind)
    return interaction


def escalation_twiml(interaction_id: int) -> str:
    """The enterprise answered: a word about the call, then the caller's conference (leaving it ends
    the call for the caller too)."""
    interaction = db.session.get(Interaction, interaction_id) if is_id(interaction_id) else None
    found = campaigns.campaign(interaction.campaign_id) if interaction is not None else None
    language = caller_language(found)
    with force_locale(language):
        if interaction is None or interaction.transfer_state not in ("calling", "connected") \
                or interaction.state not in lifecycle.LIVE_STATES:
            return str(Twiml().say(_("The caller has already hung up. Goodbye."), language).hangup())
        intro = _("A call handed over by Crowdline: you are now connected to the caller.")
    return str(Twiml().say(intro, language).conference(
        conference_name(interaction.id), start_on_enter=True, end_on_exit=True, wait_url="",
        status_callback=webhook_url("conference", interaction=interaction.id), label="enterprise"))


def escalation_leg(interaction: Interaction, sid: str, status: str, at: datetime | None) -> str:
    """A call-progress callback of the escalation leg (the interaction is locked by the caller)."""
    at = at or utcnow()
    if interaction.escalation_call_sid not in (None, sid):
        return "ignored"  # an earlier attempt's leg
    if status == "in-progress":
        if interaction.transfer_state != "calling":
            return "ignored"
        if interaction.state not in lifecycle.LIVE_STATES:  # the member's side ended while it rang
            after_commit(partial(hang_up, sid))
            return "too_late"
        interaction.transfer_state = "connected"
        _step(interaction, "connected", at)
        events.send(events.interaction_transferred, "telephony", interaction_id=interaction.id,
                    campaign_id=interaction.campaign_id, member_id=interaction.member_id,
                    target=(escalation_line(interaction.campaign_id) or ("number", ""))[0])
        after_commit(partial(_member_may_leave, interaction.id, interaction.agent_call_sid))
        return "transfer_connected"
    if status not in ENDED:
        return "ringing"
    if interaction.transfer_state == "calling":
        interaction.transfer_state = "failed"
        _step(interaction, "failed", at, status=status)
        return "transfer_failed"
    if interaction.transfer_state == "connected":
        _step(interaction, "enterprise_left", at)
        return "enterprise_left"
    return "ignored"


def caller_ended(interaction: Interaction, at: datetime | None) -> None:
    """The caller's own call ended after the member had handed it over: its true end, on the timeline."""
    if interaction.transfer_state == "connected":
        _step(interaction, "caller_left", at or utcnow())


def member_left_early(interaction: Interaction) -> None:
    """The member's side ended while the enterprise's line still rang: that leg is cancelled."""
    if interaction.transfer_state == "calling" and interaction.escalation_call_sid:
        after_commit(partial(hang_up, interaction.escalation_call_sid))


def _member_may_leave(interaction_id: int, agent_call_sid: str | None) -> None:
    if not agent_call_sid:
        return
    try:
        get_provider().set_ends_conference(conference_name(interaction_id), agent_call_sid, False)
    except ProviderError as error:
        logger.warning("Interaction %s: the member's leg still ends the call (%s)", interaction_id, error)
