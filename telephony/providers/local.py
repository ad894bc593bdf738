"""The embedded provider: the Twilio provider's own code, pointed at the local carrier.

Nothing here is a stand-in: REST requests go through ``twilio.rest.Client`` and webhooks are
checked with ``RequestValidator``, exactly as with Twilio. Only the destination changes: the
carrier running in this process (``start_local_carrier``, reached through its WSGI app without a
socket), or a carrier running as its own process at ``LOCAL_CARRIER_URL``.
"""

from __future__ import annotations

from flask import current_app, has_app_context

from telephony.providers.twilio import RebasedHttpClient, TwilioProvider, WsgiHttpClient

LOCAL_ACCOUNT_SID = "AC" + "0" * 32
LOCAL_AUTH_TOKEN = "local-carrier-auth-token"  # noqa: S105 - a public, offline-only value
LOCAL_API_KEY = "SK" + "0" * 32
LOCAL_API_SECRET = "local-carrier-api-secret-offline-only-0001"  # noqa: S105 - a public, offline-only value
DEFAULT_CARRIER_URL = "http://127.0.0.1:8765"


def local_credentials(config) -> tuple[str, str]:
    """The account SID and auth token shared by the local carrier and the local provider."""
    return (config.get("LOCAL_CARRIER_ACCOUNT_SID") or LOCAL_ACCOUNT_SID,
            config.get("LOCAL_CARRIER_AUTH_TOKEN") or LOCAL_AUTH_TOKEN)


class LocalProvider(TwilioProvider):
    """Twilio's REST and webhook code against the local carrier."""

    name = "local"

    @property
    def account_sid(self) -> str:
        return local_credentials(self.config)[0]

    @property
    def auth_token(self) -> str:
        return local_credentials(self.config)[1]

    @property
    def signed_base_url(self) -> str | None:
        return self.config.get("LOCAL_CARRIER_WEBHOOK_URL") or self.config.get("PUBLIC_BASE_URL")

    def callback_url(self, path: str) -> str:
        return (self.signed_base_url or "http://localhost").rstrip("/") + "/" + path.lstrip("/")

    def fetch_recording(self, recording_url: str) -> tuple[bytes, str] | None:
        """The local carrier records no audio: local calls' recordings are the members' uploads."""
        return None

    def http_client(self):
        carrier = current_app.extensions.get("local_carrier") if has_app_context() else None
        if carrier is not None:
            return WsgiHttpClient(carrier.rest_app)
        return RebasedHttpClient(self.config.get("LOCAL_CARRIER_URL") or DEFAULT_CARRIER_URL)

    @property
    def api_key(self) -> tuple[str, str]:
        key_sid, key_secret = super().api_key
        return key_sid or LOCAL_API_KEY, key_secret or LOCAL_API_SECRET
