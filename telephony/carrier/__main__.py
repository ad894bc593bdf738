"""``python -m telephony.carrier``: the local carrier as its own process, for load runs.

Serves Twilio's REST API for calls on ``--host:--port`` and posts webhooks over HTTP to the
running Crowdline at ``--webhook-url``.
"""

from __future__ import annotations

import argparse
import logging
import os

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
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    account_sid, auth_token = local_credentials(os.environ)
    carrier = LocalCarrier(HttpTransport(), base_url=args.webhook_url, speed=args.speed, account_sid=account_sid,
                           auth_token=auth_token)
    server = make_server(args.host, args.port, carrier.rest_app, threaded=True)
    logging.getLogger(__name__).info("Local carrier on http://%s:%s, webhooks to %s, speed %s", args.host,
                                     server.server_port, args.webhook_url, args.speed)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        carrier.shutdown()


if __name__ == "__main__":
    main()
