"""The published rules: level curve, streaks across time zones and grace days, badges, grading, IPIP,
the typing score."""

import random
from datetime import date, timedelta

import pytest

from academy import grading, ipip, rules


def test_level_curve_is_published_and_monotonic():
    assert [rules.xp_for_level(n) for n in range(1, 6)] == [0, 100, 300, 600, 1000]
    assert rules.level_for_xp(0) == 1
    assert rules.level_for_xp(99) == 1
    assert rules.level_for_xp(100) == 2
    assert rules.level_for_xp(1000) == 5
    progress = rules.level_progress(200)
    assert progress == {"level": 2, "xp": 200, "level_floor": 100, "next_level_xp": 300, "ratio": 0.5}


def days(*offsets, today=date(2026, 3, 12)):
    return {today - timedelta(days=o) for o in offsets}


def test_streak_counts_consecutive_days_and_today_may_still_be_open():
    today = date(2026, 3, 12)  # a Thursday
    assert rules.streak_days(set(), today) == 0
    assert rules.streak_days(days(0, 1, 2), today) == 3
    assert rules.streak_days(days(1, 2), today) == 2  # not yet today: the streak stands


def test_one_grace_day_a_week_but_never_two_missed_days_in_a_row():
    today = date(2026, 3, 12)
    assert rules.streak_days(days(0, 1, 3, 4), today) == 4  # day 2 missed: graced
    assert rules.streak_days(days(0, 1, 4, 5), today) == 2  # two days missed: broken
    # Two single misses in the same ISO week: only one is forgiven.
    monday_week = days(0, 2, 4, today=date(2026, 3, 13))  # Fri, Wed, Mon of one week
    assert rules.streak_days(monday_week, date(2026, 3, 13)) == 2
    # Misses in different weeks are each forgiven.
    assert rules.streak_days(days(0, 2, 3, 4, 5, 6, 7, 9, 10), today) == 9


def test_badges_follow_their_rules():
    assert rules.earned_badges(rules.MemberFacts()) == set()
    facts = rules.MemberFacts(lessons_completed=1, perfect_quizzes=1, streak=7, level=5, certifications=1,
                              courses_completed=1, calls_completed=100)
    assert rules.earned_badges(facts) == set(rules.BADGE_KEYS)
    assert "streak_7" not in rules.earned_badges(rules.MemberFacts(streak=6))


QUESTIONS = [
    {"id": 1, "type": "single", "prompt": {"en": "p"}, "options": [{"key": k, "text": {"en": k}} for k in "abc"],
     "answer": "b"},
    {"id": 2, "type": "multiple", "prompt": {"en": "p"}, "options": [{"key": k, "text": {"en": k}} for k in "abcd"],
     "answer": ["a", "c"]},
    {"id": 3, "type": "true_false", "prompt": {"en": "p"},
     "options": [{"key": "true", "text": {"en": "T"}}, {"key": "false", "text": {"en": "F"}}], "answer": False},
    {"id": 4, "type": "ordering", "prompt": {"en": "p"}, "options": [{"key": k, "text": {"en": k}} for k in "abc"],
     "answer": ["c", "a", "b"]},
]


def test_grading_every_question_type():
    sheet = {"1": "b", "2": ["c", "a"], "3": False, "4": ["c", "a", "b"]}
    normalized = {k: grading.normalize_choice(QUESTIONS[int(k) - 1], v) for k, v in sheet.items()}
    assert grading.grade(QUESTIONS, normalized, 0.75)["score"] == 1.0
    normalized["2"] = ["a"]  # a partly right multiple choice is wrong
    normalized["4"] = ["a", "c", "b"]
    result = grading.grade(QUESTIONS, normalized, 0.75)
    assert (result["correct"], result["score"], result["passed"]) == (2, 0.5, False)
    assert grading.grade(QUESTIONS, {}, 0.5)["score"] == 0.0


@pytest.mark.parametrize("qid, choice", [(1, "z"), (1, ["b"]), (2, "a"), (2, ["a", "a"]), (3, "maybe"),
                                         (4, ["a", "b"]), (4, ["a", "b", "z"])])
def test_invalid_choices_are_refused(qid, choice):
    with pytest.raises(ValueError):
        grading.normalize_choice(QUESTIONS[qid - 1], choice)


def test_draw_is_random_shuffles_options_and_public_view_hides_answers():
    bank = [{**q, "id": i, "type": "single", "answer": "a", "prompt": {"en": f"q{i}"},
             "options": [{"key": k, "text": {"en": k}} for k in "abcd"]} for i, q in enumerate([{}] * 20)]
    first = grading.draw(bank, 5, random.Random(1))
    second = grading.draw(bank, 5, random.Random(2))
    assert len(first) == 5 and [q["id"] for q in first] != [q["id"] for q in second]
    orders = {tuple(o["key"] for o in q["options"]) for q in first + second}
    assert len(orders) > 1  # options are shuffled
    public = grading.public_view(first[0], "en")
    assert set(public) == {"id", "type", "prompt", "options"} and "answer" not in str(public)
    assert len(grading.draw(bank[:3], 10, random.Random(3))) == 3


def test_ipip_reverse_keying():
    items = [{"number": 1, "factor": "extraversion", "keyed": "+"},
             {"number": 2, "factor": "extraversion", "keyed": "-"}]
    assert ipip.score(items, {1: 5, 2: 1}) == {"extraversion": 100}
    assert ipip.score(items, {1: 1, 2: 5}) == {"extraversion": 0}
    assert ipip.score(items, {1: 3, 2: 3}) == {"extraversion": 50}
    with pytest.raises(ValueError):
        ipip.score(items, {1: 6, 2: 1})
    with pytest.raises(ValueError):
        ipip.score(items, {1: 3})


def test_typing_score_rules():
    from academy import typing

    text = typing.passage("en", 0)
    slow = typing.score(text, text, 600, "en")
    assert slow["accuracy"] == 1.0 and slow["passed"] is False and slow["cpm"] == round(len(text) / 10)
    fast = typing.score(text, text, 30, "en")
    assert fast["passed"] is True
    zh = typing.passage("zh", 1)
    assert typing.score(zh, zh[: len(zh) // 2], 30, "zh")["accuracy"] < 0.7
