"""Transcripts from the provider: Twilio's real-time transcription of the member's leg, kept as the
call's transcript utterance by utterance, so smart QA scores calls carried by Twilio as it scores
the simulator's.

With ``TWILIO_REALTIME_TRANSCRIPTION`` on, the member's leg starts ``<Start><Transcription
track="both_tracks">`` before it joins the caller: on that leg the inbound track is the member's
voice (``agent``) and the outbound track what the member hears (``customer``). Twilio posts each
final utterance to ``/telephony/twilio/transcription`` (``TranscriptionEvent=transcription-content``,
``Track``, ``TranscriptionData`` = ``{"transcript", "confidence"}``, ``SequenceId``, ``Timestamp``);
each one is added to the interaction's transcript document (``telephony.transcripts``) under the
interaction's row lock, once per sequence number, timed from the answer: it ends when Twilio
reports it and starts a speaking time earlier (Twilio reports no start). Partial results and the
other events change nothing. A Recording Transcription (``TranscriptionText`` of ``<Record
transcribe>``: one block, no speakers) only keeps its reference: it cannot be scored per speaker."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import datetime

from app.timeutil import as_utc
from telephony import services
from telephony.callflow import provider_time, webhook_url
from telephony.carrier.twiml import speech_seconds
from telephony.models import Interaction
from telephony.transcripts import PREFIX, load_transcript, save_transcript

logger = logging.getLogger(__name__)

TRACKS = {"inbound_track": "agent", "outbound_track": "customer"}
LANGUAGE_CODES = {"zh": "zh-CN", "en": "en-US"}
TEXT_MAX = 2000
UTTERANCES_MAX = 2000  # what the scorer accepts


def enabled(config: Mapping) -> bool:
    return str(config.get("TWILIO_REALTIME_TRANSCRIPTION") or "").lower() in ("1", "true", "on", "yes")


def for_member_leg(config: Mapping, interaction_id: int, language: str) -> tuple[str, str] | None:
    """The member leg's transcription (callback URL, language code), or None when it is off."""
    if not enabled(config):
        return None
    return webhook_url("transcription", interaction=interaction_id), LANGUAGE_CODES.get(language, "en-US")


def _event_time(params: Mapping) -> datetime | None:
    stamp = params.get("Timestamp") or ""
    if "T" in stamp:  # ISO 8601, as real-time transcription sends it
        try:
            return as_utc(datetime.fromisoformat(stamp.replace("Z", "+00:00")))
        except ValueError:
            return None
    return provider_time(params)


def utterance_of(params: Mapping) -> dict | None:
    """The final utterance a callback carries, or None (a partial result, another event, no text)."""
    if params.get("TranscriptionEvent") != "transcription-content" or \
            str(params.get("Final", "true")).lower() != "true":
        return None
    try:
        data = json.loads(params.get("TranscriptionData") or "{}")
    except ValueError:
        return None
    text = str(data.get("transcript") or "").strip()[:TEXT_MAX] if isinstance(data, dict) else ""
    speaker = TRACKS.get(params.get("Track", ""))
    if not text or speaker is None:
        return None
    return {"speaker": speaker, "text": text}


def add_utterance(interaction: Interaction, params: Mapping, language: str) -> str:
    """Add one final utterance to the interaction's transcript (locked by the caller); what it did."""
    utterance = utterance_of(params)
    if utterance is None:
        return "ignored"
    interaction = services.lock(interaction.id)
    document = load_transcript(interaction.transcript_ref) if (interaction.transcript_ref or "").startswith(PREFIX) \
        else None
    document = document or {"language": language, "source": "provider", "utterances": [], "sequences": []}
    if document.get("source") != "provider":
        return "kept"  # an uploaded or simulated transcript is not mixed with the provider's
    sequence = str(params.get("SequenceId") or params.get("TranscriptionSid", ""))
    seen = document.setdefault("sequences", [])
    if sequence in seen or len(document["utterances"]) >= UTTERANCES_MAX:
        return "replay"
    said_at = _event_time(params)
    origin = interaction.answered_at or interaction.queued_at
    end = max(0.0, round((said_at - origin).total_seconds(), 1)) if said_at is not None and origin else 0.0
    start = max(0.0, round(end - speech_seconds(utterance["text"], floor=0.5), 1))
    document["utterances"].append({**utterance, "start": start, "end": max(start, end)})
    document["utterances"].sort(key=lambda item: (item["start"], item["end"]))
    seen.append(sequence)
    services.attach_media(interaction.id, transcript_ref=save_transcript(interaction.id, document))
    return "utterance"
