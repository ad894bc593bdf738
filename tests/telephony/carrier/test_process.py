"""``python -m telephony.carrier``: the carrier as its own process, REST on a port, webhooks over HTTP."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

from twilio.rest import Client
from werkzeug.serving import make_server

from telephony.providers.local import LOCAL_ACCOUNT_SID, LOCAL_AUTH_TOKEN
from telephony.providers.twilio import RebasedHttpClient, Twiml
from tests.telephony.carrier.conftest import Hooks, create_webhook_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_carrier_process_places_a_call_and_signs_its_webhooks():
    hooks = Hooks()
    server = make_server("127.0.0.1", 0, create_webhook_app(hooks), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "telephony.carrier", "--port", str(port), "--webhook-url", base,
                                "--speed", "50"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        client = Client(LOCAL_ACCOUNT_SID, LOCAL_AUTH_TOKEN, http_client=RebasedHttpClient(f"http://127.0.0.1:{port}"))
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "the carrier process did not start"
                time.sleep(0.1)
        hooks.on("answer", str(Twiml().say("Hello").hangup()))
        call = client.calls.create(to="+8613800138000", from_="+8640000000001", url=f"{base}/t/answer",
                                   status_callback=f"{base}/t/status")
        hooks.wait_until(lambda: hooks.named("status"), timeout=10)
        assert client.calls(call.sid).fetch().status == "completed"
        assert [hit["name"] for hit in hooks.received] == ["answer", "status"]
        assert all(hit["valid"] for hit in hooks.received)
    finally:
        process.terminate()
        process.wait(timeout=10)
        server.shutdown()
        server.server_close()


def test_carrier_process_times_its_webhooks_in_a_log(tmp_path):
    hooks = Hooks()
    server = make_server("127.0.0.1", 0, create_webhook_app(hooks), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    port, log = free_port(), tmp_path / "webhooks.tsv"
    process = subprocess.Popen([sys.executable, "-m", "telephony.carrier", "--port", str(port), "--webhook-url", base,
                                "--speed", "50", "--timing-log", str(log)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        client = Client(LOCAL_ACCOUNT_SID, LOCAL_AUTH_TOKEN, http_client=RebasedHttpClient(f"http://127.0.0.1:{port}"))
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "the carrier process did not start"
                time.sleep(0.1)
        hooks.on("answer", str(Twiml().say("Hello").hangup()))
        client.calls.create(to="+8613800138000", from_="+8640000000001", url=f"{base}/t/answer",
                            status_callback=f"{base}/t/status")
        deadline = time.monotonic() + 10
        while len(log.read_text().splitlines()) < 2:
            assert time.monotonic() < deadline, "the carrier logged no timing"
            time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=10)
        server.shutdown()
        server.server_close()
    rows = [line.split("\t") for line in log.read_text().splitlines()]
    assert [(method, path, status) for method, path, status, _ms in rows] == [("POST", "/t/answer", "200"),
                                                                              ("POST", "/t/status", "200")]
    assert all(float(ms) > 0 for *_rest, ms in rows)


def test_http_transport_reports_an_unreachable_webhook_as_502():
    from telephony.carrier import HttpTransport

    seen = []
    transport = HttpTransport(timeout=2, observe=lambda *args: seen.append(args))
    url = f"http://127.0.0.1:{free_port()}/t/voice"  # nobody listens there
    assert transport.send("POST", url, {"CallSid": "CA1"}, {}).status == 502
    assert [(method, where, status) for method, where, status, _seconds in seen] == [("POST", url, 502)]
    assert seen[0][3] >= 0
