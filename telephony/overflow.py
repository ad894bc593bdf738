"""A caller who waited past the campaign's longest wait: a message in their language, then the
enterprise's own line (SIP or phone) when it has one, else the offer of a callback (press 1), which
leaves a callback request for the outbound dialer.

Either way the interaction ends ``overflowed`` (neither abandoned nor failed), its ``outcome``
``enterprise_line`` or ``callback_request`` and an ``overflowed`` event on its timeline; a caller
who hangs up at the callback offer without pressing 1 abandoned.

For the outbound dialer: every ``callback_request`` interaction has exactly one ``CallbackRequest``
row (``callback_requests``, unique per interaction), ``state`` ``open`` until the dialer takes it,
its number sealed as the interaction keeps it (decrypt only through
``contacts.dialing.phone_for_dialing``); ``request_callback`` is the one function that writes it."""

from __future__ import annotations

import logging
from functools import partial

from flask_babel import force_locale
from flask_babel import gettext as _

from app.database import after_commit, insert
from app.extensions import db
from app.timeutil import utcnow
from telephony import campaigns, numbers, services
from telephony.calls import caller_language, webhook_url
from telephony.models import CallbackRequest, Interaction
from telephony.providers import ProviderError, Twiml, escalate_to_sip, get_provider, say_and_hang_up

logger = logging.getLogger(__name__)


def overflow(interaction_id: int, waited_ms: int | None = None) -> str:
    """Redirect the caller (after commit) out of the queue; what was offered to them."""
    interaction = db.session.get(Interaction, interaction_id)
    if interaction is None or interaction.state not in ("queued", "offered") or not interaction.customer_call_sid:
        return "ignored"
    found = campaigns.campaign(interaction.campaign_id)
    language = caller_language(found)
    line = numbers.number_of(found.id)
    with force_locale(language):
        sorry = _("We are sorry: all our agents are still busy.")
        if line is not None and line.escalation_sip_uri:
            target, twiml = "enterprise_sip", escalate_to_sip(
                line.escalation_sip_uri, message=sorry, language=language, caller_id=line.number,
                headers={"X-Crowdline-Interaction": str(interaction.id)})
        elif line is not None and line.escalation_number:
            target = "enterprise_number"
            twiml = str(Twiml().say(sorry, language).dial_number(line.escalation_number, caller_id=line.number))
        else:
            target = "callback_offer"
            twiml = str(Twiml().gather(webhook_url("callback", interaction=interaction.id), language=language,
                                       prompt=sorry + " " + _("To be called back, press 1."), num_digits=1,
                                       timeout=8)
                        .say(_("Thank you for calling. Goodbye."), language).hangup())
    services.mark_escalated(interaction.id, target, waited_ms=waited_ms)
    if target != "callback_offer":
        services.mark_overflowed(interaction.id, "enterprise_line", target=target, waited_ms=waited_ms)
    after_commit(partial(_redirect, interaction.customer_call_sid, twiml))
    return target


def _redirect(sid: str, twiml: str) -> None:
    try:
        get_provider().update_call(sid, twiml=twiml)
    except ProviderError as error:
        logger.info("Could not redirect call %s: %s", sid, error)


def callback_choice(interaction_id: int, digits: str | None) -> str:
    """What the caller pressed at the callback offer: TwiML that thanks them and ends the call."""
    interaction = db.session.get(Interaction, interaction_id)
    language = caller_language(campaigns.campaign(interaction.campaign_id)) if interaction else "en"
    with force_locale(language):
        if interaction is None or (digits or "").strip() != "1":
            return say_and_hang_up(_("Thank you for calling. Goodbye."), language)
        request_callback(interaction)
        return say_and_hang_up(_("Thank you: we will call you back soon. Goodbye."), language)


def request_callback(interaction: Interaction) -> None:
    """An open callback request for the caller of ``interaction`` (once: a repeat changes nothing),
    its number sealed as the interaction keeps it; the interaction ends ``overflowed`` with the
    outcome ``callback_request``. Runs in the caller's transaction (nothing commits here)."""
    db.session.execute(insert(CallbackRequest).values(
        campaign_id=interaction.campaign_id, interaction_id=interaction.id, phone_hash=interaction.customer_phone_hash,
        phone_encrypted=interaction.customer_phone_encrypted, phone_masked=interaction.customer_masked,
        state="open", requested_at=utcnow()).on_conflict_do_nothing(index_elements=["interaction_id"]))
    services.mark_overflowed(interaction.id, "callback_request")
    logger.info("Interaction %s: the caller asked for a callback", interaction.id)
