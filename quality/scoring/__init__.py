"""Automatic scoring of a call transcript against a scorecard: pure Python, no Flask, no session.

    from quality.scoring import STANDARD, parse_transcript, score
    result = score(STANDARD, parse_transcript(raw), "zh")
    result.as_dict()   # {"score", "decision", "items": [{"key", "passed", "points", "evidence", "suspected"}]}
"""

from quality.scoring.cards import DEFAULT_THRESHOLDS, STANDARD, TEMPLATES, template, validate_card
from quality.scoring.context import Evidence
from quality.scoring.engine import ItemResult, ScoreResult, decide, quoted, score
from quality.scoring.items import ITEM_TYPES, ItemType, Problem
from quality.scoring.matching import MATCHERS, MatcherUnavailable, available_matchers, get_matcher
from quality.scoring.transcript import TranscriptError, Utterance, parse_transcript

__all__ = [
    "DEFAULT_THRESHOLDS", "ITEM_TYPES", "MATCHERS", "STANDARD", "TEMPLATES", "Evidence", "ItemResult", "ItemType",
    "MatcherUnavailable", "Problem", "ScoreResult", "TranscriptError", "Utterance", "available_matchers", "decide",
    "get_matcher", "parse_transcript", "quoted", "score", "template", "validate_card",
]
