"""The customer phone page's door to a carrier running as its own process: over the carrier's HTTP
API it places a browser caller's call, reads what the carrier said, presses keys on a live
<Gather>, reads the status, hangs up — and says so plainly when the carrier does not answer."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from telephony.providers.twilio import Twiml
from telephony.softphone.carrier_door import CarrierUnreachable, Remote

NUMBER = "+8640100000099"


@pytest.fixture
def remote(carrier):
    server = make_server("127.0.0.1", 0, carrier.rest_app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Remote(f"http://127.0.0.1:{server.server_port}", {})
    server.shutdown()
    server.server_close()


def test_a_browser_call_through_the_carriers_own_process(carrier, hooks, remote):
    digits = hooks.on("digits", str(Twiml().say("Thank you.").hangup()))
    carrier.add_number(NUMBER, voice_url=hooks.on("answer", str(
        Twiml().gather(digits, prompt="Press 1 to 5.", num_digits=1, timeout=30).hangup())))
    remote.register_client("member-5", 1.0)
    assert "member-5" in carrier.directory.clients()
    sid = remote.place_browser_call("+8613900000001", NUMBER)
    hooks.wait_until(lambda: any(kind == "gather" for kind, _detail in remote.events(sid)))
    assert remote.status(sid) == "in-progress"
    assert remote.press(sid, "4")
    hooks.wait_until(lambda: hooks.named("digits"))
    assert hooks.named("digits")[0]["form"]["Digits"] == "4"
    hooks.wait_until(lambda: remote.status(sid) == "completed")
    assert not remote.press(sid, "5")  # over: nothing to press on
    assert remote.status("CA" + "0" * 32) is None


def test_hanging_up_a_browser_call(carrier, hooks, remote):
    carrier.add_number(NUMBER, voice_url=hooks.on("answer", str(Twiml().pause(60))))
    sid = remote.place_browser_call("+8613900000002", NUMBER)
    hooks.wait_until(lambda: remote.status(sid) == "in-progress")
    remote.hangup(sid)
    hooks.wait_until(lambda: remote.status(sid) == "completed")


def test_a_carrier_that_does_not_answer_is_said_so():
    door = Remote("http://127.0.0.1:9", {})
    with pytest.raises(CarrierUnreachable):
        door.place_browser_call("+8613900000003", NUMBER)
