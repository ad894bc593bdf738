"""Bridging: the caller waits in a conference named for the interaction, the agent's leg joins it;
<Dial> rings softphones, numbers and SIP URIs."""

from __future__ import annotations

from telephony.carrier import Party
from telephony.providers.local import LocalProvider
from telephony.providers.twilio import (
    Twiml,
    agent_joins_conference,
    caller_waits_in_conference,
    escalate_to_sip,
    hold_music,
)
from tests.telephony.carrier.conftest import BASE

CUSTOMER = "+8613800138000"
NUMBER = "+8640000000001"


def place_agent_leg(webhook_app, identity: str, url: str, status: str):
    """What the service layer does: the local provider (twilio.rest.Client) asks the carrier to ring the agent."""
    with webhook_app.app_context():
        return LocalProvider(webhook_app.config).place_call(f"client:{identity}", NUMBER, url, status_callback=status)


def test_conference_bridges_caller_and_agent(carrier, hooks, webhook_app):
    conference = "interaction-41"
    voice = hooks.on("voice", caller_waits_in_conference(conference, wait_url="hold", status_callback="conf",
                                                         greeting="您好，请稍候", language="zh"))
    hooks.on("hold", hold_music(language="zh", message="请稍候", pause_seconds=5))
    hooks.on("conf", "")
    agent_url = hooks.on("agent", agent_joins_conference(conference, status_callback=f"{BASE}/t/conf"))
    status = hooks.on("status", "")
    carrier.register_client("member-4", Party(ring_seconds=3, talk_seconds=30))

    caller = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=voice)
    hooks.wait_until(lambda: len(hooks.named("hold")) >= 2)  # the caller hears the wait document, looped
    placed = place_agent_leg(webhook_app, "member-4", agent_url, status)
    assert carrier.wait_for(placed.sid) and carrier.wait_for(caller.sid)

    agent = carrier.get(placed.sid)
    assert agent.direction == "outbound-api" and agent.to == "client:member-4"
    assert 29 <= agent.duration <= 34  # the agent talked 30 s, then hung up, which ended the conference
    events = [(hit["form"]["StatusCallbackEvent"], hit["form"]["CallSid"]) for hit in hooks.named("conf")]
    assert events[:3] == [("participant-join", caller.sid), ("participant-join", agent.sid),
                          ("conference-start", agent.sid)]
    assert set(events[3:]) == {("participant-leave", agent.sid), ("conference-end", agent.sid),
                               ("participant-leave", caller.sid)}
    assert all(hit["valid"] for hit in hooks.received)
    [end] = [hit["form"] for hit in hooks.named("conf") if hit["form"]["StatusCallbackEvent"] == "conference-end"]
    assert end["ReasonConferenceEnded"] == "participant-with-end-conference-on-exit-left"
    assert end["FriendlyName"] == conference and end["ConferenceSid"].startswith("CF")
    assert caller.bridged_since is not None and caller.status == "completed"
    assert "hold-say" in [event.kind for event in carrier.events(caller.sid)]

    progress = [hit["form"] for hit in hooks.named("status")]
    assert [form["CallStatus"] for form in progress] == ["initiated", "ringing", "in-progress", "completed"]
    assert [form["SequenceNumber"] for form in progress] == ["0", "1", "2", "3"]
    assert progress[-1]["CallDuration"] == str(agent.duration)


def test_caller_who_hangs_up_while_waiting_ends_the_conference(carrier, hooks):
    voice = hooks.on("voice", caller_waits_in_conference("interaction-42", wait_url="", status_callback="conf"))
    hooks.on("conf", "")
    caller = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, party=Party(patience=20), voice_url=voice)
    assert carrier.wait_for(caller.sid)
    assert 19 <= caller.duration <= 23 and caller.bridged_since is None
    events = [hit["form"]["StatusCallbackEvent"] for hit in hooks.named("conf")]
    assert events == ["participant-join", "participant-leave", "conference-end"]
    assert hooks.named("conf")[-1]["form"]["ReasonConferenceEnded"] == "last-participant-left"


def test_dial_client_rings_a_registered_identity(carrier, hooks):
    voice = hooks.on("voice", str(Twiml().dial_client("member-9", action="dialled", timeout=20)))
    hooks.on("dialled", str(Twiml().hangup()))
    carrier.register_client("member-9", Party(ring_seconds=4, talk_seconds=10))
    caller = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=voice)
    assert carrier.wait_for(caller.sid)
    [dialled] = hooks.named("dialled")
    assert dialled["valid"] and dialled["form"]["DialCallStatus"] == "completed"
    leg = carrier.get(dialled["form"]["DialCallSid"])
    assert leg.to == "client:member-9" and leg.direction == "outbound-dial" and leg.parent_sid == caller.sid
    assert 9 <= int(dialled["form"]["DialCallDuration"]) <= 12


def test_dial_client_nobody_registered_rings_out(carrier, hooks):
    voice = hooks.on("voice", str(Twiml().dial_client("member-10", action="dialled", timeout=15)))
    hooks.on("dialled", str(Twiml().hangup()))
    caller = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=voice)
    assert carrier.wait_for(caller.sid)
    assert hooks.named("dialled")[0]["form"]["DialCallStatus"] == "no-answer"
    assert 14 <= caller.duration <= 18
    carrier.register_client("member-10")
    carrier.unregister_client("member-10")
    assert carrier.directory.clients() == []


def test_dial_number_busy_then_next_verb(carrier, hooks):
    carrier.register_party("+8613900000000", Party(busy=True))
    voice = hooks.on("voice", str(Twiml().dial_number("+8613900000000").say("Busy").redirect("after")))
    hooks.on("after", str(Twiml().hangup()))
    caller = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=voice)
    assert carrier.wait_for(caller.sid)
    assert len(hooks.named("after")) == 1
    [leg] = [call for call in carrier.calls.values() if call.to == "+8613900000000"]
    assert leg.status == "busy"


def test_sip_domain_call_and_escalation_by_dial_sip(carrier, hooks):
    enterprise = "sip:overflow@pbx.enterprise.example.com"
    carrier.register_party(enterprise, Party(ring_seconds=1, talk_seconds=8))
    voice = hooks.on("voice", escalate_to_sip(enterprise, message="Transferring you", action="escalated",
                                              headers={"X-Crowdline-Interaction": "41"}))
    hooks.on("escalated", "")
    to = "sip:campaign-12@crowdline.sip.twilio.com"
    caller = carrier.inbound_call(from_="sip:alice@enterprise.example.com", to=to, voice_url=voice,
                                  params={"SipHeader_X-Crowdline-Campaign": "12",
                                          "SipDomain": "crowdline.sip.twilio.com"})
    assert carrier.wait_for(caller.sid)
    form = hooks.named("voice")[0]["form"]
    assert form["To"] == to and form["SipHeader_X-Crowdline-Campaign"] == "12"
    escalated = hooks.named("escalated")[0]["form"]
    assert escalated["DialCallStatus"] == "completed"
    leg = carrier.get(escalated["DialCallSid"])
    assert leg.to == enterprise and leg.extra_params == {"SipHeader_X-Crowdline-Interaction": "41"}
    assert 7 <= leg.duration <= 10


def test_recorded_conference_reports_its_recording(carrier, hooks):
    twiml = caller_waits_in_conference("interaction-50", wait_url="", recording_status_callback="rec")
    voice = hooks.on("voice", twiml)
    hooks.on("rec", "")
    agent_url = hooks.on("agent", agent_joins_conference("interaction-50"))
    carrier.register_client("member-6", Party(ring_seconds=1, talk_seconds=12))
    caller = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=voice)
    hooks.wait_until(lambda: carrier.conferences.get("interaction-50") is not None)
    agent = carrier.create_call(to="client:member-6", from_=NUMBER, url=agent_url)
    assert carrier.wait_for(agent.sid) and carrier.wait_for(caller.sid)
    hooks.wait_until(lambda: hooks.named("rec"))
    [recording] = hooks.named("rec")
    form = recording["form"]
    assert recording["valid"] and form["RecordingStatus"] == "completed" and form["RecordingSid"].startswith("RE")
    assert form["RecordingSource"] == "DialConference" and form["ConferenceSid"].startswith("CF")
    assert 11 <= int(form["RecordingDuration"]) <= 15


def test_recorded_dial_reports_its_recording(carrier, hooks):
    voice = hooks.on("voice", '<Response><Dial record="record-from-answer-dual" recordingStatusCallback="rec">'
                              '<Number>+8613900000001</Number></Dial></Response>')
    hooks.on("rec", "")
    carrier.register_party("+8613900000001", Party(ring_seconds=1, talk_seconds=6))
    caller = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=voice)
    assert carrier.wait_for(caller.sid)
    [recording] = hooks.named("rec")
    assert recording["form"]["CallSid"] == caller.sid and recording["form"]["RecordingSource"] == "DialVerb"
    assert 5 <= int(recording["form"]["RecordingDuration"]) <= 8
