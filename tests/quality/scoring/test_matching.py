"""Normalisation and the matcher interface."""

from __future__ import annotations

import sys
import types

import pytest

from quality.scoring import MatcherUnavailable, get_matcher
from quality.scoring.matching import EmbeddingMatcher, compile_phrases
from quality.scoring.text import digits_form, fold, tokens


@pytest.mark.parametrize(("text", "folded"), [
    ("ＡＢＣ１２３，", "abc123,"), ("這裡是城南燃氣客服", "这里是城南燃气客服"), ("“stupid”", '"stupid"'),
])
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(("text", "digits"), [
    ("一三八，幺二三四，五六七八", "13812345678"), ("two-three-four", "2-3-4"), ("double seven three", "773"),
    ("one moment please", "one moment please"), ("两个人", "两个人"), ("six oh two", "6 0 2"),
])
def test_spoken_numbers_become_digits(text, digits):
    assert digits_form(text).replace(",", "").replace(" ", "") == digits.replace(" ", "")


def test_chinese_is_segmented_with_jieba():
    assert tokens(fold("这里是城南燃气客服")) == ("这里", "是", "城南", "燃气", "客服")


def test_negation_is_read_in_its_clause_only():
    matcher = get_matcher("lexical")
    phrases = compile_phrases(("recorded for quality",))
    assert matcher.find("this call is not recorded for quality", phrases)[0].negated
    assert not matcher.find("if you don't mind, this call is recorded for quality", phrases)[0].negated
    sorry = compile_phrases(("抱歉",))
    assert not matcher.find("非常抱歉", sorry)[0].negated  # 非常 is one word, not 非


def test_a_typo_still_matches_a_long_word():
    assert get_matcher("lexical").find("this call is recroded for quality", compile_phrases(("call is recorded",)))


def test_the_embedding_matcher_is_unavailable_without_a_model(monkeypatch):
    monkeypatch.delenv("QA_EMBEDDING_MODEL", raising=False)
    with pytest.raises(MatcherUnavailable):
        EmbeddingMatcher()
    monkeypatch.setenv("QA_EMBEDDING_MODEL", "no_such_package:load")
    with pytest.raises(MatcherUnavailable):
        EmbeddingMatcher()


def test_a_model_that_fails_to_load_is_not_tried_again_for_every_call(monkeypatch):
    module = types.ModuleType("qa_broken_encoder")
    attempts = []

    def load():
        attempts.append(1)
        raise OSError("the model file is missing")
    module.load = load
    monkeypatch.setitem(sys.modules, "qa_broken_encoder", module)
    monkeypatch.setenv("QA_EMBEDDING_MODEL", "qa_broken_encoder:load")
    for _ in range(3):
        with pytest.raises(MatcherUnavailable, match="the model file is missing"):
            EmbeddingMatcher()
    assert attempts == [1]


def test_the_embedding_matcher_loads_a_configured_model(monkeypatch):
    # A stand-in encoder in a module of its own (bag of characters), loaded through the setting.
    module = types.ModuleType("qa_test_encoder")

    class Encoder:
        def encode(self, texts):
            return [[t.count(ch) for ch in "abcdefghijklmnopqrstuvwxyz"] for t in texts]
    module.load = Encoder
    monkeypatch.setitem(sys.modules, "qa_test_encoder", module)
    monkeypatch.setenv("QA_EMBEDDING_MODEL", "qa_test_encoder:load")
    matcher = EmbeddingMatcher(threshold=0.9)
    assert matcher.find("the call is recorded", compile_phrases(("call is recorded",)))  # exact first
    assert matcher.find("recorded is the call", compile_phrases(("the call is recorded",)))  # same letters
    assert not matcher.find("xyz", compile_phrases(("the call is recorded",)))
