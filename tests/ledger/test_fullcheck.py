"""The full verification split into aligned parts: the arithmetic of the split, and on PostgreSQL the
parts hashed side by side in forked processes that read one exported snapshot."""

import itertools
import logging
import os
import random

import psycopg
import pytest
from sqlalchemy import text

from app.database import commit, rollback
from app.extensions import db
from ledger import fullcheck, merkle, queries, services
from tests.conftest import separate_app
from tests.helpers.academy import real_sessions  # noqa: F401 - a shared fixture


def _chunks(entries: list[bytes], start: int, end: int, chunk: int):
    leaves = merkle.leaf_hashes(entries)
    for first in range(start, end, chunk):
        last = min(first + chunk, end)
        yield first, entries[first:last], leaves[first:last]


@pytest.mark.parametrize("size", [1, 2, 15, 16, 17, 100, 1000, 1024, 4097])
@pytest.mark.parametrize("workers", [1, 2, 3, 5])
def test_parts_put_together_are_the_whole_tree(size, workers):
    entries = [f"entry {i}".encode() for i in range(size)]
    whole = merkle.MemoryTree()
    whole.extend(merkle.leaf_hashes(entries))
    spans = fullcheck.parts_of(size, workers)
    assert spans[0][0] == 0 and spans[-1][1] == size
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))  # contiguous
    span = spans[0][1]
    if len(spans) > 1:
        assert span & (span - 1) == 0 and span >= 16 and all(start % span == 0 for start, _ in spans)
        assert len(spans) <= workers
    heads = sorted({size, *random.Random(size).sample(range(1, size + 1), min(size, 20))})
    wanted = fullcheck.wanted_low_nodes(heads)
    parts = [fullcheck.hash_part(_chunks(entries, start, end, 7), start, end, wanted) for start, end in spans]
    assert all(part.problem is None for part in parts)
    levels, low = fullcheck.combine(parts)
    assert levels[fullcheck.LOWEST:] == whole.levels[fullcheck.LOWEST:]
    for head in heads:
        assert merkle.root(lambda level, index: low[(level, index)] if level < fullcheck.LOWEST
                           else levels[level][index], head) == whole.root(head)


def test_a_part_names_its_first_altered_or_missing_entry():
    entries = [f"entry {i}".encode() for i in range(64)]
    chunks = list(_chunks(entries, 32, 64, 8))
    first, batch, stored = chunks[1]
    chunks[1] = (first, batch, [*stored[:3], b"x" * 32, *stored[4:]])
    assert fullcheck.hash_part(chunks, 32, 64, set()).problem == (43, "altered")
    short = list(_chunks(entries, 32, 64, 8))[:2]  # the scan ends after entry 47
    assert fullcheck.hash_part(short, 32, 64, set()).problem == (48, "missing")


@pytest.fixture(scope="module")
def split_app(tmp_path_factory):
    """An app that commits for real: the forked parts read through connections of their own."""
    yield from separate_app(tmp_path_factory, "ledgerparts",
                            postgres_only="the parts read one exported snapshot on connections of their own")


@pytest.fixture
def split_log(split_app, real_sessions, monkeypatch):  # noqa: F811 - the shared fixture
    """A log of 300 entries with heads at uneven sizes, verified in three parts (0-127, 128-255, 256-299)."""
    monkeypatch.setattr(fullcheck, "PARALLEL_FROM", 64)
    monkeypatch.setattr(fullcheck, "CHUNK", 16)
    monkeypatch.setitem(split_app.config, "LEDGER_VERIFY_WORKERS", 3)
    with split_app.app_context():
        missing = 300 - queries.tree_size()
        for i in range(missing):
            services.record("test_event", "tests", {"n": i})
        commit()
        while services.integrate(batch_size=37):
            commit()
        commit()
        assert queries.tree_size() == 300
    return split_app


def _tampered(app, *statements):
    """Apply ``statements`` in a committed transaction of their own and return what a full
    verification then says; the log is put back as it was afterwards."""
    with app.app_context():
        with db.engine.connect() as conn:
            saved = conn.execute(text("SELECT * FROM ledger_leaves")).mappings().all()
            nodes = conn.execute(text("SELECT * FROM ledger_nodes")).mappings().all()
        try:
            with db.engine.begin() as conn:
                for statement in statements:
                    assert conn.execute(text(statement)).rowcount == 1
            result = services.verify_all()
            rollback()
            return result
        finally:
            columns = list(saved[0].keys())
            names, marks = ", ".join(f'"{c}"' for c in columns), ", ".join(f":{c}" for c in columns)
            with db.engine.begin() as conn:
                conn.execute(text("DELETE FROM ledger_leaves"))
                conn.execute(text("DELETE FROM ledger_nodes"))
                conn.execute(text(f"INSERT INTO ledger_leaves ({names}) VALUES ({marks})"),  # noqa: S608 - our columns
                             [dict(row) for row in saved])
                conn.execute(text('INSERT INTO ledger_nodes (level, "index", hash) VALUES (:level, :index, :hash)'),
                             [dict(row) for row in nodes])


class _Warnings(logging.Handler):
    """What ``ledger.fullcheck`` logs while a test runs (the suite runs without pytest's log capture)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())

    def __enter__(self):
        logging.getLogger("ledger.fullcheck").addHandler(self)
        return self

    def __exit__(self, *exc):
        logging.getLogger("ledger.fullcheck").removeHandler(self)


def test_parts_verify_side_by_side_with_progress(split_log):
    calls = []
    with _Warnings() as warnings, split_log.app_context():
        result = services.verify_all(progress=lambda done, total: calls.append((done, total)))
        rollback()
    assert result == {"ok": True, "checked": 300, "problem": None}
    assert calls[-1] == (300, 300) and all(total == 300 for _, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert not warnings.messages  # every forked part answered


@pytest.mark.parametrize(("statements", "problem"), [
    (["UPDATE ledger_leaves SET entry = entry || ' ' WHERE \"index\" = 270"],
     "entry 270 does not match its leaf hash"),
    (["UPDATE ledger_leaves SET entry = entry || ' ' WHERE \"index\" = 270",
      "UPDATE ledger_leaves SET entry = entry || ' ' WHERE \"index\" = 130"], "entry 130 does not match its leaf hash"),
    (["UPDATE ledger_leaves SET entry = entry || ' ' WHERE \"index\" = 200",
      "DELETE FROM ledger_leaves WHERE \"index\" = 140"], "entry 140 is missing"),
    (["DELETE FROM ledger_leaves WHERE \"index\" = 299"], "entry 299 is missing"),
    (["UPDATE ledger_leaves SET entry = entry || ' ' WHERE \"index\" = 5",
      "UPDATE ledger_leaves SET entry = entry || ' ' WHERE \"index\" = 290"], "entry 5 does not match its leaf hash"),
    (["UPDATE ledger_nodes SET hash = sha256(hash) WHERE level = 4 AND \"index\" = 17"],
     "tree node (4, 17) does not match"),
    (["UPDATE ledger_nodes SET hash = sha256(hash) WHERE level = 7 AND \"index\" = 1"],
     "tree node (7, 1) does not match"),
])
def test_the_first_problem_is_named_whichever_part_finds_it(split_log, statements, problem):
    result = _tampered(split_log, *statements)
    assert result["ok"] is False
    assert result["problem"] == problem


def test_a_part_whose_process_fails_is_hashed_by_the_parent(split_log, monkeypatch):
    parent, connect = os.getpid(), psycopg.connect

    def refused_in_forks(*args, **kwargs):
        if os.getpid() != parent:
            raise psycopg.OperationalError("connection refused")
        return connect(*args, **kwargs)

    monkeypatch.setattr(psycopg, "connect", refused_in_forks)
    with _Warnings() as warnings, split_log.app_context():
        assert services.verify_all() == {"ok": True, "checked": 300, "problem": None}
        rollback()
        assert _tampered(split_log, "UPDATE ledger_leaves SET entry = entry || ' ' WHERE \"index\" = 299")[
            "problem"] == "entry 299 does not match its leaf hash"
    failed = [m for m in warnings.messages if "hashing them here" in m]
    assert any("128 to 255" in m and "connection refused" in m for m in failed), failed
    assert any("256 to 299" in m for m in failed), failed


def test_a_check_stopped_early_leaves_no_part_running(split_log):
    import multiprocessing

    def stop(done, total):  # as a job's time limit would, while this process hashes its own part
        raise TimeoutError("stopped")

    with split_log.app_context():
        with pytest.raises(TimeoutError):
            services.verify_all(progress=stop)
        rollback()
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("ledger-verify-")]
