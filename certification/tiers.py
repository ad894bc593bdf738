"""Skill tags and tiers as pure computation (no Flask, no database): published weights and thresholds.

A tag's score (0-100) is a weighted mean of the inputs that exist for it. Inputs that do not
exist yet for a member (or at all: QA averages, customer satisfaction, attendance arrive with
calls) are left out and the remaining weights are renormalized, so those inputs plug in later by
filling the matching fields of ``TagInputs`` — nothing else changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# Weight of each input in a tag's score.
WEIGHTS = {"training": 0.25, "exam": 0.35, "certification": 0.40, "qa": 0.30, "csat": 0.15, "attendance": 0.10}

# Tier thresholds on the member's tier score (their best tag score), plus the number of active
# certifications each tier needs.
TIER_RULES = (
    ("diamond", 90, 2),
    ("gold", 75, 1),
    ("silver", 60, 1),
    ("bronze", 30, 0),
)


@dataclass(frozen=True)
class TagInputs:
    """Everything known about one member and one tag. Ratios are 0..1; None means "no data"."""

    tag: str
    training: float | None = None  # share of the certification's required courses completed
    exam: float | None = None  # best certification-exam score
    certification: str | None = None  # "active" | "expired" | "revoked" | None
    qa: float | None = None  # QA average of the member's calls for this skill
    csat: float | None = None  # customer satisfaction
    attendance: float | None = None  # shifts attended / claimed


@dataclass(frozen=True)
class TagScore:
    tag: str
    score: int
    reasons: list = field(default_factory=list)


def tag_score(inputs: TagInputs) -> TagScore:
    parts: dict[str, float] = {}
    reasons = []
    if inputs.training is not None:
        parts["training"] = inputs.training
        reasons.append({"input": "training", "value": round(inputs.training, 4)})
    if inputs.exam is not None:
        parts["exam"] = inputs.exam
        reasons.append({"input": "exam", "value": round(inputs.exam, 4)})
    if inputs.certification is not None:
        parts["certification"] = 1.0 if inputs.certification == "active" else 0.0
        reasons.append({"input": "certification", "value": inputs.certification})
    for name in ("qa", "csat", "attendance"):
        value = getattr(inputs, name)
        if value is not None:
            parts[name] = value
            reasons.append({"input": name, "value": round(value, 4)})
    if not parts:
        return TagScore(inputs.tag, 0, reasons)
    # Without a held certification a tag stays below the silver line, however good the rest is.
    weight = sum(WEIGHTS[k] for k in parts)
    score = sum(WEIGHTS[k] * min(max(v, 0.0), 1.0) for k, v in parts.items()) / weight * 100
    if inputs.certification != "active":
        score = min(score, 59)
    return TagScore(inputs.tag, round(score), reasons)


def member_tier(scores: Iterable[TagScore], active_certifications: int) -> tuple[str, int]:
    """The tier and the tier score (the best tag score)."""
    value = max((s.score for s in scores), default=0)
    for tier, threshold, certifications in TIER_RULES:
        if value >= threshold and active_certifications >= certifications:
            return tier, value
    return "none", value


def next_tier(tier: str, value: int, active_certifications: int) -> dict | None:
    """What the member needs for the next tier up: the score and certifications it takes."""
    order = [rule[0] for rule in reversed(TIER_RULES)]
    position = order.index(tier) + 1 if tier in order else 0
    if position >= len(order):
        return None
    name, threshold, certifications = next(r for r in TIER_RULES if r[0] == order[position])
    return {"tier": name, "score_needed": threshold, "score_missing": max(threshold - value, 0),
            "certifications_needed": certifications,
            "certifications_missing": max(certifications - active_certifications, 0)}


def compute(member_inputs: Iterable[TagInputs], active_certifications: int) -> tuple[list[TagScore], str, int]:
    """Every tag score of one member, and their tier."""
    scores = [tag_score(inputs) for inputs in member_inputs]
    held = [s for s in scores if s.score > 0]
    tier, value = member_tier(held, active_certifications)
    return held, tier, value
