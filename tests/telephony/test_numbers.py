"""Campaigns' numbers: a fake one on the local carrier when published, the enterprise's own (a
Twilio number or SIP user, escalation lines, routing settings) set through the API."""

from __future__ import annotations

from tests.telephony.flow.test_webhooks import post, voice_params


def test_a_published_campaign_gets_a_local_number_shown_to_its_enterprise(client, enterprise, campaign):
    owner = enterprise()
    campaign_id = campaign(owner)
    shown = client.get(f"/api/v1/campaigns/{campaign_id}/routing", headers=owner["headers"])
    assert shown.status_code == 200
    assert shown.json["number"] == f"+86401{campaign_id:07d}"
    assert shown.json["settings"]["offer_timeout_seconds"] == 15 and shown.json["paused"] is False
    stranger = enterprise()
    assert client.get(f"/api/v1/campaigns/{campaign_id}/routing", headers=stranger["headers"]).status_code == 404


def test_the_enterprise_sets_its_number_sip_user_and_routing(app, client, enterprise, campaign):
    owner = enterprise()
    campaign_id = campaign(owner)
    body = {"number": "+14155550100", "sip_user": "peak-overflow", "escalation_sip_uri": "sip:queue@pbx.example.com",
            "offer_timeout_seconds": 20, "wrapup_seconds": 30}
    reply = client.put(f"/api/v1/campaigns/{campaign_id}/routing", json=body, headers=owner["headers"])
    assert reply.status_code == 200, reply.json
    assert reply.json["number"] == "+14155550100" and reply.json["sip_user"] == "peak-overflow"
    assert reply.json["settings"]["offer_timeout_seconds"] == 20 and reply.json["settings"]["wrapup_seconds"] == 30
    sip = {**voice_params("sip:peak-overflow@crowdline.sip.twilio.com"), "CallSid": "CA" + "5" * 32}
    answered = post(client, "voice", sip)
    assert answered.status_code == 200 and "<Conference" in answered.text
    other = campaign(owner)
    taken = client.put(f"/api/v1/campaigns/{other}/routing", json={"sip_user": "peak-overflow"},
                       headers=owner["headers"])
    assert taken.status_code == 409 and taken.json["error"]["code"] == "number_taken"


def test_bad_routing_settings_are_named_in_both_languages(client, enterprise, campaign):
    owner = enterprise()
    campaign_id = campaign(owner)
    body = {"number": "4155550100", "sip_user": "no spaces", "escalation_sip_uri": "pbx.example.com",
            "escalation_number": "+1", "offer_timeout_seconds": 1, "priority": 100}
    reply = client.put(f"/api/v1/campaigns/{campaign_id}/routing", json=body, headers=owner["headers"])
    assert reply.status_code == 422
    assert set(reply.json["error"]["fields"]) == set(body)
    chinese = client.put(f"/api/v1/campaigns/{campaign_id}/routing", json=body,
                         headers={**owner["headers"], "Accept-Language": "zh-CN"})
    assert chinese.json["error"]["fields"]["number"] != reply.json["error"]["fields"]["number"]
    shown = client.get(f"/api/v1/campaigns/{campaign_id}/routing", headers=owner["headers"]).json
    assert shown["number"] == f"+86401{campaign_id:07d}" and shown["settings"]["offer_timeout_seconds"] == 15
