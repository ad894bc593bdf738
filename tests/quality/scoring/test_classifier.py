"""The sentence classifiers: deterministic training, the corpus they learn from kept apart from the
evaluation set, and their place in the items (switchable per item)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quality.scoring import classifier
from quality.scoring.corpus import LISTS, corpus
from quality.scoring.text import fold
from tests.quality.scoring.helpers import call, item

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
    for positive, negative in classifier.TASKS.values():
        both = {fold(s) for s in lists[positive]} & {fold(s) for s in lists[negative]}
        assert not both, f"{positive} and {negative} share {sorted(both)[:3]}"
    said = {fold(u["text"]) for path in EVALSET.glob("*.json")
            for c in json.loads(path.read_text(encoding="utf-8")) for u in c["transcript"]}
    leaked = {fold(s) for name in LISTS for s in lists[name]} & said
    assert not leaked, f"evaluation sentences in the corpus: {sorted(leaked)[:3]}"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_classifier_learns_its_own_corpus(language):
    lists = corpus(language)
    for task, (positive, negative) in classifier.TASKS.items():
        model = classifier.model(task, language)
        right = sum(model.probability(fold(s)) >= 0.5 for s in lists[positive]) + \
            sum(model.probability(fold(s)) < 0.5 for s in lists[negative])
        assert right / (len(lists[positive]) + len(lists[negative])) >= 0.95, task


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


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_rudeness_rules_fault_almost_no_polite_sentence_written_blind(language):
    """The corpus's polite agent sentences (firm refusals, curt requests, negated and quoted
    insults, polite warnings) were written without sight of the rules: at most 1% may fail."""
    greeting = {"zh": "您好，星河银行，我是小郑。", "en": "Thank you for calling Harbor Bank, this is Tom."}[language]
    faulted = [s for s in corpus(language)["NOT_RUDE"]
               if item(call(("a", greeting), ("c", "嗯。" if language == "zh" else "Okay."), ("a", s)),
                       "forbidden_language", language).passed is False]
    assert len(faulted) <= len(corpus(language)["NOT_RUDE"]) // 100, faulted
