"""The customer phone page when the local carrier runs as its own process (``LOCAL_CARRIER_URL``;
several web workers share it): the page's call goes through the carrier's HTTP API, is queued and
routed like any other, the page's keys reach it, and its hang-up ends it."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from telephony.carrier import LocalCarrier, WsgiTransport


@pytest.fixture
def carrier_process(flow_app, real_sessions):
    """A carrier that is not this app's in-process one: reached only over HTTP, as a separate
    process is (its webhooks still go into the app's WSGI callable)."""
    flow_app.extensions.pop("local_carrier", None)
    carrier = LocalCarrier(WsgiTransport(flow_app), base_url="http://localhost", speed=20.0)
    server = make_server("127.0.0.1", 0, carrier.rest_app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    flow_app.config["LOCAL_CARRIER_URL"] = f"http://127.0.0.1:{server.server_port}"
    yield carrier
    flow_app.config["LOCAL_CARRIER_URL"] = None
    server.shutdown()
    server.server_close()
    carrier.shutdown()


def test_the_customer_phone_calls_through_a_carrier_process(flow_app, carrier_process):
    from tests.telephony.flow.conftest import Flow

    flow = Flow(flow_app)
    campaign_id, number, _boss = flow.campaign()
    customer = flow_app.test_client()
    page = customer.get(f"/telephony/phone/{number}")
    assert page.status_code == 200 and b'id="phone-call"' in page.data and b"phone-call\" disabled" not in page.data
    csrf = page.data.decode().split('data-csrf="', 1)[1].split('"', 1)[0]
    placed = customer.post(f"/telephony/phone/{number}/calls", headers={"X-CSRFToken": csrf})
    assert placed.status_code == 201, placed.json
    sid = next(iter(carrier_process.calls))
    queued = flow.wait_for(sid, "queued")
    assert queued.campaign_id == campaign_id
    token = placed.json["token"]
    assert customer.post(f"/telephony/phone/calls/{token}/keys", json={"digits": "1"},
                         headers={"X-CSRFToken": csrf}).status_code == 204
    assert any(event.kind == "pressed" for event in carrier_process.events(sid))
    assert customer.post(f"/telephony/phone/calls/{token}/hangup", headers={"X-CSRFToken": csrf}).status_code == 204
    assert carrier_process.wait_for(sid)
    flow.wait_for(sid, "abandoned")
    ended = customer.post(f"/telephony/phone/calls/{token}/keys", json={"digits": "1"}, headers={"X-CSRFToken": csrf})
    assert ended.status_code == 409 and ended.json["error"]["code"] == "call_ended"


def test_a_carrier_process_that_does_not_answer_is_a_503_in_words(flow_app, carrier_process):
    from tests.telephony.flow.conftest import Flow

    flow = Flow(flow_app)
    _campaign_id, number, _boss = flow.campaign()
    flow_app.config["LOCAL_CARRIER_URL"] = "http://127.0.0.1:9"
    customer = flow_app.test_client()
    page = customer.get(f"/telephony/phone/{number}")
    csrf = page.data.decode().split('data-csrf="', 1)[1].split('"', 1)[0]
    refused = customer.post(f"/telephony/phone/{number}/calls", headers={"X-CSRFToken": csrf})
    assert refused.status_code == 503 and refused.json["error"]["code"] == "carrier_unreachable"
    assert "carrier" in refused.json["error"]["message"]
