"""Courses and lessons: publishing versions, progress, completing a lesson."""

from __future__ import annotations

import logging

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from academy import rules
from academy.models import (
    Course,
    Lesson,
    LessonCompletion,
    Quiz,
    QuizAttempt,
)
from app import events
from app.auth.models import User
from app.errors import Conflict, Forbidden, NotFound, ValidationError
from app.extensions import db
from app.timeutil import utcnow

logger = logging.getLogger(__name__)


# --- courses ------------------------------------------------------------------------------

def published_courses(industry: str | None = None) -> list[Course]:
    stmt = select(Course).where(Course.status == "published").order_by(Course.industry != "general", Course.key)
    if industry:
        stmt = stmt.where(Course.industry == industry)
    return list(db.session.scalars(stmt))


def get_course(course_id: int, user: User | None) -> Course:
    """A course version; drafts and archived versions only for trainers and admins (404 otherwise)."""
    course = db.session.get(Course, course_id)
    if course is None or (course.status != "published" and not (user and user.has_role("trainer", "admin"))):
        raise NotFound()
    return course


def quiz_for(course: Course) -> Quiz | None:
    return db.session.scalar(select(Quiz).where(Quiz.key == course.key, Quiz.kind == "quiz"))


def publish_course(course: Course) -> Course:
    """Make a draft the published version of its course; the previous version is archived."""
    if course.status != "draft":
        raise Conflict(_("Only a draft can be published."), code="not_draft")
    if not course.lessons:
        raise ValidationError(fields={"lessons": _("Add at least one lesson before publishing.")})
    if not course.questions:
        raise ValidationError(fields={"questions": _("Add questions to the bank before publishing.")})
    db.session.execute(update(Course).where(Course.key == course.key, Course.status == "published",
                                            Course.id != course.id).values(status="archived"))
    course.status = "published"
    course.published_at = utcnow()
    quiz = quiz_for(course) or Quiz(key=course.key, kind="quiz", course_key=course.key)
    for name in ("questions_per_attempt", "pass_mark", "time_limit_seconds", "cooldown_seconds",
                 "max_attempts_per_day"):
        setattr(quiz, name, getattr(course, name))
    db.session.add(quiz)
    db.session.flush()
    logger.info("Course %s version %s published", course.key, course.version)
    return course


def draft_for_editing(course: Course, actor_id: int) -> Course:
    """The draft to edit: the course itself if it is a draft, else a new version copied from it."""
    from academy.content import build_course, course_document

    if course.status == "draft":
        return course
    existing = db.session.scalar(select(Course).where(Course.key == course.key, Course.status == "draft"))
    if existing is not None:
        return existing
    latest = db.session.scalar(select(func.max(Course.version)).where(Course.key == course.key))
    draft = build_course(course_document(course), version=latest + 1, status="draft", actor_id=actor_id)
    db.session.flush()
    return draft


def completed_lesson_keys(member_id: int, course_key: str) -> set[str]:
    return set(db.session.scalars(select(LessonCompletion.lesson_key).where(
        LessonCompletion.member_id == member_id, LessonCompletion.course_key == course_key)))


def quiz_passed(member_id: int, quiz_id: int) -> bool:
    return db.session.scalar(select(func.count()).select_from(QuizAttempt).where(
        QuizAttempt.member_id == member_id, QuizAttempt.quiz_id == quiz_id, QuizAttempt.passed.is_(True))) > 0


def course_progress(member_id: int, course: Course) -> dict:
    done = completed_lesson_keys(member_id, course.key)
    keys = [lesson.key for lesson in course.lessons]
    quiz = quiz_for(course)
    passed = bool(quiz and quiz_passed(member_id, quiz.id))
    lessons_done = sum(1 for k in keys if k in done)
    return {"lessons_done": lessons_done, "lessons_total": len(keys), "quiz_passed": passed,
            "completed": bool(keys) and lessons_done == len(keys) and passed,
            "ratio": round((lessons_done + passed) / (len(keys) + 1), 4)}


def course_completed(member_id: int, course_key: str) -> bool:
    course = db.session.scalar(select(Course).where(Course.key == course_key, Course.status == "published"))
    return course is not None and course_progress(member_id, course)["completed"]


# --- lessons ------------------------------------------------------------------------------

def require_member(user: User) -> None:
    if not user.has_role("member"):
        raise Forbidden(_("Only members take courses."), code="forbidden_role")


def complete_lesson(user: User, lesson_id: int) -> dict:
    """Mark a lesson of a published course done; pays its XP once. Repeating it changes nothing."""
    require_member(user)
    lesson = db.session.get(Lesson, lesson_id)
    if lesson is None or lesson.course.status != "published":
        raise NotFound()
    course = lesson.course
    from academy.services.progress import award_xp, check_badges, record_activity

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


def insert_once(row) -> bool:
    """Insert ``row`` in a savepoint; False when a unique constraint says it already exists."""
    try:
        with db.session.begin_nested():
            db.session.add(row)
            db.session.flush()
    except IntegrityError:
        return False
    return True


