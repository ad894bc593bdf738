"""The sequencer: queued entries get consecutive indexes, their subtree hashes and a signed tree head."""

from __future__ import annotations

import logging

from sqlalchemy import select

from app.database import dialect_name
from app.extensions import db
from app.timeutil import as_utc, utcnow
from ledger import merkle, storage
from ledger.models import TreeState
from ledger.services.proofs import node_reader
from ledger.services.signing import sign_tree_head

logger = logging.getLogger(__name__)

BATCH_SIZE = 5000


def integrate(batch_size: int = BATCH_SIZE) -> int:
    """Give queued entries consecutive indexes, store their subtree hashes, sign a tree head.

    Runs under a lock on the single state row, so concurrent sequencers integrate one after the
    other; the caller commits, so a crash anywhere leaves the queue as it was. Returns the number
    of entries integrated.
    """
    state = db.session.scalar(select(TreeState).where(TreeState.id == 1).with_for_update())
    if state is None:
        db.session.add(TreeState(id=1, size=0))
        db.session.flush()
        state = db.session.scalar(select(TreeState).where(TreeState.id == 1).with_for_update())
    queued = storage.queued(batch_size)
    if not queued:
        return 0
    size = state.size
    # Appending needs only the right edge of the tree: the perfect subtrees a new leaf may complete.
    cache = storage.read_nodes(merkle.frontier(size))
    node = node_reader(cache)
    nodes = []
    hashes = merkle.leaf_hashes(entry.encode("utf-8") for _, entry in queued)
    for index, leaf in enumerate(hashes, start=size):
        cache[(0, index)] = leaf
        level, position = 0, index
        while position & 1:
            parent = merkle.node_hash(node(level, position - 1), node(level, position))
            level, position = level + 1, position >> 1
            cache[(level, position)] = parent
            if level >= storage.LOWEST_STORED_LEVEL:
                nodes.append((level, position, parent))
    storage.move_to_leaves(size, [queued_id for queued_id, _ in queued], hashes, _db_time(utcnow()))
    storage.insert_nodes(nodes)
    size += len(hashes)
    state.size = size
    db.session.flush()
    sign_tree_head(size, merkle.root(node, size))
    logger.info("Ledger integrated %d entries; tree size %d", len(queued), size)
    return len(queued)


def _db_time(value):
    """A datetime as the UTCDateTime column stores it (naive UTC text on SQLite), for driver-level inserts."""
    value = as_utc(value)
    if dialect_name(db.engine) == "sqlite":
        return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value
