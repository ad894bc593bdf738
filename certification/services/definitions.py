"""Certification definitions: validating, authoring and loading them, and looking them up."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import func, select

from academy.models import Course, Question, Quiz
from app.errors import NotFound, ValidationError
from app.extensions import db
from certification.models import Certification

logger = logging.getLogger(__name__)

EXAM_DEFAULTS = {"questions": 15, "pass_mark": 0.8, "time_limit_seconds": 900, "cooldown_seconds": 6 * 3600,
                 "max_attempts_per_day": 2}


def validate_definition(doc: dict) -> None:
    problems = {}
    if not isinstance(doc, dict) or not doc.get("key"):
        raise ValidationError(fields={"key": "required"})
    if not isinstance(doc.get("name"), dict) or not doc["name"].get("en"):
        problems["name"] = "needs an English name"
    if not isinstance(doc.get("required_courses"), list):
        problems["required_courses"] = "a list of course keys"
    if not isinstance(doc.get("tags"), list) or not doc["tags"]:
        problems["tags"] = "at least one tag"
    if not isinstance(doc.get("valid_days"), int) or doc["valid_days"] <= 0:
        problems["valid_days"] = "a positive number of days"
    practical = doc.get("practical")
    if practical and practical.get("required"):
        rubric = practical.get("rubric") or []
        if not rubric or not all(isinstance(r, dict) and r.get("key") and int(r.get("max_points", 0)) > 0
                                 for r in rubric):
            problems["practical.rubric"] = "criteria with a key and max_points"
    if problems:
        raise ValidationError(fields=problems)


def check_courses(doc: dict) -> None:
    """The courses a definition names must exist, and its exam's bank must be large enough."""

    known = set(db.session.scalars(select(Course.key).distinct()))
    missing = [key for key in doc.get("required_courses", []) if key not in known]
    if missing:
        raise ValidationError(fields={"required_courses": _("Unknown course(s): %(keys)s", keys=", ".join(missing))})
    exam = doc.get("exam")
    if exam:
        if exam["course"] not in known:
            raise ValidationError(fields={"exam.course": _("Unknown course: %(key)s", key=exam["course"])})
        course = db.session.scalar(select(Course).where(Course.key == exam["course"], Course.status == "published"))
        bank = db.session.scalar(select(func.count()).select_from(Question).where(Question.course_id == course.id)) \
            if course else 0
        if bank < int(exam["questions"]):
            raise ValidationError(fields={"exam.questions": _(
                "The course's published question bank has only %(n)s questions.", n=bank)})


def author_definition(doc: dict, actor_id: int) -> Certification:
    """A trainer creates or edits a certification (validated by ``DefinitionIn``); courses must exist."""
    check_courses(doc)
    cert = load_definition(doc)
    logger.info("Certification %s saved by %s", cert.key, actor_id)
    return cert


def load_definition(doc: dict) -> Certification:
    """Create or update a certification (and its exam) from a ``certifications.json`` entry."""
    validate_definition(doc)
    cert = db.session.scalar(select(Certification).where(Certification.key == doc["key"])) or \
        Certification(key=doc["key"])
    exam = doc.get("exam")
    if exam:
        settings = {**EXAM_DEFAULTS, **exam}
        quiz = db.session.scalar(select(Quiz).where(Quiz.key == f"exam:{doc['key']}")) or \
            Quiz(key=f"exam:{doc['key']}", kind="exam")
        quiz.course_key = settings["course"]
        quiz.questions_per_attempt = int(settings["questions"])
        quiz.pass_mark = float(settings["pass_mark"])
        quiz.time_limit_seconds = int(settings["time_limit_seconds"])
        quiz.cooldown_seconds = int(settings["cooldown_seconds"])
        quiz.max_attempts_per_day = int(settings["max_attempts_per_day"])
        db.session.add(quiz)
        db.session.flush()
        cert.exam_quiz_id = quiz.id
    practical = doc.get("practical")
    cert.name = doc["name"]
    cert.industry = doc.get("industry", "general")
    cert.required_courses = list(doc["required_courses"])
    cert.practical_rubric = practical["rubric"] if practical and practical.get("required") else None
    cert.min_profile = doc.get("min_profile") or None
    cert.valid_days = int(doc["valid_days"])
    cert.tags = list(doc["tags"])
    db.session.add(cert)
    db.session.flush()
    return cert


def get_certification(certification_id: int) -> Certification:
    cert = db.session.get(Certification, certification_id)
    if cert is None:
        raise NotFound()
    return cert


def all_certifications() -> list[Certification]:
    return list(db.session.scalars(select(Certification).order_by(Certification.industry, Certification.key)))


def certifications_by_key(keys: Iterable[str]) -> dict[str, Certification]:
    keys = list(keys)
    if not keys:
        return {}
    return {c.key: c for c in db.session.scalars(select(Certification).where(Certification.key.in_(keys)))}
