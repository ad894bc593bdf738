"""Skill tags and tiers as pure computation (no Flask, no database): published weights and thresholds.

A tag's score (0-100) is a weighted mean of the inputs that exist for it. Inputs that do not
exist yet for a member (or at all: QA averages, customer satisfaction, attendance arrive with
calls) are left out and the remaining weights are renormalized, so those inputs plug in later by
filling the matching fields of ``TagInputs`` — nothing else changes.

Work quality (``WorkQuality``: the member's QA-decided calls and customer ratings, all campaigns)
plugs in that way, and also gives every tag earned by an active certification a quality level:

- ``unrated`` — fewer than ``QA_MIN_CALLS`` QA-decided calls: the tag rests on training, exam
  and certification;
- ``suspended`` — the QA average of the last ``QA_WINDOW`` decided calls is below ``QA_FLOOR``
  (below it the standard scorecard rejects a call; the same floor whatever a campaign's own
  thresholds): the tag scores as if its certification were not held (below the silver line, so
  the tier drops and campaigns asking for the tag at 60 or more close) until that average is
  back at the floor;
- ``proven`` — that average is at least ``QA_PROVEN`` and, once the member has
  ``CSAT_MIN_RATINGS`` customer ratings, their average (last ``CSAT_WINDOW``) is at least
  ``CSAT_PROVEN``;
- ``standard`` — judged on calls, neither proven nor suspended.

QA and CSAT enter a tag's score (weights ``qa`` and ``csat``) only from those sample sizes on.
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

# Work quality: how many recent calls and ratings are read, the sample each needs before it
# counts, and the lines of the quality levels (QA on 0-100, CSAT on 1-5).
QA_WINDOW = 20
QA_MIN_CALLS = 10
QA_PROVEN = 85
QA_FLOOR = 60
CSAT_WINDOW = 50
CSAT_MIN_RATINGS = 5
CSAT_PROVEN = 4.0
QUALITY_LEVELS = ("unrated", "standard", "proven", "suspended")
CAPPED = 59  # the best a tag scores without a held (or with a suspended) certification


@dataclass(frozen=True)
class WorkQuality:
    """A member's work-quality figures: QA-decided calls (all of them, and the average of the last
    ``QA_WINDOW``) and customer ratings (all of them, and the average of the last ``CSAT_WINDOW``)."""

    qa_calls: int = 0
    qa_average: float | None = None
    csat_ratings: int = 0
    csat_average: float | None = None

    @property
    def qa_judged(self) -> bool:
        return self.qa_calls >= QA_MIN_CALLS and self.qa_average is not None

    @property
    def csat_judged(self) -> bool:
        return self.csat_ratings >= CSAT_MIN_RATINGS and self.csat_average is not None

    def level(self) -> str:
        """The quality level of the member's certified tags (see the module's docstring)."""
        if not self.qa_judged:
            return "unrated"
        if self.qa_average < QA_FLOOR:
            return "suspended"
        if self.qa_average >= QA_PROVEN and (not self.csat_judged or self.csat_average >= CSAT_PROVEN):
            return "proven"
        return "standard"

    def inputs(self) -> dict[str, float]:
        """The ``qa`` and ``csat`` tag inputs (0..1) the figures support: CSAT 1-5 maps onto 0..1."""
        found = {}
        if self.qa_judged:
            found["qa"] = self.qa_average / 100
        if self.csat_judged:
            found["csat"] = (self.csat_average - 1) / 4
        return found


def quality_rule() -> dict:
    """The published lines of the work-quality rule."""
    return {"qa_window": QA_WINDOW, "qa_min_calls": QA_MIN_CALLS, "qa_proven": QA_PROVEN, "qa_floor": QA_FLOOR,
            "csat_window": CSAT_WINDOW, "csat_min_ratings": CSAT_MIN_RATINGS, "csat_proven": CSAT_PROVEN}


@dataclass(frozen=True)
class TagInputs:
    """Everything known about one member and one tag. Ratios are 0..1; None means "no data"."""

    tag: str
    training: float | None = None  # share of the certification's required courses completed
    exam: float | None = None  # best certification-exam score
    certification: str | None = None  # "active" | "expired" | "revoked" | None
    qa: float | None = None  # QA average of the member's last decided calls (all campaigns)
    csat: float | None = None  # customer satisfaction
    attendance: float | None = None  # shifts attended / claimed
    work: str | None = None  # the member's work-quality level (``WorkQuality.level``)


@dataclass(frozen=True)
class TagScore:
    tag: str
    score: int
    reasons: list = field(default_factory=list)
    quality: str | None = None  # the work-quality level of a tag earned by an active certification


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
    weight = sum(WEIGHTS[k] for k in parts)
    score = sum(WEIGHTS[k] * min(max(v, 0.0), 1.0) for k, v in parts.items()) / weight * 100
    quality = (inputs.work or "unrated") if inputs.certification == "active" else None
    # Without a held certification, or with one whose work fell below the QA floor, a tag stays
    # below the silver line, however good the rest is.
    if quality in (None, "suspended"):
        score = min(score, CAPPED)
    return TagScore(inputs.tag, round(score), reasons, quality)


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
