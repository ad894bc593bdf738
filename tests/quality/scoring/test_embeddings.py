"""The optional embedding matcher with the sentence encoder the ``qa-embedding`` extra installs
(WordLlama's bundled model), loaded offline: the network guard fails any connection."""

from __future__ import annotations

from pathlib import Path

import pytest

from quality.scoring import STANDARD, get_matcher, parse_transcript, score
from quality.scoring.embeddings import WordLlamaEncoder, wordllama_model
from quality.scoring.lexicon import LEXICONS
from quality.scoring.matching import EmbeddingMatcher, LexicalMatcher, compile_phrases
from quality.scoring.text import fold
from tests.quality.scoring.helpers import call

SPEC = "quality.scoring.embeddings:wordllama_model"


@pytest.fixture(scope="module")
def model():
    return wordllama_model()


@pytest.fixture
def configured(monkeypatch):
    monkeypatch.setenv("QA_EMBEDDING_MODEL", SPEC)
    get_matcher.cache_clear()
    yield
    get_matcher.cache_clear()


def _cosine(model, a: str, b: str) -> float:
    x, y = model.encode([fold(a), fold(b)])
    return float(x @ y)


def test_the_bundled_model_loads_from_the_package_and_encodes_both_languages(model):
    import wordllama
    assert Path(wordllama.__file__).parent.joinpath("weights", "l2_supercat_256.safetensors").is_file()
    vectors = model.encode(["感谢您的来电，再见。", "thank you for calling, goodbye", ""])
    assert vectors.shape == (3, 256)
    assert abs(float(vectors[0] @ vectors[0]) - 1) < 1e-5 and abs(float(vectors[1] @ vectors[1]) - 1) < 1e-5
    assert not vectors[2].any()  # nothing to encode: the zero vector, never NaN
    assert _cosine(model, "感谢您的来电", "感谢来电") > 0.8 > _cosine(model, "感谢您的来电", "今天天气很好")
    assert _cosine(model, "thank you for calling", "thanks for calling") > 0.8
    assert _cosine(model, "thank you for calling", "the meter is broken") < 0.2


def test_it_finds_a_wording_the_lexical_matcher_misses(model):
    # From the evaluation set: an agent's "Bye." against the closing phrase "bye now" (cosine 0.79).
    closing = compile_phrases(tuple(LEXICONS["closing"]["en"]))
    assert not LexicalMatcher().find("bye.", closing)
    hits = EmbeddingMatcher(model, threshold=0.75).find("bye.", closing)
    assert [h.phrase for h in hits] == ["bye now"] and not hits[0].negated
    assert not EmbeddingMatcher(model).find("bye.", closing)  # below the default threshold, 0.80


def test_a_negator_anywhere_in_the_sentence_negates_its_hit(model):
    phrases = compile_phrases(("we keep recordings of this call",))
    sentence = "we never keep recordings of this call"
    assert not LexicalMatcher().find(sentence, phrases)
    hits = EmbeddingMatcher(model).find(sentence, phrases)
    assert hits and hits[0].negated
    assert not EmbeddingMatcher(model).find("we keep recordings of every call", phrases)[0].negated


def test_get_matcher_loads_it_from_the_setting(configured):
    matcher = get_matcher("embedding")
    assert isinstance(matcher, EmbeddingMatcher) and isinstance(matcher.model, WordLlamaEncoder)
    raw = call(("a", "Thank you for calling Northwind Energy, this is Sam speaking."),
               ("a", "This call is recorded for quality purposes."),
               ("c", "My gas meter keeps clicking."),
               ("a", "I'm sorry to hear that. Is there anything else I can help with?"),
               ("c", "No, that's all."), ("a", "Thank you for calling, goodbye."))
    for language, text in (("en", raw), ("zh", call(("a", "您好，城南燃气客服，我是小王，很高兴为您服务。"),
                                                   ("c", "我家燃气表一直响。"), ("a", "感谢您的来电，再见。")))):
        lexical = score(STANDARD, parse_transcript(text), language)
        embedding = score(STANDARD, parse_transcript(text), language, matcher="embedding")
        assert embedding.decision == lexical.decision
        assert [r.passed for r in embedding.items] == [r.passed for r in lexical.items]
