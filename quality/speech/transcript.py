"""From an engine's segments to a call's transcript document (pure: no Flask, no database).

Who speaks on which channel depends on who made the recording:

- ``browser``: the member's desk records stereo, the left channel their microphone, the right
  the customer's audio (telephony/softphone/static/desk.js ``startRecording``);
- ``provider``: the carrier records the call's conference in two channels, the first holding the
  first participant to join, the second everything else. The customer's leg always opens the
  conference and waits there for the member, so the first channel is the customer.

A recording with one channel (or two carrying one mix) says nothing of who spoke: its transcript
cannot be scored per speaker."""

from __future__ import annotations

from collections.abc import Iterable

SPEAKERS_BY_SOURCE = {"browser": ("agent", "customer"), "provider": ("customer", "agent")}


def speakers_by_channel(source: str, separate: bool) -> tuple[str, ...] | None:
    """The speaker of each channel, or None when the channels do not tell speakers apart."""
    if not separate:
        return None
    return SPEAKERS_BY_SOURCE.get(source)


def utterances_from(segments: Iterable[dict], speakers: tuple[str, ...]) -> list[dict]:
    """The transcript's utterances in time order: each segment of a known channel, with its speaker."""
    out = []
    for segment in sorted(segments, key=lambda s: (float(s["start"]), int(s["channel"]))):
        channel, text = int(segment["channel"]), " ".join(str(segment.get("text") or "").split())
        if text and 0 <= channel < len(speakers):
            out.append({"speaker": speakers[channel], "text": text, "start": round(float(segment["start"]), 2),
                        "end": round(max(float(segment["end"]), float(segment["start"])), 2)})
    return out


def speech_document(segments: Iterable[dict], speakers: tuple[str, ...] | None, *, language: str, engine: str,
                    recording_id: int | None = None) -> dict:
    """The transcript document of a machine transcription (``source`` "speech"). With no speakers, the
    text is kept for a reader (``unattributed``) and there are no utterances to score."""
    document = {"language": language, "source": "speech", "engine": engine, "recording_id": recording_id,
                "speakers": "by_channel" if speakers else "unknown", "utterances": []}
    if speakers:
        document["utterances"] = utterances_from(segments, speakers)
    else:
        document["unattributed"] = [{"text": " ".join(str(s.get("text") or "").split()),
                                     "start": round(float(s["start"]), 2), "end": round(float(s["end"]), 2)}
                                    for s in sorted(segments, key=lambda s: float(s["start"])) if s.get("text")]
    return document


def words(text: str) -> list[str]:
    """Lower-case words without punctuation, for comparing what was said with what was recognised."""
    cleaned = "".join(ch.lower() if ch.isalnum() or ch in "'" else " " for ch in text)
    return [word.strip("'") for word in cleaned.split() if word.strip("'")]


def word_errors(reference: list[str], hypothesis: list[str]) -> int:
    """Substitutions, deletions and insertions turning ``reference`` into ``hypothesis`` (Levenshtein)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i] + [0] * len(hypothesis)
        for j, hyp in enumerate(hypothesis, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != hyp))
        previous = current
    return previous[-1]
