"""The consent announcement: a recorded campaign's caller hears it in their language before the
recorded conference; a campaign that does not record neither announces nor records."""

from __future__ import annotations

from tests.telephony.flow.test_webhooks import number_of, post, voice_params


def test_consent_then_recording(app, client, enterprise, campaign):
    owner = enterprise()
    cid = campaign(owner)
    number = number_of(app, cid)
    put = client.put(f"/api/v1/campaigns/{cid}/recording", json={"consent": {"zh": "本通话将被录音，用于质量检查。"}},
                     headers=owner["headers"])
    assert put.status_code == 200
    twiml = post(client, "voice", voice_params(number)).text
    assert "本通话将被录音，用于质量检查。" in twiml and 'record="record-from-start"' in twiml
    assert twiml.index("<Say") < twiml.index("<Conference")
    assert "/telephony/twilio/recording" in twiml


def test_no_recording_no_announcement(app, client, enterprise, campaign):
    owner = enterprise()
    cid = campaign(owner)
    number = number_of(app, cid)
    assert client.put(f"/api/v1/campaigns/{cid}/recording", json={"enabled": False},
                      headers=owner["headers"]).status_code == 200
    twiml = post(client, "voice", voice_params(number, sid="CA" + "2" * 32)).text
    assert "<Conference" in twiml and "<Say" not in twiml and "record=" not in twiml
