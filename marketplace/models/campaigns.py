"""Campaigns: an enterprise's inbound peak or outbound campaign."""


from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow

KINDS = ("inbound", "outbound")
STATES = ("draft", "published", "running", "paused", "completed", "cancelled")


class Campaign(db.Model):
    """An enterprise's inbound peak or outbound campaign, its pay rules and QA policy."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(160))
    state: Mapped[str] = mapped_column(String(16), default="draft")
    time_zone: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    currency: Mapped[str] = mapped_column(String(3))
    budget: Mapped[int] = mapped_column(BigInteger)  # minor units held in escrow on publishing
    pay_per_call: Mapped[int] = mapped_column(BigInteger, default=0)
    pay_per_talk_minute: Mapped[int] = mapped_column(BigInteger, default=0)
    pay_per_shift_hour: Mapped[int] = mapped_column(BigInteger, default=0)
    success_bonus: Mapped[int] = mapped_column(BigInteger, default=0)
    platform_fee_bps: Mapped[int] = mapped_column(Integer, default=1000)
    qa_auto_approve: Mapped[int] = mapped_column(Integer, default=80)  # score at or above: approve
    qa_review_from: Mapped[int] = mapped_column(Integer, default=60)  # between this and auto: human review
    industry: Mapped[str | None] = mapped_column(String(32))
    slot_minutes: Mapped[int] = mapped_column(Integer, default=30, server_default="30")  # shift length
    release_cutoff_minutes: Mapped[int] = mapped_column(Integer, default=120, server_default="120")
    requirements: Mapped[dict] = mapped_column(JSON, default=dict)
    settings: Mapped[dict] = mapped_column(JSON, default=dict)  # the kind's own settings
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint(one_of("kind", KINDS), name="kind_known"),
        CheckConstraint(one_of("state", STATES), name="state_known"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("budget > 0", name="budget_positive"),
        CheckConstraint("pay_per_call >= 0 AND pay_per_talk_minute >= 0 AND pay_per_shift_hour >= 0 "
                        "AND success_bonus >= 0", name="pay_not_negative"),
        CheckConstraint("qa_review_from <= qa_auto_approve", name="qa_thresholds_ordered"),
    )
