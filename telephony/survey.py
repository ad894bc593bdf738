"""The post-call satisfaction survey on the keypad: when the member's side of an answered inbound
call ends, the caller stays on the line and hears one question — "press 1 to 5" — in their
language; the key they press is the call's customer satisfaction (CSAT) score.

How the call flows there: on a campaign with the survey, the member's leg joins the conference
``ix-<id>`` without ending it when it leaves; once the member's side has ended, the caller's leg is
sent (a REST redirect) to ``after_conference``, which asks the question when the call was answered
by a member and not handed on to the enterprise, else ends the call. The caller's ``<Dial>`` names
the same URL as its action, so a conference that ends otherwise asks it what next too. The
pressed key comes back to ``survey_answer``, which sends ``survey_answered`` (quality stores it as
the call's CSAT, source ``keypad``). The customer phone page's keypad presses the same keys.

A campaign's survey is kept in ``campaign.settings["csat_survey"]``: ``enabled`` (off unless the
enterprise turns it on) and its own question per language (``prompt``), else the default."""

from __future__ import annotations

import logging

from flask_babel import force_locale
from flask_babel import gettext as _

from app import events
from app.errors import ValidationError
from app.extensions import db
from app.numbers import is_id
from telephony import campaigns
from telephony.callflow import caller_language, webhook_url
from telephony.models import Interaction
from telephony.providers import Twiml

logger = logging.getLogger(__name__)

DEFAULTS = {"enabled": False, "prompt": {}}
PROMPT_MAX = 300
ANSWER_SECONDS = 8  # how long the caller has to press a key
ATTEMPTS = 2  # a key outside 1-5 (or none) asks once more


def policy(campaign) -> dict:
    chosen = dict((campaign.settings or {}).get("csat_survey") or {}) if campaign is not None else {}
    return {key: chosen.get(key, default) for key, default in DEFAULTS.items()}


def set_policy(campaign, data: dict) -> dict:
    """Change the campaign's survey (only the fields given); 422 naming a question that is too long."""
    current = policy(campaign)
    prompt = dict(current["prompt"] or {})
    for language, text in (data.get("prompt") or {}).items():
        if language not in ("zh", "en"):
            raise ValidationError(fields={"prompt": _("A question in Chinese (zh) or English (en).")})
        text = (text or "").strip()
        if len(text) > PROMPT_MAX:
            raise ValidationError(fields={"prompt": _("At most %(count)d characters.", count=PROMPT_MAX)})
        if text:
            prompt[language] = text
        else:
            prompt.pop(language, None)
    chosen = {"enabled": bool(data.get("enabled", current["enabled"])), "prompt": prompt}
    campaign.settings = {**(campaign.settings or {}), "csat_survey": chosen}
    db.session.flush()
    return chosen


def question(campaign, language: str) -> str:
    """What the caller hears: the campaign's own question, else the default, in their language."""
    own = (policy(campaign)["prompt"] or {}).get(language)
    if own:
        return own
    with force_locale(language):
        return _("Before you go: how satisfied are you with this call? Press 1 for very unsatisfied, up to 5 "
                 "for very satisfied.")


def follows(interaction: Interaction, campaign=None) -> bool:
    """Does the caller stay for the survey when the member's side of this call ends?"""
    if interaction.direction != "inbound" or interaction.answered_at is None:
        return False
    if interaction.transfer_state == "connected":  # handed to the enterprise: not the member's call to rate
        return False
    campaign = campaign or campaigns.campaign(interaction.campaign_id)
    return bool(policy(campaign)["enabled"])


def after_conference(interaction_id: int) -> str:
    """The caller's conference ended: the survey, or the end of the call."""
    interaction = db.session.get(Interaction, interaction_id) if is_id(interaction_id) else None
    if interaction is None or interaction.state not in ("wrapup", "completed") or interaction.answered_at is None:
        return str(Twiml().hangup())
    found = campaigns.campaign(interaction.campaign_id)
    if not follows(interaction, found):
        return str(Twiml().hangup())
    return _ask(interaction, found, attempt=1)


def _ask(interaction: Interaction, found, *, attempt: int, again: bool = False) -> str:
    language = caller_language(found)
    with force_locale(language):
        prompt = question(found, language)
        if again:
            prompt = _("Please press a key from 1 to 5.") + " " + prompt
        goodbye = _("Thank you for calling. Goodbye.")
    action = webhook_url("survey", interaction=interaction.id, attempt=attempt)
    return str(Twiml().gather(action, prompt=prompt, language=language, num_digits=1, timeout=ANSWER_SECONDS)
               .say(goodbye, language).hangup())


def survey_answer(interaction_id: int, digits: str | None, attempt: int) -> str:
    """The key the caller pressed: thanks and the end of the call, or the question once more."""
    interaction = db.session.get(Interaction, interaction_id) if is_id(interaction_id) else None
    if interaction is None:
        return str(Twiml().hangup())
    found = campaigns.campaign(interaction.campaign_id)
    language = caller_language(found)
    pressed = (digits or "").strip()[:1]
    if pressed not in ("1", "2", "3", "4", "5"):
        if attempt < ATTEMPTS:
            return _ask(interaction, found, attempt=attempt + 1, again=True)
        with force_locale(language):
            return str(Twiml().say(_("Thank you for calling. Goodbye."), language).hangup())
    events.send(events.survey_answered, "telephony", interaction_id=interaction.id,
                campaign_id=interaction.campaign_id, member_id=interaction.member_id, rating=int(pressed),
                source="keypad")
    logger.info("Interaction %s: the caller pressed %s in the survey", interaction.id, pressed)
    with force_locale(language):
        return str(Twiml().say(_("Thank you for your answer. Goodbye."), language).hangup())
