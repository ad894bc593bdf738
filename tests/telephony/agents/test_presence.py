"""Going available: only on a running shift (403 with the reason otherwise), heartbeats, and the
heartbeat window that takes a silent client offline."""

from __future__ import annotations

import pytest

from app.database import commit
from app.extensions import db
from telephony.routing.acd import wall_clock_ms

PRESENCE = "/api/v1/agents/me/presence"


def test_a_member_checked_in_to_a_running_shift_goes_available_and_is_routed(routed, acd, presence, client):
    member_id, headers, campaign_id, _claim = routed()
    assert acd.agent(member_id)["st"] == "available"
    assert acd.agent_campaigns(member_id)[0] == [campaign_id]
    assert presence(member_id) == "available"
    beat = client.post("/api/v1/agents/me/heartbeat", headers=headers)
    assert beat.status_code == 200
    body = beat.json
    assert body["state"] == "available" and body["heartbeat_every_seconds"] == 10
    assert body["campaigns"] == [{"id": campaign_id, "name": "Double 11 peak", "escalation": False}]
    assert body["offer"] is None
    away = client.put(PRESENCE, json={"status": "away"}, headers=headers)
    assert away.status_code == 200 and away.json["state"] == "away" and presence(member_id) == "away"
    gone = client.put(PRESENCE, json={"status": "offline"}, headers=headers)
    assert gone.status_code == 200 and gone.json["state"] == "offline" and presence(member_id) is None


@pytest.mark.parametrize("case,code", [
    ("no_claim", "not_checked_in"),
    ("claimed_only", "not_checked_in"),
    ("not_started", "shift_not_started"),
    ("paused", "campaign_paused"),
    ("published", "campaign_not_running"),
])
def test_off_shift_members_are_refused_with_the_reason_and_nothing_changes(
        case, code, enterprise, member, campaign, on_shift, acd, presence, client):
    campaign_id = campaign(enterprise())
    member_id, headers = member()
    if case == "claimed_only":
        on_shift(campaign_id, member_id, state="claimed")
    elif case == "not_started":
        on_shift(campaign_id, member_id, starts=10, ends=40)
    elif case in ("paused", "published"):
        on_shift(campaign_id, member_id, campaign_state=case)
    before = acd.counts()
    for status in ("available", "away"):
        refused = client.put(PRESENCE, json={"status": status}, headers=headers)
        assert refused.status_code == 403, refused.json
        assert refused.json["error"]["code"] == code and refused.json["error"]["message"]
    assert acd.agent(member_id) is None and acd.counts() == before
    assert presence(member_id) is None


def test_the_reason_is_said_in_chinese(enterprise, member, campaign, on_shift, client):
    campaign_id = campaign(enterprise())
    member_id, headers = member()
    on_shift(campaign_id, member_id, campaign_state="paused")
    refused = client.put(PRESENCE, json={"status": "available"}, headers={**headers, "Accept-Language": "zh"})
    assert refused.status_code == 403 and refused.json["error"]["message"] == "这个活动已暂停。"
    missing = client.put(PRESENCE, json={"status": "available"},
                         headers={**member()[1], "Accept-Language": "zh"})
    assert missing.json["error"]["message"] == "请先签到一个班次。"


def test_a_suspended_member_is_refused(app, enterprise, member, campaign, on_shift, acd, client):
    from app.auth.models import User
    from telephony import agents

    campaign_id = campaign(enterprise())
    member_id, headers = member()
    on_shift(campaign_id, member_id)
    with app.test_request_context():
        user = db.session.get(User, member_id)
        user.is_active = False
        commit()
        assert agents.routing_for(member_id).primary == ()
        assert agents.refusal(user).code == "account_suspended"
    refused = client.put(PRESENCE, json={"status": "available"}, headers=headers)
    assert refused.status_code == 403 and refused.json["error"]["code"] == "account_suspended"
    assert acd.agent(member_id) is None


def test_heartbeats_keep_a_member_and_a_missed_window_takes_them_offline(routed, acd, presence, client):
    member_id, headers, _campaign, _claim = routed()
    start = wall_clock_ms()
    assert acd.heartbeat_window_ms == 20_000
    assert acd.tick(now_ms=start + 15_000).agents_expired == []  # within the window
    assert client.post("/api/v1/agents/me/heartbeat", headers=headers).json["state"] == "available"
    assert acd.tick(now_ms=wall_clock_ms() + 19_000).agents_expired == []  # the beat restarted the window
    expired = acd.tick(now_ms=wall_clock_ms() + 41_000).agents_expired
    assert [event["agent"] for event in expired] == [member_id]
    beat = client.post("/api/v1/agents/me/heartbeat", headers=headers)
    assert beat.status_code == 200 and beat.json["state"] == "offline"
    assert presence(member_id) is None  # the presence history followed the ACD
    again = client.put(PRESENCE, json={"status": "available"}, headers=headers)
    assert again.status_code == 200 and again.json["state"] == "available"


def test_the_heartbeat_window_follows_the_configuration(app):
    from telephony.distributor import distributor

    app.config["AGENT_HEARTBEAT_SECONDS"] = 5
    try:
        with app.app_context():
            app.extensions.pop("telephony_acd", None)
            assert distributor().heartbeat_window_ms == 10_000
    finally:
        app.config["AGENT_HEARTBEAT_SECONDS"] = 10
        app.extensions.pop("telephony_acd", None)


def test_escalation_holds_other_running_campaigns_whose_requirements_are_met(
        enterprise, member, campaign, on_shift, acd, client, app):
    from marketplace.models import Campaign

    owner = enterprise()
    mine = campaign(owner)
    other = campaign(owner, name="Refund rush")
    locked = campaign(owner, name="Gold only", requirements={"min_tier": "gold"})
    member_id, headers = member()
    on_shift(mine, member_id)
    with app.app_context():
        dates = db.session.get(Campaign, mine).starts_at, db.session.get(Campaign, mine).ends_at
        for cid in (other, locked):
            found = db.session.get(Campaign, cid)
            found.state = "running"
            found.starts_at, found.ends_at = dates
        commit()
    body = client.put(PRESENCE, json={"status": "available"}, headers=headers).json
    assert acd.agent_campaigns(member_id) == ([mine], [other])
    assert {c["name"]: c["escalation"] for c in body["campaigns"]} == {"Double 11 peak": False, "Refund rush": True}


def test_bad_input_answers_the_error_contract(routed, member, enterprise, client):
    _member_id, headers, _campaign, _claim = routed()
    unknown = client.put(PRESENCE, json={"status": "asleep"}, headers=headers)
    assert unknown.status_code == 422 and "status" in unknown.json["error"]["fields"]
    extra = client.put(PRESENCE, json={"status": "away", "mood": "good"}, headers=headers)
    assert extra.status_code == 422
    missing = client.put(PRESENCE, json={}, headers=headers)
    assert missing.status_code == 422
    broken = client.put(PRESENCE, data="{not json", headers={**headers, "Content-Type": "application/json"})
    assert broken.status_code == 400 and broken.json["error"]["code"] == "malformed_json"
    huge = client.put(PRESENCE, json={"status": "available", "pad": "x" * (2 * 1024 * 1024)}, headers=headers)
    assert huge.status_code == 413 and huge.json["error"]["code"] == "payload_too_large"
    anonymous = client.put(PRESENCE, json={"status": "available"})
    assert anonymous.status_code == 401
    owner = enterprise()
    for method, path in (("put", PRESENCE), ("post", "/api/v1/agents/me/heartbeat"), ("get", "/api/v1/agents/me"),
                         ("get", "/api/v1/telephony/token")):
        wrong_role = getattr(client, method)(path, json={"status": "available"} if method == "put" else None,
                                             headers=owner["headers"])
        assert wrong_role.status_code == 403 and wrong_role.json["error"]["code"] == "forbidden_role"


def test_on_a_call_available_changes_nothing_and_away_or_offline_waits_for_the_end(routed, acd, client):
    member_id, headers, campaign_id, _claim = routed()
    acd.enqueue(9100, campaign_id)
    assert acd.tick().offers and acd.accept(member_id, call_id=9100).ok
    still = client.put(PRESENCE, json={"status": "available"}, headers=headers)
    assert still.status_code == 200 and still.json["state"] == "busy"
    for status in ("away", "offline"):
        refused = client.put(PRESENCE, json={"status": status}, headers=headers)
        assert refused.status_code == 409 and refused.json["error"]["code"] == "agent_busy"
    assert acd.agent(member_id)["st"] == "busy" and acd.call(9100)["st"] == "connected"
