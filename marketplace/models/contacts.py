"""Outbound contact lists, their contacts and import reports, and the Do-Not-Call list."""


from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow

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

    __table_args__ = (CheckConstraint(one_of("state", IMPORT_STATES), name="import_state_known"),)


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
    # The name and the other columns as shown (to the enterprise, and to agents on the customer
    # card): every phone, ID or card number in them masked. As the file had them, they are only in
    # ``details_encrypted`` (``{"name", "attributes"}``, encrypted like the number).
    name: Mapped[str | None] = mapped_column(String(160))
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)
    details_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_disposition: Mapped[str | None] = mapped_column(String(32))
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Why the dialer last refused to call it (a check at the moment of dialing: dnc,
    # outside_calling_window, max_attempts, …), and when; cleared when it is dialed.
    dial_refusal: Mapped[str | None] = mapped_column(String(32))
    dial_refused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint(one_of("state", CONTACT_STATES), name="contact_state_known"),
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
