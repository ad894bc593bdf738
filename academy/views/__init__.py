"""Academy pages: the member's catalog, lessons, quizzes, profile, leaderboard and assessments (phone
first), the trainer's course authoring, cohort progress and media library."""

from academy.views import assessments, learning, manage, media, progress
from academy.views.blueprint import bp

__all__ = ["assessments", "bp", "learning", "manage", "media", "progress"]
