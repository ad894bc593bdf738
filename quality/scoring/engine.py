"""Scoring a conversation against a scorecard spec, and the decision that follows.

Score = points of the items passed over the points of the applicable items, × 100, rounded
half up (100 when no scored item applies). An item whose ``auto_fail`` is "card" failing makes
the score 0 and the decision "reject"; one scoped to its "section" zeroes that section's points.
Decision: approve at ``approve`` (80) or above, review from ``review`` (60), reject below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quality.scoring.cards import DEFAULT_THRESHOLDS
from quality.scoring.context import Context, Evidence
from quality.scoring.items import ITEM_TYPES
from quality.scoring.matching import classifier_for, find_all, get_matcher, hypothetical, patterns_for, phrases_for
from quality.scoring.transcript import Utterance


@dataclass
class ItemResult:
    key: str
    passed: bool | None  # None: not applicable
    points: int  # the item's points on the card (0 for automatic-fail checks)
    evidence: list[Evidence]
    auto_fail: bool = False
    section: str | None = None
    suspected: list[Evidence] = field(default_factory=list)  # suspected, not failed on (a person may judge)


@dataclass
class ScoreResult:
    score: int
    decision: str  # approve | review | reject
    items: list[ItemResult]
    auto_failed: list[str] = field(default_factory=list)

    @property
    def suspected(self) -> list[str]:
        """The items that passed but suspect a fault they could not be sure of."""
        return [r.key for r in self.items if r.suspected and r.passed is not False]

    def as_dict(self) -> dict:
        """The dry-run response of DESIGN.md: score, decision and the items with their evidence."""
        return {"score": self.score, "decision": self.decision, "items": [
            {"key": r.key, "passed": r.passed, "points": r.points, "evidence": quoted(r.evidence),
             "suspected": quoted(r.suspected)} for r in self.items]}


def quoted(evidence: list[Evidence]) -> list[dict]:
    """Evidence as the API and the stored results quote it."""
    return [{"utterance": e.utterance, "text": e.text, "start": e.start} for e in evidence]


def decide(score: int, auto_failed: bool, thresholds: dict | None = None) -> str:
    """approve / review / reject for a score (an automatic fail always rejects)."""
    limits = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    if auto_failed or score < limits["review"]:
        return "reject"
    return "approve" if score >= limits["approve"] else "review"


def _not_applicable(ctx: Context, rule: dict | None) -> bool:
    """Whether the item's rule says it does not apply; sets ``ctx.trigger`` to the utterance that
    made it apply (for ``after_trigger``)."""
    ctx.trigger = None
    if not rule:
        return False
    if "disposition_in" in rule:
        return ctx.disposition in rule["disposition_in"]
    phrases, patterns, task = phrases_for(rule), patterns_for(rule), classifier_for(rule)
    for i in ctx.said_by(rule["unless_said_by"])[:rule.get("first_turns")]:
        if any(not h.negated and not hypothetical(f, h.start)
               for _, f in ctx.sentences(i) for h in find_all(ctx.matcher, f, phrases, patterns, task)):
            ctx.trigger = i
            return False
    return True


def score(spec: dict, utterances: list[Utterance], language: str, *, disposition: str | None = None,
          dispositions: list | None = None, thresholds: dict | None = None, matcher: str = "lexical") -> ScoreResult:
    """Judge every item of a valid ``spec`` (see ``validate_card``) on the conversation.
    ``thresholds``: the campaign's QA policy, over the card's own. Raises ``MatcherUnavailable``
    when ``matcher`` cannot run on this deployment."""
    ctx = Context(utterances, language, get_matcher(matcher), disposition=disposition, dispositions=dispositions)
    results: list[ItemResult] = []
    card_failed: list[str] = []
    zeroed: set[str] = set()
    for section in spec["sections"]:
        for item in section["items"]:
            if _not_applicable(ctx, item.get("not_applicable")):
                judgement_passed, evidence, suspected = None, [], []
            else:
                judgement = ITEM_TYPES[item["type"]].judge(ctx, item.get("params") or {})
                judgement_passed, evidence, suspected = judgement.passed, judgement.evidence, judgement.suspected
            auto = item.get("auto_fail")
            results.append(ItemResult(item["key"], judgement_passed, item.get("points", 0), evidence,
                                      bool(auto), section.get("key"), suspected))
            if auto and judgement_passed is False:
                (card_failed.append(item["key"]) if auto == "card" else zeroed.add(section.get("key")))
    applicable = sum(r.points for r in results if r.passed is not None)
    earned = sum(r.points for r in results if r.passed and r.section not in zeroed)
    value = 0 if card_failed else ((earned * 200 + applicable) // (2 * applicable) if applicable else 100)
    limits = {**DEFAULT_THRESHOLDS, **(spec.get("thresholds") or {}), **(thresholds or {})}
    failed = card_failed + [r.key for r in results if r.auto_fail and r.passed is False and r.key not in card_failed]
    return ScoreResult(value, decide(value, bool(card_failed), limits), results, failed)
