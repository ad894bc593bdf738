"""Quiz and exam attempts: drawing, time limits, cool-down, grading on the server."""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from academy import grading, rules
from academy.models import (
    Course,
    Quiz,
    QuizAttempt,
)
from academy.services.courses import require_member
from academy.services.progress import award_xp, check_badges, record_activity
from app import events
from app.auth.models import User
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.timeutil import as_utc, utcnow

logger = logging.getLogger(__name__)

# Seconds of network slack after an attempt's deadline before a submission is refused.
SUBMIT_GRACE_SECONDS = 5
_rng = random.SystemRandom()


# --- quiz attempts ---------------------------------------------------------------------------

def get_quiz(quiz_id: int) -> Quiz:
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None:
        raise NotFound()
    return quiz


def published_course_for(quiz: Quiz) -> Course:
    course = db.session.scalar(select(Course).where(Course.key == quiz.course_key, Course.status == "published"))
    if course is None or not course.questions:
        raise NotFound()
    return course


def _expire_stale(member_id: int, quiz_id: int, now: datetime) -> None:
    db.session.execute(update(QuizAttempt).where(
        QuizAttempt.member_id == member_id, QuizAttempt.quiz_id == quiz_id, QuizAttempt.status == "open",
        QuizAttempt.deadline_at < now - timedelta(seconds=SUBMIT_GRACE_SECONDS)).values(status="expired"))


def start_attempt(user: User, quiz_id: int, *, rng: random.Random | None = None,
                  now: datetime | None = None) -> QuizAttempt:
    """Draw the questions of a new attempt. One open attempt at a time, then cool-down and a daily cap."""
    require_member(user)
    quiz = get_quiz(quiz_id)
    course = published_course_for(quiz)
    now = now or utcnow()
    _expire_stale(user.id, quiz.id, now)
    open_attempt = db.session.scalar(select(QuizAttempt).where(
        QuizAttempt.member_id == user.id, QuizAttempt.quiz_id == quiz.id, QuizAttempt.status == "open"))
    if open_attempt is not None:
        raise Conflict(_("Finish the attempt you already started."), code="attempt_open",
                       fields={"attempt_id": open_attempt.id})
    recent = list(db.session.scalars(select(QuizAttempt).where(
        QuizAttempt.member_id == user.id, QuizAttempt.quiz_id == quiz.id,
        QuizAttempt.started_at > now - timedelta(days=1)).order_by(QuizAttempt.started_at.desc())))
    if len(recent) >= quiz.max_attempts_per_day:
        retry = as_utc(recent[-1].started_at) + timedelta(days=1)
        raise Conflict(_("You have used today's attempts. Try again later."), code="attempt_limit",
                       fields={"retry_at": retry.isoformat()},
                       headers={"Retry-After": str(max(1, int((retry - now).total_seconds())))})
    if recent and not recent[0].passed:
        ended = as_utc(recent[0].submitted_at or recent[0].deadline_at)
        retry = ended + timedelta(seconds=quiz.cooldown_seconds)
        if retry > now:
            raise Conflict(_("Take a break before the next attempt."), code="cooldown",
                           fields={"retry_at": retry.isoformat()},
                           headers={"Retry-After": str(max(1, int((retry - now).total_seconds())))})
    bank = [{"id": q.id, "key": q.key, "type": q.type, "prompt": q.prompt, "options": q.options,
             "answer": q.answer, "explanation": q.explanation} for q in course.questions]
    attempt = QuizAttempt(quiz_id=quiz.id, course_id=course.id, member_id=user.id, status="open",
                          questions=grading.draw(bank, quiz.questions_per_attempt, rng or _rng),
                          started_at=now, deadline_at=now + timedelta(seconds=quiz.time_limit_seconds))
    try:
        with db.session.begin_nested():
            db.session.add(attempt)
            db.session.flush()
    except IntegrityError as exc:  # a concurrent start won the race for the one open attempt
        raise Conflict(_("Finish the attempt you already started."), code="attempt_open") from exc
    record_activity(user, now)
    return attempt


def attempt_view(attempt: QuizAttempt, locale: str) -> dict:
    """An attempt as the member may see it: while open, never an answer."""
    body = {"id": attempt.id, "quiz_id": attempt.quiz_id, "status": attempt.status,
            "started_at": attempt.started_at, "deadline_at": attempt.deadline_at,
            "time_limit_seconds": int((as_utc(attempt.deadline_at) - as_utc(attempt.started_at)).total_seconds()),
            "questions": [grading.public_view(q, locale) for q in attempt.questions]}
    return body


def submit_attempt(user: User, attempt_id: int, answers: dict, *, now: datetime | None = None) -> dict:
    """Grade an open attempt on the server and lock it. Unknown ids, someone else's attempt, a second
    submission or a late one: the error contract, and nothing changes."""
    require_member(user)
    now = now or utcnow()
    attempt = db.session.scalar(select(QuizAttempt).where(QuizAttempt.id == attempt_id).with_for_update())
    if attempt is None or attempt.member_id != user.id:
        raise NotFound()
    if attempt.status != "open":
        raise Conflict(_("This attempt was already submitted."), code="attempt_closed")
    if now > as_utc(attempt.deadline_at) + timedelta(seconds=SUBMIT_GRACE_SECONDS):
        raise Conflict(_("Time is up for this attempt."), code="attempt_expired")
    by_id = {str(q["id"]): q for q in attempt.questions}
    problems = {}
    sheet = {}
    for question_id, choice in (answers or {}).items():
        question = by_id.get(str(question_id))
        if question is None:
            problems[str(question_id)] = _("This question is not part of the attempt.")
            continue
        try:
            sheet[str(question_id)] = grading.normalize_choice(question, choice)
        except ValueError:
            problems[str(question_id)] = _("This is not a valid answer to the question.")
    if problems:
        raise ValidationError(fields={"answers": problems})
    quiz = attempt.quiz
    result = grading.grade(attempt.questions, sheet, quiz.pass_mark)
    attempt.answers = sheet
    attempt.correct, attempt.score, attempt.passed = result["correct"], result["score"], result["passed"]
    attempt.status, attempt.submitted_at = "graded", now
    db.session.flush()
    industry = db.session.get(Course, attempt.course_id).industry
    xp = 0
    if result["passed"]:
        if quiz.kind == "exam":
            xp += award_xp(user.id, f"exam:{quiz.key}:passed", rules.XP_EXAM_PASSED, "exam", industry)
        else:
            xp += award_xp(user.id, f"quiz:{quiz.key}:passed", rules.XP_QUIZ_PASSED, "quiz", industry)
        if result["score"] >= 1.0:
            xp += award_xp(user.id, f"{quiz.kind}:{quiz.key}:perfect", rules.XP_QUIZ_PERFECT_BONUS, "perfect",
                           industry)
    attempt.xp_awarded = xp
    record_activity(user, now)
    events.send(events.attempt_graded, "academy", member_id=user.id, attempt_id=attempt.id, quiz_id=quiz.id,
                score=result["score"], passed=result["passed"])
    new_badges = check_badges(user, now)
    return {"attempt_id": attempt.id, "score": result["score"], "passed": result["passed"], "xp_awarded": xp,
            "correct": result["correct"], "total": result["total"], "pass_mark": quiz.pass_mark,
            "badges_awarded": new_badges}


def attempt_review(attempt: QuizAttempt, locale: str) -> dict:
    """A graded attempt with the member's answers, the right ones and the explanations."""
    if attempt.status == "open":
        raise Conflict(_("Submit the attempt first."), code="attempt_open")
    answers = attempt.answers or {}
    yes_no = (_("True"), _("False"))
    items = []
    for q in attempt.questions:
        given = answers.get(str(q["id"]))
        items.append({**grading.public_view(q, locale), "given": given, "answer": q["answer"],
                      "given_texts": grading.choice_texts(q, given, locale, yes_no),
                      "answer_texts": grading.choice_texts(q, q["answer"], locale, yes_no),
                      "correct": grading.is_correct(q, given),
                      "explanation": grading.localized(q.get("explanation"), locale)})
    return {"id": attempt.id, "status": attempt.status, "score": attempt.score, "passed": attempt.passed,
            "xp_awarded": attempt.xp_awarded, "questions": items}


