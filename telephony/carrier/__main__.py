"""``python -m telephony.carrier``: the local carrier as its own process, for load runs.

Serves Twilio's REST API for calls on ``--host:--port`` and posts webhooks over HTTP to the
running Crowdline at ``--webhook-url``.
"""

from __future__ import annotations

import argparse
import logging
import os
import threading
from urllib.parse import urlsplit

from werkzeug.serving import make_server

from telephony.carrier.carrier import LocalCarrier
from telephony.carrier.transport import HttpTransport
from telephony.providers.local import local_credentials


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m telephony.carrier", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--webhook-url", default=os.environ.get("PUBLIC_BASE_URL") or "http://127.0.0.1:5000",
                        help="the base URL of the running Crowdline (voice and status paths are added)")
    parser.add_argument("--speed", type=float, default=1.0, help="simulated seconds per real second")
    parser.add_argument("--timing-log", help="append one line per webhook request to this file: "
                                             "method, path, status and milliseconds, tab-separated")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    account_sid, auth_token = local_credentials(os.environ)
    observe = timing_log(args.timing_log) if args.timing_log else None
    carrier = LocalCarrier(HttpTransport(observe=observe), base_url=args.webhook_url, speed=args.speed,
                           account_sid=account_sid, auth_token=auth_token)
    server = make_server(args.host, args.port, carrier.rest_app, threaded=True)
    logging.getLogger(__name__).info("Local carrier on http://%s:%s, webhooks to %s, speed %s", args.host,
                                     server.server_port, args.webhook_url, args.speed)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        carrier.shutdown()


def timing_log(path: str):
    """An ``HttpTransport`` observer writing ``method\tpath\tstatus\tms`` lines to ``path``."""
    sink = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - open for the process's life
    lock = threading.Lock()

    def observe(method: str, url: str, status: int, seconds: float) -> None:
        with lock:
            sink.write(f"{method}\t{urlsplit(url).path}\t{status}\t{seconds * 1000:.3f}\n")

    return observe


if __name__ == "__main__":
    main()
