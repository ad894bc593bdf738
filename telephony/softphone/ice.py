"""The ICE servers the browsers' WebRTC connections use: STUN to learn their public address, and
TURN to relay the audio when the two browsers cannot reach each other (different networks, mobile
carriers' NAT). TURN credentials are short-lived, minted per page with the shared secret of the
TURN server's REST API scheme (coturn's ``use-auth-secret``): the username is the expiry time and a
label, the password the base64 HMAC-SHA1 of the username. No secret ever reaches a browser."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Mapping

DEFAULT_TTL = 3600


def _urls(value: str | None) -> list[str]:
    return [url.strip() for url in (value or "").split(",") if url.strip()]


def ice_servers(config: Mapping, label: str, now: float | None = None) -> list[dict]:
    """``RTCPeerConnection``'s ``iceServers`` for one page (``label`` names who asked, e.g. a member).

    ``WEBRTC_STUN_URLS`` and ``WEBRTC_TURN_URLS`` are comma-separated; with ``WEBRTC_TURN_SECRET`` the
    TURN entry carries credentials valid ``WEBRTC_TURN_TTL`` seconds (default an hour). None set: no
    servers (browsers on one network reach each other directly)."""
    servers: list[dict] = []
    stun = _urls(config.get("WEBRTC_STUN_URLS"))
    if stun:
        servers.append({"urls": stun})
    turn, secret = _urls(config.get("WEBRTC_TURN_URLS")), config.get("WEBRTC_TURN_SECRET") or ""
    if turn and secret:
        ttl = int(config.get("WEBRTC_TURN_TTL") or DEFAULT_TTL)
        username = f"{int((now if now is not None else time.time()) + ttl)}:{label}"
        digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
        servers.append({"urls": turn, "username": username, "credential": base64.b64encode(digest).decode()})
    return servers
