"""An inbound call end to end on the local carrier: dialled, queued, offered, accepted, bridged in
its conference, hung up, wrapped up, dispositioned and paid (pending QA)."""

from __future__ import annotations

from telephony.carrier import Party
from tests.telephony.flow.conftest import CALLER


def test_a_call_flows_from_the_number_to_the_earning(flow, carrier):
    campaign_id, number, boss = flow.campaign()
    assert number.startswith("+86401")
    member_id, headers = flow.member(campaign_id)
    carrier.register_client(f"member-{member_id}", Party(ring_seconds=1))

    call, queued = flow.queue_call(carrier, number, Party(ring_seconds=0, talk_seconds=3))
    assert queued.campaign_id == campaign_id and queued.customer_masked == "138****5678"
    assert flow.acd().call(queued.id)["camp"] == str(campaign_id)

    flow.dispatch()
    assert flow.wait_for(call.sid, "offered").member_id == member_id
    accepted = flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=headers)
    assert accepted.status_code == 200, accepted.json

    answered = flow.wait_for(call.sid, "in_progress", "wrapup")
    assert answered.member_id == member_id and answered.agent_call_sid
    assert carrier.get(answered.agent_call_sid).to == f"client:member-{member_id}"
    assert carrier.get(answered.agent_call_sid).from_ == number  # caller ID: the campaign's number

    flow.wait_for(call.sid, "wrapup")
    assert carrier.wait_for(call.sid) and carrier.wait_for(answered.agent_call_sid)
    assert flow.acd().agent(member_id)["st"] == "wrapup"

    done = flow.client.post(f"/api/v1/interactions/{queued.id}/disposition", json={"code": "resolved"},
                            headers=headers)
    assert done.status_code == 200, done.json
    assert done.json["state"] == "completed"
    shown = flow.client.get(f"/api/v1/interactions/{queued.id}", headers=boss).json
    assert shown["earning"]["state"] == "pending" and shown["earning"]["amount"] > 0
    kinds = [e["kind"] for e in shown["timeline"]]
    assert kinds == ["queued", "offered", "answered", "wrapup", "completed"], shown["timeline"]
    assert CALLER not in str(shown)
    assert flow.until(lambda: flow.client.get(f"/api/v1/interactions/{queued.id}",
                                              headers=boss).json["recording_ref"])  # the conference was recorded
    assert flow.acd().agent(member_id)["st"] == "available"


def test_a_caller_who_hangs_up_before_an_answer_abandons(flow, carrier):
    _campaign_id, number, _boss = flow.campaign()
    call = carrier.inbound_call(from_=CALLER, to=number, party=Party(ring_seconds=0, patience=2))
    queued = flow.wait_for(call.sid, "queued")
    abandoned = flow.wait_for(call.sid, "abandoned")
    assert abandoned.ended_at is not None
    flow.until(lambda: flow.acd().call(queued.id) is None)


def test_an_unanswered_offer_goes_to_another_member_and_the_first_is_away(flow, carrier):
    campaign_id, number, _boss = flow.campaign()
    first, first_headers = flow.member(campaign_id)
    call, queued = flow.offer(carrier, number, Party(ring_seconds=0, patience=60), first)
    second, _ = flow.member(campaign_id)

    offer = flow.acd().call(queued.id)
    events = flow.dispatch(now_ms=int(offer["at"]) + 16_000 if "at" in offer else None)
    assert events.offers_expired
    assert flow.acd().agent(first)["st"] == "away"
    again = flow.wait_for(call.sid, "offered")
    assert again.member_id == second
    late = flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=first_headers)
    assert late.status_code == 409 and late.json["error"]["code"] in ("offer_not_yours", "offer_expired")
    flow.hang_up(carrier, call)


def test_a_declined_offer_waits_again(flow, carrier):
    campaign_id, number, _boss = flow.campaign()
    member_id, headers = flow.member(campaign_id)
    call, queued = flow.offer(carrier, number, Party(ring_seconds=0, patience=60), member_id)
    declined = flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/decline", headers=headers)
    assert declined.status_code == 200, declined.json
    assert declined.json["state"] == "queued"
    assert flow.acd().agent(member_id)["st"] == "available"
    flow.hang_up(carrier, call)


def test_accepting_someone_elses_offer_changes_nothing(flow, carrier):
    campaign_id, number, _boss = flow.campaign()
    member_id, _ = flow.member(campaign_id)
    _other, other_headers = flow.member(campaign_id, available=False)
    call, queued = flow.offer(carrier, number, Party(ring_seconds=0, patience=60), member_id)
    refused = flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=other_headers)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "offer_not_yours"
    unknown = flow.client.post("/api/v1/agents/me/offers/999999/accept", headers=other_headers)
    assert unknown.status_code == 409 and unknown.json["error"]["code"] == "offer_unknown"
    assert flow.interaction(call.sid).state == "offered"
    assert flow.acd().agent(member_id)["st"] == "offered"
    flow.hang_up(carrier, call)
