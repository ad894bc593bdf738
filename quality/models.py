"""Quality tables: versioned scorecards, each interaction's QA result, the reviews and disputes
that change it, reviewers' blind calibration scores, customers' satisfaction answers, and the
runs of an explicit rescoring."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow

DECISIONS = ("approve", "review", "reject")
RESULT_STATES = ("in_review", "final")
REVIEW_KINDS = ("review", "auto_window", "dispute")
DISPUTE_STATES = ("open", "upheld", "rejected")
CSAT_SOURCES = ("keypad", "web", "api")


class Scorecard(db.Model):
    """One version of a campaign's scorecard: sections, items and thresholds (``spec``). A change
    adds a version; the calls scored before keep the version they were scored with."""

    __tablename__ = "qa_scorecards"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    spec: Mapped[dict] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("campaign_id", "version", name="uq_qa_scorecards_campaign_version"),
        CheckConstraint("version > 0", name="qa_scorecard_version_positive"),
    )


class QAResult(db.Model):
    """An interaction's QA: the automatic score and decision, and the decision in force (a review,
    the review window or a dispute may change it). One per interaction."""

    __tablename__ = "qa_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), unique=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    scorecard_id: Mapped[int | None] = mapped_column(ForeignKey("qa_scorecards.id", ondelete="SET NULL"))
    scorecard_version: Mapped[int] = mapped_column(Integer, default=0)  # 0: the built-in standard template
    language: Mapped[str | None] = mapped_column(String(8))
    auto_score: Mapped[int | None] = mapped_column(Integer)  # None: nothing to score (no transcript)
    auto_decision: Mapped[str] = mapped_column(String(8))
    auto_failed: Mapped[bool] = mapped_column(Boolean, default=False)
    items: Mapped[list] = mapped_column(JSON, default=list)
    matcher: Mapped[str | None] = mapped_column(String(16))  # what found the phrases: lexical, embedding
    problem: Mapped[str | None] = mapped_column(String(32))  # why the scorer could not judge: no_transcript, …
    score: Mapped[int | None] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(16))
    review_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when the decision became final
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint(one_of("auto_decision", DECISIONS), name="qa_result_auto_decision_known"),
        CheckConstraint(one_of("decision", DECISIONS), name="qa_result_decision_known"),
        CheckConstraint(one_of("state", RESULT_STATES), name="qa_result_state_known"),
        CheckConstraint("score IS NULL OR score BETWEEN 0 AND 100", name="qa_result_score_range"),
        CheckConstraint("state <> 'final' OR decision <> 'review'", name="qa_result_final_decided"),
        Index("ix_qa_results_queue", "state", "review_due_at"),
        Index("ix_qa_results_org", "org_id", "id"),
        Index("ix_qa_results_member", "member_id", "id"),
    )


class QAReview(db.Model):
    """A person's (or the review window's) decision on a call: item overrides with reasons."""

    __tablename__ = "qa_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("qa_results.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    overrides: Mapped[dict] = mapped_column(JSON, default=dict)  # {item key: {"passed", "reason"}}
    score: Mapped[int | None] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint(one_of("kind", REVIEW_KINDS), name="qa_review_kind_known"),
        CheckConstraint(one_of("decision", DECISIONS), name="qa_review_decision_known"),
    )


class Dispute(db.Model):
    """A member contests a call's QA, once, within the dispute window; another reviewer decides."""

    __tablename__ = "qa_disputes"

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("qa_results.id", ondelete="CASCADE"), unique=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    comment: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="open")
    previous_decision: Mapped[str] = mapped_column(String(8))
    previous_score: Mapped[int | None] = mapped_column(Integer)
    resolver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolution: Mapped[str | None] = mapped_column(Text)
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint(one_of("state", DISPUTE_STATES), name="qa_dispute_state_known"),
        Index("ix_qa_disputes_state", "state", "id"),
    )


class CalibrationScore(db.Model):
    """One reviewer's blind item-by-item judgement of a call, for calibration."""

    __tablename__ = "qa_calibration_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("qa_results.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    items: Mapped[dict] = mapped_column(JSON)  # {item key: true | false | null}
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("result_id", "reviewer_id", name="uq_qa_calibration_result_reviewer"),)


class CsatResponse(db.Model):
    """The customer's post-call satisfaction answer, 1 (poor) to 5 (excellent): one per call."""

    __tablename__ = "qa_csat_responses"

    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    rating: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("rating BETWEEN 1 AND 5", name="qa_csat_rating_range"),
        CheckConstraint(one_of("source", CSAT_SOURCES), name="qa_csat_source_known"),
    )


RESCORING_STATES = ("queued", "done", "failed")


class Rescoring(db.Model):
    """One run of an explicit rescoring of a campaign's calls (``quality.services.rescoring``): who
    started it and when, what it covered (one call or a date range), and once done how many calls
    had each outcome, how many decisions changed and how many pending earnings the new decisions
    settled. While it runs, its progress is the job's (``job_id``)."""

    __tablename__ = "qa_rescorings"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    job_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    interaction_id: Mapped[int | None] = mapped_column(Integer)
    start_day: Mapped[date | None] = mapped_column(Date)
    end_day: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    summary: Mapped[dict | None] = mapped_column(JSON)  # outcome → count, decisions_changed, earnings_…
    error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint(one_of("state", RESCORING_STATES), name="qa_rescoring_state_known"),
        Index("ix_qa_rescorings_campaign", "campaign_id", "id"),
    )
