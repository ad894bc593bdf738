"""Conversations for the scoring tests, laid on a timeline: (speaker, text) turns, or
(speaker, text, gap before it in seconds); "a" is the agent, "c" the customer."""

from __future__ import annotations

from quality.scoring import STANDARD, parse_transcript, score


def call(*turns, first: float = 1.0) -> list[dict]:
    now, out = first, []
    for turn in turns:
        who, text = turn[0], turn[1]
        if out:
            now += turn[2] if len(turn) > 2 else 0.8
        seconds = max(1.0, len(text) / (4.5 if any("\u4e00" <= ch <= "\u9fff" for ch in text) else 14))
        out.append({"speaker": {"a": "agent", "c": "customer"}[who], "text": text, "start": round(now, 2),
                    "end": round(now + seconds, 2)})
        now += seconds
    return out


def item(raw: list[dict], key: str, language: str = "en"):
    result = score(STANDARD, parse_transcript(raw), language)
    return next(r for r in result.items if r.key == key)
