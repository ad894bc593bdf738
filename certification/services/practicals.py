"""Practical role-play assessments: members submit a transcript, trainers grade it on the rubric."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from academy import services as academy
from app.auth.models import User
from app.errors import Conflict, Forbidden, NotFound, ValidationError
from app.extensions import db
from app.timeutil import utcnow
from certification.models import Certification, PracticalAssessment
from certification.services.grants import grant
from certification.services.requirements import best_exam_score, requirements

# A practical role-play passes with this share of the rubric's points.
PRACTICAL_PASS_RATIO = 0.7


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
    return row


def pending_practicals() -> list[PracticalAssessment]:
    return list(db.session.scalars(select(PracticalAssessment).where(PracticalAssessment.status == "pending")
                                   .order_by(PracticalAssessment.submitted_at)))
