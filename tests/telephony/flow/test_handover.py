"""After the member: the caller's keypad survey when the member hangs up, and the warm transfer
to the enterprise's escalation line (the member stays until the enterprise answers, then leaves),
through the local carrier exactly as Twilio would drive them."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from telephony.carrier import Party

ESCALATION = "+8602100000001"


def _connected(flow, carrier, *, caller: Party | None = None, survey: dict | None = None, **routing):
    campaign_id, number, boss = flow.campaign(**routing)
    if survey is not None:
        reply = flow.client.put(f"/api/v1/campaigns/{campaign_id}/csat-survey", json=survey, headers=boss)
        assert reply.status_code == 200, reply.json
    member_id, headers = flow.member(campaign_id)
    carrier.register_client(f"member-{member_id}", Party(ring_seconds=1))
    call, queued = flow.offer(carrier, number, caller or Party(ring_seconds=0), member_id)
    assert flow.client.post(f"/api/v1/agents/me/offers/{queued.id}/accept", headers=headers).status_code == 200
    answered = flow.wait_for(call.sid, "in_progress")
    return answered, call, member_id, headers, boss


def _csat(flow, interaction_id: int):
    from quality.models import CsatResponse

    with flow.app.app_context():
        try:
            return db.session.scalar(select(CsatResponse).where(CsatResponse.interaction_id == interaction_id))
        finally:
            db.session.remove()


def _timeline(flow, interaction_id: int) -> list[tuple[str, str | None]]:
    from telephony.models import InteractionEvent

    with flow.app.app_context():
        try:
            rows = db.session.scalars(select(InteractionEvent).where(InteractionEvent.interaction_id == interaction_id)
                                      .order_by(InteractionEvent.at, InteractionEvent.id)).all()
            return [(row.kind, (row.detail or {}).get("step")) for row in rows]
        finally:
            db.session.remove()


# --- the keypad survey ---------------------------------------------------------------------------

def test_the_caller_rates_the_call_on_the_keypad_after_the_member_hangs_up(flow, carrier):
    answered, call, _member_id, headers, boss = _connected(flow, carrier, caller=Party(ring_seconds=0, digits=["4"]),
                                                           survey={"enabled": True})
    hung = flow.client.post(f"/api/v1/interactions/{answered.id}/hangup", headers=headers)
    assert hung.status_code == 200 and hung.json["state"] == "wrapup"
    assert carrier.wait_for(call.sid, timeout=15)
    kinds = [event.kind for event in carrier.events(call.sid)]
    assert "gather" in kinds and "digits" in kinds  # the caller stayed on for the question
    rated = flow.until(lambda: _csat(flow, answered.id))
    assert rated.rating == 4 and rated.source == "keypad" and rated.member_id == answered.member_id
    summary = flow.client.get(f"/api/v1/campaigns/{answered.campaign_id}/csat", headers=boss)
    assert summary.status_code == 200 and summary.json["responses"] == 1


def test_a_key_outside_one_to_five_asks_once_more_then_says_goodbye(flow, carrier):
    answered, call, _member_id, headers, _boss = _connected(flow, carrier, caller=Party(ring_seconds=0,
                                                                                        digits=["9", "0"]),
                                                            survey={"enabled": True})
    assert flow.client.post(f"/api/v1/interactions/{answered.id}/hangup", headers=headers).status_code == 200
    assert carrier.wait_for(call.sid, timeout=20)
    assert [event.kind for event in carrier.events(call.sid)].count("gather") == 2
    assert _csat(flow, answered.id) is None


def test_without_the_survey_the_caller_is_hung_up_with_the_member(flow, carrier):
    answered, call, _member_id, headers, _boss = _connected(flow, carrier, caller=Party(ring_seconds=0, digits=["5"]))
    assert flow.client.post(f"/api/v1/interactions/{answered.id}/hangup", headers=headers).status_code == 200
    assert carrier.wait_for(call.sid)
    assert "gather" not in [event.kind for event in carrier.events(call.sid)]
    assert _csat(flow, answered.id) is None


def test_a_caller_who_hangs_up_hears_no_survey(flow, carrier):
    answered, call, _member_id, _headers, _boss = _connected(flow, carrier, caller=Party(ring_seconds=0,
                                                                                        digits=["5"]),
                                                             survey={"enabled": True})
    flow.hang_up(carrier, call)
    assert "gather" not in [event.kind for event in carrier.events(call.sid)]
    assert _csat(flow, answered.id) is None


def test_the_survey_setting_refuses_bad_input_and_changes_nothing(flow, carrier):
    campaign_id, _number, boss = flow.campaign()
    too_long = flow.client.put(f"/api/v1/campaigns/{campaign_id}/csat-survey",
                               json={"enabled": True, "prompt": {"en": "x" * 301}}, headers=boss)
    assert too_long.status_code == 422
    wrong = flow.client.put(f"/api/v1/campaigns/{campaign_id}/csat-survey", json={"enabled": "maybe"}, headers=boss)
    assert wrong.status_code == 422
    now = flow.client.get(f"/api/v1/campaigns/{campaign_id}/csat-survey", headers=boss)
    assert now.json["enabled"] is False and now.json["prompt"] == {}
    assert "1" in now.json["question"]["en"] and "5" in now.json["question"]["zh"]
    _member_id, member_headers = flow.member(campaign_id)
    refused = flow.client.put(f"/api/v1/campaigns/{campaign_id}/csat-survey", json={"enabled": True},
                              headers=member_headers)
    assert refused.status_code == 403


# --- warm transfer -------------------------------------------------------------------------------

def test_a_warm_transfer_keeps_the_caller_with_the_enterprise_after_the_member_leaves(flow, carrier):
    carrier.register_party(ESCALATION, Party(ring_seconds=1, talk_seconds=30))
    answered, call, member_id, headers, boss = _connected(flow, carrier, caller=Party(ring_seconds=0, digits=["5"]),
                                                          survey={"enabled": True}, escalation_number=ESCALATION)
    started = flow.client.post(f"/api/v1/interactions/{answered.id}/transfer", headers=headers)
    assert started.status_code == 200, started.json
    assert started.json["transfer_state"] == "calling"
    again = flow.client.post(f"/api/v1/interactions/{answered.id}/transfer", headers=headers)
    assert again.status_code == 409 and again.json["error"]["code"] == "transfer_in_progress"
    connected = flow.until(lambda: flow.client.get(f"/api/v1/interactions/{answered.id}", headers=headers)
                           .json["transfer_state"] == "connected", timeout=8)
    assert connected
    left = flow.client.post(f"/api/v1/interactions/{answered.id}/hangup", headers=headers)
    assert left.status_code == 200 and left.json["state"] == "wrapup"
    assert carrier.wait_for(answered.agent_call_sid)
    assert flow.until(lambda: flow.acd().agent(member_id)["st"] == "wrapup")
    assert not carrier.get(call.sid).ended  # the caller talks on with the enterprise
    assert carrier.wait_for(call.sid, timeout=20)  # until the enterprise hangs up
    steps = flow.until(lambda: [s for kind, s in _timeline(flow, answered.id) if kind == "transferred"]
                       if ("transferred", "caller_left") in _timeline(flow, answered.id) else None, timeout=8)
    assert steps[:2] == ["calling", "connected"] and "caller_left" in steps
    assert "gather" not in [event.kind for event in carrier.events(call.sid)]  # no survey of the member
    done = flow.client.post(f"/api/v1/interactions/{answered.id}/disposition", json={"code": "transferred"},
                            headers=headers)
    assert done.status_code == 200 and done.json["state"] == "completed"
    page = flow.client.get(f"/api/v1/interactions/{answered.id}", headers=boss).json
    assert page["transfer_state"] == "connected"
    assert page["durations"]["talk"] is not None and page["durations"]["talk"] < 20  # the member's part only


def test_an_unanswered_transfer_leaves_the_member_with_the_caller(flow, carrier):
    carrier.register_party(ESCALATION, Party(busy=True))
    answered, call, _member_id, headers, _boss = _connected(flow, carrier, escalation_number=ESCALATION)
    assert flow.client.post(f"/api/v1/interactions/{answered.id}/transfer", headers=headers).status_code == 200
    assert flow.until(lambda: flow.client.get(f"/api/v1/interactions/{answered.id}", headers=headers)
                      .json["transfer_state"] == "failed", timeout=8)
    assert flow.interaction(call.sid).state == "in_progress" and not carrier.get(call.sid).ended
    retried = flow.client.post(f"/api/v1/interactions/{answered.id}/transfer", headers=headers)
    assert retried.status_code == 200 and retried.json["transfer_state"] == "calling"


def test_a_member_who_hangs_up_while_the_enterprise_rings_ends_the_call_and_cancels_the_ring(flow, carrier):
    carrier.register_party(ESCALATION, Party(ring_seconds=20, talk_seconds=30))
    answered, call, _member_id, headers, _boss = _connected(flow, carrier, escalation_number=ESCALATION)
    started = flow.client.post(f"/api/v1/interactions/{answered.id}/transfer", headers=headers)
    assert started.status_code == 200
    assert flow.client.post(f"/api/v1/interactions/{answered.id}/hangup", headers=headers).status_code == 200
    assert carrier.wait_for(call.sid)
    with flow.app.app_context():
        from telephony.models import Interaction

        escalation_sid = db.session.get(Interaction, answered.id).escalation_call_sid
        db.session.remove()
    assert carrier.wait_for(escalation_sid)
    assert carrier.get(escalation_sid).status in ("canceled", "completed", "no-answer")
    assert flow.until(lambda: flow.client.get(f"/api/v1/interactions/{answered.id}", headers=headers)
                      .json["transfer_state"] == "failed", timeout=8)


def test_transfers_that_cannot_happen_are_refused_and_change_nothing(flow, carrier):
    answered, _call, _member_id, headers, _boss = _connected(flow, carrier)
    no_line = flow.client.post(f"/api/v1/interactions/{answered.id}/transfer", headers=headers)
    assert no_line.status_code == 409 and no_line.json["error"]["code"] == "no_escalation_line"
    _other_id, other_headers = flow.member(answered.campaign_id)
    not_theirs = flow.client.post(f"/api/v1/interactions/{answered.id}/transfer", headers=other_headers)
    assert not_theirs.status_code == 404
    unknown = flow.client.post("/api/v1/interactions/999999999/transfer", headers=headers)
    assert unknown.status_code == 404
    assert flow.client.get(f"/api/v1/interactions/{answered.id}", headers=headers).json["transfer_state"] is None
