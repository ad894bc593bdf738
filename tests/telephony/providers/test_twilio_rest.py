"""REST call control through the real ``twilio.rest.Client``, against a fake Twilio API on 127.0.0.1."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from telephony.providers import ProviderError
from telephony.providers.twilio import TwilioProvider

ACCOUNT = "AC" + "a" * 32
TOKEN = "fake-auth-token"
SID = "CA" + "b" * 32


class FakeTwilio(BaseHTTPRequestHandler):
    """Answers like api.twilio.com and records what it was sent."""

    requests: list[dict] = []
    reply_status = 201

    def _reply(self, status: int, body: dict) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
        self.requests.append({"path": self.path, "form": form, "auth": self.headers.get("Authorization"),
                              "content_type": self.headers.get("Content-Type")})
        if self.reply_status >= 400:
            self._reply(self.reply_status, {"code": 21211, "message": "The 'To' number is not valid.",
                                            "more_info": "https://www.twilio.com/docs/errors/21211",
                                            "status": self.reply_status})
            return
        status = "completed" if form.get("Status") == ["completed"] else "queued"
        self._reply(201 if self.path.endswith("Calls.json") else 200,
                    {"sid": SID, "account_sid": ACCOUNT, "status": status, "to": form.get("To", [""])[0],
                     "from": form.get("From", [""])[0], "api_version": "2010-04-01", "direction": "outbound-api",
                     "uri": f"/2010-04-01/Accounts/{ACCOUNT}/Calls/{SID}.json"})

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_twilio():
    FakeTwilio.requests = []
    FakeTwilio.reply_status = 201
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeTwilio)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", FakeTwilio
    server.shutdown()
    server.server_close()


def provider(base_url: str) -> TwilioProvider:
    return TwilioProvider({"TWILIO_ACCOUNT_SID": ACCOUNT, "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_API_BASE_URL": base_url})


def test_place_call_sends_twilios_form(fake_twilio):
    base_url, server = fake_twilio
    placed = provider(base_url).place_call("client:member-4", "+862100000000", "https://cc.example.com/agent?i=9",
                                           status_callback="https://cc.example.com/status",
                                           machine_detection="Enable", timeout=20)
    assert (placed.sid, placed.status) == (SID, "queued")
    [sent] = server.requests
    assert sent["path"] == f"/2010-04-01/Accounts/{ACCOUNT}/Calls.json"
    assert sent["auth"] == "Basic " + base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode()
    assert sent["content_type"] == "application/x-www-form-urlencoded"
    form = sent["form"]
    assert form["To"] == ["client:member-4"] and form["From"] == ["+862100000000"]
    assert form["Url"] == ["https://cc.example.com/agent?i=9"] and form["Method"] == ["POST"]
    assert form["StatusCallback"] == ["https://cc.example.com/status"]
    assert form["StatusCallbackEvent"] == ["initiated", "ringing", "answered", "completed"]
    assert form["MachineDetection"] == ["Enable"] and form["Timeout"] == ["20"]


def test_update_and_hang_up(fake_twilio):
    base_url, server = fake_twilio
    assert provider(base_url).update_call(SID, url="https://cc.example.com/next") == "queued"
    assert provider(base_url).update_call(SID, twiml="<Response><Hangup/></Response>") == "queued"
    assert provider(base_url).hangup(SID) == "completed"
    paths = {sent["path"] for sent in server.requests}
    assert paths == {f"/2010-04-01/Accounts/{ACCOUNT}/Calls/{SID}.json"}
    assert [sent["form"] for sent in server.requests] == [
        {"Url": ["https://cc.example.com/next"], "Method": ["POST"]},
        {"Twiml": ["<Response><Hangup/></Response>"]},
        {"Status": ["completed"]},
    ]
    with pytest.raises(ValueError, match="exactly one"):
        provider(base_url).update_call(SID)


def test_refusal_becomes_provider_error(fake_twilio):
    base_url, server = fake_twilio
    server.reply_status = 400
    with pytest.raises(ProviderError) as raised:
        provider(base_url).place_call("bad", "+862100000000", "https://cc.example.com/agent")
    assert (raised.value.status, raised.value.code) == (400, 21211)


def test_unreachable_api_becomes_provider_error():
    with pytest.raises(ProviderError):
        provider("http://127.0.0.1:9").hangup(SID)
