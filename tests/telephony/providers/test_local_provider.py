"""The local provider inside the app: the Twilio provider's code reaching the app's own carrier."""

from __future__ import annotations

import pytest

from telephony.carrier import Party, start_local_carrier
from telephony.providers import get_provider
from telephony.providers.local import LOCAL_AUTH_TOKEN, LocalProvider
from telephony.providers.twilio import sign


@pytest.fixture
def local_carrier(app):
    carrier = start_local_carrier(app, speed=20)
    yield carrier
    carrier.shutdown()
    app.extensions.pop("local_carrier", None)


def test_place_call_reaches_the_apps_carrier_and_its_webhooks_reach_the_app(app, local_carrier):
    local_carrier.register_party("+8613800138000", Party(ring_seconds=1))
    with app.app_context():
        provider = get_provider("local")
        placed = provider.place_call("+8613800138000", "+8640000000001",
                                     provider.callback_url("/telephony/twilio/nowhere"),
                                     status_callback=provider.callback_url("/telephony/twilio/nowhere-status"))
    assert placed.status == "queued" and local_carrier.wait_for(placed.sid)
    webhooks = [event.detail for event in local_carrier.events(placed.sid) if event.kind == "webhook"]
    assert webhooks[0]["url"] == provider.callback_url("/telephony/twilio/nowhere")
    assert webhooks[0]["status"] == 404  # no such route: Twilio's "application error", and the call ends
    assert local_carrier.get(placed.sid).status == "completed"


@pytest.mark.parametrize(("config", "signed_on"), [
    ({}, "http://localhost"),
    ({"PUBLIC_BASE_URL": "https://cc.example.com"}, "https://cc.example.com"),
    ({"PUBLIC_BASE_URL": "https://cc.example.com", "LOCAL_CARRIER_WEBHOOK_URL": "http://127.0.0.1:5000"},
     "http://127.0.0.1:5000"),
])
def test_local_signatures_are_checked_where_the_carrier_sends_them(config, signed_on):
    provider = LocalProvider(config)
    url = provider.callback_url("/telephony/twilio/voice?interaction=3")
    assert url == f"{signed_on}/telephony/twilio/voice?interaction=3"
    params = {"CallSid": "CA" + "1" * 32, "CallStatus": "ringing"}
    assert provider.validate_request("http://10.0.0.9/telephony/twilio/voice?interaction=3", params,
                                     sign(url, params, LOCAL_AUTH_TOKEN)) == bool(provider.signed_base_url)
    assert provider.validate_request(url, params, sign(url, params, LOCAL_AUTH_TOKEN))
