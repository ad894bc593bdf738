"""The full verification: every leaf hash, stored tree node and signed tree head recomputed from
the stored entries, naming the first thing that does not match.

Nearly all of the work is SHA-256: one hash per entry and one per tree node. The entries are split
into parts that are perfect subtrees (a power-of-two number of leaves, aligned; the last part is the
tree's ragged end), so each part is hashed on its own and the parts' subtree hashes are put
together afterwards. On PostgreSQL a large log's parts are hashed side by side: each in a forked
process reading through a connection of its own, all in the one snapshot the checking transaction
exports, so together they see exactly what a single reader would.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from ledger import merkle, storage

logger = logging.getLogger(__name__)

CHUNK = 8192  # entries read and hashed at a time
PARALLEL_FROM = 1 << 17  # a smaller log is hashed in one process: forking would cost more than it saves
LOWEST = storage.LOWEST_STORED_LEVEL

Chunks = Iterable[tuple[int, list[bytes], list[bytes]]]


@dataclass
class Part:
    """What hashing the leaves ``start`` to ``end - 1`` found.

    ``levels[k]`` holds the part's perfect-subtree hashes of level ``LOWEST + k``, from the part's
    first node on; ``low`` the nodes below ``LOWEST`` that were asked for (by global position);
    ``problem`` the first entry that is missing or does not match its stored leaf hash.
    """

    start: int
    end: int
    levels: list[list[bytes]] = field(default_factory=list)
    low: dict[tuple[int, int], bytes] = field(default_factory=dict)
    problem: tuple[int, str] | None = None
    hashed: int = 0


def hash_part(chunks: Chunks, start: int, end: int, wanted_low: Iterable[tuple[int, int]],
              done: Callable[[int], None] | None = None) -> Part:
    """Hash the entries of ``chunks`` (leaves ``start`` to ``end - 1``, as ``storage.leaf_chunks``
    gives them), compare each with its stored leaf hash, and build the part's subtrees."""
    part = Part(start, end)
    tree = merkle.MemoryTree()
    for first, entries, stored in chunks:
        computed = merkle.leaf_hashes(entries)
        if computed != stored:
            position = next(p for p, (mine, theirs) in enumerate(zip(computed, stored, strict=True)) if mine != theirs)
            part.problem = (first + position, "altered")
            break
        tree.extend(computed)
        if done:
            done(len(computed))
    part.hashed = tree.size
    if part.problem is None and tree.size != end - start:
        part.problem = (start + tree.size, "missing")
    if part.problem is not None:
        return part
    part.levels = tree.levels[LOWEST:]
    for level, index in wanted_low:
        if start <= index << level and (index + 1) << level <= end:
            part.low[(level, index)] = tree.levels[level][index - (start >> level)]
    return part


def parts_of(size: int, workers: int) -> list[tuple[int, int]]:
    """``(start, end)`` of aligned parts, about ``workers`` of them: each a perfect subtree of the same
    power-of-two size except the last."""
    if workers <= 1 or size < 2:
        return [(0, size)]
    span = max(1 << LOWEST, 1 << (-(-size // workers) - 1).bit_length())
    return [(start, min(start + span, size)) for start in range(0, size, span)]


def combine(parts: list[Part]) -> tuple[list[list[bytes]], dict[tuple[int, int], bytes]]:
    """The whole tree's levels from ``LOWEST`` up (levels below are left empty) and the asked-for
    low nodes, from parts that each verified."""
    levels: list[list[bytes]] = [[] for _ in range(LOWEST)]
    low: dict[tuple[int, int], bytes] = {}
    for part in parts:  # in order: each part's nodes follow the previous part's on every level
        for offset, hashes in enumerate(part.levels):
            while len(levels) <= LOWEST + offset:
                levels.append([])
            levels[LOWEST + offset].extend(hashes)
        low.update(part.low)
    # Above the parts' own levels the subtrees span parts: hash them here, level by level.
    while len(levels) > LOWEST and len(levels[-1]) > 1:
        levels.append(merkle.parent_hashes(levels[-1]))
    return levels, low


def wanted_low_nodes(head_sizes: Iterable[int]) -> set[tuple[int, int]]:
    """The nodes below ``LOWEST`` that the roots of trees of these sizes are made of."""
    return {(level, index) for size in head_sizes for level, index in merkle.frontier(size) if level < LOWEST}


def workers(configured: int | None = None) -> int:
    """How many processes hash a large log: ``configured`` (``LEDGER_VERIFY_WORKERS``) if positive,
    else the CPUs this process may run on, at most 8; always 1 where forking is not safe and cheap
    (anywhere but Linux, or inside a daemonic process)."""
    if (not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods()
            or multiprocessing.current_process().daemon):  # a daemonic process may not have children
        return 1
    if configured and configured > 0:
        return min(configured, 64)
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


def hash_parts(spans: list[tuple[int, int]], own: Callable[[int, int], Part], wanted_low: set[tuple[int, int]],
               progress: Callable[[int], None] | None, url: str | None = None,
               snapshot: str | None = None) -> list[Part]:
    """Hash the first span with ``own`` (this process, its own connection) and each other span in a
    forked process that imports ``snapshot`` on a new connection to ``url`` (with one span, nothing
    is forked).

    ``progress(entries hashed so far)`` is called as the work goes. A part whose process fails
    (it cannot connect, say) is hashed here afterwards, so the answer never depends on the forks.
    """
    context = multiprocessing.get_context("fork")
    children: list[tuple] = []
    own_done = 0

    def report(count: int) -> None:
        nonlocal own_done
        own_done += count
        if progress:
            progress(own_done + sum(child[2].value for child in children))

    results: dict[int, Part | str | None] = {}
    try:
        for start, end in spans[1:]:
            counter = context.Value("q", 0, lock=False)
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(url, snapshot, start, end, wanted_low, counter, sender),
                                      name=f"ledger-verify-{start}", daemon=True)
            children.append((start, end, counter, receiver, process))
            process.start()
            sender.close()
        parts = [own(*spans[0], report)]
        waiting = {child[3]: child for child in children}
        while waiting:
            for ready in wait(list(waiting), timeout=0.5):
                start, _end, _counter, receiver, process = waiting.pop(ready)
                try:
                    results[start] = receiver.recv()
                except (EOFError, OSError):
                    results[start] = None
                receiver.close()
                process.join()
            report(0)
    finally:  # stopped early (a job's time limit, say): no part outlives the check
        for *_rest, receiver, process in children:
            if process.pid is not None and process.is_alive():
                process.terminate()
                process.join()
            receiver.close()
    for start, end, counter, _receiver, _process in children:
        part = results.get(start)
        if not isinstance(part, Part):
            logger.warning("Verifying entries %s to %s in a separate process failed (%s); hashing them here",
                           start, end - 1, part if part is not None else "it ended without an answer")
            counter.value = 0
            part = own(start, end, report)
        parts.append(part)
    return parts


def _child(url: str, snapshot: str, start: int, end: int, wanted_low, counter, sender) -> None:
    """A forked part: its own connection in the exported snapshot; the ``Part`` (or the error, as
    text) goes back through ``sender``. It never touches the connections it inherited."""
    import psycopg
    from psycopg import sql

    def done(count: int) -> None:
        counter.value += count

    try:
        with psycopg.connect(url, autocommit=True, application_name="crowdline ledger verify") as raw:
            raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            raw.execute(sql.SQL("SET TRANSACTION SNAPSHOT {}").format(sql.Literal(snapshot)))
            chunks = storage.scan_leaves(raw, start, end, CHUNK)
            try:
                part = hash_part(chunks, start, end, wanted_low, done)
            finally:
                _close(chunks)
            raw.execute("ROLLBACK")
        sender.send(part)
    except Exception as exc:  # reported to the parent, which then hashes the part itself
        sender.send(f"{type(exc).__name__}: {exc}")
    finally:
        sender.close()


def _close(chunks: Iterator) -> None:
    close = getattr(chunks, "close", None)
    if close:
        close()
