"""The audit ledger's operations: record (outbox), integrate (sequencer), sign, prove, verify.

Entries are queued in the transaction of the change they record; the sequencer gives them
consecutive indexes, stores the RFC 9162 perfect-subtree hashes of 16 leaves and more (so any
proof is one query of O(log n) rows) and signs a tree head. Nothing here edits or deletes a leaf.
"""

from __future__ import annotations

import json
import logging
import os
import re

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import current_app
from sqlalchemy import Engine, func, select, text

from app.errors import NotFound, ValidationError
from app.extensions import db
from app.timeutil import as_utc, isoformat, to_millis, utcnow
from ledger import fullcheck, merkle, storage
from ledger.models import Anchor, Leaf, QueuedEntry, TreeHead, TreeNode, TreeState

logger = logging.getLogger(__name__)

BATCH_SIZE = 5000
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"^\+?[\d\s().-]{8,}$")


def canonical_json(value) -> str:
    """The one serialisation that is hashed: sorted keys, no spaces, UTF-8 text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def tree_head_message(tree_size: int, root_hash: str, timestamp: int) -> bytes:
    return f"crowdline-tree-head:v1:{tree_size}:{root_hash}:{timestamp}".encode()


def _redact(value, path: str, kind: str):
    """Personal data never enters the log: e-mails and phone numbers are replaced and reported."""
    if isinstance(value, dict):
        return {k: _redact(v, f"{path}.{k}", kind) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact(v, f"{path}[{i}]", kind) for i, v in enumerate(value)]
    if isinstance(value, str) and "*" not in value and (("@" in value and _EMAIL.search(value))
                                                        or _PHONE.match(value)):
        logger.error("Personal data in a %s signal at %s was redacted from the ledger", kind, path)
        return "[redacted]"
    return value


def _plain(value):
    """Signal values as JSON: ints, strings, bools, None, lists and dicts; anything else as text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return isoformat(value) if hasattr(value, "tzinfo") else value.isoformat()
    return str(value)


def record(kind: str, sender: str, payload: dict) -> QueuedEntry:
    """Queue an entry in the current transaction (called by the receivers of every signal)."""
    created = utcnow()
    body = {
        "kind": kind,
        "sender": sender,
        "created_at": isoformat(created),
        "payload": _redact(_plain(payload), "payload", kind),
    }
    plain = body["payload"]
    queued = QueuedEntry(kind=kind, entry=canonical_json(body), created_at=created,
                         campaign_id=_int(plain.get("campaign_id")),
                         member_id=_int(plain.get("member_id", plain.get("user_id"))),
                         org_id=_int(plain.get("org_id")))
    db.session.add(queued)
    return queued


# --- signing ------------------------------------------------------------------------------

def signing_key() -> Ed25519PrivateKey:
    """The platform's Ed25519 tree-head key: ``LEDGER_SIGNING_KEY`` (hex seed), else a key
    generated once into the instance folder; a key of the process in tests."""
    app = current_app._get_current_object()
    cached = app.extensions.get("ledger_signing_key")
    if cached is not None:
        return cached
    configured = app.config.get("LEDGER_SIGNING_KEY") or os.environ.get("LEDGER_SIGNING_KEY")
    if configured:
        key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(configured.strip()))
    elif app.testing:
        key = Ed25519PrivateKey.generate()
    else:
        path = os.path.join(app.instance_path, "ledger-ed25519.pem")
        if os.path.exists(path):
            with open(path, "rb") as fh:
                key = serialization.load_pem_private_key(fh.read(), password=None)
        else:
            key = Ed25519PrivateKey.generate()
            os.makedirs(app.instance_path, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    app.extensions["ledger_signing_key"] = key
    return key


def public_key_hex() -> str:
    return signing_key().public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


# --- the tree -------------------------------------------------------------------------------

def _node_reader(cache: dict | None = None):
    cache = {} if cache is None else cache

    def node(level: int, index: int) -> bytes:
        key = (level, index)
        if key not in cache:
            if 0 < level < storage.LOWEST_STORED_LEVEL:  # not stored: recomputed from the leaves below
                cache[key] = merkle.node_hash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1))
                return cache[key]
            if level == 0:  # leaf hashes live with their entries
                found = db.session.scalar(select(Leaf.leaf_hash).where(Leaf.index == index))
            else:
                found = db.session.scalar(select(TreeNode.hash).where(TreeNode.level == level,
                                                                      TreeNode.index == index))
            if found is None:
                raise LookupError(f"missing tree node {key}")
            cache[key] = found
        return cache[key]

    return node


def _prefetched(compute, cache: dict | None = None, check_size=None):
    """Run ``compute(node)`` with every tree node it needs (and ``cache`` lacks) read in one query
    instead of one each; ``cache`` keeps what was read, for the next computation. With
    ``check_size``, the same query reads the integrated size, and ``check_size(size)`` may refuse
    the request before anything is computed."""
    cache = {} if cache is None else cache
    wanted: set = set()

    def record(level: int, index: int) -> bytes:
        if (level, index) not in cache:
            wanted.add((level, index))
        return b"\x00" * 32

    compute(record)
    if check_size is None:
        cache.update(storage.read_nodes(wanted))
    else:
        found, size = storage.read_nodes_and_tree_size(wanted)
        check_size(size)
        cache.update(found)
    return compute(_node_reader(cache))


def tree_size() -> int:
    return db.session.scalar(select(TreeState.size).where(TreeState.id == 1)) or 0


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
    node = _node_reader(cache)
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
    if db.engine.dialect.name == "sqlite":
        return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def sign_tree_head(size: int, root: bytes) -> TreeHead:
    timestamp = to_millis(utcnow())
    root_hex = root.hex()
    signature = signing_key().sign(tree_head_message(size, root_hex, timestamp)).hex()
    head = TreeHead(tree_size=size, root_hash=root_hex, timestamp=timestamp, signature=signature,
                    public_key=public_key_hex())
    db.session.add(head)
    db.session.flush()
    return head


# --- reads for auditors ----------------------------------------------------------------------

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


def root_at(size: int) -> bytes:
    return _prefetched(lambda node: merkle.root(node, size))


def inclusion(index: int, size: int | None = None) -> dict:
    if size is None or not 0 <= index < size:
        current = tree_size()
        _check_inclusion(index, size, current)
        size = current if size is None else size
        leaf, path, root = _prefetched(lambda node: _inclusion_nodes(node, index, size))
    else:  # the usual request: one query reads the proof's nodes and the size they are checked against
        leaf, path, root = _prefetched(lambda node: _inclusion_nodes(node, index, size),
                                       check_size=lambda current: _check_inclusion(index, size, current))
    return {
        "index": index,
        "tree_size": size,
        "leaf_hash": leaf.hex(),
        "audit_path": [p.hex() for p in path],
        "root_hash": root.hex(),
    }


def _inclusion_nodes(node, index: int, size: int) -> tuple[bytes, list[bytes], bytes]:
    return node(0, index), merkle.inclusion_proof(node, index, size), merkle.root(node, size)


def _check_inclusion(index: int, size: int | None, current: int) -> None:
    size = current if size is None else size
    if size < 1 or size > current:
        raise ValidationError(fields={"tree_size": f"Must be between 1 and the tree size ({current})."})
    if index < 0 or index >= size:
        raise ValidationError(fields={"index": f"Must be below the tree size ({size})."})


def consistency(first: int, second: int) -> dict:
    current = tree_size()
    if not first >= 1:
        raise ValidationError(fields={"first": "Must be at least 1."})
    if second > current:
        raise ValidationError(fields={"second": f"Must be at most the tree size ({current})."})
    if first > second:
        raise ValidationError(fields={"first": "Must not be larger than second."})
    proof, first_root, second_root = _prefetched(lambda node: (
        merkle.consistency_proof(node, first, second), merkle.root(node, first), merkle.root(node, second)))
    return {
        "first": first,
        "second": second,
        "proof": [p.hex() for p in proof],
        "first_root": first_root.hex(),
        "second_root": second_root.hex(),
    }


def verify_all(progress=None) -> dict:
    """Recompute every leaf hash and subtree from the stored entries and check every signed head.

    Returns ``{"ok", "checked", "problem"}`` where ``problem`` names the first thing that does not
    match (an entry index, a node, a tree head). ``progress(done, total)`` follows the entries
    hashed. How the hashing is split (and run side by side on PostgreSQL) is in ``ledger.fullcheck``.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    bind = db.session.get_bind()
    own_snapshot = (isinstance(bind, Engine) and bind.dialect.name == "postgresql"
                    and not db.session().in_transaction())
    if own_snapshot:
        # One snapshot for the whole check: a sequencer integrating meanwhile adds leaves, nodes
        # and heads this pass must not half-see (it would report them as not matching). A caller
        # already inside a transaction (or bound to a connection) keeps its own.
        db.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    size = tree_size()
    heads = db.session.scalars(select(TreeHead).order_by(TreeHead.tree_size)).all()
    wanted_low = fullcheck.wanted_low_nodes(h.tree_size for h in heads if 0 < h.tree_size <= size)

    def own(start: int, end: int, done) -> fullcheck.Part:
        chunks = storage.leaf_chunks(start, end, fullcheck.CHUNK)
        try:
            return fullcheck.hash_part(chunks, start, end, wanted_low, done)
        finally:
            chunks.close()

    def hashed(total: int) -> None:
        if progress:
            progress(total, size)

    spans = fullcheck.parts_of(size, fullcheck.workers(current_app.config.get("LEDGER_VERIFY_WORKERS")))
    if own_snapshot and len(spans) > 1 and size >= fullcheck.PARALLEL_FROM:
        # Other connections can read exactly this transaction's snapshot while it stays open.
        snapshot = db.session.execute(text("SELECT pg_export_snapshot()")).scalar_one()
        url = bind.url.set(drivername="postgresql").render_as_string(hide_password=False)
        parts = fullcheck.hash_parts(spans, own, wanted_low, hashed, url, snapshot)
    else:
        parts = fullcheck.hash_parts([(0, size)], own, wanted_low, hashed)
    problems = [part.problem for part in parts if part.problem is not None]
    if problems:
        index, what = min(problems)
        named = "is missing" if what == "missing" else "does not match its leaf hash"
        return {"ok": False, "checked": index, "problem": f"entry {index} {named}"}
    levels, low = fullcheck.combine(parts)
    stored_levels = storage.node_levels()
    lowest = storage.LOWEST_STORED_LEVEL
    for level in sorted({*range(lowest, len(levels)), *stored_levels}):
        computed = levels[level] if lowest <= level < len(levels) else []
        whole = (len(computed), 0, len(computed) - 1, 32, 32)
        if not computed or stored_levels.get(level) != whole or storage.node_level(level) != computed:
            return _node_problem(level, computed, size)

    def node(level: int, index: int) -> bytes:
        return low[(level, index)] if level < lowest else levels[level][index]

    for head in heads:
        if head.tree_size > size or merkle.root(node, head.tree_size).hex() != head.root_hash:
            return {"ok": False, "checked": size, "problem": f"tree head {head.tree_size} does not match the entries"}
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(head.public_key)).verify(
                bytes.fromhex(head.signature), tree_head_message(head.tree_size, head.root_hash, head.timestamp))
        except (InvalidSignature, ValueError):
            return {"ok": False, "checked": size, "problem": f"tree head {head.tree_size} has a bad signature"}
    return {"ok": True, "checked": size, "problem": None}


def _node_problem(level: int, computed: list[bytes], size: int) -> dict:
    """Name the first missing or altered stored node of a level that did not verify."""
    rows = storage.node_rows(level)
    for position, (index, stored) in enumerate(rows):
        if index != position and position < len(computed):
            return {"ok": False, "checked": size, "problem": f"tree node ({level}, {position}) is missing"}
        if position >= len(computed) or computed[position] != stored:
            return {"ok": False, "checked": size, "problem": f"tree node ({level}, {index}) does not match"}
    return {"ok": False, "checked": size, "problem": f"tree node ({level}, {len(rows)}) is missing"}


def counts() -> dict:
    return {
        "tree_size": tree_size(),
        "queued": db.session.scalar(select(func.count()).select_from(QueuedEntry)),
    }
