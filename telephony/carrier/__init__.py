"""The local carrier: a small carrier that behaves as Twilio does, for ``make run``, the tests and
load runs.

It serves Twilio's REST API for calls (so the ``local`` provider is the Twilio provider's own code
pointed here), requests voice URLs and follows the TwiML it gets, bridges legs in conferences and
dials, and posts status callbacks signed exactly as Twilio signs them. It runs inside the app
(``start_local_carrier``, webhooks delivered straight into the app's WSGI callable) or as its own
process (``python -m telephony.carrier``, webhooks over HTTP).

A simulator drives it like this (durations are simulated seconds, ``speed`` times faster)::

    carrier = start_local_carrier(app, speed=10)
    number = carrier.allocate_number()               # voice URL: /telephony/twilio/voice
    carrier.register_client("member-4", Party(ring_seconds=3, talk_seconds=180))
    call = carrier.inbound_call(from_="+8613800138000", to=number, party=Party(patience=60, digits=["1"]))
    carrier.wait_for(call.sid); carrier.events(call.sid)

From another process the same is ``POST /carrier/clients/<identity>`` and ``POST /carrier/inbound``
on the carrier's port, and ``GET /carrier/calls/<sid>/events``.
"""

from __future__ import annotations

import logging
import threading
import time

from werkzeug.serving import BaseWSGIServer, make_server

from telephony.carrier.calls import Call, CallEvent, CarrierError, Redirect
from telephony.carrier.carrier import LocalCarrier
from telephony.carrier.clock import Clock
from telephony.carrier.parties import Directory, Party, parse_outcomes
from telephony.carrier.transport import HttpTransport, Transport, WsgiTransport
from telephony.providers.local import local_credentials

logger = logging.getLogger(__name__)


def start_local_carrier(app, *, speed: float | None = None) -> LocalCarrier:
    """The app's local carrier, created once and kept in ``app.extensions["local_carrier"]``.

    Webhooks go into the app's own WSGI callable (no port) at ``PUBLIC_BASE_URL`` (default
    ``http://localhost``), or over HTTP to ``LOCAL_CARRIER_WEBHOOK_URL`` when that is set. Numbers
    nobody registered answer, ring out, are busy, fail or reach a machine in the proportions of
    ``LOCAL_CARRIER_OUTCOMES`` (``answer=60,ring_out=20,busy=10,fail=5,machine=5``; unset: all answer). With
    ``LOCAL_CARRIER_PORT`` set, its REST API is also served on ``127.0.0.1:PORT`` in a thread. A
    daemon thread forgets calls that ended more than ``LOCAL_CARRIER_KEEP_SECONDS`` ago.
    """
    carrier = app.extensions.get("local_carrier")
    if carrier is not None:
        return carrier
    webhook_base = app.config.get("LOCAL_CARRIER_WEBHOOK_URL")
    transport: Transport = HttpTransport() if webhook_base else WsgiTransport(app)
    account_sid, auth_token = local_credentials(app.config)
    carrier = LocalCarrier(transport, base_url=webhook_base or app.config.get("PUBLIC_BASE_URL") or "http://localhost",
                           speed=speed or float(app.config.get("LOCAL_CARRIER_SPEED") or 1.0),
                           account_sid=account_sid, auth_token=auth_token)
    carrier.directory.set_outcomes(parse_outcomes(app.config.get("LOCAL_CARRIER_OUTCOMES")))
    app.extensions["local_carrier"] = carrier
    keep = float(app.config.get("LOCAL_CARRIER_KEEP_SECONDS") or 3600)
    threading.Thread(target=_forget_ended_calls, args=(carrier, keep), name="local-carrier-janitor",
                     daemon=True).start()
    port = app.config.get("LOCAL_CARRIER_PORT")
    if port:
        serve_rest(carrier, "127.0.0.1", int(port))
    logger.info("Local carrier ready (speed %s, webhooks to %s)", carrier.clock.speed, carrier.base_url)
    return carrier


def _forget_ended_calls(carrier: LocalCarrier, keep: float, every: float = 60.0) -> None:
    """Keep a long ``make run`` from holding every call it ever carried."""
    while True:
        time.sleep(every)
        forgotten = carrier.forget_ended(keep)
        if forgotten:
            logger.debug("Local carrier forgot %s ended calls", forgotten)


def serve_rest(carrier: LocalCarrier, host: str, port: int) -> BaseWSGIServer:
    """Serve the carrier's REST API on ``host:port`` from a daemon thread; returns the server."""
    server = make_server(host, port, carrier.rest_app, threaded=True)
    threading.Thread(target=server.serve_forever, name="local-carrier-rest", daemon=True).start()
    logger.info("Local carrier REST API on http://%s:%s", host, server.server_port)
    return server


__all__ = ["Call", "CallEvent", "CarrierError", "Clock", "Directory", "HttpTransport", "LocalCarrier", "Party",
           "Redirect", "Transport", "WsgiTransport", "serve_rest", "start_local_carrier"]
