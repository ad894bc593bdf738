"""Twilio's real-time transcription through the webhook door: each final utterance of the member's
leg becomes a line of the call's transcript (speaker from the track, timed from the answer), once;
partial results, other events and replays change nothing; a Recording Transcription never
replaces a transcript; the member's leg asks for transcription only when it is switched on."""

from __future__ import annotations

import json
from datetime import timedelta

from app.extensions import db
from tests.telephony.conftest import T0
from tests.telephony.flow.test_webhooks import post

TRANSCRIPTION_SID = "GT" + "7" * 32


def _content(sequence: int, track: str, text: str, seconds: float, **extra) -> dict:
    stamp = T0 + timedelta(seconds=seconds)
    return {"AccountSid": "AC" + "0" * 32, "CallSid": "CA" + "5" * 32, "TranscriptionSid": TRANSCRIPTION_SID,
            "TranscriptionEvent": "transcription-content", "LanguageCode": "en-US", "Track": track,
            "TranscriptionData": json.dumps({"transcript": text, "confidence": 0.93}), "Final": "true",
            "SequenceId": str(sequence),
            "Timestamp": stamp.isoformat().replace("+00:00", "Z"), **extra}


def _transcript(interaction_id: int) -> dict | None:
    from telephony.models import Interaction
    from telephony.transcripts import load_transcript

    found = db.session.get(Interaction, interaction_id)
    db.session.refresh(found)
    return load_transcript(found.transcript_ref) if found.transcript_ref else None


def test_final_utterances_become_the_calls_transcript_once(app, client, enterprise, campaign, member, handled):
    member_id, _headers = member()
    interaction_id = handled(campaign(enterprise()), member_id)  # answered at T0 + 14 s
    steps = [
        _content(1, "inbound_track", "Thank you for calling, this is Lin. How can I help?", 18),
        _content(3, "inbound_track", "I am sorry to hear that. Let me check your order.", 30),
        _content(2, "outbound_track", "My parcel never arrived.", 25),
        _content(2, "outbound_track", "My parcel never arrived.", 25),  # a replay
        _content(4, "outbound_track", "My parcel", 26, Final="false"),  # a partial result
        {**_content(5, "inbound_track", "", 40), "TranscriptionEvent": "transcription-stopped"},
    ]
    for params in steps:
        assert post(client, "transcription", params, interaction=interaction_id).status_code == 204
    document = _transcript(interaction_id)
    lines = [(u["speaker"], u["text"]) for u in document["utterances"]]
    assert lines == [("agent", "Thank you for calling, this is Lin. How can I help?"),
                     ("customer", "My parcel never arrived."),
                     ("agent", "I am sorry to hear that. Let me check your order.")]
    first = document["utterances"][0]
    assert first["end"] == 4.0 and 0 <= first["start"] < first["end"]  # 18 s after T0, 4 s after the answer
    starts = [u["start"] for u in document["utterances"]]
    assert starts == sorted(starts) and document["source"] == "provider"

    from quality.scoring import parse_transcript

    assert len(parse_transcript(document["utterances"])) == 3  # the scorer takes it as it is


def test_a_recording_transcription_never_replaces_the_calls_transcript(app, client, enterprise, campaign, member,
                                                                        handled):
    member_id, _headers = member()
    interaction_id = handled(campaign(enterprise()), member_id)
    post(client, "transcription", _content(1, "inbound_track", "Hello, this is Lin.", 16), interaction=interaction_id)
    legacy = {"AccountSid": "AC" + "0" * 32, "CallSid": "CA" + "5" * 32, "TranscriptionSid": "TR" + "1" * 32,
              "TranscriptionText": "hello this is lin", "TranscriptionStatus": "completed",
              "TranscriptionUrl": "https://api.twilio.com/2010-04-01/Accounts/AC/Transcriptions/TR1"}
    assert post(client, "transcription", legacy, interaction=interaction_id).status_code == 204
    assert [u["text"] for u in _transcript(interaction_id)["utterances"]] == ["Hello, this is Lin."]


def test_unsigned_transcription_callbacks_are_refused(app, client, enterprise, campaign, member, handled):
    member_id, _headers = member()
    interaction_id = handled(campaign(enterprise()), member_id)
    params = _content(1, "inbound_track", "Hello", 16)
    assert post(client, "transcription", params, signature=None, interaction=interaction_id).status_code == 403
    assert _transcript(interaction_id) is None


def test_the_member_leg_is_transcribed_only_when_switched_on(app, ctx, enterprise, campaign, member):
    from telephony import calls, services

    member_id, _headers = member()
    interaction = services.create_interaction(campaign(enterprise()), "inbound", customer_call_sid="CA-tr",
                                              customer_phone="+8613812345678")
    services.record_offer(interaction.id, member_id, offer_id="t1")
    assert "<Transcription" not in calls.agent_twiml(interaction.id)
    app.config["TWILIO_REALTIME_TRANSCRIPTION"] = "on"
    try:
        twiml = calls.agent_twiml(interaction.id)
    finally:
        app.config["TWILIO_REALTIME_TRANSCRIPTION"] = "off"
    assert "<Start><Transcription" in twiml and 'track="both_tracks"' in twiml
    assert f"transcription?interaction={interaction.id}" in twiml and "<Conference" in twiml
