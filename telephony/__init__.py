"""Telephony: the bridge that puts a certified member on the line with an enterprise's customer.

Providers (``providers/``: Twilio through the official library, and a local carrier that behaves as
Twilio does), interactions (every call, its timeline, durations and disposition), routing (an ACD in
Redis: queues per campaign, truthful presence, one atomic offer at a time) and the dispatcher that
enforces offer timeouts, heartbeats and escalations. Members never see a customer's number: only
telephony decrypts it, through ``marketplace`` contacts dialing.
"""


def init_app(app) -> None:
    """Register telephony's machine-facing paths (provider webhooks answer JSON errors)."""
    from app.errors import register_json_prefix

    register_json_prefix(app, "/telephony/")
