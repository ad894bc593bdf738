"""How the carrier reaches Crowdline: over HTTP to a base URL, or straight into a WSGI app in this
process. Both send the very same signed request (the signature covers the full URL and the
POST parameters, as Twilio computes it)."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import requests
from requests.adapters import HTTPAdapter
from werkzeug.test import Client

from telephony.providers.base import SIGNATURE_HEADER
from telephony.providers.twilio import sign

logger = logging.getLogger(__name__)

USER_AGENT = "TwilioProxy/1.1"


@dataclass(frozen=True)
class Reply:
    """What Crowdline answered: the HTTP status, the body and its content type."""

    status: int
    body: str
    content_type: str = ""


class Transport:
    """Sends one request; subclasses choose the wire."""

    def send(self, method: str, url: str, params: Mapping[str, str], headers: dict[str, str]) -> Reply:
        raise NotImplementedError


class HttpTransport(Transport):
    """HTTP to a running Crowdline (``gunicorn``, ``flask serve``).

    ``observe``, when given, is called after every request with the method, the URL, the status
    (502 when no answer came) and the seconds it took, as the carrier saw them (load runs time the
    webhooks with it)."""

    def __init__(self, timeout: float = 15.0,
                 observe: Callable[[str, str, int, float], None] | None = None) -> None:
        self.timeout = timeout  # Twilio gives a webhook 15 seconds
        self.observe = observe
        self.session = requests.Session()
        # one connection per concurrent leg, so a load run does not queue behind a small pool
        self.session.mount("http://", HTTPAdapter(pool_connections=4, pool_maxsize=256))
        self.session.mount("https://", HTTPAdapter(pool_connections=4, pool_maxsize=256))

    def send(self, method: str, url: str, params: Mapping[str, str], headers: dict[str, str]) -> Reply:
        started = time.perf_counter()
        try:
            response = self.session.request(method, url, data=dict(params) if method == "POST" else None,
                                            headers=headers, timeout=self.timeout, allow_redirects=False)
            reply = Reply(response.status_code, response.text, response.headers.get("Content-Type", ""))
        except requests.RequestException as error:
            logger.warning("Webhook %s %s failed: %s", method, url, error)
            reply = Reply(502, "")
        if self.observe is not None:
            self.observe(method, url, reply.status, time.perf_counter() - started)
        return reply


class WsgiTransport(Transport):
    """Calls a WSGI app (the Flask app) directly: no port, same request, for tests and ``make run``."""

    def __init__(self, wsgi_app: Callable) -> None:
        self.wsgi_app = wsgi_app

    def send(self, method: str, url: str, params: Mapping[str, str], headers: dict[str, str]) -> Reply:
        parts = urlsplit(url)
        client = Client(self.wsgi_app, use_cookies=False)
        response = client.open(parts.path, method=method, base_url=f"{parts.scheme}://{parts.netloc}",
                               query_string=parts.query or None,
                               data=dict(params) if method == "POST" else None, headers=headers)
        return Reply(response.status_code, response.get_data(as_text=True), response.headers.get("Content-Type", ""))


class Webhooks:
    """Signs and sends the carrier's requests to Crowdline (voice URLs, status callbacks)."""

    def __init__(self, transport: Transport, auth_token: str) -> None:
        self.transport = transport
        self.auth_token = auth_token

    def request(self, url: str, params: Mapping[str, str], method: str = "POST") -> Reply:
        """POST ``params`` to ``url`` (or GET with them in the query), signed as Twilio signs."""
        method = (method or "POST").upper()
        if method == "GET":
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}" if params else url
            signed_params: Mapping[str, str] = {}
        else:
            method, signed_params = "POST", params
        headers = {SIGNATURE_HEADER: sign(url, signed_params, self.auth_token), "User-Agent": USER_AGENT,
                   "I-Twilio-Idempotency-Token": _idempotency_token(params)}
        reply = self.transport.send(method, url, signed_params, headers)
        logger.debug("Webhook %s %s -> %s", method, url, reply.status)
        return reply


def _idempotency_token(params: Mapping[str, str]) -> str:
    key = "|".join(f"{name}={params[name]}" for name in sorted(params))
    return hashlib.sha256(key.encode()).hexdigest()[:32]
