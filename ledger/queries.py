"""Reads for auditors: entries (filtered), tree heads, anchors, and their JSON shapes."""

from __future__ import annotations

from sqlalchemy import func, select

from app.errors import NotFound
from app.extensions import db
from app.timeutil import as_utc, isoformat
from ledger.models import Anchor, Leaf, QueuedEntry, TreeHead, TreeState


def tree_size() -> int:
    return db.session.scalar(select(TreeState.size).where(TreeState.id == 1)) or 0


def entry_json(leaf: Leaf) -> dict:
    return {"index": leaf.index, "kind": leaf.kind, "created_at": isoformat(leaf.created_at),
            "entry": leaf.entry, "leaf_hash": leaf.leaf_hash.hex()}


def head_json(head: TreeHead) -> dict:
    return {"tree_size": head.tree_size, "root_hash": head.root_hash, "timestamp": head.timestamp,
            "signature": head.signature, "public_key": head.public_key, "algorithm": "ed25519"}


def anchor_json(anchor: Anchor) -> dict:
    return {"tree_size": anchor.tree_size, "root_hash": anchor.root_hash, "chain_id": anchor.chain_id,
            "tx_hash": anchor.tx_hash, "block_number": anchor.block_number,
            "created_at": isoformat(anchor.created_at)}


def latest_head() -> TreeHead | None:
    return db.session.scalar(select(TreeHead).order_by(TreeHead.tree_size.desc()).limit(1))


def get_leaf(index: int) -> Leaf:
    leaf = db.session.get(Leaf, index)
    if leaf is None:
        raise NotFound()
    return leaf


def counts() -> dict:
    return {
        "tree_size": tree_size(),
        "queued": db.session.scalar(select(func.count()).select_from(QueuedEntry)),
    }


def filtered_entries(filters: dict):
    """Integrated entries matching ``filters`` (kind, campaign_id, member_id, org_id, since, until)."""
    stmt = select(Leaf)
    for name in ("kind", "campaign_id", "member_id", "org_id"):
        value = filters.get(name)
        if isinstance(value, list | tuple | set):  # any of several ids (a search by name)
            stmt = stmt.where(getattr(Leaf, name).in_(sorted(value)))
        elif value is not None:
            stmt = stmt.where(getattr(Leaf, name) == value)
    if filters.get("since"):
        stmt = stmt.where(Leaf.created_at >= as_utc(filters["since"]))
    if filters.get("until"):
        stmt = stmt.where(Leaf.created_at < as_utc(filters["until"]))
    return stmt
