"""Shifts, the seats members claim on them, and their waitlists."""


from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow

SHIFT_STATES = ("planned", "open", "cancelled")
CLAIM_STATES = ("claimed", "checked_in", "released", "no_show", "bumped")
ACTIVE_CLAIM_STATES = ("claimed", "checked_in")
REMOVAL_REASONS = ("certification_revoked", "certification_expired", "account_suspended", "requirements_unmet")


class Shift(db.Model):
    """A slot of a campaign with a number of seats. ``claimed`` is the count of active claims, kept
    in the row so a claim is one conditional UPDATE (``claimed < seats``): never oversubscribed."""

    __tablename__ = "shifts"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    seats: Mapped[int] = mapped_column(Integer)
    claimed: Mapped[int] = mapped_column(Integer, default=0)
    planned_seats: Mapped[int] = mapped_column(Integer, default=0)  # what the staffing plan asked for
    state: Mapped[str] = mapped_column(String(16), default="planned")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint(one_of("state", SHIFT_STATES), name="shift_state_known"),
        CheckConstraint("ends_at > starts_at", name="shift_ends_after_start"),
        CheckConstraint("claimed >= 0 AND claimed <= seats", name="claimed_within_seats"),
        CheckConstraint("seats >= 0 AND seats <= 100000", name="seats_in_range"),
        UniqueConstraint("campaign_id", "starts_at", name="uq_shift_campaign_start"),
        Index("ix_shifts_open_start", "state", "starts_at"),
    )


class Claim(db.Model):
    """A member's seat on a shift. Times are copied from the shift so overlap checks need no join."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16), default="claimed")
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    late_release: Mapped[bool] = mapped_column(default=False)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    from_waitlist: Mapped[bool] = mapped_column(default=False)
    # Why the platform took the seat back (state "bumped"): a REMOVAL_REASONS key.
    removed_reason: Mapped[str | None] = mapped_column(String(32))

    __table_args__ = (
        CheckConstraint(one_of("state", CLAIM_STATES), name="claim_state_known"),
        Index("ix_claims_member_start", "member_id", "starts_at"),
        Index("ix_claims_shift_state", "shift_id", "state"),
        # One active seat per member per shift, whatever the races.
        Index("uq_claims_active_seat", "shift_id", "member_id", unique=True,
              postgresql_where=text("state IN ('claimed', 'checked_in')"),
              sqlite_where=text("state IN ('claimed', 'checked_in')")),
    )


class WaitlistEntry(db.Model):
    """A member waiting for a seat on a full shift; the first one gets a released seat."""

    __tablename__ = "shift_waitlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("shift_id", "member_id", name="uq_waitlist_member"),
                      Index("ix_waitlist_shift_order", "shift_id", "id"))
