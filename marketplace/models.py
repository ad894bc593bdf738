"""Marketplace tables: campaigns, their shifts and claims, members' profiles, contact lists and DNC."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime
from app.extensions import db
from app.timeutil import utcnow

KINDS = ("inbound", "outbound")
STATES = ("draft", "published", "running", "paused", "completed", "cancelled")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


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
        CheckConstraint(_in("kind", KINDS), name="kind_known"),
        CheckConstraint(_in("state", STATES), name="state_known"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("budget > 0", name="budget_positive"),
        CheckConstraint("pay_per_call >= 0 AND pay_per_talk_minute >= 0 AND pay_per_shift_hour >= 0 "
                        "AND success_bonus >= 0", name="pay_not_negative"),
        CheckConstraint("qa_review_from <= qa_auto_approve", name="qa_thresholds_ordered"),
    )


# --- shifts and claims ------------------------------------------------------------------------

SHIFT_STATES = ("planned", "open", "cancelled")
CLAIM_STATES = ("claimed", "checked_in", "released", "no_show", "bumped")
ACTIVE_CLAIM_STATES = ("claimed", "checked_in")


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
        CheckConstraint(_in("state", SHIFT_STATES), name="shift_state_known"),
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

    __table_args__ = (
        CheckConstraint(_in("state", CLAIM_STATES), name="claim_state_known"),
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


# --- contact lists (outbound) -----------------------------------------------------------------

IMPORT_STATES = ("queued", "running", "done", "failed")
CONTACT_STATES = ("pending", "in_progress", "done", "dnc")


class ContactList(db.Model):
    """One uploaded CSV and its import report."""

    __tablename__ = "contact_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    default_region: Mapped[str] = mapped_column(String(2))
    state: Mapped[str] = mapped_column(String(16), default="queued")
    job_id: Mapped[str | None] = mapped_column(String(64))
    encoding: Mapped[str | None] = mapped_column(String(16))
    total_rows: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    dnc_excluded: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (CheckConstraint(_in("state", IMPORT_STATES), name="import_state_known"),)


class ImportIssue(db.Model):
    """A row of an import that was not added as a new contact, and why (the report's detail)."""

    __tablename__ = "contact_import_issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("contact_lists.id", ondelete="CASCADE"))
    row_number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # rejected | duplicate | dnc
    reason: Mapped[str] = mapped_column(String(64))  # a code: invalid_number, missing_phone, …
    detail: Mapped[str | None] = mapped_column(String(255))  # masked input, never the raw number

    __table_args__ = (Index("ix_import_issues_list_row", "list_id", "row_number"),)


class Contact(db.Model):
    """A callee: the number encrypted at rest, its keyed hash for dedupe and DNC, a masked form."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    # The campaign's organization and the list the row came from, copied at import. Not foreign
    # keys: the campaign's key already ties the row to both (a list belongs to the campaign and is
    # never deleted on its own), and two more per-row checks halve the import rate of big lists.
    org_id: Mapped[int] = mapped_column(Integer)
    list_id: Mapped[int] = mapped_column(Integer, index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    phone_hash: Mapped[str] = mapped_column(String(64))
    phone_encrypted: Mapped[bytes] = mapped_column(LargeBinary)
    phone_masked: Mapped[str] = mapped_column(String(32))
    region: Mapped[str | None] = mapped_column(String(2))
    time_zone: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(160))
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_disposition: Mapped[str | None] = mapped_column(String(32))
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint(_in("state", CONTACT_STATES), name="contact_state_known"),
        UniqueConstraint("campaign_id", "phone_hash", name="uq_contact_campaign_phone"),
        Index("ix_contacts_due", "campaign_id", "state", "next_attempt_at"),
    )


class DncEntry(db.Model):
    """A number that must not be called: by one enterprise (``org_id``) or by anyone (NULL)."""

    __tablename__ = "dnc_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    phone_hash: Mapped[str] = mapped_column(String(64))
    phone_masked: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(16))  # upload | opt_out | admin
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_dnc_hash_org", "phone_hash", "org_id"),)
