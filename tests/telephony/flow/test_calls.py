"""Calls that do not end the ordinary way: the member hangs up from the workspace, the member's
client vanishes mid-call, a caller waits past the longest wait and asks to be called back."""

from __future__ import annotations

import time

from sqlalchemy import select

from app.extensions import db
from telephony.carrier import Party
from telephony.routing.acd import wall_clock_ms
from tests.telephony.flow.conftest import CALLER


def _connected(flow, carrier, **routing):
    campaign_id, number, _boss = flow.campaign(**routing)
    member_id, headers = flow.member(campaign_id)
    carrier.register_client(f"member-{member_id}", Party(ring_seconds=1))
    call, queued = flow.offer(carrier, number, Party(ring_seconds=0), member_id)
    assert flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=headers).status_code == 200
    answered = flow.wait_for(call.sid, "in_progress")
    return answered, call, member_id, headers


def test_the_member_hangs_up_from_the_workspace(flow, carrier):
    answered, call, member_id, headers = _connected(flow, carrier)
    hung = flow.client.post(f"/api/v1/interactions/{answered.id}/hangup", headers=headers)
    assert hung.status_code == 200, hung.json
    assert hung.json["state"] == "wrapup"
    assert carrier.wait_for(call.sid) and carrier.wait_for(answered.agent_call_sid)
    assert flow.until(lambda: flow.acd().agent(member_id)["st"] == "wrapup")
    again = flow.client.post(f"/api/v1/interactions/{answered.id}/hangup", headers=headers)
    assert again.status_code == 409 and again.json["error"]["code"] == "not_in_call"


def test_a_member_whose_client_vanishes_mid_call_releases_it(flow, carrier):
    answered, call, member_id, _headers = _connected(flow, carrier)
    events = flow.dispatch(now_ms=wall_clock_ms() + 25_000)  # past the heartbeat window
    assert [e.get("released_call") for e in events.agents_expired] == [answered.id]
    flow.wait_for(call.sid, "wrapup")
    assert carrier.wait_for(call.sid) and carrier.wait_for(answered.agent_call_sid)
    assert flow.acd().agent(member_id)["st"] == "offline"


def test_wrap_up_ended_by_its_timeout_completes_the_interaction(flow, carrier):
    _answered, call, member_id, _headers = _connected(flow, carrier, wrapup_seconds=5)
    flow.hang_up(carrier, call)
    flow.wait_for(call.sid, "wrapup")
    flow.until(lambda: flow.acd().agent(member_id)["st"] == "wrapup")
    events = flow.dispatch(now_ms=wall_clock_ms() + 6_000)
    assert events.wrapups_ended, events
    done = flow.wait_for(call.sid, "completed")
    assert done.disposition is None and flow.acd().agent(member_id)["st"] == "available"


def test_a_caller_past_the_longest_wait_asks_for_a_callback(flow, carrier):
    from telephony.models import CallbackRequest

    campaign_id, number, _boss = flow.campaign(max_wait_seconds=10)
    call, queued = flow.queue_call(carrier, number, Party(ring_seconds=0, digits=["1"]))
    events = flow.dispatch(now_ms=wall_clock_ms() + 11_000)
    assert [e["call"] for e in events.overflows] == [queued.id]
    assert carrier.wait_for(call.sid)
    overflowed = flow.wait_for(call.sid, "overflowed")
    assert (overflowed.outcome, overflowed.failure_reason) == ("callback_request", None)
    assert _timeline(flow, queued.id)[-2:] == ["escalated", "overflowed"]
    with flow.app.app_context():
        request = db.session.scalar(select(CallbackRequest).where(CallbackRequest.interaction_id == queued.id))
        assert request.state == "open" and request.campaign_id == campaign_id
        assert request.phone_masked == "138****5678" and request.phone_encrypted and CALLER.encode() not in \
            request.phone_encrypted
        db.session.remove()


def _timeline(flow, interaction_id: int) -> list[str]:
    from telephony.models import InteractionEvent

    with flow.app.app_context():
        try:
            return list(db.session.scalars(select(InteractionEvent.kind).where(
                InteractionEvent.interaction_id == interaction_id).order_by(InteractionEvent.id)))
        finally:
            db.session.remove()


def test_a_caller_past_the_longest_wait_goes_to_the_enterprises_line(flow, carrier):
    from telephony.models import CallbackRequest

    _campaign, number, _boss = flow.campaign(max_wait_seconds=10, escalation_number="+14155550199")
    call, queued = flow.queue_call(carrier, number, Party(ring_seconds=0))
    events = flow.dispatch(now_ms=wall_clock_ms() + 11_000)
    assert [e["call"] for e in events.overflows] == [queued.id]
    overflowed = flow.wait_for(call.sid, "overflowed")
    assert (overflowed.outcome, overflowed.failure_reason) == ("enterprise_line", None)
    carrier.hangup(call.sid)
    assert carrier.wait_for(call.sid)
    time.sleep(0.2)  # the caller's end, reported after, changes nothing
    assert flow.interaction(call.sid).state == "overflowed"
    assert _timeline(flow, queued.id) == ["queued", "escalated", "overflowed"]
    with flow.app.app_context():
        assert db.session.scalar(select(CallbackRequest).where(CallbackRequest.interaction_id == queued.id)) is None
        db.session.remove()


def test_an_accepted_offer_whose_softphone_never_answers_waits_again(flow, carrier):
    campaign_id, number, _boss = flow.campaign()
    member_id, headers = flow.member(campaign_id)  # no softphone registered: it rings out
    call, queued = flow.offer(carrier, number, Party(ring_seconds=0), member_id)
    assert flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=headers).status_code == 200
    flow.until(lambda: (flow.acd().agent(member_id) or {}).get("st") == "away", timeout=8)
    again = flow.wait_for(call.sid, "queued")
    assert again.member_id is None
    assert flow.until(lambda: (flow.acd().call(queued.id) or {}).get("st") == "queued")
    flow.hang_up(carrier, call)
