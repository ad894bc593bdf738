"""Report aggregates: one fact per interaction (what it adds to its campaign's figures) and the
sums of those facts per campaign and per member in 15-minute UTC buckets.

A report over a month reads about 3,000 bucket rows whatever the number of calls; a bucket of
15 minutes composes into any period of any time zone (every zone's offset is a multiple of 15
minutes), so a day, an ISO week or a month in the viewer's zone is a sum of whole buckets."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow

# The counters a fact adds to its buckets (all integers: seconds, counts, minor units).
MEASURES = ("offered", "answered", "abandoned", "abandoned_short", "answered_in_target", "abandoned_in_target",
            "wait_seconds", "handled", "talk_seconds", "hold_seconds", "wrapup_seconds", "handle_seconds",
            "attempted", "reached", "succeeded", "repeated", "earnings", "qa_count", "qa_score_sum",
            "qa_approve", "qa_review", "qa_reject", "csat_count", "csat_sum")


def _counter():
    return mapped_column(BigInteger, default=0, server_default="0")


class Measures:
    """The counters, summed over a bucket's facts."""

    offered: Mapped[int] = _counter()
    answered: Mapped[int] = _counter()
    abandoned: Mapped[int] = _counter()
    abandoned_short: Mapped[int] = _counter()
    answered_in_target: Mapped[int] = _counter()
    abandoned_in_target: Mapped[int] = _counter()
    wait_seconds: Mapped[int] = _counter()
    handled: Mapped[int] = _counter()
    talk_seconds: Mapped[int] = _counter()
    hold_seconds: Mapped[int] = _counter()
    wrapup_seconds: Mapped[int] = _counter()
    handle_seconds: Mapped[int] = _counter()
    attempted: Mapped[int] = _counter()
    reached: Mapped[int] = _counter()
    succeeded: Mapped[int] = _counter()
    repeated: Mapped[int] = _counter()
    earnings: Mapped[int] = _counter()
    qa_count: Mapped[int] = _counter()
    qa_score_sum: Mapped[int] = _counter()
    qa_approve: Mapped[int] = _counter()
    qa_review: Mapped[int] = _counter()
    qa_reject: Mapped[int] = _counter()
    csat_count: Mapped[int] = _counter()
    csat_sum: Mapped[int] = _counter()


class ReportFact(db.Model):
    """What one interaction contributes to the report, as last applied: applying it again applies
    only the difference, so a replayed completion (or QA decision) counts once."""

    __tablename__ = "report_facts"

    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    bucket: Mapped[datetime] = mapped_column(UTCDateTime)  # the 15 minutes the interaction was queued in
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    customer_key: Mapped[str | None] = mapped_column(String(80))  # the caller's keyed hash or "contact:<id>"
    qa_score: Mapped[int | None] = mapped_column(Integer)
    qa_decision: Mapped[str | None] = mapped_column(String(16))
    csat_score: Mapped[int | None] = mapped_column(SmallInteger)
    contribution: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (Index("ix_report_facts_customer", "campaign_id", "customer_key", "queued_at"),
                      Index("ix_report_facts_bucket", "campaign_id", "bucket"))


class ReportBucket(Measures, db.Model):
    """A campaign's figures for 15 minutes (UTC)."""

    __tablename__ = "report_buckets"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    bucket: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)


class MemberReportBucket(Measures, db.Model):
    """One member's figures on one campaign for 15 minutes (UTC)."""

    __tablename__ = "member_report_buckets"

    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    bucket: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)


FREQUENCIES = ("daily", "weekly", "monthly")
FORMATS = ("csv", "xlsx")


class ScheduledReport(db.Model):
    """A user asked for a campaign's report every day, ISO week or month, as CSV or XLSX: each
    period, once it has ended in the user's time zone, becomes a ``ReportFile`` and a notification."""

    __tablename__ = "scheduled_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    frequency: Mapped[str] = mapped_column(String(16))
    file_format: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint(one_of("frequency", FREQUENCIES), name="scheduled_report_frequency_known"),
        CheckConstraint(one_of("file_format", FORMATS), name="scheduled_report_format_known"),
        UniqueConstraint("campaign_id", "user_id", "frequency", name="uq_scheduled_reports_campaign_user_frequency"),
    )


class ReportFile(db.Model):
    """One delivered period of a scheduled report, kept for download in the app."""

    __tablename__ = "report_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    scheduled_report_id: Mapped[int] = mapped_column(ForeignKey("scheduled_reports.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    filename: Mapped[str] = mapped_column(String(160))
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("scheduled_report_id", "first_day", name="uq_report_files_period"),)
