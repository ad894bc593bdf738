"""Many calls at once: every caller is bridged to its own agent, every leg ends, nothing is lost."""

from __future__ import annotations

from telephony.carrier import LocalCarrier, Party, WsgiTransport
from telephony.providers.twilio import Twiml, agent_joins_conference, caller_waits_in_conference
from tests.telephony.carrier.conftest import BASE

CALLS = 40


def test_many_conferences_at_once(hooks, webhook_app):
    carrier = LocalCarrier(WsgiTransport(webhook_app), base_url=BASE, speed=100)
    try:
        hooks.on("hold", str(Twiml().pause(5)))
        hooks.on("conf", "")
        hooks.on("voice", lambda form: caller_waits_in_conference(f"interaction-{form['CallSid']}", wait_url="hold",
                                                                  status_callback="conf"))
        callers = [carrier.inbound_call(from_=f"+86138000{index:05d}", to="+8640000000001", party=Party(patience=600),
                                        voice_url=f"{BASE}/t/voice") for index in range(CALLS)]
        hooks.wait_until(lambda: len({hit["form"]["CallSid"] for hit in hooks.named("hold")}) == CALLS, timeout=20)
        agents = []
        for index, caller in enumerate(callers):
            carrier.register_client(f"member-{index}", Party(ring_seconds=2, talk_seconds=20))
            agents.append(carrier.create_call(to=f"client:member-{index}", from_="+8640000000001",
                                              twiml=agent_joins_conference(f"interaction-{caller.sid}")))
        for call in callers + agents:
            assert carrier.wait_for(call.sid, timeout=30), call.sid
        assert all(call.status == "completed" and call.bridged_since is not None for call in callers + agents)
        assert all(hit["valid"] for hit in hooks.received)
        ends = [hit for hit in hooks.named("conf") if hit["form"]["StatusCallbackEvent"] == "conference-end"]
        assert len(ends) == CALLS and len({hit["form"]["FriendlyName"] for hit in ends}) == CALLS
        talk = [agent.ended_at - agent.bridged_since for agent in agents]
        assert all(19.5 <= seconds <= 26 for seconds in talk), talk
    finally:
        carrier.shutdown()


def test_a_ringing_call_keeps_its_redirect_until_answered(carrier, hooks):
    carrier.register_party("+8613900000000", Party(ring_seconds=10, talk_seconds=1))
    hooks.on("first", str(Twiml().hangup()))
    hooks.on("second", str(Twiml().pause(1)))
    call = carrier.create_call(to="+8613900000000", from_="+8640000000001", url=f"{BASE}/t/first")
    carrier.update_call(call.sid, url=f"{BASE}/t/second")
    assert carrier.wait_for(call.sid)
    assert not hooks.named("first") and len(hooks.named("second")) == 1
    assert call.answered_at is not None and call.answered_at - call.created_at >= 9


def test_cancel_only_stops_a_call_not_yet_answered(carrier, hooks):
    hooks.on("voice", str(Twiml().pause(30)))
    live = carrier.inbound_call(from_="+8613800138000", to="+8640000000001", voice_url=f"{BASE}/t/voice")
    hooks.wait_until(lambda: hooks.named("voice"))
    carrier.update_call(live.sid, status="canceled")
    assert not carrier.wait_for(live.sid, timeout=0.3) and live.hangup_requested is None
    carrier.register_party("+8613900000002", Party(ring_seconds=30))
    ringing = carrier.create_call(to="+8613900000002", from_="+8640000000001", url=f"{BASE}/t/voice")
    carrier.update_call(ringing.sid, status="canceled")
    assert carrier.wait_for(ringing.sid) and ringing.status == "canceled"
    carrier.hangup(live.sid)
    assert carrier.wait_for(live.sid) and live.status == "completed"
