"""Telephony: the bridge that puts a certified member on the line with an enterprise's customer.

Providers (``providers/``: Twilio through the official library, and a local carrier that behaves as
Twilio does), interactions (every call, its timeline, durations and disposition), routing (an ACD in
Redis: queues per campaign, truthful presence, one atomic offer at a time) and the dispatcher that
enforces offer timeouts, heartbeats and escalations. Members never see a customer's number: only
telephony decrypts it, through ``marketplace`` contacts dialing.
"""


def init_app(app) -> None:
    """Register telephony's machine-facing paths (provider webhooks answer JSON errors), the
    carrier's webhooks, the interactions API, the agents' API, the receivers that take members out of
    routing, the `flask telephony` commands, the dispatcher (and local carrier) inside `flask serve`,
    and the sweeps that pay attended shifts by the hour and keep presence truthful."""
    from app import register_api_blueprint
    from app.cli import add_serve_starter
    from app.errors import register_json_prefix
    from app.schedule import register_periodic
    from telephony import (
        agents_api,
        api,
        cli,
        dispatcher,
        interaction_views,
        receivers,
        reports,
        tasks,
        wallboard,
        webhooks,
    )
    from telephony.dialer import api as dialer_api
    from telephony.dialer import views as dialer_views
    from telephony.recordings import api as recordings_api
    from telephony.recordings import cli as recordings_cli  # noqa: F401 - adds its command
    from telephony.recordings import tasks as recording_tasks
    from telephony.softphone import views as softphone_views

    register_json_prefix(app, "/telephony/")
    register_json_prefix(app, "/work/desk/calls/")  # the workspace's own JSON paths
    register_api_blueprint(app, api.bp)
    register_api_blueprint(app, agents_api.bp)
    register_api_blueprint(app, dialer_api.bp)
    app.register_blueprint(dialer_views.bp)
    app.register_blueprint(webhooks.bp)
    app.register_blueprint(wallboard.bp)
    app.register_blueprint(interaction_views.bp)
    register_api_blueprint(app, wallboard.api_bp)
    register_api_blueprint(app, recordings_api.bp)
    app.register_blueprint(softphone_views.desk_bp)
    app.register_blueprint(softphone_views.phone_bp)
    app.cli.add_command(cli.telephony_cli)
    add_serve_starter(dispatcher.start_in_background)
    receivers.connect()
    reports.init_app(app)
    register_periodic("telephony-shift-pay", tasks.pay_ended_shifts, tasks.SHIFT_PAY_EVERY)
    register_periodic("telephony-presence", tasks.sweep_presence, tasks.PRESENCE_SWEEP_EVERY)
    register_periodic("telephony-recording-purge", recording_tasks.purge_recordings, recording_tasks.PURGE_EVERY)
