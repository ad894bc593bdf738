"""What every voice provider does, and the pure helpers around it (public URLs, SIP addresses).

A provider checks that a webhook came from the carrier, builds the TwiML Crowdline answers with,
places, redirects and hangs up calls, and mints the softphone's access token. The service layer
only ever talks to this interface; ``twilio`` and ``local`` implement it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

SIGNATURE_HEADER = "X-Twilio-Signature"
CLIENT_PREFIX = "member-"
# The call-progress events Crowdline asks for on every call it places.
CALL_PROGRESS_EVENTS = ("initiated", "ringing", "answered", "completed")
# The conference events Crowdline follows (start/end of the bridge, legs joining and leaving).
CONFERENCE_EVENTS = ("start", "end", "join", "leave")


class ProviderError(Exception):
    """The provider failed or refused a call-control request (network, unknown call, bad number)."""

    def __init__(self, message: str, *, status: int | None = None, code: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclass(frozen=True)
class PlacedCall:
    """A call the provider accepted: its SID and the status it reported."""

    sid: str
    status: str


@dataclass(frozen=True)
class SipAddress:
    """``sip:user@host;param=value``: who was dialled, at which domain, with which URI parameters."""

    user: str
    host: str
    params: dict[str, str] = field(default_factory=dict)


def client_identity(member_id: int) -> str:
    """The softphone identity of a member (Twilio dials it as ``client:member-42``)."""
    return f"{CLIENT_PREFIX}{member_id}"


def member_id_from_identity(identity: str) -> int | None:
    """The member id of a softphone identity (``member-42`` or ``client:member-42``), or None."""
    identity = identity.removeprefix("client:")
    if not identity.startswith(CLIENT_PREFIX):
        return None
    digits = identity.removeprefix(CLIENT_PREFIX)
    return int(digits) if digits.isdigit() else None


def parse_sip_uri(uri: str) -> SipAddress | None:
    """``sip:campaign-12@crowdline.sip.twilio.com;transport=udp`` → its user, host and parameters.

    Twilio posts a SIP Domain call's ``To`` as such a URI; None when ``uri`` is not a SIP URI.
    """
    uri = (uri or "").strip().strip("<>")
    scheme, _, rest = uri.partition(":")
    if scheme.lower() not in ("sip", "sips") or "@" not in rest:
        return None
    address, *raw_params = rest.split(";")
    address = address.split("?", 1)[0]
    user, _, host = address.rpartition("@")
    if not user or not host:
        return None
    params = {}
    for item in raw_params:
        key, _, value = item.partition("=")
        if key:
            params[key.strip().lower()] = value.strip()
    return SipAddress(unquote(user), host.split(":", 1)[0].lower(), params)


def sip_campaign_hint(params: Mapping[str, str], header: str = "X-Crowdline-Campaign") -> str | None:
    """What a SIP Domain call says about its campaign: the custom SIP header (Twilio posts it as
    ``SipHeader_<name>``) when present, else the dialled SIP user of ``To``."""
    value = params.get(f"SipHeader_{header}")
    if value:
        return value.strip()
    address = parse_sip_uri(params.get("To", ""))
    return address.user if address else None


def public_url(url: str, public_base_url: str | None) -> str:
    """The URL the carrier signed: ``url``'s path and query on ``public_base_url`` when one is set
    (the app may sit behind a proxy that rewrote the host), else ``url`` unchanged."""
    if not public_base_url:
        return url
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return public_base_url.rstrip("/") + path


class VoiceProvider:
    """One voice carrier. ``config`` is the app's config mapping (read with defaults)."""

    name = "base"

    def __init__(self, config: Mapping) -> None:
        self.config = config

    # --- webhooks -------------------------------------------------------------------------
    def validate_request(self, url: str, params: Mapping, signature: str | None) -> bool:
        """True when ``signature`` (the ``X-Twilio-Signature`` header) signs ``url`` + ``params``,
        checked against the public URL (``PUBLIC_BASE_URL``), with and without the default port."""
        raise NotImplementedError

    def check_request(self, request) -> bool:
        """``validate_request`` for a Flask/Werkzeug request: its URL, form and signature header."""
        params = request.form if request.mimetype != "application/json" else request.get_data(as_text=True)
        return self.validate_request(request.url, params, request.headers.get(SIGNATURE_HEADER))

    def callback_url(self, path: str) -> str:
        """The absolute URL the carrier should call for ``path`` (``/telephony/twilio/status``)."""
        base = self.config.get("PUBLIC_BASE_URL") or "http://localhost"
        return base.rstrip("/") + "/" + path.lstrip("/")

    # --- call control ---------------------------------------------------------------------
    def place_call(self, to: str, from_: str, url: str, *, status_callback: str | None = None,
                   status_events: Iterable[str] = CALL_PROGRESS_EVENTS, machine_detection: str | None = None,
                   timeout: int | None = None, async_amd_callback: str | None = None) -> PlacedCall:
        """Dial ``to`` with caller ID ``from_``; the carrier fetches ``url`` for TwiML on answer. With
        ``machine_detection`` and ``async_amd_callback``, detection runs while the call goes on and its
        result (``AnsweredBy``) is posted to ``async_amd_callback`` (Twilio's ``AsyncAmd``)."""
        raise NotImplementedError

    def update_call(self, sid: str, *, url: str | None = None, twiml: str | None = None) -> str:
        """Send a live call to new TwiML (a URL, or a document); returns the call's status."""
        raise NotImplementedError

    def hangup(self, sid: str) -> str:
        """End a live call (cancel it if still ringing); returns the call's status."""
        raise NotImplementedError

    def set_ends_conference(self, conference: str, call_sid: str, ends: bool) -> bool:
        """Whether the participant ``call_sid`` ends the live conference named ``conference`` when it
        leaves (``endConferenceOnExit``). False when no such conference or participant is live."""
        raise NotImplementedError

    def access_token(self, member_id: int, ttl_seconds: int | None = None) -> str:
        """A short-lived JWT for the member's browser softphone (Voice grant)."""
        raise NotImplementedError
