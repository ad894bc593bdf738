"""Tables of the money accounts, transfers and postings, and of what moves money in and out
(top-ups, payouts, payout destinations, reconciliation reports). Provider callbacks are recorded
by ``app.webhooks``.

A transfer and its postings are written once and never updated or deleted; a correction is a
new transfer that points at the one it reverses. ``MoneyAccount.balance`` is a cache of the sum
of the account's postings, changed only by the statement that inserts those postings.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.crypto import EncryptedText
from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow

OWNER_KINDS = ("platform", "org", "campaign", "member")
PURPOSES = ("wallet", "escrow", "pending", "available", "in_transit", "paid_out", "fees", "clearing", "refunds")
# Purposes whose balance is money someone holds with us: it may never go below zero.
GUARDED_PURPOSES = ("wallet", "escrow", "pending", "available", "in_transit")

PAYOUT_STATES = ("requested", "processing", "paid", "failed")
OPEN_PAYOUT_STATES = ("requested", "processing")
TOPUP_STATES = ("pending", "paid", "canceled")


class MoneyAccount(db.Model):
    """One balance of one owner for one purpose in one currency."""

    __tablename__ = "money_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(16))
    owner_id: Mapped[int] = mapped_column()  # 0 for the platform's own accounts
    purpose: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    guarded: Mapped[bool] = mapped_column()
    balance: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("owner_kind", "owner_id", "purpose", "currency"),
        CheckConstraint(one_of("owner_kind", OWNER_KINDS), name="owner_kind_known"),
        CheckConstraint(one_of("purpose", PURPOSES), name="purpose_known"),
        # The last line of defence: the database itself refuses an overdrawn guarded account.
        CheckConstraint("NOT guarded OR balance >= 0", name="guarded_not_negative"),
    )

    @property
    def label(self) -> str:
        return f"{self.owner_kind}:{self.owner_id}:{self.purpose}:{self.currency}"


class Transfer(db.Model):
    """An immutable, balanced movement of money, applied at most once per idempotency key."""

    __tablename__ = "money_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    reason: Mapped[str] = mapped_column(String(32), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    amount: Mapped[int] = mapped_column(BigInteger)  # the total debited (= credited), > 0
    org_id: Mapped[int | None] = mapped_column(index=True)
    campaign_id: Mapped[int | None] = mapped_column(index=True)
    interaction_id: Mapped[int | None] = mapped_column(index=True)
    member_id: Mapped[int | None] = mapped_column(index=True)
    payout_id: Mapped[int | None] = mapped_column()
    topup_id: Mapped[int | None] = mapped_column()
    external_ref: Mapped[str | None] = mapped_column(String(120))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("money_transfers.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)


class Posting(db.Model):
    """One signed leg of a transfer on one account; a transfer's postings sum to zero."""

    __tablename__ = "money_postings"

    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("money_transfers.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("money_accounts.id"))
    amount: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        CheckConstraint("amount <> 0", name="amount_not_zero"),
        Index("ix_money_postings_account_id_id", "account_id", "id"),
        Index("ix_money_postings_transfer_id", "transfer_id"),
    )


class Topup(db.Model):
    """An enterprise's wallet funding: created at checkout, credited only by the paid webhook."""

    __tablename__ = "payout_topups"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    provider: Mapped[str] = mapped_column(String(16))
    checkout_id: Mapped[str | None] = mapped_column(String(120), unique=True)
    payment_intent_id: Mapped[str | None] = mapped_column(String(120))
    checkout_url: Mapped[str | None] = mapped_column(Text)
    refunded: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(one_of("status", TOPUP_STATES), name="status_known"),
    )


class PayoutDestination(db.Model):
    """Where a member is paid: a Stripe Connect account, or payout details for the manual provider."""

    __tablename__ = "payout_destinations"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    provider: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str | None] = mapped_column(String(120), unique=True)
    # Free text typed before accounts were structured; like the account number, encrypted at rest
    # (app.crypto, a key of its own derived from DATA_ENCRYPTION_KEY) and only ever shown masked.
    details: Mapped[str | None] = mapped_column("details_encrypted", EncryptedText(b"payouts:account-details"))
    # Manual provider: the account to pay by hand (payouts.methods: bank | alipay | wechat).
    method: Mapped[str | None] = mapped_column(String(16))
    holder: Mapped[str | None] = mapped_column(String(120))
    bank_name: Mapped[str | None] = mapped_column(String(120))
    account_number: Mapped[str | None] = mapped_column("account_number_encrypted",
                                                       EncryptedText(b"payouts:account-number"))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | enabled | restricted
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # The member's bank refused a payout from the connected account (Stripe's failure code, the
    # amount, the provider's payout id, when): shown to the member until a later one succeeds.
    notice_code: Mapped[str | None] = mapped_column(String(40))
    notice_amount: Mapped[int | None] = mapped_column(BigInteger)
    notice_currency: Mapped[str | None] = mapped_column(String(3))
    notice_ref: Mapped[str | None] = mapped_column(String(120))
    notice_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    bank_paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the latest bank payout that went through

    __table_args__ = (
        CheckConstraint("method IS NULL OR method IN ('bank', 'alipay', 'wechat')", name="method_known"),
    )


class Payout(db.Model):
    """Money leaving the platform to a member. The provider idempotency key is fixed at creation."""

    __tablename__ = "payouts"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16), default="requested")
    provider: Mapped[str] = mapped_column(String(16))
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    provider_ref: Mapped[str | None] = mapped_column(String(120), index=True)
    failure_reason: Mapped[str | None] = mapped_column(Text)
    scheduled: Mapped[bool] = mapped_column(default=False)
    attempts: Mapped[int] = mapped_column(default=0)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(one_of("status", PAYOUT_STATES), name="status_known"),
        # One open request per member at a time, enforced by the database.
        Index("ix_payouts_one_open_per_member", "member_id", unique=True,
              sqlite_where=db.text("status IN ('requested', 'processing')"),
              postgresql_where=db.text("status IN ('requested', 'processing')")),
    )


class Reconciliation(db.Model):
    """A comparison of our transfers with the provider's balance transactions for a period."""

    __tablename__ = "payout_reconciliations"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(16))
    period_from: Mapped[datetime] = mapped_column(UTCDateTime)
    period_to: Mapped[datetime] = mapped_column(UTCDateTime)
    differences: Mapped[int] = mapped_column(default=0)
    result: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
