"""Certification operations: loading definitions, requirements, grants, renewals, expiry, revocation,
practical grading and the skill tags and tiers computed from them."""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from academy import rules as academy_rules
from academy import services as academy
from academy.models import Course, Lesson, LessonCompletion, Quiz, QuizAttempt
from app import events
from app.auth.models import User
from app.errors import Conflict, Forbidden, NotFound, ValidationError
from app.extensions import db
from app.jobs import enqueue
from app.timeutil import as_utc, isoformat, utcnow
from certification import tiers
from certification.models import Certification, CertificationGrant, MemberTag, MemberTier, PracticalAssessment

logger = logging.getLogger(__name__)

# A practical role-play passes with this share of the rubric's points.
PRACTICAL_PASS_RATIO = 0.7
EXAM_DEFAULTS = {"questions": 15, "pass_mark": 0.8, "time_limit_seconds": 900, "cooldown_seconds": 6 * 3600,
                 "max_attempts_per_day": 2}


# --- definitions ------------------------------------------------------------------------------

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
    from academy.models import Course, Question

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


# --- requirements -----------------------------------------------------------------------------

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
    return {"courses": courses, "exam": {"quiz_id": cert.exam_quiz_id, "best_score": best, "passed": exam_passed},
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


def certifications_by_key(keys: Iterable[str]) -> dict[str, Certification]:
    keys = list(keys)
    if not keys:
        return {}
    return {c.key: c for c in db.session.scalars(select(Certification).where(Certification.key.in_(keys)))}


def active_certification_keys(member_id: int) -> set[str]:
    return set(db.session.scalars(select(Certification.key).join(
        CertificationGrant, CertificationGrant.certification_id == Certification.id).where(
        CertificationGrant.member_id == member_id, CertificationGrant.status == "active",
        CertificationGrant.expires_at > utcnow())))


def active_grant(member_id: int, cert_id: int) -> CertificationGrant | None:
    return db.session.scalar(select(CertificationGrant).where(
        CertificationGrant.member_id == member_id, CertificationGrant.certification_id == cert_id,
        CertificationGrant.status == "active"))


# --- grants ---------------------------------------------------------------------------------

def grant(cert: Certification, member: User, *, actor_id: int | None, now: datetime | None = None,
          check: bool = True) -> CertificationGrant:
    """Issue ``cert`` to ``member`` (every requirement met), or renew the active grant in place."""
    if not member.has_role("member"):
        raise ValidationError(fields={"member_id": _("Only members hold certifications.")})
    now = now or utcnow()
    if check:
        status = requirements(member, cert)
        if not status["met"]:
            raise Conflict(_("The member does not meet every requirement yet."), code="requirements_not_met",
                           fields={"missing": status["missing"]})
    best, _passed = best_exam_score(member.id, cert)
    current = active_grant(member.id, cert.id)
    expires = now + timedelta(days=cert.valid_days)
    if current is not None:
        current.expires_at, current.renewed_at, current.exam_score = expires, now, best
        db.session.flush()
        events.send(events.certification_renewed, "certification", member_id=member.id,
                    certification_id=cert.id, grant_id=current.id, expires_at=isoformat(expires))
        logger.info("Certification %s renewed for member %s", cert.key, member.id)
        _after_change(member.id)
        return current
    row = CertificationGrant(certification_id=cert.id, member_id=member.id, status="active",
                             credential_id=str(uuid.uuid4()), granted_at=now, expires_at=expires,
                             granted_by_id=actor_id, exam_score=best)
    db.session.add(row)
    db.session.flush()
    events.send(events.certification_granted, "certification", member_id=member.id, certification_id=cert.id,
                grant_id=row.id, expires_at=isoformat(expires), actor_id=actor_id)
    logger.info("Certification %s granted to member %s by %s", cert.key, member.id, actor_id)
    academy.award_xp(member.id, f"certification:{cert.key}", academy_rules.XP_CERTIFICATION, "certification",
                     cert.industry)
    academy.check_badges(member, now)
    _after_change(member.id)
    return row


def revoke(grant_id: int, *, actor: User, reason: str) -> CertificationGrant:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(fields={"reason": _("Say why the certification is revoked.")})
    row = db.session.get(CertificationGrant, grant_id)
    if row is None:
        raise NotFound()
    if row.status != "active":
        raise Conflict(_("Only an active certification can be revoked."), code="not_active")
    row.status, row.revoked_at, row.revoked_by_id, row.revoke_reason = "revoked", utcnow(), actor.id, reason
    db.session.flush()
    events.send(events.certification_revoked, "certification", member_id=row.member_id,
                certification_id=row.certification_id, grant_id=row.id, actor_id=actor.id, reason=reason)
    logger.info("Certification grant %s revoked by %s", row.id, actor.id)
    _after_change(row.member_id)
    return row


def expire_due(now: datetime | None = None) -> int:
    """Expire every active grant past its date; one signal each. Safe to run twice."""
    now = now or utcnow()
    due = list(db.session.scalars(select(CertificationGrant).where(
        CertificationGrant.status == "active", CertificationGrant.expires_at <= now)))
    for row in due:
        row.status = "expired"
        events.send(events.certification_expired, "certification", member_id=row.member_id,
                    certification_id=row.certification_id, grant_id=row.id)
    db.session.flush()
    return len(due)


def member_grants(member_id: int) -> list[CertificationGrant]:
    return list(db.session.scalars(select(CertificationGrant).where(CertificationGrant.member_id == member_id)
                                   .order_by(CertificationGrant.granted_at.desc())))


def grant_automatically_after_exam(member_id: int, quiz_id: int) -> CertificationGrant | None:
    """A passed exam completes a certification that needs no practical: grant it at once."""
    cert = db.session.scalar(select(Certification).where(Certification.exam_quiz_id == quiz_id))
    member = db.session.get(User, member_id)
    if cert is None or member is None or cert.practical_required or active_grant(member_id, cert.id):
        return None
    if not requirements(member, cert)["met"]:
        return None
    return grant(cert, member, actor_id=None, check=False)


# --- practical assessments ----------------------------------------------------------------------

def submit_practical(member: User, cert: Certification, transcript: str, recording_url: str | None = None):
    academy.require_member(member)
    if not cert.practical_required:
        raise Conflict(_("This certification has no practical assessment."), code="no_practical")
    transcript = (transcript or "").strip()
    if len(transcript) < 20:
        raise ValidationError(fields={"transcript": _("Paste the role-play transcript (at least 20 characters).")})
    _best, passed = best_exam_score(member.id, cert)
    if not passed:
        raise Conflict(_("Pass the certification exam first."), code="exam_not_passed")
    row = PracticalAssessment(certification_id=cert.id, member_id=member.id, status="pending",
                              transcript=transcript[:20000], recording_url=recording_url)
    if not academy.insert_once(row):
        raise Conflict(_("A practical assessment is already waiting for a trainer."), code="practical_pending")
    return row


def grade_practical(practical_id: int, *, grader: User, scores: dict, feedback: str) -> PracticalAssessment:
    """Score a pending role-play against the rubric; a pass grants the certification when the rest is met."""
    row = db.session.get(PracticalAssessment, practical_id)
    if row is None:
        raise NotFound()
    if row.status != "pending":
        raise Conflict(_("This assessment was already graded."), code="already_graded")
    if row.member_id == grader.id:
        raise Forbidden(_("You cannot grade your own assessment."), code="own_assessment")
    rubric = row.certification.practical_rubric or []
    problems, clean = {}, {}
    for criterion in rubric:
        value = (scores or {}).get(criterion["key"])
        try:
            value = int(value)
        except (TypeError, ValueError):
            problems[criterion["key"]] = _("A whole number of points.")
            continue
        if not 0 <= value <= int(criterion["max_points"]):
            problems[criterion["key"]] = _("Between 0 and %(max)s points.", max=criterion["max_points"])
        clean[criterion["key"]] = value
    unknown = set(scores or {}) - {c["key"] for c in rubric}
    for key in unknown:
        problems[key] = _("Not a criterion of this rubric.")
    if problems:
        raise ValidationError(fields={"scores": problems})
    row.scores, row.points = clean, sum(clean.values())
    row.max_points = sum(int(c["max_points"]) for c in rubric)
    row.status = "passed" if row.points >= PRACTICAL_PASS_RATIO * row.max_points else "failed"
    row.feedback, row.grader_id, row.graded_at = (feedback or "").strip()[:4000], grader.id, utcnow()
    db.session.flush()
    member = db.session.get(User, row.member_id)
    if row.status == "passed" and requirements(member, row.certification)["met"]:
        grant(row.certification, member, actor_id=grader.id, check=False)
    _after_change(row.member_id)
    return row


def pending_practicals() -> list[PracticalAssessment]:
    return list(db.session.scalars(select(PracticalAssessment).where(PracticalAssessment.status == "pending")
                                   .order_by(PracticalAssessment.submitted_at)))


# --- tags and tiers ---------------------------------------------------------------------------

def _after_change(member_id: int) -> None:
    """An input of the member's tags changed: recompute them in a job after commit."""
    from certification import tasks

    enqueue(tasks.recompute_member_tags, member_id, description="skill tags")


def gather_inputs(member_ids: list[int]) -> tuple[dict[int, list[tiers.TagInputs]], dict[int, int]]:
    """Every member's tag inputs in a handful of queries (the nightly batch runs this per chunk)."""
    certs = all_certifications()
    course_keys = {k for c in certs for k in c.required_courses}
    lesson_totals = dict(db.session.execute(
        select(Course.key, func.count(Lesson.id)).join(Lesson, Lesson.course_id == Course.id)
        .where(Course.status == "published", Course.key.in_(course_keys)).group_by(Course.key)).all())
    done = defaultdict(int)
    for member_id, key, count in db.session.execute(
            select(LessonCompletion.member_id, LessonCompletion.course_key, func.count())
            .where(LessonCompletion.member_id.in_(member_ids), LessonCompletion.course_key.in_(course_keys))
            .group_by(LessonCompletion.member_id, LessonCompletion.course_key)):
        done[(member_id, key)] = count
    quizzes = dict(db.session.execute(select(Quiz.key, Quiz.id).where(Quiz.kind == "quiz")).all())
    quiz_passed = set(db.session.execute(
        select(QuizAttempt.member_id, QuizAttempt.quiz_id).where(
            QuizAttempt.member_id.in_(member_ids), QuizAttempt.passed.is_(True)).distinct()).all())
    exam_ids = [c.exam_quiz_id for c in certs if c.exam_quiz_id]
    best = {(m, q): s for m, q, s in db.session.execute(
        select(QuizAttempt.member_id, QuizAttempt.quiz_id, func.max(QuizAttempt.score)).where(
            QuizAttempt.member_id.in_(member_ids), QuizAttempt.quiz_id.in_(exam_ids), QuizAttempt.status == "graded")
        .group_by(QuizAttempt.member_id, QuizAttempt.quiz_id))}
    status: dict[tuple[int, int], str] = {}
    for m, c, s in db.session.execute(
            select(CertificationGrant.member_id, CertificationGrant.certification_id, CertificationGrant.status)
            .where(CertificationGrant.member_id.in_(member_ids)).order_by(CertificationGrant.granted_at)):
        if status.get((m, c)) != "active":
            status[(m, c)] = s
    inputs: dict[int, list[tiers.TagInputs]] = defaultdict(list)
    active = defaultdict(int)
    for (m, _c), s in status.items():
        active[m] += s == "active"
    for member_id in member_ids:
        for cert in certs:
            ratios = []
            for key in cert.required_courses:
                total = lesson_totals.get(key, 0)
                quiz_id = quizzes.get(key)
                finished = done.get((member_id, key), 0) + ((member_id, quiz_id) in quiz_passed)
                ratios.append(min(finished / (total + 1), 1.0) if total else 0.0)
            training = sum(ratios) / len(ratios) if ratios else None
            exam = best.get((member_id, cert.exam_quiz_id))
            held = status.get((member_id, cert.id))
            if not training and exam is None and held is None:
                continue
            for tag in cert.tags:
                inputs[member_id].append(tiers.TagInputs(tag=tag, training=training, exam=exam, certification=held))
    return inputs, active


def recompute_tags(member_ids: Iterable[int], now: datetime | None = None) -> int:
    """Recompute and store the tags and tier of each member; one ``tags_recomputed`` signal each."""
    member_ids = list(member_ids)
    now = now or utcnow()
    inputs, active = gather_inputs(member_ids)
    db.session.execute(delete(MemberTag).where(MemberTag.member_id.in_(member_ids)))
    db.session.execute(delete(MemberTier).where(MemberTier.member_id.in_(member_ids)))
    tag_rows, tier_rows = [], []
    for member_id in member_ids:
        best: dict[str, tiers.TagScore] = {}
        for item in tiers.compute(inputs.get(member_id, []), active.get(member_id, 0))[0]:
            if item.tag not in best or item.score > best[item.tag].score:
                best[item.tag] = item
        tier, value = tiers.member_tier(best.values(), active.get(member_id, 0))
        tag_rows += [{"member_id": member_id, "tag": s.tag, "score": s.score, "reasons": s.reasons,
                      "computed_at": now} for s in best.values()]
        tier_rows.append({"member_id": member_id, "tier": tier, "score": value, "computed_at": now})
        events.send(events.tags_recomputed, "certification", member_id=member_id,
                    tags={s.tag: s.score for s in best.values()}, tier=tier)
    if tag_rows:
        db.session.execute(MemberTag.__table__.insert(), tag_rows)
    if tier_rows:
        db.session.execute(MemberTier.__table__.insert(), tier_rows)
    return len(member_ids)


def member_tags(member_id: int) -> list[MemberTag]:
    return list(db.session.scalars(select(MemberTag).where(MemberTag.member_id == member_id)
                                   .order_by(MemberTag.score.desc(), MemberTag.tag)))


def member_tier(member_id: int) -> dict:
    row = db.session.get(MemberTier, member_id)
    tier, value = (row.tier, row.score) if row else ("none", 0)
    active = db.session.scalar(select(func.count()).select_from(CertificationGrant).where(
        CertificationGrant.member_id == member_id, CertificationGrant.status == "active"))
    return {"tier": tier, "score": value, "active_certifications": active,
            "next": tiers.next_tier(tier, value, active), "computed_at": row.computed_at if row else None}


def member_section(user: User) -> dict:
    """The certification part of ``GET /me``: the member's tier."""
    row = db.session.get(MemberTier, user.id)
    return {"tier": row.tier if row else "none"}


def credential_expired(row: CertificationGrant, now: datetime | None = None) -> bool:
    return as_utc(row.expires_at) <= (now or utcnow())
