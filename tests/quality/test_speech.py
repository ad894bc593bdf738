"""Speech to text of recordings: the door with no engine (nothing happens, and it says so), an
engine that cannot load (said clearly), the offline pocketsphinx engine on an English clip spoken by
espeak-ng, speakers by channel (and none for a one-channel recording), the transcription job run
twice, and a call scored from a machine transcript held for a person (never approved or rejected by
the machine)."""

from __future__ import annotations

import io
import math
import shutil
import subprocess
import wave

import pytest

from app import events
from app.database import commit
from app.extensions import db
from tests.quality.conftest import GOOD_EN, RUDE_EN, balances, result_of, run_scoring

ESPEAK = shutil.which("espeak-ng")
RATE = 16000


# --- a plug-in engine: says what a test scripts (the door is pluggable; this is one more engine) -----

class ScriptedEngine:
    name = "scripted"
    segments: list = []

    def transcribe(self, audio, content_type, language):
        return [dict(segment) for segment in ScriptedEngine.segments]


def scripted():
    return ScriptedEngine()


def _segments(utterances, source="browser"):
    channel = {"browser": {"agent": 0, "customer": 1}, "provider": {"customer": 0, "agent": 1}}[source]
    return [{"channel": channel[u["speaker"]], "text": u["text"], "start": u["start"], "end": u["end"]}
            for u in utterances]


# --- audio made here -------------------------------------------------------------------------------

def _wav(channels: list[list[int]]) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as handle:
        handle.setnchannels(len(channels))
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        frames = bytearray()
        for samples in zip(*channels, strict=True):
            for sample in samples:
                frames += int(sample).to_bytes(2, "little", signed=True)
        handle.writeframes(bytes(frames))
    return out.getvalue()


def _tone(hz: float, seconds: float, at: float, length: float) -> list[int]:
    return [int(8000 * math.sin(2 * math.pi * hz * i / RATE)) if at * RATE <= i < (at + seconds) * RATE else 0
            for i in range(int(length * RATE))]


def _spoken(text: str, voice: str = "en-us+f3") -> list[int]:
    from quality.speech.audio import decode

    wav = subprocess.run([ESPEAK, "-v", voice, "-s", "140", "--stdout", text], capture_output=True,
                         check=True).stdout
    return [int(s) for s in decode(wav, "audio/wav").channels[0]]


STEREO = _wav([_tone(300, 0.5, 0.1, 1.5), _tone(500, 0.5, 0.8, 1.5)])  # left then right: two speakers
MONO = _wav([_tone(300, 0.5, 0.1, 1.0)])
ONE_MIX = _wav([_tone(300, 0.5, 0.1, 1.0), _tone(300, 0.5, 0.1, 1.0)])  # stereo, both channels one mix


@pytest.fixture
def speech(app, tmp_path, monkeypatch):
    """Recordings kept under tmp_path; ``speech(engine)`` sets ``QA_SPEECH_ENGINE``."""
    from quality.services import speech as service

    monkeypatch.setitem(app.config, "RECORDING_DIR", str(tmp_path / "recordings"))
    monkeypatch.setitem(app.config, "QA_SPEECH_ENGINE", "")
    monkeypatch.setattr(service, "_engines", {})

    def _set(engine: str) -> None:
        app.config["QA_SPEECH_ENGINE"] = engine

    return _set


def _english(campaign_id):
    from telephony import campaigns

    with_app = campaigns.campaign(campaign_id)
    with_app.settings = {**(with_app.settings or {}), "language": "en"}
    commit()


def _upload(client, headers, interaction_id, media):
    """The member's desk uploads the call's recording (one part)."""
    reply = client.post(f"/api/v1/interactions/{interaction_id}/recording", data=media, headers={
        **headers, "Content-Type": "audio/wav", "Content-Range": f"bytes 0-{len(media) - 1}/{len(media)}"})
    assert reply.status_code in (200, 201), reply.json
    return reply


def _queued_transcriptions():
    from sqlalchemy import select

    from app.job_outbox import OutboxJob
    from app.jobs import get_queue

    waiting = db.session.scalars(select(OutboxJob).where(OutboxJob.name == "quality.tasks.transcribe_recording"))
    return [list(job.args) for job in get_queue("qa").jobs if job.func_name.endswith("transcribe_recording")] + \
        [job.args for job in waiting.all()]


def _transcript(interaction_id):
    from telephony.models import Interaction
    from telephony.transcripts import load_transcript

    db.session.expire_all()
    interaction = db.session.get(Interaction, interaction_id)
    return load_transcript(interaction.transcript_ref) if interaction.transcript_ref else None


# --- the door ----------------------------------------------------------------------------------------

def test_the_recording_ready_signal_is_documented():
    signal = events.all_signals()["recording_ready"]
    assert "kwargs" in signal.__doc__
    for name in ("interaction_id", "campaign_id", "recording_id", "source", "channels"):
        assert name in signal.__doc__


def test_no_engine_nothing_happens_and_it_is_said(app, app_ctx, speech, client, world, completed_call):
    from quality.services import speech as service
    from quality.speech import load_engine
    from quality.tasks import transcribe_recording

    assert load_engine("") is None and load_engine(None) is None
    assert "none configured" in service.engine_status()
    _owner, campaign_id, member_id, headers = world
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    _upload(client, headers, interaction_id, STEREO)
    assert _queued_transcriptions() == []  # no engine: no job
    assert transcribe_recording(interaction_id) == "no_engine"
    assert _transcript(interaction_id) is None


def test_an_engine_that_cannot_load_is_reported(app, app_ctx, speech, client, world, completed_call, caplog):
    from quality.services import speech as service
    from quality.speech import EngineUnavailable, load_engine
    from quality.tasks import transcribe_recording

    with pytest.raises(EngineUnavailable, match="cannot be imported"):
        load_engine("no_such_package.engine:factory")
    speech("no_such_package.engine:factory")
    assert service.engine_status().startswith("unavailable: the speech engine")
    _owner, campaign_id, member_id, headers = world
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    _upload(client, headers, interaction_id, STEREO)
    assert _queued_transcriptions() == [[interaction_id]]
    assert transcribe_recording(interaction_id) == "unavailable"
    assert "cannot be imported" in caplog.text and _transcript(interaction_id) is None


def test_pocketsphinx_has_english_only():
    from quality.speech import EngineUnavailable, load_engine

    engine = load_engine("pocketsphinx")
    with pytest.raises(EngineUnavailable, match="English only"):
        engine.transcribe(MONO, "audio/wav", "zh")


# --- speakers by channel ---------------------------------------------------------------------------

def test_channels_tell_speakers_apart_only_when_they_differ():
    from quality.speech.audio import decode, separate_speakers
    from quality.speech.transcript import speakers_by_channel, speech_document

    assert separate_speakers(decode(STEREO, "audio/wav"))
    assert not separate_speakers(decode(MONO, "audio/wav"))
    assert not separate_speakers(decode(ONE_MIX, "audio/wav"))
    assert speakers_by_channel("browser", True) == ("agent", "customer")  # the desk: left the member
    assert speakers_by_channel("provider", True) == ("customer", "agent")  # the conference: the caller first
    assert speakers_by_channel("browser", False) is None
    segments = [{"channel": 1, "text": "late parcel", "start": 2.0, "end": 3.0},
                {"channel": 0, "text": " hello  there ", "start": 0.5, "end": 1.5}]
    document = speech_document(segments, ("agent", "customer"), language="en", engine="x")
    assert document["source"] == "speech" and document["engine"] == "x"
    assert [(u["speaker"], u["text"]) for u in document["utterances"]] == [("agent", "hello there"),
                                                                           ("customer", "late parcel")]
    unknown = speech_document(segments, None, language="en", engine="x")
    assert unknown["utterances"] == [] and unknown["speakers"] == "unknown"
    assert [u["text"] for u in unknown["unattributed"]] == ["hello there", "late parcel"]


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (apt-get install espeak-ng)")
def test_pocketsphinx_transcribes_a_stereo_english_clip_by_channel():
    from quality.speech import load_engine
    from quality.speech.audio import separate_speakers
    from quality.speech.transcript import speakers_by_channel, speech_document, word_errors, words

    said = "Thank you for calling, my name is Anna, how can I help you today"
    left = _spoken(said)
    right = [0] * (len(left) + RATE) + _spoken("my parcel is late", "en-us")
    left += [0] * (len(right) - len(left))
    engine = load_engine("pocketsphinx")
    media = _wav([left, right])
    from quality.speech.audio import decode

    assert separate_speakers(decode(media, "audio/wav"))
    segments = engine.transcribe(media, "audio/wav", "en")
    document = speech_document(segments, speakers_by_channel("browser", True), language="en", engine=engine.name)
    agent = " ".join(u["text"] for u in document["utterances"] if u["speaker"] == "agent")
    customer = [u for u in document["utterances"] if u["speaker"] == "customer"]
    assert "thank you for calling" in agent
    assert word_errors(words(said), words(agent)) <= len(words(said)) // 2
    assert customer and min(u["start"] for u in customer) >= len(left) / RATE - 2.5  # after the agent


# --- the job and the gate ----------------------------------------------------------------------------

def test_a_machine_transcript_is_scored_but_a_person_decides(app, app_ctx, speech, client, world, completed_call):
    from quality.tasks import transcribe_recording

    speech("tests.quality.test_speech:scripted")
    ScriptedEngine.segments = _segments(GOOD_EN)
    _owner, campaign_id, member_id, headers = world
    _english(campaign_id)
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    run_scoring(interaction_id)
    assert result_of(interaction_id).problem == "no_transcript"
    _upload(client, headers, interaction_id, STEREO)
    assert _queued_transcriptions() == [[interaction_id]]
    assert transcribe_recording(interaction_id) == "transcribed"
    commit()
    document = _transcript(interaction_id)
    assert document["source"] == "speech" and document["engine"] == "scripted"
    assert [u["speaker"] for u in document["utterances"]] == [u["speaker"] for u in GOOD_EN]
    result = result_of(interaction_id)
    # the scorer would approve this call; from a machine transcript it only advises
    assert result.score == 100 and result.decision == "review" and result.state == "in_review"
    assert result.problem == "machine_transcript" and result.items
    assert balances(member_id, campaign_id)["pending"] > 0  # the earning waits for a person

    ScriptedEngine.segments = _segments(RUDE_EN)
    assert transcribe_recording(interaction_id) == "has_transcript"  # run twice: nothing changes
    again = result_of(interaction_id)
    assert (again.score, again.decision, again.updated_at) == (result.score, result.decision, result.updated_at)


def test_an_automatic_fail_heard_by_machine_is_not_rejected(app, app_ctx, speech, client, world, completed_call):
    from quality.tasks import transcribe_recording

    speech("tests.quality.test_speech:scripted")
    ScriptedEngine.segments = _segments(RUDE_EN)
    _owner, campaign_id, member_id, headers = world
    _english(campaign_id)
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    _upload(client, headers, interaction_id, STEREO)  # before scoring ran: the job scores it first
    assert transcribe_recording(interaction_id) == "transcribed"
    commit()
    result = result_of(interaction_id)
    assert result.auto_failed and result.decision == "review" and result.state == "in_review"
    assert run_scoring(interaction_id) == "review"  # the scoring job finds it decided, and keeps it


def test_a_one_channel_recording_leaves_speakers_unknown(app, app_ctx, speech, client, world, completed_call,
                                                        user_email):
    from quality.tasks import transcribe_recording
    from tests.helpers.web import sign_in

    speech("tests.quality.test_speech:scripted")
    ScriptedEngine.segments = [{"channel": 0, "text": "hello there", "start": 0.1, "end": 0.6}]
    owner, campaign_id, member_id, headers = world
    _english(campaign_id)
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    run_scoring(interaction_id)
    _upload(client, headers, interaction_id, ONE_MIX)
    assert transcribe_recording(interaction_id) == "one_channel"
    commit()
    assert _transcript(interaction_id)["speakers"] == "unknown"
    result = result_of(interaction_id)
    assert result.problem == "speakers_unknown" and result.decision == "review" and result.score is None
    reviewer = app.test_client()
    sign_in(reviewer, user_email(owner["admin_id"]))
    page = reviewer.get(f"/qa/review/{result.id}").get_data(as_text=True)
    assert "who said what is unknown" in page and "hello there" in page  # the text, without speakers


def test_the_review_page_says_transcribed_by_machine(app, speech, client, world, completed_call, user_email):
    from quality.tasks import transcribe_recording
    from tests.helpers.web import csrf_token, sign_in

    speech("tests.quality.test_speech:scripted")
    ScriptedEngine.segments = _segments(GOOD_EN)
    owner, campaign_id, member_id, headers = world
    with app.app_context():
        _english(campaign_id)
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    _upload(client, headers, interaction_id, STEREO)
    with app.app_context():
        transcribe_recording(interaction_id)
        commit()
    result_id = result_of(interaction_id).id
    reviewer = app.test_client()
    sign_in(reviewer, user_email(owner["admin_id"]))
    english = reviewer.get(f"/qa/review/{result_id}").get_data(as_text=True)
    assert 'data-testid="machine-transcript"' in english and "Transcribed by machine" in english
    assert "a person decides this call, not the machine" in english and 'data-testid="review-form"' in english
    member = app.test_client()
    sign_in(member, user_email(member_id))
    member.post("/lang", data={"lang": "zh", "csrf_token": csrf_token(member)})  # the member reads Chinese
    chinese = member.get(f"/qa/calls/{result_id}").get_data(as_text=True)
    assert "机器转写" in chinese and "此通话由人工决定" in chinese


def test_telephony_says_when_a_recording_is_ready(app, app_ctx, speech, client, world, completed_call):
    from telephony.models import Interaction
    from telephony.recordings.services import store_provider_media

    sent = []

    def receive(sender, **payload):
        sent.append((sender, payload))

    events.recording_ready.connect(receive)
    try:
        _owner, campaign_id, member_id, headers = world
        uploaded = completed_call(campaign_id, member_id, utterances=None)
        _upload(client, headers, uploaded, STEREO)
        fetched = completed_call(campaign_id, member_id, utterances=None)
        store_provider_media(db.session.get(Interaction, fetched), "RE1", MONO, "audio/wav")
        store_provider_media(db.session.get(Interaction, fetched), "RE1", MONO, "audio/wav")  # once only
    finally:
        events.recording_ready.disconnect(receive)
    assert [(sender, p["interaction_id"], p["source"], p["channels"]) for sender, p in sent] == [
        ("telephony", uploaded, "browser", 2), ("telephony", fetched, "provider", 2)]
    assert all(p["campaign_id"] == campaign_id and p["recording_id"] for _sender, p in sent)


def test_the_command_says_which_engine_and_tries_a_file(app, speech, tmp_path):
    runner = app.test_cli_runner()
    assert "none configured" in runner.invoke(args=["qa", "speech"]).output
    speech("no_such_package.engine:factory")
    broken = runner.invoke(args=["qa", "speech"])
    assert broken.exit_code == 1 and "cannot be imported (No module named 'no_such_package')" in broken.output
    speech("tests.quality.test_speech:scripted")
    ScriptedEngine.segments = [{"channel": 1, "text": "my parcel is late", "start": 0.8, "end": 1.3}]
    clip = tmp_path / "clip.wav"
    clip.write_bytes(STEREO)
    tried = runner.invoke(args=["qa", "speech", str(clip)])
    assert tried.exit_code == 0 and "engine scripted" in tried.output
    assert "channel 1: my parcel is late" in tried.output
