"""Lessons: a member completes one, once, and is paid its XP."""

from __future__ import annotations

from academy import rules
from academy.models import Lesson, LessonCompletion
from academy.services.courses import insert_once, require_member
from academy.services.progress import award_xp, check_badges, record_activity
from app import events
from app.auth.models import User
from app.errors import NotFound
from app.extensions import db


def complete_lesson(user: User, lesson_id: int) -> dict:
    """Mark a lesson of a published course done; pays its XP once. Repeating it changes nothing."""
    require_member(user)
    lesson = db.session.get(Lesson, lesson_id)
    if lesson is None or lesson.course.status != "published":
        raise NotFound()
    course = lesson.course
    created = insert_once(LessonCompletion(member_id=user.id, lesson_id=lesson.id, course_key=course.key,
                                           lesson_key=lesson.key))
    xp = 0
    if created:
        events.send(events.lesson_completed, "academy", member_id=user.id, lesson_id=lesson.id,
                    course_id=course.id, course_version=course.version)
        xp = award_xp(user.id, f"lesson:{course.key}:{lesson.key}", rules.XP_LESSON, "lesson", course.industry)
        record_activity(user)
        check_badges(user)
    return {"lesson_id": lesson.id, "completed": True, "xp_awarded": xp}
