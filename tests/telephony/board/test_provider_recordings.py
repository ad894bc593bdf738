"""A provider's recording: after its callback the media is fetched through the provider's door
(Twilio's REST API, here a fake one on 127.0.0.1) into the recordings' store, and then listened to
like any other."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.database import commit
from tests.telephony.board.test_recordings import _handled

ACCOUNT = "AC" + "a" * 32
TOKEN = "fake-auth-token"
RECORDING = "RE" + "c" * 32
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(64)


class FakeRecordings(BaseHTTPRequestHandler):
    seen: list = []

    def do_GET(self):
        self.seen.append((self.path, self.headers.get("Authorization")))
        if self.path.startswith(f"/2010-04-01/Accounts/{ACCOUNT}/Recordings/{RECORDING}.wav"):
            self.send_response(200)
            self.send_header("Content-Type", "audio/x-wav")
            self.send_header("Content-Length", str(len(WAV)))
            self.end_headers()
            self.wfile.write(WAV)
            return
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_api():
    FakeRecordings.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRecordings)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_twilio_media_is_fetched_and_served(app, client, tmp_path, fake_api, enterprise, member, campaign):
    from telephony.recordings.tasks import fetch_provider_recording

    app.config.update(RECORDING_DIR=str(tmp_path / "rec"), TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_AUTH_TOKEN=TOKEN,
                      TWILIO_API_BASE_URL=fake_api)
    owner = enterprise()
    cid = campaign(owner)
    mid, _headers = member()
    url = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Recordings/{RECORDING}"
    with app.test_request_context():
        interaction_id = _handled(cid, mid)
        commit()
        assert fetch_provider_recording(interaction_id, "twilio", url) is True
        assert fetch_provider_recording(interaction_id, "twilio", url.replace("c" * 32, "d" * 32)) is False
        assert fetch_provider_recording(interaction_id, "local", url) is False  # the local carrier keeps no audio
    path, auth = FakeRecordings.seen[0]
    assert "RequestedChannels=2" in path and auth.startswith("Basic ")
    body = client.get(f"/api/v1/interactions/{interaction_id}/recording", headers=owner["headers"]).json
    assert body["state"] == "ready" and body["source"] == "provider" and body["received"] == len(WAV)
    heard = client.get(body["media_url"], headers={**owner["headers"], "Range": "bytes=0-3"})
    assert heard.status_code == 206 and heard.data == b"RIFF"
