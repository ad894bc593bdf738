"""The audit ledger's tables: the outbox queue, the append-only leaves, tree nodes, signed heads, anchors."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime
from app.extensions import db
from app.timeutil import utcnow


class QueuedEntry(db.Model):
    """An entry written in the same transaction as the change it records, waiting for the sequencer."""

    __tablename__ = "ledger_queue"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    entry: Mapped[str] = mapped_column(Text)  # canonical JSON, exactly what will be hashed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Read from the payload once, when it is recorded, for the auditors' search.
    campaign_id: Mapped[int | None] = mapped_column(BigInteger)
    member_id: Mapped[int | None] = mapped_column(BigInteger)
    org_id: Mapped[int | None] = mapped_column(BigInteger)


class Leaf(db.Model):
    """An integrated entry at its index in the tree. Never updated, never deleted."""

    __tablename__ = "ledger_leaves"

    index: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                       autoincrement=False)
    kind: Mapped[str] = mapped_column(String(64))
    entry: Mapped[str] = mapped_column(Text)
    leaf_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    integrated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Extracted from the payload for the auditors' search.
    campaign_id: Mapped[int | None] = mapped_column(BigInteger)
    member_id: Mapped[int | None] = mapped_column(BigInteger)
    org_id: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_ledger_leaves_kind", "kind"),
        Index("ix_ledger_leaves_campaign_id", "campaign_id"),
        Index("ix_ledger_leaves_member_id", "member_id"),
        Index("ix_ledger_leaves_org_id", "org_id"),
        Index("ix_ledger_leaves_created_at", "created_at"),
    )


class TreeNode(db.Model):
    """The hash of the perfect subtree of 2**level leaves starting at leaf ``index * 2**level``,
    for levels 4 and up (``storage.LOWEST_STORED_LEVEL``): level 0 is ``Leaf.leaf_hash``, and the
    levels between are recomputed from at most 16 leaf hashes."""

    __tablename__ = "ledger_nodes"

    level: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    index: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                       autoincrement=False)
    hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class TreeState(db.Model):
    """One row: the integrated size. The sequencer locks it, so one sequencer runs at a time."""

    __tablename__ = "ledger_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    size: Mapped[int] = mapped_column(BigInteger, default=0)


class TreeHead(db.Model):
    """A signed tree head (STH)."""

    __tablename__ = "ledger_tree_heads"

    id: Mapped[int] = mapped_column(primary_key=True)
    tree_size: Mapped[int] = mapped_column(BigInteger, unique=True)
    root_hash: Mapped[str] = mapped_column(String(64))
    timestamp: Mapped[int] = mapped_column(BigInteger)  # milliseconds since the epoch
    signature: Mapped[str] = mapped_column(String(128))
    public_key: Mapped[str] = mapped_column(String(64))


class Anchor(db.Model):
    """A tree head's root hash written to an Ethereum chain."""

    __tablename__ = "ledger_anchors"

    id: Mapped[int] = mapped_column(primary_key=True)
    tree_head_id: Mapped[int] = mapped_column(ForeignKey("ledger_tree_heads.id"))
    tree_size: Mapped[int] = mapped_column(BigInteger)
    root_hash: Mapped[str] = mapped_column(String(64))
    chain_id: Mapped[int] = mapped_column(BigInteger)
    tx_hash: Mapped[str] = mapped_column(String(66), unique=True)
    block_number: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
