"""Reading transcripts: the simulator's documents, and the errors a bad one raises."""

from __future__ import annotations

import json

import pytest

from quality.scoring import STANDARD, TranscriptError, parse_transcript, score
from telephony.simulator.transcripts import generate


def test_the_simulators_documents_are_read_and_scored():
    for language in ("zh", "en"):
        conversation = generate(industry="finance", language=language, quality="good", seed=4)
        document = json.loads(json.dumps(conversation.to_dict()))
        utterances = parse_transcript(document)
        assert utterances[0].speaker == "agent" and utterances[0].start >= 0
        assert parse_transcript(document["utterances"]) == utterances
        assert score(STANDARD, utterances, language).decision == "approve"


U = {"speaker": "agent", "text": "hi", "start": 0.0, "end": 1.0}


@pytest.mark.parametrize(("raw", "code", "index"), [
    ([], "empty", None),
    ("hello", "malformed", None),
    ([U] * 3, None, None),
    ([U, {**U, "speaker": "robot"}], "bad_speaker", 1),
    ([U, {**U, "start": 5.0, "end": 4.0}], "time_backwards", 1),
    ([{**U, "start": 5.0, "end": 6.0}, U], "time_backwards", 1),
    ([U, {**U, "start": "soon"}], "bad_time", 1),
    ([U, {**U, "start": float("nan")}], "bad_time", 1),
    ([U, {"speaker": "agent", "text": "hi"}], "malformed", 1),
    ([U, {**U, "text": None}], "malformed", 1),
    ([U, "text"], "malformed", 1),
])
def test_errors_name_a_code_and_the_utterance(raw, code, index):
    if code is None:
        assert len(parse_transcript(raw)) == 3
        return
    with pytest.raises(TranscriptError) as caught:
        parse_transcript(raw)
    assert (caught.value.code, caught.value.index) == (code, index)


def test_a_huge_transcript_is_refused():
    with pytest.raises(TranscriptError) as caught:
        parse_transcript([U] * 11, max_utterances=10)
    assert caught.value.code == "too_long"


def test_a_quotation_over_several_sentences_stays_in_one():
    from quality.scoring.text import sentences

    assert sentences("Sorry. He said 'Are you stupid? It's your house.' Is that right?") == [
        "Sorry.", "He said 'Are you stupid? It's your house.' Is that right?"]
    assert sentences("您说“骗子公司！我要投诉！”，我已经记录了。还有吗？") == [
        "您说“骗子公司！我要投诉！”，我已经记录了。", "还有吗？"]
    # apostrophes open nothing; a quotation never closed does not swallow the rest
    assert sentences("The students' books are here. Don't worry.") == ["The students' books are here.", "Don't worry."]
    assert sentences("'Hello. No close.") == ["'Hello.", "No close."]


def test_a_title_an_abbreviation_or_a_decimal_point_ends_no_sentence():
    from quality.scoring.text import sentences

    assert sentences("I understand, Mrs. Marsh, a bill that big is worrying. Let me look.") == [
        "I understand, Mrs. Marsh, a bill that big is worrying.", "Let me look."]
    assert sentences("There's a flight at four fifteen p.m., and check-in is from two. Shall I book it?") == [
        "There's a flight at four fifteen p.m., and check-in is from two.", "Shall I book it?"]
    assert sentences("That's 3.50 a month. Okay?") == ["That's 3.50 a month.", "Okay?"]
    assert sentences("Thanks, Dr. Shah. No. Done!") == ["Thanks, Dr. Shah.", "No.", "Done!"]
