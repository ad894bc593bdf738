"""The member's workspace (``/work/desk``) and the customer phone page (``/telephony/phone/<number>``).

The workspace page drives the agents' API with a short access token it asks for here, and relays
its softphone's signalling through the session-authenticated paths below (a browser's event
stream cannot carry a Bearer header). The customer phone page is signed out: it places a call on
the local carrier to a campaign's number (rate limited per address), then relays its side of the
signalling with the secret its call was given. Members only ever see the customer's mask."""

from __future__ import annotations

import json
import re
import secrets
import time

from flask import (
    Blueprint,
    Response,
    current_app,
    make_response,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.auth.guards import current_user, page_login_required
from app.auth.tokens import encode_access_token
from app.database import commit
from app.errors import AppError, Conflict, NotFound, ValidationError
from app.extensions import db, limiter
from app.numbers import is_id
from telephony import campaigns
from telephony.callflow import ENDED
from telephony.distributor import routing_settings
from telephony.models import CampaignNumber, Interaction
from telephony.providers import client_identity
from telephony.recordings.policy import policy as recording_policy
from telephony.softphone import carrier_door, signalling, speech
from telephony.softphone.ice import ice_servers

desk_bp = Blueprint("telephony_desk", __name__, url_prefix="/work/desk", template_folder="../templates",
                    static_folder="static", static_url_path="/static")
phone_bp = Blueprint("telephony_phone", __name__, url_prefix="/telephony/phone", template_folder="../templates",
                     static_folder="static", static_url_path="/static")

TWILIO_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "media-src 'self' blob: https://*.twilio.com https://sdk.twilio.com; "
              "connect-src 'self' wss://*.twilio.com https://*.twilio.com; frame-ancestors 'none'; "
              "form-action 'self'; base-uri 'self'; object-src 'none'")
STREAM_SECONDS = 25  # one event stream lasts this long; EventSource reconnects by itself
ENDED_STATES = ("wrapup", "completed", "abandoned", "failed")  # the talking is over
KEYS = re.compile(r"[0-9*#]{1,8}")
SOFTPHONE_RING_SECONDS = 1.0  # the registered browser softphone's leg rings this long, then joins


def _carrier():
    """The local carrier's door (in this process, or its own at ``LOCAL_CARRIER_URL``), or None."""
    return carrier_door.door()


class CarrierDown(AppError):
    status = 503
    code = "carrier_unreachable"
    message = _l("The built-in carrier is not answering. Try again in a moment.")


def _member():
    user = current_user()
    if user is None or not user.has_role("member"):
        raise NotFound()
    return user


def _own_interaction(interaction_id: int) -> Interaction:
    user = _member()
    interaction = db.session.get(Interaction, interaction_id) if is_id(interaction_id) else None
    if interaction is None or interaction.member_id != user.id:
        raise NotFound()
    return interaction


def _stream(call_sid: str, side: str, ended, heard=None) -> Response:
    """Server-sent events: every message left for ``side``, what the carrier says to it (``heard``:
    new messages since the last look, if given), and ``ended`` once the call is over."""

    def events():
        yield "retry: 1000\n\n"
        deadline = time.monotonic() + STREAM_SECONDS
        while time.monotonic() < deadline:
            for number, message in heard() if heard is not None else ():
                yield f"id: {number}\ndata: {json.dumps(message)}\n\n"
            message = signalling.take(call_sid, side, 1)
            if message is not None:
                yield f"data: {json.dumps(message)}\n\n"
                continue
            if ended():
                yield f"data: {json.dumps({'kind': 'ended', 'body': None})}\n\n"
                return
            yield ": ping\n\n"

    return Response(stream_with_context(events()), mimetype="text/event-stream",
                    headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def _relay(call_sid: str, side: str) -> Response:
    message = signalling.clean(request.get_json(silent=True))
    if message is None:
        raise ValidationError(_("This message cannot be relayed."), fields={"kind": _("Unknown message.")})
    signalling.post(call_sid, signalling.other(side), message)
    return Response(status=204)


# --- the member's workspace --------------------------------------------------------------------

@desk_bp.get("/")
@page_login_required(roles=["member"])
def desk():
    user = current_user()
    provider = current_app.config.get("TELEPHONY_PROVIDER") or "local"
    response = make_response(render_template("telephony/desk.html", identity=client_identity(user.id),
                                             provider=provider))
    if provider == "twilio":  # the Voice SDK talks to Twilio's signalling and media edges
        response.headers["Content-Security-Policy"] = TWILIO_CSP
    return response


@desk_bp.post("/register")
@page_login_required(roles=["member"])
def register():
    """The workspace's softphone comes online: an access token for the API, and (local carrier) the
    member's client identity registered so that an accepted call's leg rings this softphone."""
    user = current_user()
    token, expires_in = encode_access_token(user.id, version=user.token_version or 0)
    carrier = _carrier()
    if carrier is not None:
        try:
            carrier.register_client(client_identity(user.id), SOFTPHONE_RING_SECONDS)
        except carrier_door.CarrierUnreachable as error:
            raise CarrierDown() from error
    return {"access_token": token, "expires_in": expires_in, "identity": client_identity(user.id),
            "softphone": "browser" if carrier is not None else "provider",
            "ice_servers": ice_servers(current_app.config, client_identity(user.id))}


@desk_bp.get("/calls/<int:interaction_id>")
@page_login_required(roles=["member"])
def call_card(interaction_id: int):
    """The customer card (masked number, the contact list's attributes), the campaign's script,
    survey questions and dispositions, the wrap-up limit and whether the campaign records (the
    built-in softphone then records both sides and uploads them), for the member's own call."""
    interaction = _own_interaction(interaction_id)
    found = campaigns.campaign(interaction.campaign_id)
    settings = (found.settings or {}) if found else {}
    contact = campaigns.contact_of(interaction.contact_id, interaction.campaign_id) if interaction.contact_id else None
    number = db.session.get(CampaignNumber, interaction.campaign_id)
    browser = bool(interaction.customer_call_sid and signalling.is_browser_call(interaction.customer_call_sid))
    return {
        "id": interaction.id, "state": interaction.state, "campaign_name": found.name if found else "",
        "customer": {"masked": interaction.customer_masked or "", "name": contact.name if contact else None,
                     "attributes": dict(contact.attributes or {}) if contact else {}},
        "script": settings.get("script") or "", "survey_questions": list(settings.get("survey_questions") or []),
        "dispositions": [{"code": d["code"], "label": d.get("label") or d["code"]}
                         for d in campaigns.dispositions_of(found)] if found else [],
        "wrapup_seconds": int(routing_settings(found.settings)["wrapup_seconds"]) if found else 0,
        "can_opt_out": bool(interaction.contact_id or interaction.customer_phone_hash),
        "escalation": bool(number and (number.escalation_number or number.escalation_sip_uri)),
        "browser_customer": browser, "direction": interaction.direction,
        "records": bool(found and recording_policy(found)["enabled"]),
        "captions": [] if browser else _captions(interaction, found),
    }


def _captions(interaction: Interaction, found) -> list[dict]:
    """What a simulated caller says, line by line (seconds from the answer), in the member's language."""
    from flask_babel import get_locale

    from telephony.simulator import transcripts

    language = "zh" if str(get_locale() or "en").startswith("zh") else "en"
    spoken = transcripts.generate(industry=(found.industry if found else None) or "general", language=language,
                                  seed=interaction.id)
    lines = [{"at": round(u["start"], 1), "text": u["text"]} for u in spoken.utterances if u["speaker"] == "customer"]
    if speech.available(current_app.config):
        for number, line in enumerate(lines):
            line["audio"] = url_for("telephony_desk.caption_audio", interaction_id=interaction.id, number=number,
                                    lang=language)
    return lines


@desk_bp.get("/calls/<int:interaction_id>/captions/<int:number>.wav")
@page_login_required(roles=["member"])
def caption_audio(interaction_id: int, number: int):
    """A simulated caller's line, spoken (espeak-ng): only for the member handling the call."""
    interaction = _own_interaction(interaction_id)
    language = request.args.get("lang") if request.args.get("lang") in ("zh", "en") else "en"
    if not speech.available(current_app.config):
        raise NotFound()
    with force_locale(language):
        lines = _captions(interaction, campaigns.campaign(interaction.campaign_id))
    if number >= len(lines):
        raise NotFound()
    wav = speech.synthesize(lines[number]["text"], language)
    if wav is None:
        raise NotFound()
    return Response(wav, mimetype="audio/wav", headers={"Cache-Control": "private, max-age=3600"})


@desk_bp.get("/calls/<int:interaction_id>/signal")
@page_login_required(roles=["member"])
def agent_events(interaction_id: int):
    interaction = _own_interaction(interaction_id)
    sid, ix_id = interaction.customer_call_sid, interaction.id
    if not sid:
        raise NotFound()
    db.session.close()  # the stream holds no connection while it waits

    def ended() -> bool:
        state = db.session.scalar(select(Interaction.state).where(Interaction.id == ix_id))
        db.session.close()
        return state in ENDED_STATES

    return _stream(sid, "agent", ended)


@desk_bp.post("/calls/<int:interaction_id>/signal")
@page_login_required(roles=["member"])
def agent_signal(interaction_id: int):
    interaction = _own_interaction(interaction_id)
    if not interaction.customer_call_sid:
        raise NotFound()
    return _relay(interaction.customer_call_sid, "agent")


@desk_bp.post("/calls/<int:interaction_id>/opt-out")
@page_login_required(roles=["member"])
def opt_out(interaction_id: int):
    """The customer asked never to be called again: their number goes on the enterprise's DNC list now."""
    from marketplace.contacts import dialing, dnc

    user = _member()
    interaction = _own_interaction(interaction_id)
    if interaction.contact_id:
        dialing.record_opt_out(interaction.contact_id, user.id)
    elif interaction.customer_phone_hash:
        found = campaigns.campaign(interaction.campaign_id)
        dnc.add_entry(found.org_id, interaction.customer_phone_hash, interaction.customer_masked or "", "opt_out",
                      user.id)
    else:
        raise Conflict(_("This caller's number is withheld: there is nothing to put on the list."),
                       code="no_number")
    commit()
    return {"opted_out": True, "message": _("The number is on the Do-Not-Call list.")}


# --- the customer phone page (signed out) --------------------------------------------------------

def _campaign_number(number: str) -> CampaignNumber:
    found = db.session.scalar(select(CampaignNumber).where(CampaignNumber.number == number)) \
        if len(number) <= 20 else None
    if found is None:
        raise NotFound(_("No campaign answers on this number."))
    return found


def _phone_rate() -> str:
    return str(current_app.config.get("CUSTOMER_PHONE_RATE_LIMIT") or "6 per minute")


@phone_bp.get("/<string:number>")
def phone(number: str):
    _campaign_number(number)
    return render_template("telephony/phone.html", number=number, browser=_carrier() is not None)


@phone_bp.post("/<string:number>/calls")
@limiter.limit(_phone_rate)
def place_call(number: str):
    """Dial the campaign's number from this browser: the call is queued and routed like any other."""
    _campaign_number(number)
    carrier = _carrier()
    if carrier is None:
        raise Conflict(_("Calling from the browser needs the built-in carrier (provider local)."),
                       code="no_local_carrier")
    caller = "+86139" + "".join(secrets.choice("0123456789") for _ in range(8))
    try:
        sid = carrier.place_browser_call(caller, number)
    except carrier_door.CarrierUnreachable as error:
        raise CarrierDown() from error
    signalling.mark_browser_call(sid)
    return {"token": signalling.new_phone_call(sid),
            "ice_servers": ice_servers(current_app.config, f"caller-{sid[-8:]}")}, 201


def _phone_sid(token: str) -> str:
    sid = signalling.phone_call_sid(token)
    if sid is None:
        raise NotFound()
    return sid


@phone_bp.get("/calls/<string:token>/signal")
def customer_events(token: str):
    sid = _phone_sid(token)
    carrier = _carrier()

    def ended() -> bool:
        try:
            status = carrier.status(sid) if carrier is not None else None
        except carrier_door.CarrierUnreachable:
            status = None
        if status is not None:
            return status in ENDED
        # the carrier forgot it (or cannot be reached): the interaction says whether the talking is over
        state = db.session.scalar(select(Interaction.state).where(Interaction.customer_call_sid == sid))
        db.session.close()
        return state in ENDED_STATES

    return _stream(sid, "customer", ended, heard=_carrier_voice(carrier, sid, request.headers.get("Last-Event-ID")))


HEARD_KINDS = {"say": "say", "hold-say": "say", "gather": "keys"}


def _carrier_voice(carrier, sid: str, last: str | None):
    """What the carrier says to the browser caller (its announcements, the survey's question) and
    when it listens for keys, as messages for the page — the browser hears no synthesized speech."""
    seen = {"count": int(last) + 1 if (last or "").isdigit() and len(last) < 9 else 0}

    def heard() -> list[tuple[int, dict]]:
        try:
            logged = carrier.events(sid) if carrier is not None else []
        except carrier_door.CarrierUnreachable:
            return []
        start, seen["count"] = seen["count"], max(len(logged), seen["count"])
        return [(number, {"kind": HEARD_KINDS[kind], "body": detail.get("num_digits" if kind == "gather" else "text")})
                for number, (kind, detail) in enumerate(logged[start:], start) if kind in HEARD_KINDS]

    return heard


@phone_bp.post("/calls/<string:token>/signal")
def customer_signal(token: str):
    return _relay(_phone_sid(token), "customer")


@phone_bp.post("/calls/<string:token>/keys")
def customer_keys(token: str):
    """The caller presses keys on the page's keypad (a menu, the satisfaction survey)."""
    sid = _phone_sid(token)
    digits = str((request.get_json(silent=True) or {}).get("digits") or "")
    if not KEYS.fullmatch(digits):
        raise ValidationError(_("Press the keys 0 to 9, * or #."), fields={"digits": _("Keys 0-9, * or #.")})
    carrier = _carrier()
    try:
        pressed = carrier is not None and carrier.press(sid, digits)
    except carrier_door.CarrierUnreachable as error:
        raise CarrierDown() from error
    if not pressed:
        raise Conflict(_("The call has ended."), code="call_ended")
    return Response(status=204)


@phone_bp.post("/calls/<string:token>/hangup")
def customer_hangup(token: str):
    sid = _phone_sid(token)
    carrier = _carrier()
    try:
        if carrier is not None:
            carrier.hangup(sid)
    except carrier_door.CarrierUnreachable as error:
        raise CarrierDown() from error
    return Response(status=204)
