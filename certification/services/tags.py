"""Skill tags and tiers, computed from training, exams, certifications and the member's work quality
(QA-decided calls and customer ratings, see ``work_quality``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, select

from academy.models import Course, Lesson, LessonCompletion, Quiz, QuizAttempt
from app import events
from app.auth.models import User
from app.extensions import db
from app.timeutil import utcnow
from certification import tiers
from certification.models import CertificationGrant, MemberTag, MemberTier
from certification.services.definitions import all_certifications
from certification.services.work_quality import figures


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
    work = figures(member_ids)
    inputs: dict[int, list[tiers.TagInputs]] = defaultdict(list)
    active = defaultdict(int)
    for (m, _c), s in status.items():
        active[m] += s == "active"
    for member_id in member_ids:
        quality = work[member_id]
        from_work = quality.inputs()
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
                inputs[member_id].append(tiers.TagInputs(tag=tag, training=training, exam=exam, certification=held,
                                                         work=quality.level(), **from_work))
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
            # The best score; on a tie, the tag as earned by a held certification (it has a quality level).
            if item.tag not in best or (item.score, item.quality is not None) > (
                    best[item.tag].score, best[item.tag].quality is not None):
                best[item.tag] = item
        tier, value = tiers.member_tier(best.values(), active.get(member_id, 0))
        tag_rows += [{"member_id": member_id, "tag": s.tag, "score": s.score, "reasons": s.reasons,
                      "quality": s.quality, "computed_at": now} for s in best.values()]
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
