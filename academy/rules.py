"""The published rules of the game, as pure functions: XP amounts, the level curve, streaks and badges.

No Flask and no database here, so the rules can be read, tested and shown on the pages as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# XP paid once per achievement.
XP_LESSON = 10
XP_QUIZ_PASSED = 50
XP_QUIZ_PERFECT_BONUS = 25
XP_EXAM_PASSED = 100
XP_CERTIFICATION = 200
XP_ASSESSMENT = 20

MAX_LEVEL = 50


def xp_for_level(level: int) -> int:
    """Total XP needed to reach ``level``: 50·L·(L−1) — 0, 100, 300, 600, 1000, 1500, …"""
    return 50 * level * (level - 1)


def level_for_xp(xp: int) -> int:
    level = 1
    while level < MAX_LEVEL and xp >= xp_for_level(level + 1):
        level += 1
    return level


def level_progress(xp: int) -> dict:
    """Where a member stands on the curve: level, XP into it and XP needed for the next one."""
    level = level_for_xp(xp)
    floor, ceiling = xp_for_level(level), xp_for_level(level + 1)
    span = max(ceiling - floor, 1)
    return {"level": level, "xp": xp, "level_floor": floor, "next_level_xp": ceiling,
            "ratio": round(min(max((xp - floor) / span, 0.0), 1.0), 4)}


def streak_days(active_days: Iterable[date], today: date) -> int:
    """Consecutive active days ending today (or yesterday, if today is still open).

    One missed day per ISO week is forgiven (the grace day), but a grace day does not count as
    a streak day. Two missed days in a row always break the streak.
    """
    days = set(active_days)
    cursor = today if today in days else today - timedelta(days=1)
    streak = 0
    graced_weeks: set[tuple[int, int]] = set()
    while True:
        if cursor in days:
            streak += 1
        else:
            week = tuple(cursor.isocalendar())[:2]
            if week in graced_weeks or cursor - timedelta(days=1) not in days:
                break
            graced_weeks.add(week)
        cursor -= timedelta(days=1)
    return streak


@dataclass(frozen=True)
class BadgeRule:
    key: str
    description: str  # English; the pages translate it


BADGES = (
    BadgeRule("first_lesson", "Complete your first lesson."),
    BadgeRule("first_course", "Complete every lesson of a course and pass its quiz."),
    BadgeRule("perfect_quiz", "Answer every question of a quiz correctly."),
    BadgeRule("streak_7", "Learn 7 days in a row."),
    BadgeRule("level_5", "Reach level 5."),
    BadgeRule("first_certification", "Earn your first certification."),
    BadgeRule("calls_100", "Complete 100 calls."),
)
BADGE_KEYS = tuple(b.key for b in BADGES)


@dataclass(frozen=True)
class MemberFacts:
    """What the badge rules look at."""

    lessons_completed: int = 0
    courses_completed: int = 0
    perfect_quizzes: int = 0
    streak: int = 0
    level: int = 1
    certifications: int = 0
    calls_completed: int = 0


def earned_badges(facts: MemberFacts) -> set[str]:
    earned = set()
    if facts.lessons_completed >= 1:
        earned.add("first_lesson")
    if facts.courses_completed >= 1:
        earned.add("first_course")
    if facts.perfect_quizzes >= 1:
        earned.add("perfect_quiz")
    if facts.streak >= 7:
        earned.add("streak_7")
    if facts.level >= 5:
        earned.add("level_5")
    if facts.certifications >= 1:
        earned.add("first_certification")
    if facts.calls_completed >= 100:
        earned.add("calls_100")
    return earned
