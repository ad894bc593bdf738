"""Telephony: the bridge that puts a certified member on the line with an enterprise's customer.

Providers (``providers/``: Twilio through the official library, and a local carrier that behaves as
Twilio does), interactions (every call, its timeline, durations and disposition), routing (an ACD in
Redis: queues per campaign, truthful presence, one atomic offer at a time) and the dispatcher that
enforces offer timeouts, heartbeats and escalations. Members never see a customer's number: only
telephony decrypts it, through ``marketplace`` contacts dialing.
"""


def init_app(app) -> None:
    """Register telephony's machine-facing paths (provider webhooks answer JSON errors), the
    interactions API and the sweep that pays attended shifts by the hour."""
    from app import register_api_blueprint
    from app.errors import register_json_prefix
    from app.schedule import register_periodic
    from telephony import api, tasks

    register_json_prefix(app, "/telephony/")
    register_api_blueprint(app, api.bp)
    register_periodic("telephony-shift-pay", tasks.pay_ended_shifts, tasks.SHIFT_PAY_EVERY)
