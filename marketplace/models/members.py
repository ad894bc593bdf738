"""What the marketplace knows of a member."""


from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime
from app.extensions import db
from app.timeutil import utcnow


class MemberProfile(db.Model):
    """What the marketplace knows of a member: languages, region, commitment record, QA average.

    The row is also the member's lock: claims take it FOR UPDATE so two claims by one member
    cannot both pass the overlap check."""

    __tablename__ = "member_profiles"

    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    languages: Mapped[list] = mapped_column(JSON, default=list)
    region: Mapped[str | None] = mapped_column(String(64))
    shifts_attended: Mapped[int] = mapped_column(Integer, default=0)
    late_releases: Mapped[int] = mapped_column(Integer, default=0)
    no_shows: Mapped[int] = mapped_column(Integer, default=0)
    reliability: Mapped[int] = mapped_column(Integer, default=100)  # 0..100, commitment adherence
    qa_average: Mapped[float | None] = mapped_column()  # kept by smart QA; None until a call is scored
    qa_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
