"""Audit bundles: everything an auditor needs to check the log offline (see ``ledger/verify.py``)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from app.errors import ValidationError
from app.extensions import db
from ledger import merkle, queries
from ledger.models import Anchor, Leaf, TreeHead
from ledger.services.proofs import node_reader, prefetched
from ledger.verify import FORMAT

PROOF_BATCH = 4096  # entries whose proofs are computed from one read of the tree


def export(start: int = 0, end: int | None = None, progress: Callable[[int, int], None] | None = None) -> dict:
    """Entries ``[start, end)`` with inclusion proofs against the latest signed tree head, every
    tree head with a consistency proof to the latest, the anchors and the public key. ``progress``
    hears (entries done, entries in all) after each batch of proofs."""
    head = queries.latest_head()
    if head is None:
        raise ValidationError(fields={"ledger": "The log is empty: nothing to export."})
    size = head.tree_size
    end = size if end is None else end
    if not 0 <= start <= end <= size:
        raise ValidationError(fields={"range": f"Choose 0 <= from <= to <= {size}."})
    leaves = db.session.scalars(select(Leaf).where(Leaf.index >= start, Leaf.index < end).order_by(Leaf.index)).all()
    # The exported leaves' own hashes are the lowest rows of their proofs: no need to read them again.
    cache = {(0, leaf.index): leaf.leaf_hash for leaf in leaves}
    entries, proofs = [], []
    for first in range(0, len(leaves), PROOF_BATCH):
        batch = leaves[first:first + PROOF_BATCH]
        paths = prefetched(
            lambda node, batch=batch: [merkle.inclusion_proof(node, leaf.index, size) for leaf in batch], cache)
        for leaf, path in zip(batch, paths, strict=True):
            entries.append(queries.entry_json(leaf))
            proofs.append({"index": leaf.index, "tree_size": size, "audit_path": [p.hex() for p in path]})
        if progress is not None:
            progress(len(entries), len(leaves))
    node = node_reader(cache)
    heads = db.session.scalars(select(TreeHead).where(TreeHead.tree_size < size).order_by(TreeHead.tree_size)).all()
    return {
        "format": FORMAT,
        "public_key": head.public_key,
        "from": start,
        "to": end,
        "tree_head": queries.head_json(head),
        "tree_heads": [queries.head_json(h) for h in heads],
        "consistency_proofs": [
            {"first": h.tree_size, "second": size,
             "proof": [p.hex() for p in merkle.consistency_proof(node, h.tree_size, size)]}
            for h in heads if h.tree_size > 0
        ],
        "entries": entries,
        "inclusion_proofs": proofs,
        "anchors": [queries.anchor_json(a) for a in db.session.scalars(select(Anchor).order_by(Anchor.id))],
    }
