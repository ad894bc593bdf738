"""Proofs from the stored tree: roots, inclusion and consistency proofs, and the full verification."""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from flask import current_app
from sqlalchemy import Engine, select, text

from app.database import on_postgresql
from app.errors import ValidationError
from app.extensions import db
from ledger import fullcheck, merkle, storage
from ledger.models import Leaf, TreeHead, TreeNode
from ledger.queries import tree_size
from ledger.services.signing import tree_head_message


def node_reader(cache: dict | None = None):
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


def prefetched(compute, cache: dict | None = None, check_size=None):
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
    return compute(node_reader(cache))


def root_at(size: int) -> bytes:
    return prefetched(lambda node: merkle.root(node, size))


def inclusion(index: int, size: int | None = None) -> dict:
    if size is None or not 0 <= index < size:
        current = tree_size()
        _check_inclusion(index, size, current)
        size = current if size is None else size
        leaf, path, root = prefetched(lambda node: _inclusion_nodes(node, index, size))
    else:  # the usual request: one query reads the proof's nodes and the size they are checked against
        leaf, path, root = prefetched(lambda node: _inclusion_nodes(node, index, size),
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
    proof, first_root, second_root = prefetched(lambda node: (
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
    bind = db.session.get_bind()
    own_snapshot = (isinstance(bind, Engine) and on_postgresql(bind)
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
