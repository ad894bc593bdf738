"""The built-in softphone's server side: the customer phone page places a call that is routed like
any other; the member's workspace and the customer page relay WebRTC signalling to each other and
to nobody else; the page is rate limited; bad input (a second accept, a disposition not in the
list) changes nothing; opting out puts the caller's number on the DNC list."""

from __future__ import annotations

import json
import re
import shutil

from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from tests.helpers.web import sign_in


def _csrf(client, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'data-csrf="([^"]+)"', html).group(1)


def _member_page(flow, member_id: int):
    with flow.app.app_context():
        email = db.session.scalar(select(User.email).where(User.id == member_id))
        db.session.remove()
    client = flow.app.test_client()
    assert sign_in(client, email).status_code == 302
    return client, _csrf(client, "/work/desk/")


def _first_message(response) -> dict:
    for chunk in response.response:
        text = chunk.decode() if isinstance(chunk, bytes) else chunk
        if text.startswith("data: "):
            response.close()
            return json.loads(text[len("data: "):])
    raise AssertionError("the stream ended without a message")


def _browser_call(flow, carrier, number: str, member_id: int):
    customer = flow.app.test_client()
    assert customer.get(f"/telephony/phone/{number}").status_code == 200
    csrf = _csrf(customer, f"/telephony/phone/{number}")
    placed = customer.post(f"/telephony/phone/{number}/calls", headers={"X-CSRFToken": csrf})
    assert placed.status_code == 201, placed.json
    token = placed.json["token"]
    queued = flow.until(lambda: _queued_for(flow, carrier))
    flow.until(lambda: flow.acd().call(queued.id))
    flow.dispatch()
    flow.wait_for(queued.customer_call_sid, "offered")
    return customer, csrf, token, queued


def _queued_for(flow, carrier):
    live = [call for call in list(carrier.calls.values()) if call.direction == "inbound" and not call.ended]
    for call in live:
        found = flow.interaction(call.sid)
        if found is not None and found.state == "queued":
            return found
    return None


def test_a_browser_call_is_routed_and_both_sides_relay_signalling(flow, carrier):
    campaign_id, number, boss = flow.campaign()
    member_id, headers = flow.member(campaign_id)
    page, page_csrf = _member_page(flow, member_id)
    registered = page.post("/work/desk/register", headers={"X-CSRFToken": page_csrf})
    assert registered.status_code == 200 and registered.json["softphone"] == "browser"
    assert registered.json["ice_servers"] == []  # none configured: browsers on one network
    api = {"Authorization": "Bearer " + registered.json["access_token"]}
    assert page.get("/api/v1/agents/me", headers=api).status_code == 200

    customer, csrf, token, queued = _browser_call(flow, carrier, number, member_id)
    me = flow.client.get("/api/v1/agents/me", headers=headers).json
    assert me["offer"]["customer"]["masked"].count("*") == 4
    other_id, other_headers = flow.member(campaign_id, available=False)
    theirs = flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=other_headers)
    assert theirs.status_code == 409 and theirs.json["error"]["code"] == "offer_not_yours"
    first = flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=headers)
    assert first.status_code == 200, first.json
    again = flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=headers)
    assert again.status_code == 409 and again.json["error"]["code"].startswith("offer_")
    answered = flow.wait_for(queued.customer_call_sid, "in_progress")
    assert answered.member_id == member_id

    card = page.get(f"/work/desk/calls/{queued.id}")
    assert card.status_code == 200 and card.json["browser_customer"] is True
    assert card.json["customer"]["masked"] == answered.customer_masked
    caller = carrier.get(queued.customer_call_sid).from_
    assert caller not in card.get_data(as_text=True) and caller[3:] not in json.dumps(me)
    assert {d["code"] for d in card.json["dispositions"]} >= {"resolved"}
    assert card.json["records"] is True and card.json["direction"] == "inbound"  # the desk records both sides
    assert flow.client.put(f"/api/v1/campaigns/{campaign_id}/recording", json={"enabled": False},
                           headers=boss).status_code == 200
    assert page.get(f"/work/desk/calls/{queued.id}").json["records"] is False  # … unless the campaign does not

    sent = page.post(f"/work/desk/calls/{queued.id}/signal", json={"kind": "offer", "body": "v=0 agent"},
                     headers={"X-CSRFToken": page_csrf})
    assert sent.status_code == 204
    assert _first_message(customer.get(f"/telephony/phone/calls/{token}/signal", buffered=False)) == \
        {"kind": "offer", "body": "v=0 agent"}
    replied = customer.post(f"/telephony/phone/calls/{token}/signal", json={"kind": "answer", "body": "v=0 you"},
                            headers={"X-CSRFToken": csrf})
    assert replied.status_code == 204
    assert _first_message(page.get(f"/work/desk/calls/{queued.id}/signal", buffered=False)) == \
        {"kind": "answer", "body": "v=0 you"}
    bad = page.post(f"/work/desk/calls/{queued.id}/signal", json={"kind": "shell", "body": "x"},
                    headers={"X-CSRFToken": page_csrf})
    assert bad.status_code == 422 and "message" in bad.json["error"]

    # another member: the call is not theirs to see or talk on
    other, other_csrf = _member_page(flow, other_id)
    assert other.get(f"/work/desk/calls/{queued.id}").status_code == 404
    assert other.get(f"/work/desk/calls/{queued.id}/signal").status_code == 404
    assert other.post(f"/work/desk/calls/{queued.id}/signal", json={"kind": "offer", "body": "x"},
                      headers={"X-CSRFToken": other_csrf}).status_code == 404
    assert other.post(f"/work/desk/calls/{queued.id}/opt-out", headers={"X-CSRFToken": other_csrf}).status_code == 404
    assert customer.get("/telephony/phone/calls/not-a-call/signal").status_code == 404

    # the caller opts out: their number is on the enterprise's DNC list at once
    opted = page.post(f"/work/desk/calls/{queued.id}/opt-out", headers={"X-CSRFToken": page_csrf})
    assert opted.status_code == 200, opted.json
    with flow.app.app_context():
        from marketplace.models import DncEntry

        listed = db.session.scalar(select(DncEntry).where(DncEntry.phone_hash == answered.customer_phone_hash))
        assert listed is not None and listed.source == "opt_out"
        db.session.remove()
    # the customer hangs up from the page: wrap-up, then a disposition not in the list changes nothing
    assert customer.post(f"/telephony/phone/calls/{token}/hangup", headers={"X-CSRFToken": csrf}).status_code == 204
    flow.wait_for(queued.customer_call_sid, "wrapup")
    wrong = flow.client.post(f"/api/v1/interactions/{queued.id}/disposition", json={"code": "nonsense"},
                             headers=headers)
    assert wrong.status_code == 422
    assert flow.client.get(f"/api/v1/interactions/{queued.id}", headers=boss).json["state"] == "wrapup"
    done = flow.client.post(f"/api/v1/interactions/{queued.id}/disposition", json={"code": "resolved"},
                            headers=headers)
    assert done.status_code == 200 and done.json["state"] == "completed"
    shown = flow.client.get(f"/api/v1/interactions/{queued.id}", headers=boss).json
    assert shown["earning"]["state"] == "pending"


def test_the_customer_phone_is_rate_limited(flow, carrier):
    _campaign_id, number, _boss = flow.campaign()
    customer = flow.app.test_client()
    csrf = _csrf(customer, f"/telephony/phone/{number}")
    codes = [customer.post(f"/telephony/phone/{number}/calls", headers={"X-CSRFToken": csrf}).status_code
             for _ in range(7)]
    assert codes[:6] == [201] * 6 and codes[6] == 429
    flow.hang_up(carrier, *[call for call in carrier.calls.values() if not call.ended])
    assert customer.get("/telephony/phone/+8600000000000").status_code == 404


def test_a_simulated_caller_comes_with_captions(flow, carrier):
    from telephony.carrier import Party

    campaign_id, number, _boss = flow.campaign()
    member_id, headers = flow.member(campaign_id)
    page, csrf = _member_page(flow, member_id)
    assert page.post("/work/desk/register", headers={"X-CSRFToken": csrf}).status_code == 200
    call, queued = flow.offer(carrier, number, Party(ring_seconds=0, patience=60), member_id)
    assert flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=headers).status_code == 200
    flow.wait_for(call.sid, "in_progress")
    card = page.get(f"/work/desk/calls/{queued.id}").json
    assert card["browser_customer"] is False
    assert card["captions"] and all(line["text"] and line["at"] >= 0 for line in card["captions"])
    assert card["captions"] == sorted(card["captions"], key=lambda line: line["at"])
    if shutil.which("espeak-ng"):  # Debian's espeak-ng (optional; CI installs it): the caller's voice
        voice = page.get(card["captions"][0]["audio"])
        assert voice.status_code == 200 and voice.mimetype == "audio/wav" and voice.data[:4] == b"RIFF"
        other_id, _other = flow.member(campaign_id, available=False)
        stranger, _csrf = _member_page(flow, other_id)
        assert stranger.get(card["captions"][0]["audio"]).status_code == 404
        assert page.get(f"/work/desk/calls/{queued.id}/captions/999.wav").status_code == 404
    else:
        assert "audio" not in card["captions"][0]
    flow.app.config["SPEECH_SYNTHESIS"] = "off"
    try:
        silent = page.get(f"/work/desk/calls/{queued.id}").json
        assert all("audio" not in line for line in silent["captions"])
        assert page.get(f"/work/desk/calls/{queued.id}/captions/0.wav").status_code == 404
    finally:
        flow.app.config["SPEECH_SYNTHESIS"] = "auto"
    flow.hang_up(carrier, call)


def test_with_twilio_the_workspace_loads_the_voice_sdk(flow, carrier):
    campaign_id, _number, _boss = flow.campaign()
    member_id, _headers = flow.member(campaign_id, available=False)
    page, _csrf = _member_page(flow, member_id)
    assert "vendor/twilio/twilio.min.js" not in page.get("/work/desk/").get_data(as_text=True)
    flow.app.config["TELEPHONY_PROVIDER"] = "twilio"
    try:
        shown = page.get("/work/desk/")
        html = shown.get_data(as_text=True)
        assert "wss://*.twilio.com" in shown.headers["Content-Security-Policy"]
    finally:
        flow.app.config["TELEPHONY_PROVIDER"] = "local"
    assert 'src="/static/vendor/twilio/twilio.min.js' in html and 'data-provider="twilio"' in html
    sdk = page.get("/static/vendor/twilio/twilio.min.js")
    assert sdk.status_code == 200 and b"Device" in sdk.data
    sdk.close()
