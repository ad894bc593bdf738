"""What a member still needs for a certification: courses, exam, practical, profile."""

from __future__ import annotations

from sqlalchemy import func, select

from academy import services as academy
from academy.models import Course, Quiz, QuizAttempt
from app.auth.models import User
from app.extensions import db
from app.timeutil import utcnow
from certification.models import Certification, CertificationGrant, PracticalAssessment


def best_exam_score(member_id: int, cert: Certification) -> tuple[float | None, bool]:
    if cert.exam_quiz_id is None:
        return None, True
    best = db.session.scalar(select(func.max(QuizAttempt.score)).where(
        QuizAttempt.member_id == member_id, QuizAttempt.quiz_id == cert.exam_quiz_id,
        QuizAttempt.status == "graded"))
    quiz = db.session.get(Quiz, cert.exam_quiz_id)
    passed = best is not None and best >= quiz.pass_mark - 1e-9
    return best, passed


def practical_status(member_id: int, cert: Certification) -> str | None:
    if not cert.practical_required:
        return None
    latest = db.session.scalar(select(PracticalAssessment).where(
        PracticalAssessment.member_id == member_id, PracticalAssessment.certification_id == cert.id)
        .order_by(PracticalAssessment.submitted_at.desc(), PracticalAssessment.id.desc()).limit(1))
    return latest.status if latest else "not_submitted"


def requirements(member: User, cert: Certification) -> dict:
    """Each requirement of ``cert`` for ``member``, whether it is met, and what is missing."""
    courses = {key: academy.course_completed(member.id, key) for key in cert.required_courses}
    best, exam_passed = best_exam_score(member.id, cert)
    practical = practical_status(member.id, cert)
    profile_ok, profile = True, None
    if cert.min_profile:
        result = academy.latest_assessment(member.id)
        profile = result.scores if result else None
        profile_ok = profile is not None and all(profile.get(k, 0) >= v for k, v in cert.min_profile.items())
    missing = [f"course:{k}" for k, done in courses.items() if not done]
    if not exam_passed:
        missing.append("exam")
    if practical not in (None, "passed"):
        missing.append("practical")
    if not profile_ok:
        missing.append("profile")
    quiz = db.session.get(Quiz, cert.exam_quiz_id) if cert.exam_quiz_id else None
    return {"courses": courses, "exam": {"quiz_id": cert.exam_quiz_id, "best_score": best, "passed": exam_passed,
                                         "pass_mark": quiz.pass_mark if quiz else None},
            "practical": practical, "profile": {"required": cert.min_profile, "scores": profile, "met": profile_ok},
            "met": not missing, "missing": missing}


def steps_left(member: User, cert: Certification) -> dict:
    """What a member still has to do for ``cert``: lessons and course quizzes left, the exam, the
    practical, the profile (for "2 lessons and the exam left")."""
    lessons = quizzes = 0
    for key in cert.required_courses:
        course = db.session.scalar(select(Course).where(Course.key == key, Course.status == "published"))
        if course is None:
            continue
        progress = academy.course_progress(member.id, course)
        lessons += progress["lessons_total"] - progress["lessons_done"]
        quizzes += 0 if progress["quiz_passed"] else 1
    met = requirements(member, cert)
    return {"lessons": lessons, "course_quizzes": quizzes, "exam": not met["exam"]["passed"],
            "practical": met["practical"] if met["practical"] not in (None, "passed") else None,
            "profile": not met["profile"]["met"], "met": met["met"]}


def active_certification_keys(member_id: int) -> set[str]:
    return set(db.session.scalars(select(Certification.key).join(
        CertificationGrant, CertificationGrant.certification_id == Certification.id).where(
        CertificationGrant.member_id == member_id, CertificationGrant.status == "active",
        CertificationGrant.expires_at > utcnow())))


def active_grant(member_id: int, cert_id: int) -> CertificationGrant | None:
    return db.session.scalar(select(CertificationGrant).where(
        CertificationGrant.member_id == member_id, CertificationGrant.certification_id == cert_id,
        CertificationGrant.status == "active"))
