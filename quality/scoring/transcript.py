"""A call transcript as scoring reads it: utterances with speaker, text, start and end seconds.

``parse_transcript`` accepts what the telephony simulator writes (``telephony/transcripts.py``:
the ``"utterances"`` of its JSON document), what an upload sends and what the dry run sends. It
raises ``TranscriptError`` with a machine code and the index of the first bad utterance; the API
layer words the message in the request's language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SPEAKERS = ("agent", "customer")
MAX_TEXT = 5000  # characters in one utterance; a longer one is not speech


@dataclass(frozen=True)
class Utterance:
    speaker: str  # "agent" | "customer"
    text: str
    start: float  # seconds from the answer
    end: float


class TranscriptError(ValueError):
    """A transcript that cannot be scored. ``code``: empty, too_long, malformed, bad_speaker,
    bad_time, time_backwards; ``index``: the offending utterance, or None for the whole."""

    def __init__(self, code: str, index: int | None = None) -> None:
        super().__init__(code if index is None else f"{code} at utterance {index}")
        self.code, self.index = code, index


def _seconds(value, index: int) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TranscriptError("bad_time", index)
    value = float(value)
    if not math.isfinite(value) or value < 0:
        raise TranscriptError("bad_time", index)
    return value


def parse_transcript(raw, *, max_utterances: int = 2000) -> list[Utterance]:
    """Utterances from a list of ``{"speaker", "text", "start", "end"}`` (or a document holding
    them under ``"utterances"``). Starts never go backwards; an utterance never ends before it starts.
    Speaker names are read case-insensitively; text is stripped."""
    if isinstance(raw, dict) and "utterances" in raw:
        raw = raw["utterances"]
    if not isinstance(raw, list | tuple):
        raise TranscriptError("malformed")
    if not raw:
        raise TranscriptError("empty")
    if len(raw) > max_utterances:
        raise TranscriptError("too_long")
    out: list[Utterance] = []
    previous = 0.0
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            raise TranscriptError("malformed", index)
        speaker, text = item.get("speaker"), item.get("text")
        if not isinstance(speaker, str) or speaker.strip().lower() not in SPEAKERS:
            raise TranscriptError("bad_speaker", index)
        if not isinstance(text, str) or len(text) > MAX_TEXT:
            raise TranscriptError("malformed", index)
        if "start" not in item or "end" not in item:
            raise TranscriptError("malformed", index)
        start, end = _seconds(item["start"], index), _seconds(item["end"], index)
        if end < start or start < previous:
            raise TranscriptError("time_backwards", index)
        previous = start
        out.append(Utterance(speaker.strip().lower(), text.strip(), start, end))
    return out
