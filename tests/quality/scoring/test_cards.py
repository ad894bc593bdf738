"""Scorecard validation, the score's arithmetic, automatic fails and the decision thresholds."""

from __future__ import annotations

import json
import random

import pytest

from quality.scoring import (
    ITEM_TYPES,
    STANDARD,
    decide,
    parse_transcript,
    score,
    template,
    validate_card,
)
from tests.quality.scoring.helpers import call

GOOD_EN = call(
    ("a", "Thank you for calling Harbor Bank, this is Tom. How can I help?"),
    ("a", "Please note this call may be recorded for quality purposes."),
    ("c", "My card got declined at the supermarket."),
    ("a", "I'm so sorry about that. Could you confirm your date of birth?"),
    ("c", "Fourth of May, eighty-six."),
    ("a", "Thanks. I've unblocked the card, it works again now."),
    ("c", "Great."),
    ("a", "Is there anything else I can help you with?"),
    ("c", "No, thanks."),
    ("a", "Thanks for calling, have a great day!"),
)


def codes(spec):
    return {(p.code, p.path) for p in validate_card(spec)}


def test_the_standard_card_is_valid_json_with_the_documented_keys_and_points():
    assert validate_card(STANDARD) == []
    json.dumps(STANDARD)
    points = {i["key"]: i["points"] for s in STANDARD["sections"] for i in s["items"]}
    assert points == {"greeting": 10, "verification": 15, "disclosure": 15, "empathy": 15, "resolution_confirmed": 15,
                      "closing": 10, "long_silence": 20, "forbidden_language": 0, "pii_exposure": 0}


def test_weights_that_do_not_sum_to_100_are_named():
    spec = template("standard")
    spec["sections"][0]["items"][0]["points"] = 20
    problems = validate_card(spec)
    assert [(p.code, p.path, p.params["total"]) for p in problems] == [("weights_sum", "sections", 110)]


def test_unknown_types_bad_params_and_duplicates_are_named():
    spec = template("standard")
    spec["sections"][0]["items"][0]["type"] = "telepathy"
    spec["sections"][1]["items"][3]["params"]["max_gap_seconds"] = -4
    spec["sections"][1]["items"][1]["key"] = "greeting"
    spec["sections"][2]["items"][0]["auto_fail"] = "everything"
    spec["sections"][1]["items"][0]["not_applicable"] = {"when": "never"}
    spec["thresholds"] = {"approve": 50, "review": 70}
    assert codes(spec) == {
        ("unknown_type", "sections[0].items[0].type"),
        ("bad_param", "sections[1].items[3].params.max_gap_seconds"),
        ("duplicate_key", "sections[1].items[1].key"),
        ("bad_auto_fail", "sections[2].items[0].auto_fail"),
        ("bad_rule", "sections[1].items[0].not_applicable"),
        ("thresholds_order", "thresholds.review"),
    }


@pytest.mark.parametrize("spec", [None, {}, {"sections": []}, {"sections": "x"}])
def test_a_card_without_sections_is_one_problem(spec):
    assert [p.code for p in validate_card(spec)] == ["no_sections"]


def test_every_registered_type_checks_its_params():
    for key, kind in ITEM_TYPES.items():
        assert kind.check({}, "x") == [] or key in ("phrase",), key
    assert [p.code for p in ITEM_TYPES["phrase"].check({"lexicon": "nope"}, "x")] == ["unknown_lexicon"]


@pytest.mark.parametrize(("value", "auto_failed", "thresholds", "decision"), [
    (80, False, None, "approve"), (79, False, None, "review"), (60, False, None, "review"),
    (59, False, None, "reject"), (100, True, None, "reject"),
    (85, False, {"approve": 90, "review": 70}, "review"), (69, False, {"approve": 90, "review": 70}, "reject"),
])
def test_decide(value, auto_failed, thresholds, decision):
    assert decide(value, auto_failed, thresholds) == decision


def test_a_good_call_scores_100_and_the_response_has_the_dry_run_shape():
    result = score(STANDARD, parse_transcript(GOOD_EN), "en")
    body = result.as_dict()
    assert (body["score"], body["decision"]) == (100, "approve")
    assert set(body) == {"score", "decision", "items"}
    assert all(set(i) == {"key", "passed", "points", "evidence", "suspected"} for i in body["items"])
    assert body["items"][0]["evidence"] == [{"utterance": 0, "text": GOOD_EN[0]["text"], "start": GOOD_EN[0]["start"]}]


def test_score_is_points_passed_over_applicable_points_and_not_applicable_is_left_out():
    raw = call(("a", "Harbor Bank, Tom speaking, how can I help?"), ("c", "I'd like to know your opening hours."),
               ("a", "We're open nine to five."), ("c", "Okay."), ("a", "Okay. Bye."))
    result = score(STANDARD, parse_transcript(raw), "en")
    passed = {r.key: r.passed for r in result.items}
    assert passed["empathy"] is None
    # greeting 10 + long_silence 20 over 85 applicable points
    assert passed == {"greeting": True, "verification": False, "disclosure": False, "empathy": None,
                      "resolution_confirmed": False, "closing": False, "long_silence": True,
                      "forbidden_language": True, "pii_exposure": True}
    assert result.score == round(30 / 85 * 100) == 35
    assert result.decision == "reject"


def test_an_automatic_fail_makes_the_score_0():
    raw = GOOD_EN[:-1] + call(("a", "Whatever, it's your own fault. Bye."), first=GOOD_EN[-1]["start"])
    result = score(STANDARD, parse_transcript(raw), "en")
    assert (result.score, result.decision, result.auto_failed) == (0, "reject", ["forbidden_language"])


def test_campaign_thresholds_override_the_cards():
    raw = GOOD_EN[:1] + GOOD_EN[2:]  # no disclosure: 85
    assert score(STANDARD, parse_transcript(raw), "en").decision == "approve"
    assert score(STANDARD, parse_transcript(raw), "en", thresholds={"approve": 90, "review": 60}).decision == "review"


def test_a_section_scoped_automatic_fail_zeroes_only_its_section():
    spec = template("standard")
    spec["sections"][2]["items"][0]["auto_fail"] = "section"
    spec["sections"][0]["items"].append({"key": "no_swearing", "type": "forbidden", "points": 0,
                                         "auto_fail": "section", "params": {"phrases": {"en": ["harbor"]}}})
    assert validate_card(spec) == []
    result = score(spec, parse_transcript(GOOD_EN), "en")
    assert result.auto_failed == ["no_swearing"]
    assert (result.score, result.decision) == (60, "review")  # the opening's 40 points are lost


def test_the_other_item_types_score():
    spec = {"sections": [{"key": "s", "items": [
        {"key": "ratio", "type": "talk_ratio", "points": 25, "params": {"min_agent_share": 0.3}},
        {"key": "over", "type": "talk_over", "points": 25, "params": {"max_count": 0}},
        {"key": "dispo", "type": "disposition", "points": 25,
         "params": {"keywords": {"refund": {"phrases": {"en": ["refund"], "zh": ["退款"]}}}}},
        {"key": "mood", "type": "sentiment", "points": 25, "params": {}},
    ]}]}
    assert validate_card(spec) == []
    raw = call(("a", "Hello, ShopRight, Aisha speaking."), ("c", "My parcel is lost and I'm upset."),
               ("a", "I've issued a full refund."), ("c", "Great, thanks, that's perfect."))
    result = score(spec, parse_transcript(raw), "en", disposition="refund")
    assert {r.key: r.passed for r in result.items} == {"ratio": True, "over": True, "dispo": True, "mood": True}
    other = score(spec, parse_transcript(raw), "en", disposition="sale",
                  dispositions=[{"key": "sale", "phrases": {"en": ["upgrade"]}}])
    assert {r.key: r.passed for r in other.items}["dispo"] is False
    assert {r.key: r.passed for r in score(spec, parse_transcript(raw), "en").items}["dispo"] is None


def test_malformed_cards_are_problems_never_crashes_and_valid_ones_score():
    """Cards with fields replaced by values of the wrong type or shape, at random (seeded)."""
    rng = random.Random(7)
    odd = [None, 1, -1, 0.5, "x", [], {}, ["a"], {"zh": "x"}, {"zh": ["好"]}, True, "card", "phrase", 100,
           {"lexicon": "hold"}, {"lexicon": ["x"]}, {"unless_said_by": "customer", "first_turns": "x"}]
    every_type = {"sections": [{"key": "s", "items": [
        {"key": k, "type": k, "points": 100 if k == "phrase" else 0,
         "params": {"lexicon": "hold"} if k == "phrase" else {}} for k in ITEM_TYPES]}]}

    def mutate(value):
        if isinstance(value, dict):
            out = {k: rng.choice(odd) if rng.random() < 0.03 else mutate(v) for k, v in value.items()}
            if rng.random() < 0.05:
                out[rng.choice(["params", "also", "exclude", "within_seconds", "hold", "keywords", "reported",
                                "not_applicable", "speaker", "window", "min_agent_share"])] = rng.choice(odd)
            return out
        return [mutate(v) for v in value] if isinstance(value, list) else value

    raw = parse_transcript(GOOD_EN)
    valid = 0
    for n in range(1500):
        spec = mutate(STANDARD if n % 2 else every_type)
        if not validate_card(spec):
            valid += 1
            assert 0 <= score(spec, raw, "en", disposition="x").score <= 100
    assert valid > 100
