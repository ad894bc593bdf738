"""The carrier's REST API, driven by the official ``twilio.rest.Client`` over a real port and
in-process; and its webhooks over HTTP, signed the same as in-process."""

from __future__ import annotations

import threading

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client
from werkzeug.serving import make_server

from telephony.carrier import HttpTransport, LocalCarrier, Party, serve_rest
from telephony.providers import ProviderError
from telephony.providers.local import LOCAL_ACCOUNT_SID, LOCAL_AUTH_TOKEN, LocalProvider
from telephony.providers.twilio import RebasedHttpClient, Twiml
from tests.telephony.carrier.conftest import Hooks, create_webhook_app

NUMBER = "+8640000000001"


@pytest.fixture
def rest_base(carrier):
    server = serve_rest(carrier, "127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def twilio_client(base_url: str, token: str = LOCAL_AUTH_TOKEN) -> Client:
    return Client(LOCAL_ACCOUNT_SID, token, http_client=RebasedHttpClient(base_url))


def test_create_fetch_list_over_http(carrier, hooks, rest_base):
    url = hooks.on("answer", str(Twiml().pause(5)))
    status = hooks.on("status", "")
    client = twilio_client(rest_base)
    call = client.calls.create(to="+8613800138000", from_=NUMBER, url=url, status_callback=status,
                               status_callback_event=["initiated", "ringing", "answered", "completed"],
                               machine_detection="Enable")
    assert call.sid.startswith("CA") and call.status == "queued" and call.direction == "outbound-api"
    assert call.account_sid == LOCAL_ACCOUNT_SID and call.to == "+8613800138000"
    assert carrier.wait_for(call.sid)
    fetched = client.calls(call.sid).fetch()
    assert fetched.status == "completed" and 5 <= int(fetched.duration) <= 9 and fetched.answered_by == "human"
    assert [listed.sid for listed in client.calls.list(limit=5)] == [call.sid]
    [answer] = hooks.named("answer")
    assert answer["valid"] and answer["form"]["AnsweredBy"] == "human" and answer["form"]["Direction"] == "outbound-api"
    progress = [hit["form"] for hit in hooks.named("status")]
    assert [form["CallStatus"] for form in progress] == ["initiated", "ringing", "in-progress", "completed"]
    assert all(hit["valid"] for hit in hooks.received)
    client.calls(call.sid).delete()
    assert carrier.get(call.sid) is None


def test_rest_errors_in_twilios_shape(carrier, rest_base):
    with pytest.raises(TwilioRestException) as raised:
        twilio_client(rest_base).calls("CA" + "0" * 32).fetch()
    assert (raised.value.status, raised.value.code) == (404, 20404)
    with pytest.raises(TwilioRestException) as raised:
        twilio_client(rest_base, token="wrong").calls("CA" + "0" * 32).fetch()
    assert (raised.value.status, raised.value.code) == (401, 20003)
    with pytest.raises(TwilioRestException) as raised:
        twilio_client(rest_base).calls.create(to="+8613800138000", from_=NUMBER, url="")
    assert raised.value.code == 21205


def test_redirect_and_hang_up_a_live_call_through_the_provider(carrier, hooks, webhook_app):
    """The local provider is the Twilio provider's code; in-process it reaches the carrier without a port."""
    voice = hooks.on("voice", str(Twiml().play("https://x/music.mp3", loop=0)))
    hooks.on("moved", str(Twiml().say("You were moved").pause(600)))
    caller = carrier.inbound_call(from_="+8613800138000", to=NUMBER, voice_url=voice)
    hooks.wait_until(lambda: hooks.named("voice"))
    with webhook_app.app_context():
        provider = LocalProvider(webhook_app.config)
        assert provider.update_call(caller.sid, url="http://crowdline.test/t/moved") in ("ringing", "in-progress")
        hooks.wait_until(lambda: hooks.named("moved"))
        assert provider.hangup(caller.sid) in ("in-progress", "completed")
        assert carrier.wait_for(caller.sid)
        assert caller.status == "completed" and caller.hangup_requested == "api"
        with pytest.raises(ProviderError) as raised:
            provider.update_call(caller.sid, twiml="<Response/>")
        assert raised.value.code == 21220
    kinds = [event.kind for event in carrier.events(caller.sid)]
    assert kinds.index("api-redirect") < kinds.index("redirected") < kinds.index("api-hangup")


def test_redirect_with_inline_twiml(carrier, hooks, webhook_app):
    caller = carrier.inbound_call(from_="+8613800138000", to=NUMBER,
                                  voice_url=hooks.on("voice", str(Twiml().pause(600))))
    hooks.wait_until(lambda: hooks.named("voice"))
    with webhook_app.app_context():
        LocalProvider(webhook_app.config).update_call(caller.sid, twiml=str(Twiml().say("Bye").hangup()))
    assert carrier.wait_for(caller.sid)
    assert caller.duration < 600 and "say" in [event.kind for event in carrier.events(caller.sid)]


def test_outbound_to_an_offline_softphone_rings_out(carrier, hooks, webhook_app):
    status = hooks.on("status", "")
    with webhook_app.app_context():
        placed = LocalProvider(webhook_app.config).place_call("client:member-77", NUMBER, hooks.on("a", ""),
                                                              status_callback=status, timeout=10)
    assert carrier.wait_for(placed.sid)
    assert [hit["form"]["CallStatus"] for hit in hooks.named("status")] == ["initiated", "ringing", "no-answer"]
    assert not hooks.named("a")


def test_http_transport_sends_the_same_signed_requests():
    hooks = Hooks()
    server = make_server("127.0.0.1", 0, create_webhook_app(hooks), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    carrier = LocalCarrier(HttpTransport(), base_url=base, speed=50)
    try:
        hooks.on("voice", str(Twiml().gather("menu", num_digits=1)))
        hooks.on("menu", str(Twiml().hangup()))
        call = carrier.inbound_call(from_="+8613800138000", to=NUMBER, party=Party(digits=["5"]),
                                    voice_url=f"{base}/t/voice")
        assert carrier.wait_for(call.sid)
        assert [hit["valid"] for hit in hooks.received] == [True, True]
        assert hooks.named("menu")[0]["form"]["Digits"] == "5"
        assert hooks.named("voice")[0]["url"] == f"{base}/t/voice"
    finally:
        carrier.shutdown()
        server.shutdown()
        server.server_close()


def test_start_local_carrier_is_one_per_app(app):
    from telephony.carrier import start_local_carrier

    app.config["LOCAL_CARRIER_SPEED"] = 20
    try:
        carrier = start_local_carrier(app)
        assert start_local_carrier(app) is carrier and carrier.clock.speed == 20
        assert carrier.base_url == (app.config.get("PUBLIC_BASE_URL") or "http://localhost")
        number = carrier.allocate_number()
        assert number.startswith("+8640000")
        assert carrier.numbers[number]["voice_url"].endswith("/telephony/twilio/voice")
    finally:
        app.extensions.pop("local_carrier", None)
        app.config.pop("LOCAL_CARRIER_SPEED")


def test_simulator_paths_start_calls_and_register_softphones(carrier, hooks):
    """What a simulator uses when the carrier runs as its own process."""
    from werkzeug.test import Client as WsgiClient

    rest = WsgiClient(carrier.rest_app)
    assert rest.post("/carrier/clients/member-5", data={"ring_seconds": "1", "talk_seconds": "4"}).status_code == 201
    assert carrier.directory.clients() == ["member-5"]
    hooks.on("voice", str(Twiml().gather("menu", num_digits=1)))
    hooks.on("menu", str(Twiml().dial_client("member-5")))
    reply = rest.post("/carrier/inbound", data={"From": "+8613800138000", "To": NUMBER, "patience": "60",
                                                "digits": ["3"], "Url": "http://crowdline.test/t/voice",
                                                "SipHeader_X-Crowdline-Campaign": "7"})
    assert reply.status_code == 201
    sid = reply.get_json()["sid"]
    assert carrier.wait_for(sid)
    assert hooks.named("menu")[0]["form"]["Digits"] == "3"
    assert hooks.named("voice")[0]["form"]["SipHeader_X-Crowdline-Campaign"] == "7"
    events = rest.get(f"/carrier/calls/{sid}/events").get_json()
    assert events["status"] == "completed" and "bridged" in [event["kind"] for event in events["events"]]
    assert rest.delete("/carrier/clients/member-5").status_code == 204 and carrier.directory.clients() == []
