"""Courses: loading and publishing versions, drafts to edit, a member's progress through them.

Loading is idempotent: a document equal to the published version changes nothing; a changed one
becomes the next published version (past attempts keep the questions they asked)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from academy.content import CONTENT_DIR, build_course, canonical, course_document, validate_course_document
from academy.models import (
    Course,
    LessonCompletion,
    Quiz,
    QuizAttempt,
)
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


def load_course_document(doc: dict) -> tuple[Course, bool]:
    """Publish ``doc`` unless the published version already says the same; ``(course, changed)``."""
    validate_course_document(doc)
    current = db.session.scalar(select(Course).where(Course.key == doc["key"], Course.status == "published"))
    if current is not None and canonical(course_document(current)) == canonical(doc):
        return current, False
    latest = db.session.scalar(select(func.max(Course.version)).where(Course.key == doc["key"])) or 0
    course = build_course(doc, version=latest + 1, status="draft")
    db.session.flush()
    publish_course(course)
    return course, True


def load_directory(folder: Path = CONTENT_DIR) -> list[tuple[str, bool]]:
    """Load every ``courses/*.json`` under ``folder``; ``[(key, changed)]``."""
    loaded = []
    for path in sorted((folder / "courses").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        course, changed = load_course_document(doc)
        logger.info("Course %s v%s %s", course.key, course.version, "published" if changed else "unchanged")
        loaded.append((course.key, changed))
    return loaded


def draft_for_editing(course: Course, actor_id: int) -> Course:
    """The draft to edit: the course itself if it is a draft, else a new version copied from it."""
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


def require_member(user: User) -> None:
    if not user.has_role("member"):
        raise Forbidden(_("Only members take courses."), code="forbidden_role")


def insert_once(row) -> bool:
    """Insert ``row`` in a savepoint; False when a unique constraint says it already exists."""
    try:
        with db.session.begin_nested():
            db.session.add(row)
            db.session.flush()
    except IntegrityError:
        return False
    return True


