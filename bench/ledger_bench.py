"""Audit ledger benchmark: integration rate, proof rates, and full verification against raw hashing.

    python bench/ledger_bench.py [--quick] [--entries N]

Uses ``DATABASE_URL`` when set (a fresh database named after it), else a SQLite file. Prints
each figure next to a baseline measured in the same run:
- append: the outbox rows written to ``ledger_queue`` (a bulk INSERT of prepared entries, committed
  every 5,000 rows) vs the same INSERT committed once;
- integration: the sequencer alone, queued entries to leaves, tree nodes and a signed head;
- append + integrate, end to end (the 20,000 entries/s target may be read as either of these two, so both
  are printed against it);
- the producers' own path, ``services.record`` through the ORM session, on a smaller sample;
- inclusion-proof generation and verification per second at the full size;
- full verification time vs plain ``hashlib.sha256`` over the same bytes (the physical limit):
  right after the load, then after a VACUUM of the log's tables (what autovacuum does to a live
  log) twice, and once more in a single process; each with the CPU time this process spent (the
  forked parts' and the database server's shares are not in it).
Targets: integration > 20,000 entries/s, proof verification > 10,000/s, verification within 3x.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from scratch import scratch_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="20,000 entries instead of 1,000,000")
    parser.add_argument("--entries", type=int, default=None)
    args = parser.parse_args()
    n = args.entries or (20_000 if args.quick else 1_000_000)

    os.environ.setdefault("CROWDLINE_DOMAINS", "ledger")
    from flask_migrate import upgrade

    from app import create_app
    from app.database import commit, on_postgresql
    from app.extensions import db
    from app.timeutil import utcnow
    from ledger import fullcheck, merkle, queries, services
    from ledger.models import QueuedEntry

    database = scratch_database(os.environ.get("DATABASE_URL"), "ledger")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database, "RQ_INLINE": True,
                      "INSTANCE_PATH": tempfile.mkdtemp()})
    with app.app_context():
        upgrade(revision="heads")
        rows = [{"kind": "bench", "entry": services.canonical_json(
                    {"kind": "bench", "sender": "bench", "created_at": "2026-11-11T00:00:00Z",
                     "payload": {"interaction_id": i, "campaign_id": i % 97, "member_id": i % 6000}}),
                 "created_at": utcnow()} for i in range(n)]

        # Baseline: a bare INSERT of the same rows (into the queue table, then emptied).
        started = time.perf_counter()
        for start in range(0, n, 5000):
            db.session.execute(QueuedEntry.__table__.insert(), rows[start:start + 5000])
        commit()
        bare = time.perf_counter() - started
        db.session.execute(QueuedEntry.__table__.delete())
        commit()

        started = time.perf_counter()
        for start in range(0, n, 5000):
            db.session.execute(QueuedEntry.__table__.insert(), rows[start:start + 5000])
            commit()
        appended = time.perf_counter()
        while services.integrate():
            commit()
        finished = time.perf_counter()
        print(f"append: {n / (appended - started):,.0f} rows/s "
              f"(the same INSERT committed once: {n / bare:,.0f} rows/s)")
        print(f"integration, the sequencer alone: {n / (finished - appended):,.0f} entries/s (target > 20,000/s)")
        print(f"append + integrate, end to end: {n / (finished - started):,.0f} entries/s (target > 20,000/s, "
              "if it is read as covering both)")

        sample = min(n, 20_000)
        started = time.perf_counter()
        for start in range(0, sample, 100):
            for i in range(start, min(start + 100, sample)):
                services.record("bench", "bench", {"interaction_id": i, "campaign_id": i % 97, "member_id": i % 6000})
            commit()
        recorded = time.perf_counter() - started
        db.session.execute(QueuedEntry.__table__.delete())
        commit()
        print(f"the producers' own path, services.record() through the ORM session, 100 per commit: "
              f"{sample / recorded:,.0f} entries/s ({sample:,} entries; not integrated)")

        tree = merkle.MemoryTree()
        tree.extend(merkle.leaf_hashes(r["entry"].encode() for r in rows))
        root = tree.root()
        assert root.hex() == queries.latest_head().root_hash
        rng = random.Random(1)
        indexes = [rng.randrange(n) for _ in range(2000)]
        started = time.perf_counter()
        proofs = [(i, services.inclusion(i, n)) for i in indexes]
        generate = time.perf_counter() - started
        started = time.perf_counter()
        for i, proof in proofs:
            assert merkle.verify_inclusion(bytes.fromhex(proof["leaf_hash"]), i, n,
                                           [bytes.fromhex(p) for p in proof["audit_path"]], root)
        verify = time.perf_counter() - started
        print(f"inclusion proofs at n={n:,}: {len(indexes) / generate:,.0f} generated/s (from the database), "
              f"{len(indexes) / verify:,.0f} verified/s (target > 10,000/s)")

        payload = [r["entry"].encode() for r in rows]
        # The first pass is also PostgreSQL's first read of the new rows: it sets their hint bits (and
        # writes those pages out again). A live log's autovacuum does that long before an auditor comes;
        # this server may run without autovacuum, so the rows are vacuumed, as it would, before the
        # other passes. Those are what an auditor meets, with the default workers and with one process.
        workers = fullcheck.workers(app.config.get("LEDGER_VERIFY_WORKERS"))
        print(f"full verification of {n:,} entries, each pass next to raw SHA-256 of the same bytes just before it "
              f"(target within 3x); {workers} process(es) hash a log of {fullcheck.PARALLEL_FROM:,} entries or more")
        timed("right after the load", payload)
        if on_postgresql(db.engine):
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM (ANALYZE) ledger_leaves, ledger_nodes, ledger_tree_heads")
        timed("vacuumed", payload)
        timed("again", payload)
        app.config["LEDGER_VERIFY_WORKERS"] = 1
        timed("in one process", payload)


def timed(label: str, payload: list[bytes]) -> None:
    """Raw hashing of ``payload`` (a leaf hash per entry, then as many tree-node hashes: what any
    verifier must compute), then one full verification pass, printed with their ratio; and the
    ratio to hashing the entries alone, the strictest reading of "the same bytes"."""
    from app.extensions import db
    from ledger import services

    started, cpu = time.perf_counter(), time.process_time()
    for data in payload:
        hashlib.sha256(b"\x00" + data).digest()
    entries_only = time.perf_counter() - started
    for _ in range(len(payload) - 1):
        hashlib.sha256(b"\x01" + b"x" * 64).digest()
    raw, raw_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    result = services.verify_all()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.session.rollback()
    assert result["ok"], result
    print(f"  {label}: {seconds:.2f} s against raw {raw:.2f} s (entries and tree nodes), ratio {seconds / raw:.1f}x; "
          f"against the entries alone ({entries_only:.2f} s) {seconds / entries_only:.1f}x; CPU of this process "
          f"{cpu:.2f} s, raw {raw_cpu:.2f} s", flush=True)


if __name__ == "__main__":
    main()
