"""The sentence classifiers: deterministic training, the corpus they learn from kept apart from the
evaluation set, and their place in the items (switchable per item)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quality.scoring import classifier
from quality.scoring.corpus import LISTS, corpus
from quality.scoring.matching import unquoted
from quality.scoring.text import fold
from tests.quality.scoring.helpers import call

EVALSET = Path(__file__).resolve().parents[1] / "evalset"


def test_training_is_deterministic_and_separates_what_it_learned():
    rude = ["you are useless", "what an idiot you are", "you clearly can't read"]
    polite = ["thank you for waiting", "could you read me the postcode", "you are all set"]
    first, second = classifier.train(rude, polite), classifier.train(rude, polite)
    assert first == second
    assert first.probability(fold("you are useless")) > 0.5 > first.probability(fold("thank you for waiting"))


def test_a_model_without_examples_says_nothing():
    empty = classifier.train([], [])
    assert empty.probability("anything") == 0.5 and empty.weights == {}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_corpus_is_full_distinct_and_apart_from_the_evaluation_set(language):
    lists = corpus(language)
    assert set(lists) == set(LISTS)
    assert all(len(lists[name]) >= 250 for name in LISTS)
    for task in classifier.TASKS:
        yes, no = classifier.examples(task, language)
        both = {fold(s) for s in yes} & {fold(s) for s in no}
        assert not both, f"{task}: both kinds share {sorted(both)[:3]}"
    said = {fold(u["text"]) for path in EVALSET.glob("*.json")
            for c in json.loads(path.read_text(encoding="utf-8")) for u in c["transcript"]}
    leaked = {fold(s) for name in LISTS for s in lists[name]} & said
    assert not leaked, f"evaluation sentences in the corpus: {sorted(leaked)[:3]}"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_classifier_learns_its_own_corpus(language):
    for task in classifier.TASKS:
        model = classifier.model(task, language)
        yes, no = classifier.examples(task, language)
        right = sum(model.probability(fold(s)) >= 0.5 for s in yes) + sum(model.probability(fold(s)) < 0.5 for s in no)
        assert right / (len(yes) + len(no)) >= 0.95, task


def test_the_classifier_can_be_switched_off_per_item():
    from quality.scoring import score, validate_card
    from quality.scoring.cards import template
    from quality.scoring.transcript import parse_transcript

    card = template("standard")
    empathy = next(i for s in card["sections"] for i in s["items"] if i["key"] == "empathy")
    empathy["params"]["classifier"] = False
    assert validate_card(card) == []

    def passed(raw, spec):
        return next(r for r in score(spec, parse_transcript(raw), "en").items if r.key == "empathy").passed

    # an acknowledgement that only the classifier recognises: passed with it, failed without it
    for sentence in corpus("en")["EMPATHY"]:
        raw = call(("a", "Thank you for calling Harbor Bank, this is Tom."), ("c", "My card was declined at the till."),
                   ("a", sentence))
        if passed(raw, template("standard")) is True and passed(raw, card) is False:
            return
    pytest.fail("no acknowledgement of the corpus is recognised by the classifier alone")


GREETING = {"zh": "您好，星河银行，我是小郑。", "en": "Thank you for calling Harbor Bank, this is Tom."}
REPLY = {"zh": "嗯。", "en": "Okay."}


def _forbidden(sentence: str, language: str, card: dict | None = None) -> bool | None:
    """The forbidden-language item on a short call whose last words are ``sentence``."""
    from quality.scoring import score
    from quality.scoring.cards import template
    from quality.scoring.transcript import parse_transcript

    raw = call(("a", GREETING[language]), ("c", REPLY[language]), ("a", sentence))
    result = score(card or template("standard"), parse_transcript(raw), language)
    return next(r for r in result.items if r.key == "forbidden_language").passed


def _rules_only() -> dict:
    from quality.scoring import validate_card
    from quality.scoring.cards import template

    card = template("standard")
    forbidden = next(i for s in card["sections"] for i in s["items"] if i["key"] == "forbidden_language")
    forbidden["params"]["classifier"] = False
    assert validate_card(card) == []
    return card


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_rudeness_classifier_finds_what_the_rules_miss_and_sets_aside_what_they_mistake(language):
    rules = _rules_only()
    lists = corpus(language)
    # a rude sentence no phrase or pattern finds: failed with the classifier, passed without it
    assert any(_forbidden(s, language) is False and _forbidden(s, language, rules) is True for s in lists["RUDE"])
    # a polite sentence the rules mistake ("this stupid form keeps timing out, I'm sorry"): the
    # classifier is sure it is polite, so it passes; without the classifier it fails
    assert any(_forbidden(s, language) is True and _forbidden(s, language, rules) is False for s in lists["NOT_RUDE"])


@pytest.mark.parametrize("language", ["zh", "en"])
def test_rudeness_judged_on_sentences_the_classifier_never_saw(language):
    """Five-fold cross-validation on the corpus, judged as deployed (the rules, the classifier at its
    threshold and floor, each sentence's probability from a model trained without it; below the floor
    only the rudeness constructions other than swearing still count): many more rude sentences
    found than by the rules alone (English, whose threshold is the stricter, 1.3×), and fewer polite
    ones faulted — at most 1.2 %, on polite sentences written to look rude."""
    from quality.scoring.items import _RUDENESS, _SWEARING
    from quality.scoring.matching import find_patterns

    def patterned(sentence: str) -> bool:  # a rudeness construction other than swearing
        folded = unquoted(fold(sentence))
        return any(not h.negated and not _SWEARING.search(folded[h.start:h.end])
                   for h in find_patterns(folded, _RUDENESS))

    rules = _rules_only()
    threshold, floor = classifier.threshold("forbidden", language), classifier.FLOORS["forbidden"]
    rows = [(rude, _forbidden(s, language, rules) is False, p, s)
            for s, rude, p in classifier.held_out("forbidden", language, read=lambda s: unquoted(fold(s)))]
    polite = sum(not rude for rude, _r, _p, _s in rows)
    by_rules = [(rude, rule) for rude, rule, _p, _s in rows]
    deployed = [(rude, p >= threshold or (rule and (p >= floor or patterned(s)))) for rude, rule, p, s in rows]

    def found(judged):
        return sum(rude and hit for rude, hit in judged)

    def faulted(judged):
        return sum(hit and not rude for rude, hit in judged)

    assert found(deployed) >= {"zh": 1.8, "en": 1.3}[language] * found(by_rules)
    assert faulted(deployed) < faulted(by_rules)
    assert faulted(deployed) <= polite * 0.012


def test_quoted_words_are_not_the_speakers():
    assert unquoted('the driver says you told him to "get lost", is that right?') == \
        "the driver says you told him to  , is that right?"
    assert unquoted("he called it 'a joke', and i don't agree") == "he called it  , and i don't agree"
    assert unquoted("you're right") == "you're right"
