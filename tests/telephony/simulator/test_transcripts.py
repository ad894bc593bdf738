"""Simulated transcripts: both languages, every industry, the behaviours their label claims, and the
same seed giving the same conversation."""

from __future__ import annotations

import re

import pytest

from marketplace.labels import INDUSTRY_LABELS
from telephony.simulator.transcripts import (
    FAULTS,
    GOOD_BEHAVIOURS,
    GREETING_WITHIN_SECONDS,
    LONG_SILENCE_SECONDS,
    generate,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
FULL_NUMBER = re.compile(r"\b1[3-9]\d{9}\b|\b\d{4} \d{4} \d{4} \d{4}\b")


def _gaps(transcript):
    pairs = zip(transcript.utterances, transcript.utterances[1:], strict=False)
    return [b["start"] - a["end"] for a, b in pairs]


@pytest.mark.parametrize("industry", sorted(INDUSTRY_LABELS))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_industry_in_both_languages_gives_an_ordered_conversation(industry, language):
    transcript = generate(industry=industry, language=language, quality="good", seed=7, company="Acme")
    utterances = transcript.utterances
    assert len(utterances) >= 8
    assert {u["speaker"] for u in utterances} == {"agent", "customer"}
    assert all(u["end"] > u["start"] >= 0 for u in utterances)
    assert all(gap >= 0 for gap in _gaps(transcript))
    chinese = sum(bool(CJK.search(u["text"])) for u in utterances)
    assert (chinese == len(utterances)) if language == "zh" else chinese == 0
    assert transcript.label()["industry"] == industry


def test_the_same_seed_gives_the_same_transcript_and_another_seed_another():
    first = generate(industry="telecom", language="en", quality="mediocre", seed=42).to_dict()
    assert generate(industry="telecom", language="en", quality="mediocre", seed=42).to_dict() == first
    others = {str(generate(industry="telecom", language="en", quality="mediocre", seed=s).to_dict())
              for s in range(20)}
    assert len(others) > 10  # paraphrases, not one template


@pytest.mark.parametrize("seed", range(15))
def test_a_good_agent_greets_with_the_company_verifies_discloses_and_closes(seed):
    transcript = generate(industry="ecommerce", language="zh", quality="good", seed=seed, company="淘优选")
    first = transcript.utterances[0]
    assert first["speaker"] == "agent" and "淘优选" in first["text"] and first["start"] < GREETING_WITHIN_SECONDS
    texts = " ".join(u["text"] for u in transcript.utterances)
    assert "录音" in texts and "订单号" in texts
    assert transcript.behaviours == {**{b: True for b in GOOD_BEHAVIOURS}, **{f: False for f in FAULTS},
                                     "empathy": transcript.customer_upset}
    assert max(_gaps(transcript)) <= LONG_SILENCE_SECONDS
    assert not FULL_NUMBER.search(texts)


@pytest.mark.parametrize("seed", range(15))
def test_a_bad_agent_is_curt_and_shows_the_faults_its_label_names(seed):
    transcript = generate(industry="finance", language="en", quality="bad", seed=seed, company="Acme Bank")
    found = transcript.behaviours
    assert found["curt_greeting"] and not found["greeting"] and not found["polite_closing"]
    assert sum(found[f] for f in ("rude", "long_silence", "pii_spoken")) >= 2
    texts = " ".join(u["text"] for u in transcript.utterances)
    assert "Acme Bank" not in transcript.utterances[0]["text"]
    assert bool(FULL_NUMBER.search(texts)) == found["pii_spoken"]
    assert (max(_gaps(transcript)) > LONG_SILENCE_SECONDS) == found["long_silence"]
    assert "recorded" not in texts


@pytest.mark.parametrize("seed", range(15))
def test_a_mediocre_agent_misses_some_good_behaviours_and_has_no_fault(seed):
    transcript = generate(industry="energy", language="zh", quality="mediocre", seed=seed)
    found = transcript.behaviours
    missed = [b for b in GOOD_BEHAVIOURS if not found[b] and (b != "empathy" or transcript.customer_upset)]
    assert 1 <= len(missed) <= 3
    assert not any(found[f] for f in FAULTS)
    if not found["greeting"]:
        assert transcript.utterances[0]["start"] > GREETING_WITHIN_SECONDS
    if not found["recording_disclosure"]:
        assert "录音" not in " ".join(u["text"] for u in transcript.utterances)


def test_unknown_industries_fall_back_and_bad_arguments_are_refused():
    assert generate(industry="shipbuilding", seed=1).industry == "general"
    with pytest.raises(ValueError):
        generate(language="fr")
    with pytest.raises(ValueError):
        generate(quality="terrible")
