"""Certification tables: definitions, grants, practical assessments, skill tags and tiers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow
from certification.tiers import QUALITY_LEVELS

GRANT_STATES = ("active", "expired", "revoked")
PRACTICAL_STATES = ("pending", "passed", "failed")
TIERS = ("none", "bronze", "silver", "gold", "diamond")
QA_DECISIONS = ("approve", "review", "reject")


class Certification(db.Model):
    """What a certification requires. Names are ``{"en", "zh"}``; the exam is an academy quiz."""

    __tablename__ = "certifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[dict] = mapped_column(JSON)
    industry: Mapped[str] = mapped_column(String(32))
    required_courses: Mapped[list] = mapped_column(JSON)
    exam_quiz_id: Mapped[int | None] = mapped_column(ForeignKey("academy_quizzes.id", ondelete="SET NULL"))
    practical_rubric: Mapped[list | None] = mapped_column(JSON)
    min_profile: Mapped[dict | None] = mapped_column(JSON)
    valid_days: Mapped[int] = mapped_column(default=365)
    tags: Mapped[list] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (CheckConstraint("valid_days > 0", name="valid_days_positive"),)

    @property
    def practical_required(self) -> bool:
        return bool(self.practical_rubric)


class CertificationGrant(db.Model):
    """A member's certification: active until ``expires_at``, renewed in place, or revoked."""

    __tablename__ = "certification_grants"

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(ForeignKey("certifications.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="active")
    credential_id: Mapped[str] = mapped_column(String(36), unique=True)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    renewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    exam_score: Mapped[float | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoke_reason: Mapped[str | None] = mapped_column(Text)

    certification: Mapped[Certification] = relationship()

    __table_args__ = (
        CheckConstraint(one_of("status", GRANT_STATES), name="status_known"),
        Index("ix_certification_grants_member_id", "member_id"),
        Index("ix_certification_grants_status_expires_at", "status", "expires_at"),
        # At most one active grant of a certification per member: a renewal extends it.
        Index("uq_certification_grants_active", "member_id", "certification_id", unique=True,
              sqlite_where=text("status = 'active'"), postgresql_where=text("status = 'active'")),
    )


class PracticalAssessment(db.Model):
    """A role-play submitted by a member (a chat transcript or a recording reference), graded by a
    trainer against the certification's rubric."""

    __tablename__ = "certification_practicals"

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(ForeignKey("certifications.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    transcript: Mapped[str] = mapped_column(Text)
    recording_url: Mapped[str | None] = mapped_column(String(500))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    grader_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    scores: Mapped[dict | None] = mapped_column(JSON)
    points: Mapped[int | None] = mapped_column()
    max_points: Mapped[int | None] = mapped_column()
    feedback: Mapped[str | None] = mapped_column(Text)
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    certification: Mapped[Certification] = relationship()

    __table_args__ = (
        CheckConstraint(one_of("status", PRACTICAL_STATES), name="status_known"),
        Index("ix_certification_practicals_status", "status", "submitted_at"),
        Index("uq_certification_practicals_pending", "member_id", "certification_id", unique=True,
              sqlite_where=text("status = 'pending'"), postgresql_where=text("status = 'pending'")),
    )


class MemberTag(db.Model):
    """A skill tag a member holds, with its score 0-100 and the reasons behind it."""

    __tablename__ = "member_tags"

    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)
    score: Mapped[int] = mapped_column()
    reasons: Mapped[list] = mapped_column(JSON)
    # The work-quality level of a tag earned by an active certification (None: no such certification).
    quality: Mapped[str | None] = mapped_column(String(16))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("score >= 0 AND score <= 100", name="score_range"),
        CheckConstraint(f"quality IS NULL OR {one_of('quality', QUALITY_LEVELS)}", name="quality_known"),
        Index("ix_member_tags_tag_score", "tag", "score"),
    )


class MemberTier(db.Model):
    __tablename__ = "member_tiers"

    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    tier: Mapped[str] = mapped_column(String(16), default="none")
    score: Mapped[int] = mapped_column(default=0)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (CheckConstraint(one_of("tier", TIERS), name="tier_known"),)


class WorkScore(db.Model):
    """What certification learned of one call a member handled, from quality's signals: its QA
    score and decision as they stand now, and the customer's rating. Keyed by the interaction, so
    a replayed signal writes the same row again and a corrected decision replaces the earlier one.
    ``qa_decided_at`` orders the calls (the first time the call was decided, kept through
    corrections); ``qa_signal_at`` is when the signal last applied was sent (an older one is ignored).
    The interaction lives in telephony, above this package: its id is a plain number here."""

    __tablename__ = "certification_work_scores"

    interaction_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    qa_score: Mapped[int | None] = mapped_column()
    qa_decision: Mapped[str | None] = mapped_column(String(8))
    qa_decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    qa_signal_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    csat_score: Mapped[int | None] = mapped_column()
    csat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("qa_score IS NULL OR (qa_score >= 0 AND qa_score <= 100)", name="qa_score_range"),
        CheckConstraint(f"qa_decision IS NULL OR {one_of('qa_decision', QA_DECISIONS)}", name="qa_decision_known"),
        CheckConstraint("csat_score IS NULL OR (csat_score >= 1 AND csat_score <= 5)", name="csat_score_range"),
        Index("ix_certification_work_scores_member_qa", "member_id", "qa_decided_at"),
        Index("ix_certification_work_scores_member_csat", "member_id", "csat_at"),
    )
