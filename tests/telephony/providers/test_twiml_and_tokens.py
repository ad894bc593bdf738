"""TwiML builders, SIP addresses and softphone tokens."""

from __future__ import annotations

import jwt
import pytest
from defusedxml import ElementTree as ET

from telephony.providers import client_identity, member_id_from_identity, parse_sip_uri, sip_campaign_hint
from telephony.providers.local import LOCAL_API_SECRET, LocalProvider
from telephony.providers.twilio import (
    TwilioProvider,
    Twiml,
    agent_joins_conference,
    caller_waits_in_conference,
    escalate_to_sip,
    hold_music,
    say_and_hang_up,
)


def test_caller_waits_in_a_conference_named_for_the_interaction():
    root = ET.fromstring(caller_waits_in_conference("interaction-7", wait_url="https://cc/hold?lang=zh",
                                                    status_callback="https://cc/conf", greeting="您好", language="zh"))
    say, dial = list(root)
    assert say.tag == "Say" and say.get("language") == "cmn-CN" and say.text == "您好"
    conference = dial.find("Conference")
    assert conference.text == "interaction-7"
    assert conference.get("startConferenceOnEnter") == "false" and conference.get("endConferenceOnExit") == "true"
    assert conference.get("waitUrl") == "https://cc/hold?lang=zh"
    assert conference.get("statusCallbackEvent") == "start end join leave"


def test_agent_leg_starts_the_conference():
    conference = ET.fromstring(agent_joins_conference("interaction-7")).find("Dial/Conference")
    assert conference.text == "interaction-7" and conference.get("startConferenceOnEnter") == "true"


def test_hold_music_in_the_callers_language():
    root = ET.fromstring(hold_music(language="en", message="Please hold", music_url="https://cc/music.mp3"))
    assert [(el.tag, el.text) for el in root] == [("Say", "Please hold"), ("Play", "https://cc/music.mp3")]
    assert ET.fromstring(hold_music(language="zh"))[0].tag == "Pause"


def test_sip_escalation_carries_headers_on_the_uri():
    sip = ET.fromstring(escalate_to_sip("sip:overflow@ent.example.com", headers={"X-Crowdline-Interaction": "12"}))
    assert sip.find("Dial/Sip").text == "sip:overflow@ent.example.com?X-Crowdline-Interaction=12"


def test_verbs():
    root = ET.fromstring(str(Twiml().gather("https://cc/g", prompt="Press 1", num_digits=1).pause(2)
                             .dial_client("member-4", action="https://cc/dial", timeout=15)
                             .dial_number("+8613800000000", caller_id="+8621000000").redirect("https://cc/next")
                             .play("https://cc/a.mp3", loop=0).hangup()))
    assert [el.tag for el in root] == ["Gather", "Pause", "Dial", "Dial", "Redirect", "Play", "Hangup"]
    assert root[2].find("Client").text == "member-4" and root[2].get("timeout") == "15"
    assert root[3].get("callerId") == "+8621000000" and root[5].get("loop") == "0"
    assert ET.fromstring(say_and_hang_up("Bye"))[1].tag == "Hangup"


@pytest.mark.parametrize(("uri", "user", "host"), [
    ("sip:campaign-12@crowdline.sip.twilio.com", "campaign-12", "crowdline.sip.twilio.com"),
    ("<sip:12@Crowdline.sip.twilio.com:5060;transport=udp>", "12", "crowdline.sip.twilio.com"),
    ("sips:%2B8621@ent.example.com?X-A=1", "+8621", "ent.example.com"),
])
def test_parse_sip_uri(uri, user, host):
    address = parse_sip_uri(uri)
    assert (address.user, address.host) == (user, host)


@pytest.mark.parametrize("uri", ["", "+8613800000000", "client:member-1", "sip:nouser", "sip:@host"])
def test_parse_sip_uri_rejects(uri):
    assert parse_sip_uri(uri) is None


def test_sip_campaign_hint_prefers_the_header():
    to = "sip:campaign-12@crowdline.sip.twilio.com"
    assert sip_campaign_hint({"To": to}) == "campaign-12"
    assert sip_campaign_hint({"To": to, "SipHeader_X-Crowdline-Campaign": " 40 "}) == "40"
    assert sip_campaign_hint({"To": "+8613800000000"}) is None


def test_client_identity_round_trip():
    assert client_identity(42) == "member-42"
    assert member_id_from_identity("client:member-42") == 42
    assert member_id_from_identity("member-x") is None and member_id_from_identity("agent-1") is None


def test_access_token_has_a_voice_grant_and_short_ttl():
    provider = TwilioProvider({"TWILIO_ACCOUNT_SID": "AC" + "1" * 32, "TWILIO_API_KEY": "SK" + "2" * 32,
                               "TWILIO_API_SECRET": "s3cret-" * 6, "TWILIO_TWIML_APP_SID": "AP" + "3" * 32})
    claims = jwt.decode(provider.access_token(42, ttl_seconds=300), "s3cret-" * 6, algorithms=["HS256"])
    assert claims["iss"] == "SK" + "2" * 32 and claims["sub"] == "AC" + "1" * 32
    assert claims["grants"]["identity"] == "member-42"
    assert claims["grants"]["voice"] == {"incoming": {"allow": True},
                                         "outgoing": {"application_sid": "AP" + "3" * 32}}
    assert claims["exp"] - claims["nbf"] <= 300 + 1


def test_local_access_token_works_offline():
    claims = jwt.decode(LocalProvider({}).access_token(7), LOCAL_API_SECRET, algorithms=["HS256"])
    assert claims["grants"]["identity"] == "member-7" and claims["exp"] - claims["nbf"] <= 601
