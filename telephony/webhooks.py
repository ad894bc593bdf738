"""The carrier's webhooks (``/telephony/twilio/…``): Twilio, or the local carrier that signs the same
way. Each one goes through the webhook door (``app.webhooks``): a missing or bad
``X-Twilio-Signature`` is 403 and changes nothing; a repeated callback is recorded once and applied
once; a callback about a call Crowdline does not know is answered 200 and logged. TwiML answers
are XML; the rest answer 204."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import Blueprint, Response, request
from flask_babel import force_locale
from flask_babel import gettext as _

from app import webhooks
from app.database import commit
from app.errors import BadRequest
from app.extensions import csrf, db, limiter
from telephony import calls, campaigns, overflow, services, survey, transfer
from telephony import transcription as live_transcription
from telephony.dialer import answering
from telephony.models import Interaction
from telephony.providers import Twiml, get_provider, hold_music
from telephony.queries import find_by_call_sid
from telephony.recordings.services import fetch_recording_later

logger = logging.getLogger(__name__)

bp = Blueprint("telephony_webhooks", __name__, url_prefix="/telephony/twilio")
csrf.exempt(bp)
limiter.exempt(bp)

PROVIDER_KIND = "twilio"  # the webhook door's provider name for both Twilio and the local carrier


def _signed() -> dict:
    """The request's form, once the provider's signature over it held (403 otherwise)."""
    provider = get_provider()

    def check(_payload: bytes, _headers: Mapping[str, str]) -> dict:
        if not provider.check_request(request):
            raise webhooks.SignatureError("missing or wrong X-Twilio-Signature")
        return request.form.to_dict()

    return webhooks.verified(PROVIDER_KIND, check, refusal_status=403)


def _int_arg(name: str) -> int | None:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def _twiml(document: str) -> Response:
    return Response(document, mimetype="application/xml")


def _done(outcome: str) -> Response:
    logger.debug("Webhook %s: %s", request.path, outcome)
    return Response(status=204)


@bp.post("/voice")
def voice():
    """A call to a campaign's number or SIP user: queue it, park the caller in its conference."""
    params = _signed()
    if not 0 < len(params.get("CallSid", "")) <= 64:
        raise BadRequest(_("A call id (CallSid) is required."), fields={"CallSid": _("Required.")})
    webhooks.record_once(PROVIDER_KIND, f"{params['CallSid']}:voice", "voice", params, outcome="answered")
    document = calls.answer_inbound(params)
    commit()
    return _twiml(document)


@bp.post("/status")
def status():
    """Call progress of either leg (the agent leg's URL names its interaction and member)."""
    params = _signed()
    key = f"{params.get('CallSid')}:{params.get('CallStatus')}:{params.get('SequenceNumber', '')}"
    row = webhooks.record_once(PROVIDER_KIND, key, "status", params)
    if row is None:
        return _done("replay")
    outcome = calls.call_status(params, interaction_id=_int_arg("interaction"), leg=request.args.get("leg"),
                                member_id=_int_arg("member"))
    webhooks.set_outcome(row, outcome)
    commit()
    return _done(outcome)


@bp.post("/conference")
def conference():
    """Conference events (start, join, leave, end): recorded for the operators; the legs' own status
    callbacks drive the interaction."""
    params = _signed()
    key = f"{params.get('ConferenceSid')}:{params.get('StatusCallbackEvent')}:{params.get('CallSid', '')}:" \
          f"{params.get('SequenceNumber', '')}"
    webhooks.record_once(PROVIDER_KIND, key, "conference", params, outcome="recorded")
    commit()
    return _done("recorded")


def _media(kind: str, sid_name: str, url_name: str) -> Response:
    params = _signed()
    row = webhooks.record_once(PROVIDER_KIND, f"{params.get(sid_name)}:{kind}", kind, params)
    if row is None:
        return _done("replay")
    interaction = _interaction_of(params)
    if interaction is None:
        logger.info("A %s for an unknown call: %s", kind, params.get(sid_name))
        webhooks.set_outcome(row, "unknown_call")
    else:
        reference = params.get(url_name) or params.get(sid_name)
        if kind != "transcript" or not interaction.transcript_ref:  # never over a transcript of the call's own
            services.attach_media(interaction.id, **{f"{kind}_ref": reference})
        if kind == "recording" and params.get(url_name):
            fetch_recording_later(interaction.id, get_provider().name, params[url_name])
        webhooks.set_outcome(row, "attached")
    commit()
    return _done(kind)


def _interaction_of(params: Mapping) -> Interaction | None:
    interaction_id = _int_arg("interaction")
    if interaction_id is not None:
        return db.session.get(Interaction, interaction_id)
    return find_by_call_sid(get_provider().name, params.get("CallSid", "")) if params.get("CallSid") else None


@bp.post("/recording")
def recording():
    """A recording is ready: its reference goes on the interaction."""
    return _media("recording", "RecordingSid", "RecordingUrl")


@bp.post("/transcription")
def transcription():
    """Real-time transcription's utterances (kept as the call's transcript, once each), or a
    Recording Transcription's reference (kept when the call has no transcript of its own)."""
    if "TranscriptionEvent" not in request.form:
        return _media("transcript", "TranscriptionSid", "TranscriptionUrl")
    params = _signed()
    key = f"{params.get('TranscriptionSid')}:{params.get('TranscriptionEvent')}:{params.get('SequenceId', '')}"
    row = webhooks.record_once(PROVIDER_KIND, key, "transcription", params)
    if row is None:
        return _done("replay")
    interaction = _interaction_of(params)
    if interaction is None:
        webhooks.set_outcome(row, "unknown_call")
    else:
        language = calls.caller_language(campaigns.campaign(interaction.campaign_id))
        webhooks.set_outcome(row, live_transcription.add_utterance(interaction, params, language))
    commit()
    return _done("transcription")


@bp.post("/wait")
def wait():
    """The conference's waitUrl: a message in the caller's language, then a pause (the carrier loops it)."""
    _signed()
    language = request.args.get("lang") if request.args.get("lang") in ("zh", "en") else "en"
    with force_locale(language):
        message = _("Thank you for calling. All our agents are busy; please stay on the line.")
    return _twiml(hold_music(language=language, message=message, pause_seconds=10))


@bp.post("/agent")
def agent():
    """The member's leg, answered: it joins the caller's conference."""
    _signed()
    interaction_id = _int_arg("interaction")
    return _twiml(calls.agent_twiml(interaction_id or 0))


@bp.post("/callback")
def callback():
    """The digit a caller pressed when offered a callback."""
    params = _signed()
    interaction_id = _int_arg("interaction") or 0
    document = overflow.callback_choice(interaction_id, params.get("Digits"))
    commit()
    return _twiml(document)


@bp.post("/escalation")
def escalation():
    """The enterprise's line answered a hand-over: it joins the caller's conference."""
    _signed()
    document = transfer.escalation_twiml(_int_arg("interaction") or 0)
    commit()
    return _twiml(document)


@bp.post("/after")
def after():
    """The caller's conference is over (the member left, or the call was handed on): what next for a
    caller still on the line — the satisfaction survey, or the end of the call."""
    _signed()
    return _twiml(survey.after_conference(_int_arg("interaction") or 0))


@bp.post("/survey")
def survey_answer():
    """The key the caller pressed at the satisfaction survey (recorded once per call and attempt)."""
    params = _signed()
    attempt = min(_int_arg("attempt") or 1, survey.ATTEMPTS)
    row = webhooks.record_once(PROVIDER_KIND, f"{params.get('CallSid')}:survey:{attempt}", "survey", params)
    if row is None:
        return _twiml(str(Twiml().hangup()))
    document = survey.survey_answer(_int_arg("interaction") or 0, params.get("Digits"), attempt)
    webhooks.set_outcome(row, "answered")
    commit()
    return _twiml(document)


@bp.post("/outbound")
def outbound():
    """A call the dialer placed was answered (by a person or, per ``AnsweredBy``, a machine)."""
    params = _signed()
    document = answering.answer_outbound(_int_arg("interaction") or 0, params, member_id=_int_arg("member"))
    commit()
    return _twiml(document)


@bp.post("/amd")
def amd():
    """Answering-machine detection's result for a call the dialer placed (Twilio's AsyncAmd)."""
    params = _signed()
    row = webhooks.record_once(PROVIDER_KIND, f"{params.get('CallSid')}:amd", "amd", params)
    if row is None:
        return _done("replay")
    outcome = answering.amd_result(_int_arg("interaction") or 0, params)
    webhooks.set_outcome(row, outcome)
    commit()
    return _done(outcome)


@bp.post("/client")
def client():
    """Calls placed from a softphone (none are made yet): refused politely."""
    _signed()
    return _twiml(str(Twiml().reject()))
