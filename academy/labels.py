"""The academy's words shown on pages, defined once and translated."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

INDUSTRY_LABELS = {"general": _l("Customer service"), "ecommerce": _l("E-commerce"), "finance": _l("Finance"),
                   "energy": _l("Energy & utilities"), "government": _l("Government hotline"),
                   "travel": _l("Travel"), "food_delivery": _l("Food delivery")}
BADGE_LABELS = {"first_lesson": _l("First lesson"), "first_course": _l("First course"),
                "perfect_quiz": _l("Perfect quiz"), "streak_7": _l("7-day streak"), "level_5": _l("Level 5"),
                "first_certification": _l("First certification"), "calls_100": _l("100 calls")}
BADGE_RULES = {"first_lesson": _l("Complete your first lesson."),
               "first_course": _l("Complete every lesson of a course and pass its quiz."),
               "perfect_quiz": _l("Answer every question of a quiz correctly."),
               "streak_7": _l("Learn 7 days in a row."), "level_5": _l("Reach level 5."),
               "first_certification": _l("Earn your first certification."),
               "calls_100": _l("Complete 100 calls.")}
FACTOR_LABELS = {"extraversion": _l("Extraversion"), "agreeableness": _l("Agreeableness"),
                 "conscientiousness": _l("Conscientiousness"), "emotional_stability": _l("Emotional stability"),
                 "intellect": _l("Intellect / imagination")}
COURSE_STATUS_LABELS = {"draft": _l("draft"), "published": _l("published"), "archived": _l("archived")}
QUESTION_TYPE_LABELS = {"single": _l("One right answer"), "multiple": _l("Several right answers"),
                        "true_false": _l("True or false"), "ordering": _l("Put in order")}
