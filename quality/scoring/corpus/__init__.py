"""Labelled sentences the classifiers of ``quality.scoring.classifier`` learn from, per language:
``RUDE`` / ``NOT_RUDE`` (agents), ``EMPATHY`` / ``NOT_EMPATHY`` (agents), ``PROBLEM`` /
``NO_PROBLEM`` (customers). Written for the purpose, sentence by sentence, by people who never saw
the evaluation set; the polite lists hold the hard cases (firm refusals, curt requests, negated or
quoted insults, "sorry" about the line or the wait)."""

from __future__ import annotations

import importlib

LISTS = ("RUDE", "NOT_RUDE", "EMPATHY", "NOT_EMPATHY", "PROBLEM", "NO_PROBLEM")


def corpus(language: str) -> dict[str, list[str]]:
    """The six lists of one language ("zh" or "en")."""
    module = importlib.import_module(f"quality.scoring.corpus.{language}")
    return {name: list(getattr(module, name, [])) for name in LISTS}
