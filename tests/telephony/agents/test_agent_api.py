"""What a member reads of themselves: state, the offer ringing them (masked), their call, today's
work and their next shift; and the softphone token."""

from __future__ import annotations

from datetime import timedelta

import jwt

from app.database import commit
from app.timeutil import utcnow
from telephony.providers.local import LOCAL_API_SECRET

ME = "/api/v1/agents/me"
NUMBER = "+8613812345678"


def _call(app, acd, campaign_id):
    """A caller waiting in the campaign's queue; the interaction id (the ACD's call id)."""
    from telephony import services

    with app.test_request_context():
        interaction = services.create_interaction(campaign_id, "inbound", customer_phone=NUMBER)
        commit()
        interaction_id = interaction.id
    acd.configure_campaign(campaign_id, offer_timeout_seconds=15)
    assert acd.enqueue(interaction_id, campaign_id).ok
    return interaction_id


def test_the_member_sees_the_offer_masked_their_call_and_today(routed, member, acd, app, client):
    from telephony import services

    member_id, headers, campaign_id, _claim = routed()
    interaction_id = _call(app, acd, campaign_id)
    offers = acd.tick().offers
    assert [o["agent"] for o in offers] == [member_id]
    seen = client.get(ME, headers=headers)
    assert seen.status_code == 200, seen.json
    body = seen.json
    assert body["state"] == "offered" and body["seconds_in_state"] >= 0
    offer = body["offer"]
    assert offer["call_id"] == interaction_id and offer["campaign_name"] == "Double 11 peak"
    assert offer["customer"] == {"masked": "138****5678"} and 0 < offer["seconds_left"] <= 15
    assert "13812345678" not in seen.get_data(as_text=True)

    _other_id, other_headers = member()  # another member sees none of it
    theirs = client.get(ME, headers=other_headers).json
    assert theirs["offer"] is None and theirs["interaction_id"] is None and theirs["state"] == "offline"
    assert theirs["today"]["calls_handled"] == 0 and theirs["next_shift"] is None and theirs["on_shift"] is False

    assert acd.accept(member_id, call_id=interaction_id).ok
    start = utcnow() - timedelta(seconds=100)
    with app.test_request_context():
        services.record_offer(interaction_id, member_id, offer_id=str(offers[0]["offer"]), at=start)
        services.mark_answered(interaction_id, member_id, at=start + timedelta(seconds=4))
        commit()
    busy = client.get(ME, headers=headers).json
    assert busy["state"] == "busy" and busy["interaction_id"] == interaction_id and busy["offer"] is None
    with app.test_request_context():
        services.begin_wrapup(interaction_id, at=start + timedelta(seconds=94))
        services.set_disposition(interaction_id, member_id, "resolved")
        services.complete_interaction(interaction_id)
        commit()
    acd.end_call(member_id)
    done = client.get(ME, headers=headers).json
    assert done["state"] == "available" and done["interaction_id"] is None
    assert done["today"]["calls_handled"] == 1 and done["today"]["talk_seconds"] == 90
    # 350 a call + 120 a talk minute × 1.5 min + 200 success bonus, pending QA
    assert done["today"]["earnings_pending_qa"] == [{"currency": "CNY", "amount": 350 + 180 + 200}]
    assert done["on_shift"] is True and done["next_shift"]["state"] == "checked_in"
    assert "13812345678" not in client.get(ME, headers=headers).get_data(as_text=True)


def test_off_shift_the_member_is_told_their_next_shift_and_how_to_check_in(
        enterprise, member, campaign, on_shift, client):
    campaign_id = campaign(enterprise())
    member_id, headers = member()
    claim_id = on_shift(campaign_id, member_id, starts=10, ends=40, state="claimed")
    body = client.get(ME, headers=headers).json
    assert body["state"] == "offline" and body["on_shift"] is False and body["campaigns"] == []
    nxt = body["next_shift"]
    assert nxt["id"] == claim_id and nxt["campaign_name"] == "Double 11 peak" and nxt["can_check_in"] is True
    assert nxt["check_in_url"] == f"/api/v1/claims/{claim_id}/check-in"
    checked = client.post(nxt["check_in_url"], headers=headers)
    assert checked.status_code == 200 and checked.json["state"] == "checked_in"


def test_the_softphone_token_carries_the_members_identity_and_a_voice_grant(member, client):
    member_id, headers = member()
    first = client.get("/api/v1/telephony/token", headers=headers)
    assert first.status_code == 200, first.json
    body = first.json
    assert body["identity"] == f"member-{member_id}" and body["ttl_seconds"] == 600
    claims = jwt.decode(body["token"], LOCAL_API_SECRET, algorithms=["HS256"])
    assert claims["grants"]["identity"] == f"member-{member_id}"
    assert claims["grants"]["voice"]["incoming"]["allow"] is True
    assert abs(claims["exp"] - (utcnow().timestamp() + 600)) < 5
    again = client.get("/api/v1/telephony/token", headers=headers).json  # refreshed by asking again
    refreshed = jwt.decode(again["token"], LOCAL_API_SECRET, algorithms=["HS256"])
    assert refreshed["exp"] >= claims["exp"] and refreshed["grants"]["identity"] == f"member-{member_id}"
    assert client.get("/api/v1/telephony/token").status_code == 401
