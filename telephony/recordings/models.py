"""The recording of an interaction: where its media is kept and how far its upload has come."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime
from app.extensions import db
from app.timeutil import utcnow

RECORDING_STATES = ("uploading", "ready", "purged")
SOURCES = ("browser", "provider")


class Recording(db.Model):
    """One recording per interaction. ``size`` is what the store holds so far (the next upload
    offset); ``total`` the announced size once known. A purged recording keeps its row (the ledger
    entries of its accesses name it), not its media."""

    __tablename__ = "recordings"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), unique=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="uploading")
    storage_key: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(64))
    channels: Mapped[int] = mapped_column(Integer, default=2)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    total: Mapped[int | None] = mapped_column(BigInteger)
    provider_ref: Mapped[str | None] = mapped_column(String(255))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint("state IN ('uploading', 'ready', 'purged')", name="recording_state_known"),
        CheckConstraint("source IN ('browser', 'provider')", name="recording_source_known"),
        CheckConstraint("size >= 0 AND (total IS NULL OR size <= total)", name="recording_size_within_total"),
        Index("ix_recordings_campaign_completed", "campaign_id", "completed_at"),
    )
