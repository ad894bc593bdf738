"""The full verification (``flask ledger verify``): it names the first problem and sees one snapshot."""

import json

import pytest
from sqlalchemy import select, text

from app.database import commit, rollback
from app.extensions import db
from ledger import fullcheck, queries, services
from ledger.models import Leaf
from tests.conftest import separate_app
from tests.helpers.academy import real_sessions  # noqa: F401 - a shared fixture


def test_cli_verify_finds_a_tampered_entry(app, runner, filled):
    ok = runner.invoke(args=["ledger", "verify"])
    assert ok.exit_code == 0, ok.output
    assert "OK" in ok.output
    with app.app_context():
        db.session.execute(text("UPDATE ledger_leaves SET entry = replace(entry, 'member', 'admin') "
                                "WHERE \"index\" = 2"))
        commit()
    bad = runner.invoke(args=["ledger", "verify"])
    assert bad.exit_code == 1
    assert "entry 2 does not match its leaf hash" in bad.output


@pytest.mark.parametrize("change,problem", [
    ('DELETE FROM ledger_leaves WHERE "index" = 4', "entry 4 is missing"),
    ('DELETE FROM ledger_leaves WHERE "index" = {last}', "entry {last} is missing"),
    ("UPDATE ledger_leaves SET entry = entry || ' ' WHERE \"index\" = 5", "entry 5 does not match its leaf hash"),
    ('UPDATE ledger_leaves SET leaf_hash = (SELECT leaf_hash FROM ledger_leaves WHERE "index" = 0) '
     'WHERE "index" = 7', "entry 7 does not match its leaf hash"),
    ('UPDATE ledger_nodes SET hash = (SELECT hash FROM ledger_nodes WHERE level = 4 AND "index" = 0) '
     'WHERE level = 4 AND "index" = 2', "tree node (4, 2) does not match"),
    ('DELETE FROM ledger_nodes WHERE level = 5 AND "index" = 0', "tree node (5, 0) is missing"),
    ('DELETE FROM ledger_nodes WHERE level = 4 AND "index" = {last_of_4}', "tree node (4, {last_of_4}) is missing"),
    ('UPDATE ledger_nodes SET "index" = 99 WHERE level = 4 AND "index" = 1', "tree node (4, 1) is missing"),
    ('INSERT INTO ledger_nodes (level, "index", hash) SELECT 4, 99, hash FROM ledger_nodes '
     'WHERE level = 4 AND "index" = 0', "tree node (4, 99) does not match"),
    ('INSERT INTO ledger_nodes (level, "index", hash) SELECT 40, 0, hash FROM ledger_nodes '
     'WHERE level = 4 AND "index" = 0', "tree node (40, 0) does not match"),
    ('INSERT INTO ledger_nodes (level, "index", hash) SELECT 1, 0, hash FROM ledger_nodes '
     'WHERE level = 4 AND "index" = 0', "tree node (1, 0) does not match"),
    ("UPDATE ledger_tree_heads SET root_hash = (SELECT root_hash FROM ledger_tree_heads WHERE tree_size < {last_head} "
     "ORDER BY tree_size DESC LIMIT 1) WHERE tree_size = {last_head}",
     "tree head {last_head} does not match the entries"),
])
def test_full_verification_names_the_first_problem(app, longer, monkeypatch, change, problem):
    monkeypatch.setattr(fullcheck, "CHUNK", 6)  # several chunks, and a short last one
    with app.app_context():
        assert services.verify_all() == {"ok": True, "checked": longer, "problem": None}
        values = {"last": longer - 1, "last_of_4": longer // 16 - 1, "last_head": queries.latest_head().tree_size}
        assert db.session.execute(text(change.format(**values))).rowcount == 1
        result = services.verify_all()
        assert result["ok"] is False
        assert result["problem"] == problem.format(**values)


def test_full_verification_hashes_the_exact_bytes_of_any_text(app, filled, monkeypatch):
    """Entries with non-ASCII text, escapes and a 4-byte character verify as stored; changing one
    character of such an entry, even to one of the same length in UTF-8, is named."""
    monkeypatch.setattr(fullcheck, "CHUNK", 3)
    with app.app_context():
        for note in ("双十一客服高峰 — café", 'quote " backslash \\ tab \t', "emoji 😀 and 𠀋"):
            services.record("test_event", "tests", {"note": note})
        commit()
        while services.integrate():
            commit()
        size = queries.tree_size()
        stored = db.session.scalars(select(Leaf.entry).where(Leaf.index >= size - 3).order_by(Leaf.index)).all()
        assert [json.loads(entry)["payload"]["note"][:3] for entry in stored] == ["双十一", "quo", "emo"]
        assert services.verify_all() == {"ok": True, "checked": size, "problem": None}
        db.session.execute(text("UPDATE ledger_leaves SET entry = replace(entry, '十', '千') WHERE \"index\" = :i"),
                           {"i": size - 3})
        assert services.verify_all()["problem"] == f"entry {size - 3} does not match its leaf hash"


@pytest.fixture(scope="module")
def committing_app(tmp_path_factory):
    """An app whose sessions commit for real (PostgreSQL only: a second connection must see them)."""
    yield from separate_app(tmp_path_factory, "ledgersnap",
                            postgres_only="a concurrent sequencer needs a second connection to PostgreSQL")


@pytest.mark.usefixtures("real_sessions")
def test_full_verification_sees_one_snapshot_while_the_sequencer_runs(committing_app):
    def add_and_integrate(count):
        with committing_app.app_context():
            for i in range(count):
                services.record("test_event", "tests", {"n": i})
            commit()
            while services.integrate(batch_size=9):
                commit()
            commit()

    add_and_integrate(40)
    calls = []

    def meanwhile(done, total):  # after the entries were read, before the nodes and heads are
        if not calls:
            add_and_integrate(30)  # another connection: the sequencer commits more leaves and a head
        calls.append(done)

    with committing_app.app_context():
        result = services.verify_all(progress=meanwhile)
        rollback()
    assert calls and result["ok"], result
    with committing_app.app_context():
        assert services.verify_all()["checked"] == result["checked"] + 30
        rollback()
