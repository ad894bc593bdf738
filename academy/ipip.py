"""Scoring the IPIP 50-item Big-Five Factor Markers (public domain, ipip.ori.org), with reverse keying."""

from __future__ import annotations

from collections.abc import Sequence

FACTORS = ("extraversion", "agreeableness", "conscientiousness", "emotional_stability", "intellect")


def score(items: Sequence[dict], answers: dict[int, int], scale_min: int = 1, scale_max: int = 5) -> dict[str, int]:
    """Trait scores 0-100 per factor from 1-5 answers; ``-`` keyed items count ``min + max - answer``.

    ``ValueError`` when an item is missing or an answer is out of the scale.
    """
    sums = {factor: 0 for factor in FACTORS}
    counts = {factor: 0 for factor in FACTORS}
    for item in items:
        number = item["number"]
        value = answers.get(number)
        if not isinstance(value, int) or isinstance(value, bool) or not scale_min <= value <= scale_max:
            raise ValueError(f"item {number}: answer {scale_min} to {scale_max}")
        if item["keyed"] == "-":
            value = scale_min + scale_max - value
        sums[item["factor"]] += value
        counts[item["factor"]] += 1
    span = scale_max - scale_min
    return {
        factor: round(100 * (sums[factor] - scale_min * counts[factor]) / (span * counts[factor]))
        for factor in FACTORS if counts[factor]
    }
