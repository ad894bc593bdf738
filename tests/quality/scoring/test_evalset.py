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


# The third and fourth blind splits, each read once when the rudeness classifier of its time was done
# (README): their figures as a floor. English misses the targets on blind4 (README says by how much).
LATER_BLIND_FLOORS = {
    ("blind3", "zh"): {"agreement": 0.975, "forbidden_recall": 11 / 12, "pii_recall": 1.0},
    ("blind3", "en"): {"agreement": 0.875, "forbidden_recall": 9 / 12, "pii_recall": 1.0},
    ("blind4", "zh"): {"agreement": 0.975, "forbidden_recall": 13 / 14, "pii_recall": 1.0},
    ("blind4", "en"): {"agreement": 0.725, "forbidden_recall": 7 / 14, "pii_recall": 7 / 9},
}


@pytest.mark.parametrize(("split", "language"), list(LATER_BLIND_FLOORS))
def test_the_later_blind_splits_keep_their_first_read_figures(split, language):
    m = qa_eval.evaluate([c for c in qa_eval.load(split) if c["language"] == language], "lexical")
    floor = LATER_BLIND_FLOORS[(split, language)]
    assert m["decision_agreement"] >= floor["agreement"] - 1e-9
    assert m["items"]["forbidden_language"]["recall"] >= floor["forbidden_recall"] - 1e-9
    assert m["items"]["pii_exposure"]["recall"] >= floor["pii_recall"] - 1e-9
    assert m["items"]["pii_exposure"]["precision"] == 1.0
