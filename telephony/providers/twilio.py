"""Twilio Programmable Voice: webhook signatures, TwiML, REST call control and softphone tokens.

The only module that imports ``twilio``. REST goes through ``twilio.rest.Client``; its
``HttpClient`` can be swapped, which is how the ``local`` provider points the very same code at
the local carrier (over HTTP, or straight into its WSGI app when it runs in-process).
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlsplit

from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http import HttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.jwt.access_token import AccessToken
from twilio.jwt.access_token.grants import VoiceGrant
from twilio.request_validator import RequestValidator
from twilio.rest import Client
from twilio.twiml.voice_response import Dial, Gather, Start, VoiceResponse
from werkzeug.test import Client as WsgiClient

from telephony.providers.base import (
    CALL_PROGRESS_EVENTS,
    CONFERENCE_EVENTS,
    PlacedCall,
    ProviderError,
    VoiceProvider,
    client_identity,
    public_url,
)

logger = logging.getLogger(__name__)

TWILIO_API_BASE = "https://api.twilio.com"
DEFAULT_TOKEN_TTL = 600
# Twilio's <Say> language codes for the languages Crowdline speaks.
SAY_LANGUAGES = {"zh": "cmn-CN", "en": "en-US"}


def sign(url: str, params: Mapping, auth_token: str) -> str:
    """``X-Twilio-Signature`` of a request to ``url`` with POST ``params``, as Twilio computes it."""
    return RequestValidator(auth_token).compute_signature(url, params)


def say_language(language: str | None) -> str:
    """Twilio's voice language for a Crowdline language (``zh``, ``zh-CN``, ``en``…)."""
    base = (language or "en").split("-", 1)[0].split("_", 1)[0].lower()
    return SAY_LANGUAGES.get(base, "en-US")


# --- HTTP clients for the REST API --------------------------------------------------------

class RebasedHttpClient(TwilioHttpClient):
    """Twilio's own HTTP client, sending ``https://api.twilio.com/…`` to another base URL."""

    def __init__(self, base_url: str, timeout: float = 10.0) -> None:
        super().__init__(timeout=timeout)
        self.base_url = base_url.rstrip("/")

    def request(self, method, url, params=None, data=None, headers=None, auth=None, timeout=None,
                allow_redirects=False) -> Response:
        return super().request(method, _rebase(url, self.base_url), params, data, headers, auth, timeout,
                               allow_redirects)


class WsgiHttpClient(HttpClient):
    """An HTTP client that hands the request to a WSGI app in this process (no socket)."""

    def __init__(self, wsgi_app: Callable) -> None:
        super().__init__(logger, is_async=False)
        self.client = WsgiClient(wsgi_app)

    def request(self, method, url, params=None, data=None, headers=None, auth=None, timeout=None,
                allow_redirects=False) -> Response:
        parts = urlsplit(url)
        headers = dict(headers or {})
        if auth:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        reply = self.client.open(parts.path, method=method.upper(), base_url=f"{parts.scheme}://{parts.netloc}",
                                 query_string=params or None, data=data or None, headers=headers)
        return Response(reply.status_code, reply.get_data(as_text=True), dict(reply.headers))


def _rebase(url: str, base_url: str) -> str:
    parts = urlsplit(url)
    return base_url + parts.path + (f"?{parts.query}" if parts.query else "")


# --- TwiML --------------------------------------------------------------------------------

class Twiml:
    """A TwiML document built verb by verb (``twilio.twiml.voice_response``); ``str()`` is the XML."""

    def __init__(self) -> None:
        self.response = VoiceResponse()

    def __str__(self) -> str:
        return self.response.to_xml()

    def say(self, text: str, language: str | None = None, loop: int = 1) -> Twiml:
        self.response.say(text, language=say_language(language), loop=loop if loop != 1 else None)
        return self

    def play(self, url: str, loop: int = 1) -> Twiml:
        self.response.play(url, loop=loop if loop != 1 else None)
        return self

    def pause(self, seconds: int = 1) -> Twiml:
        self.response.pause(length=seconds)
        return self

    def gather(self, action: str, *, prompt: str | None = None, language: str | None = None,
               num_digits: int | None = None, timeout: int = 5, finish_on_key: str = "#") -> Twiml:
        gather = Gather(action=action, method="POST", input="dtmf", num_digits=num_digits, timeout=timeout,
                        finish_on_key=finish_on_key)
        if prompt:
            gather.say(prompt, language=say_language(language))
        self.response.append(gather)
        return self

    def conference(self, name: str, *, start_on_enter: bool, end_on_exit: bool, wait_url: str | None = None,
                   status_callback: str | None = None, events: Iterable[str] = CONFERENCE_EVENTS,
                   beep: bool = False, label: str | None = None, recording_status_callback: str | None = None,
                   action: str | None = None) -> Twiml:
        """``<Dial><Conference>``; with ``recording_status_callback``, recorded from its start; with
        ``action``, the carrier asks that URL what next once the participant is out of the conference."""
        dial = Dial(action=action, method="POST") if action else Dial()
        options: dict[str, object] = {"start_conference_on_enter": start_on_enter, "beep": beep,
                                      "end_conference_on_exit": end_on_exit, "participant_label": label}
        if wait_url is not None:
            options.update(wait_url=wait_url, wait_method="POST")
        if status_callback:
            options.update(status_callback=status_callback, status_callback_method="POST",
                           status_callback_event=" ".join(events))
        if recording_status_callback:
            options.update(record="record-from-start", recording_status_callback=recording_status_callback,
                           recording_status_callback_method="POST", recording_status_callback_event="completed")
        dial.conference(name, **options)
        self.response.append(dial)
        return self

    def dial_client(self, identity: str, *, action: str | None = None, caller_id: str | None = None,
                    timeout: int = 20, url: str | None = None) -> Twiml:
        dial = Dial(action=action, method="POST" if action else None, caller_id=caller_id, timeout=timeout)
        dial.client(identity, url=url, method="POST" if url else None)
        self.response.append(dial)
        return self

    def dial_number(self, number: str, *, action: str | None = None, caller_id: str | None = None,
                    timeout: int = 30) -> Twiml:
        dial = Dial(action=action, method="POST" if action else None, caller_id=caller_id, timeout=timeout)
        dial.number(number)
        self.response.append(dial)
        return self

    def dial_sip(self, uri: str, *, headers: Mapping[str, str] | None = None, action: str | None = None,
                 caller_id: str | None = None, username: str | None = None, password: str | None = None,
                 timeout: int = 30) -> Twiml:
        """``<Dial><Sip>``: custom ``X-`` headers ride on the URI as query parameters, as Twilio expects."""
        if headers:
            query = "&".join(f"{key}={value}" for key, value in headers.items())
            uri = f"{uri}{'&' if '?' in uri else '?'}{query}"
        dial = Dial(action=action, method="POST" if action else None, caller_id=caller_id, timeout=timeout)
        dial.sip(uri, username=username, password=password)
        self.response.append(dial)
        return self

    def transcription(self, status_callback_url: str, *, language_code: str, track: str = "both_tracks",
                      inbound_label: str = "agent", outbound_label: str = "customer") -> Twiml:
        """``<Start><Transcription>``: real-time transcription of the call from here on, each final
        utterance posted to ``status_callback_url``."""
        start = Start()
        start.transcription(status_callback_url=status_callback_url, status_callback_method="POST", track=track,
                            language_code=language_code, inbound_track_label=inbound_label,
                            outbound_track_label=outbound_label, partial_results=False)
        self.response.append(start)
        return self

    def redirect(self, url: str) -> Twiml:
        self.response.redirect(url, method="POST")
        return self

    def hangup(self) -> Twiml:
        self.response.hangup()
        return self

    def reject(self, reason: str = "busy") -> Twiml:
        self.response.reject(reason=reason)
        return self


def caller_waits_in_conference(conference: str, *, wait_url: str, status_callback: str | None = None,
                               greeting: str | None = None, language: str | None = None,
                               recording_status_callback: str | None = None, action: str | None = None) -> str:
    """The caller's TwiML: an optional greeting, then a conference named for the interaction that
    does not start before an agent joins (the caller hears ``wait_url`` meanwhile) and ends when
    the caller leaves; recorded when ``recording_status_callback`` is given. With ``action``, a
    caller still on the line when the conference ends goes on with what that URL answers."""
    twiml = Twiml()
    if greeting:
        twiml.say(greeting, language)
    return str(twiml.conference(conference, start_on_enter=False, end_on_exit=True, wait_url=wait_url,
                                status_callback=status_callback, label="customer",
                                recording_status_callback=recording_status_callback, action=action))


def hold_music(*, language: str | None = None, message: str | None = None, music_url: str | None = None,
               pause_seconds: int = 10) -> str:
    """A conference ``waitUrl`` document (the carrier loops it): a message in the caller's language,
    then music, or a pause when there is no music."""
    twiml = Twiml()
    if message:
        twiml.say(message, language)
    return str(twiml.play(music_url) if music_url else twiml.pause(pause_seconds))


def agent_joins_conference(conference: str, *, status_callback: str | None = None, end_on_exit: bool = True,
                           transcription: tuple[str, str] | None = None) -> str:
    """The agent leg's TwiML: join the caller's conference, which starts the bridge; with
    ``transcription`` (callback URL, language code), transcribed in real time from the start."""
    twiml = Twiml()
    if transcription is not None:
        twiml.transcription(transcription[0], language_code=transcription[1])
    return str(twiml.conference(conference, start_on_enter=True, end_on_exit=end_on_exit, wait_url="",
                                status_callback=status_callback, label="agent"))


def escalate_to_sip(uri: str, *, message: str | None = None, language: str | None = None,
                    headers: Mapping[str, str] | None = None, caller_id: str | None = None,
                    action: str | None = None) -> str:
    """Send the caller back to the enterprise's own SIP URI (overflow escalation)."""
    twiml = Twiml()
    if message:
        twiml.say(message, language)
    return str(twiml.dial_sip(uri, headers=headers, caller_id=caller_id, action=action))


def say_and_hang_up(message: str, language: str | None = None) -> str:
    """A message, then the end of the call."""
    return str(Twiml().say(message, language).hangup())


# --- the provider -------------------------------------------------------------------------

class TwilioProvider(VoiceProvider):
    """Programmable Voice through the official ``twilio`` library."""

    name = "twilio"

    @property
    def account_sid(self) -> str:
        return self.config.get("TWILIO_ACCOUNT_SID") or ""

    @property
    def auth_token(self) -> str:
        return self.config.get("TWILIO_AUTH_TOKEN") or ""

    @property
    def signed_base_url(self) -> str | None:
        """The base URL the carrier signs webhooks for (None: the request's own URL)."""
        return self.config.get("PUBLIC_BASE_URL")

    @property
    def api_key(self) -> tuple[str, str]:
        """The API key (SID, secret) that signs softphone tokens."""
        return self.config.get("TWILIO_API_KEY") or "", self.config.get("TWILIO_API_SECRET") or ""

    def http_client(self) -> HttpClient | None:
        """How REST requests travel: Twilio's default client, or one rebased on ``TWILIO_API_BASE_URL``."""
        base = self.config.get("TWILIO_API_BASE_URL")
        return RebasedHttpClient(base) if base else None

    def rest_client(self) -> Client:
        return Client(self.account_sid, self.auth_token, http_client=self.http_client())

    def fetch_recording(self, recording_url: str) -> tuple[bytes, str] | None:
        """A finished recording's media (dual-channel WAV) from its ``RecordingUrl``, with the
        account's credentials (to ``TWILIO_API_BASE_URL`` when set); ``ProviderError`` if refused."""
        import requests

        url = recording_url if recording_url.endswith((".wav", ".mp3")) else recording_url + ".wav"
        base = self.config.get("TWILIO_API_BASE_URL")
        if base:
            url = _rebase(url, base)
        try:
            reply = requests.get(url, params={"RequestedChannels": 2}, auth=(self.account_sid, self.auth_token),
                                 timeout=60)
        except requests.RequestException as exc:
            raise ProviderError(f"recording download failed: {exc}") from exc
        if reply.status_code != 200:
            raise ProviderError(f"recording download refused ({reply.status_code})", status=reply.status_code)
        return reply.content, reply.headers.get("Content-Type") or "audio/wav"

    def validate_request(self, url: str, params: Mapping, signature: str | None) -> bool:
        if not signature or not self.auth_token:
            return False
        checked = public_url(url, self.signed_base_url)
        return RequestValidator(self.auth_token).validate(checked, params, signature)

    def place_call(self, to: str, from_: str, url: str, *, status_callback: str | None = None,
                   status_events: Iterable[str] = CALL_PROGRESS_EVENTS, machine_detection: str | None = None,
                   timeout: int | None = None, async_amd_callback: str | None = None) -> PlacedCall:
        options: dict[str, object] = {"to": to, "from_": from_, "url": url, "method": "POST"}
        if status_callback:
            options.update(status_callback=status_callback, status_callback_method="POST",
                           status_callback_event=list(status_events))
        if machine_detection:
            options["machine_detection"] = machine_detection
            if async_amd_callback:
                options.update(async_amd="true", async_amd_status_callback=async_amd_callback,
                               async_amd_status_callback_method="POST")
        if timeout:
            options["timeout"] = timeout
        call = self._rest(lambda client: client.calls.create(**options))
        logger.info("Placed call %s to %s via %s", call.sid, to, self.name)
        return PlacedCall(call.sid, call.status)

    def update_call(self, sid: str, *, url: str | None = None, twiml: str | None = None) -> str:
        if (url is None) == (twiml is None):
            raise ValueError("give exactly one of url or twiml")
        options = {"url": url, "method": "POST"} if url else {"twiml": twiml}
        call = self._rest(lambda client: client.calls(sid).update(**options))
        logger.info("Updated call %s", sid)
        return call.status

    def hangup(self, sid: str) -> str:
        call = self._rest(lambda client: client.calls(sid).update(status="completed"))
        logger.info("Hung up call %s", sid)
        return call.status

    def set_ends_conference(self, conference: str, call_sid: str, ends: bool) -> bool:
        # A participant is addressed by its conference's SID: the live conference of that name first.
        found = self._rest(lambda client: client.conferences.list(friendly_name=conference, status="in-progress",
                                                                  limit=1))
        if not found:
            return False
        try:
            self._rest(lambda client: client.conferences(found[0].sid).participants(call_sid).update(
                end_conference_on_exit=ends))
        except ProviderError as error:
            if error.status == 404:  # the participant already left
                return False
            raise
        logger.info("Participant %s of %s: endConferenceOnExit=%s", call_sid, conference, ends)
        return True

    def access_token(self, member_id: int, ttl_seconds: int | None = None) -> str:
        ttl = ttl_seconds or int(self.config.get("TELEPHONY_TOKEN_TTL") or DEFAULT_TOKEN_TTL)
        key_sid, key_secret = self.api_key
        token = AccessToken(self.account_sid, key_sid, key_secret, identity=client_identity(member_id), ttl=ttl)
        token.add_grant(VoiceGrant(incoming_allow=True,
                                   outgoing_application_sid=self.config.get("TWILIO_TWIML_APP_SID") or None))
        return token.to_jwt()

    def _rest(self, request: Callable[[Client], object]):
        try:
            return request(self.rest_client())
        except TwilioRestException as error:
            logger.warning("Twilio refused: %s (%s)", error.msg, error.code)
            raise ProviderError(str(error.msg), status=error.status, code=error.code) from error
        except (TwilioException, OSError) as error:
            logger.warning("Twilio unreachable: %s", error)
            raise ProviderError(str(error)) from error
