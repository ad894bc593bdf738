"""Machine transcripts of call recordings: when a recording is ready and its call has no transcript,
the speech engine configured by ``QA_SPEECH_ENGINE`` (quality.speech) writes one (``source``
"speech", with the engine's name), and the call is scored from it. What is scored from a machine
transcript goes to a person: the gate holds it in review (quality.services.gate)."""

from __future__ import annotations

import logging

from flask import current_app

from app.extensions import db
from quality import queries
from quality.services import gate
from quality.speech import AudioError, EngineUnavailable, Transcriber, audio, load_engine
from quality.speech.transcript import speakers_by_channel, speech_document
from telephony import campaigns
from telephony import services as calls
from telephony.callflow import caller_language
from telephony.models import Interaction
from telephony.recordings.services import recording_of
from telephony.recordings.storage import store
from telephony.transcripts import load_transcript, save_transcript

logger = logging.getLogger(__name__)
_engines: dict[str, Transcriber] = {}  # one loaded engine per setting and process (a model takes seconds to load)


def configured_engine() -> Transcriber | None:
    """The engine ``QA_SPEECH_ENGINE`` names (loaded once per process), None when none is configured.
    Raises ``EngineUnavailable``."""
    setting = (current_app.config.get("QA_SPEECH_ENGINE") or "").strip()
    if not setting:
        return None
    if setting not in _engines:
        _engines[setting] = load_engine(setting)
    return _engines[setting]


def engine_status() -> str:
    """One line for an operator: which engine transcribes recordings, or why none does."""
    try:
        engine = configured_engine()
    except EngineUnavailable as error:
        return f"unavailable: {error}"
    return f"engine {engine.name}" if engine is not None else "none configured (QA_SPEECH_ENGINE is empty)"


def _has_transcript(interaction: Interaction) -> bool:
    document = load_transcript(interaction.transcript_ref) if interaction.transcript_ref else None
    return bool(document and (document.get("utterances") or document.get("source") == "speech"))


def transcribe_recording(interaction_id: int) -> str:
    """Transcribe the call's recording if it has no transcript and an engine is configured, then
    score it (or score it again if it was waiting for a transcript). Safe to run twice: a call with
    a transcript is left alone. The outcome, in a word: ``transcribed``, ``one_channel`` (kept, but
    speakers unknown), ``has_transcript``, ``no_recording``, ``no_engine``, ``unavailable``,
    ``unreadable``."""
    interaction = db.session.get(Interaction, interaction_id)
    recording = recording_of(interaction_id) if interaction is not None else None
    if recording is None or recording.state != "ready":
        return "no_recording"
    if _has_transcript(interaction):
        return "has_transcript"
    language = caller_language(campaigns.campaign(interaction.campaign_id))
    try:
        engine = configured_engine()
        if engine is None:
            logger.info("Recording of interaction %s not transcribed: no speech engine is configured", interaction_id)
            return "no_engine"
        media = b"".join(store().read(recording.storage_key, 0, recording.size - 1)) if recording.size else b""
        separate = audio.separate_speakers(audio.decode(media, recording.content_type))
        segments = engine.transcribe(media, recording.content_type, language)
    except EngineUnavailable as error:
        logger.warning("Recording of interaction %s not transcribed: %s", interaction_id, error)
        return "unavailable"
    except AudioError as error:
        logger.warning("Recording of interaction %s cannot be transcribed: %s", interaction_id, error)
        return "unreadable"
    speakers = speakers_by_channel(recording.source, separate)
    document = speech_document(segments, speakers, language=language, engine=engine.name, recording_id=recording.id)
    calls.attach_media(interaction.id, transcript_ref=save_transcript(interaction.id, document))
    _score(interaction)
    outcome = "transcribed" if speakers else "one_channel"
    logger.info("Recording of interaction %s transcribed by %s: %s utterances (%s)", interaction_id, engine.name,
                len(document["utterances"]), outcome)
    return outcome


def _score(interaction: Interaction) -> None:
    """Score the call now that it has a transcript: the first time, or again if it waited for one."""
    result = queries.result_of_interaction(interaction.id)
    if result is None:
        if interaction.state == "completed" and interaction.member_id is not None:
            gate.score_interaction(interaction.id)
    elif result.problem is not None and result.state == "in_review":
        gate.rescore_unjudged(result)
