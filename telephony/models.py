"""Telephony tables: interactions and their timelines, members' presence history, and the campaigns
whose routing is held (escrow ran out)."""

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

from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow
from telephony.lifecycle import CHANNELS, DIRECTIONS, EVENT_KINDS, PAY_STATES, STATES, TRANSFER_STATES


class Interaction(db.Model):
    """One contact between a customer and the contact center: a call now, a chat later.

    The customer's number is never stored in clear: an inbound caller's number is kept encrypted
    with its keyed hash (the contacts' vault), an outbound callee is a reference to the contact, and
    both carry only the masked form (``138****5678``) for display. Durations are derived from the
    timeline and stored once the interaction is final."""

    __tablename__ = "interactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16), default="voice")
    direction: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="queued")
    member_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    customer_phone_hash: Mapped[str | None] = mapped_column(String(64))
    customer_phone_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    customer_masked: Mapped[str | None] = mapped_column(String(32))
    provider: Mapped[str] = mapped_column(String(16), default="local")
    customer_call_sid: Mapped[str | None] = mapped_column(String(64))
    agent_call_sid: Mapped[str | None] = mapped_column(String(64))
    escalation_call_sid: Mapped[str | None] = mapped_column(String(64))  # handed to the enterprise's line
    transfer_state: Mapped[str | None] = mapped_column(String(16))  # calling | connected | failed
    recording_ref: Mapped[str | None] = mapped_column(String(255))
    transcript_ref: Mapped[str | None] = mapped_column(String(255))

    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    wrapup_ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    held_since: Mapped[datetime | None] = mapped_column(UTCDateTime)  # set while on hold
    hold_seconds: Mapped[int] = mapped_column(Integer, default=0)  # closed holds so far

    wait_seconds: Mapped[int | None] = mapped_column(Integer)
    ring_seconds: Mapped[int | None] = mapped_column(Integer)
    talk_seconds: Mapped[int | None] = mapped_column(Integer)
    wrapup_seconds: Mapped[int | None] = mapped_column(Integer)
    handle_seconds: Mapped[int | None] = mapped_column(Integer)

    disposition: Mapped[str | None] = mapped_column(String(32))
    disposition_notes: Mapped[str | None] = mapped_column(Text)
    # the member's answers to the campaign's survey questions: [{"index", "question", "answer"}]
    survey_answers: Mapped[list | None] = mapped_column(JSON)
    # the disposition's (success | retry | final), or an overflow's (enterprise_line | callback_request)
    outcome: Mapped[str | None] = mapped_column(String(16))
    failure_reason: Mapped[str | None] = mapped_column(String(64))
    answered_by: Mapped[str | None] = mapped_column(String(16))  # outbound, with AMD: human | machine_start | fax | …

    pay_state: Mapped[str] = mapped_column(String(16), default="none")
    pay_amount: Mapped[int | None] = mapped_column(BigInteger)  # minor units of the campaign's currency
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint(one_of("channel", CHANNELS), name="interaction_channel_known"),
        CheckConstraint(one_of("direction", DIRECTIONS), name="interaction_direction_known"),
        CheckConstraint(one_of("state", STATES), name="interaction_state_known"),
        CheckConstraint(one_of("pay_state", PAY_STATES), name="interaction_pay_state_known"),
        CheckConstraint("transfer_state IS NULL OR " + one_of("transfer_state", TRANSFER_STATES),
                        name="interaction_transfer_state_known"),
        CheckConstraint("hold_seconds >= 0", name="interaction_hold_not_negative"),
        CheckConstraint("pay_amount IS NULL OR pay_amount >= 0", name="interaction_pay_not_negative"),
        CheckConstraint("(customer_phone_encrypted IS NULL) = (customer_phone_hash IS NULL)",
                        name="interaction_phone_sealed_with_hash"),
        CheckConstraint("state NOT IN ('in_progress', 'held', 'wrapup', 'completed') OR member_id IS NOT NULL",
                        name="interaction_handled_by_member"),
        CheckConstraint("state NOT IN ('wrapup', 'completed', 'abandoned', 'failed') OR ended_at IS NOT NULL",
                        name="interaction_ended_has_end"),
        CheckConstraint("state <> 'completed' OR wrapup_ended_at IS NOT NULL", name="interaction_completed_has_end"),
        CheckConstraint("(state = 'held') = (held_since IS NOT NULL)", name="interaction_held_since_when_held"),
        CheckConstraint("disposition IS NULL OR state IN ('wrapup', 'completed')",
                        name="interaction_disposition_after_call"),
        UniqueConstraint("provider", "customer_call_sid", name="uq_interactions_customer_call"),
        UniqueConstraint("provider", "agent_call_sid", name="uq_interactions_agent_call"),
        Index("ix_interactions_org_id", "org_id", "id"),
        Index("ix_interactions_campaign_id", "campaign_id", "id"),
        Index("ix_interactions_member_id", "member_id", "id"),
        Index("ix_interactions_pay_state", "campaign_id", "pay_state"),
    )


class InteractionEvent(db.Model):
    """One step of an interaction's timeline. ``key`` makes a replayed provider callback a no-op:
    the once-only kinds (queued, answered, wrapup, completed, abandoned, failed) use their kind, the
    repeatable ones a reference of their own (the offer, the time)."""

    __tablename__ = "interaction_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint(one_of("kind", EVENT_KINDS), name="interaction_event_kind_known"),
        UniqueConstraint("interaction_id", "key", name="uq_interaction_events_key"),
        Index("ix_interaction_events_timeline", "interaction_id", "at", "id"),
    )


class PresenceInterval(db.Model):
    """A stretch of time a member was reachable (any presence but offline): what pay per shift hour
    counts. The routing layer reports each change of presence; an open interval has no end."""

    __tablename__ = "presence_intervals"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint("status <> 'offline'", name="presence_not_offline"),
        CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="presence_ends_after_start"),
        Index("ix_presence_member_start", "member_id", "started_at"),
        Index("uq_presence_open", "member_id", unique=True, postgresql_where=text("ended_at IS NULL"),
              sqlite_where=text("ended_at IS NULL")),
    )


class RoutingHold(db.Model):
    """A campaign whose calls must not be routed: its escrow cannot pay what members earn."""

    __tablename__ = "campaign_routing_holds"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    shortfall: Mapped[int] = mapped_column(BigInteger, default=0)  # what the escrow could not pay
    currency: Mapped[str] = mapped_column(String(3))
    since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (CheckConstraint("reason IN ('escrow_exhausted')", name="routing_hold_reason_known"),
                      CheckConstraint("shortfall >= 0", name="routing_hold_shortfall_not_negative"))


class CampaignNumber(db.Model):
    """Where a campaign's inbound calls arrive: a phone number (E.164) or a SIP Domain user, each
    unique to one campaign, and where overflow is sent back to the enterprise (SIP URI or number)."""

    __tablename__ = "campaign_numbers"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[str | None] = mapped_column(String(20), unique=True)
    sip_user: Mapped[str | None] = mapped_column(String(64), unique=True)
    escalation_sip_uri: Mapped[str | None] = mapped_column(String(255))
    escalation_number: Mapped[str | None] = mapped_column(String(20))
    allocated: Mapped[bool] = mapped_column(default=False)  # a fake number of the local carrier
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class CallbackRequest(db.Model):
    """A caller who waited too long asked to be called back: the outbound dialer dials it later.
    The number is kept sealed as the interaction keeps it (hash + ciphertext), shown masked."""

    __tablename__ = "callback_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), unique=True)
    phone_hash: Mapped[str | None] = mapped_column(String(64))
    phone_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_masked: Mapped[str | None] = mapped_column(String(32))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="open")

    __table_args__ = (CheckConstraint("state IN ('open', 'dialed', 'closed')", name="callback_request_state_known"),)
