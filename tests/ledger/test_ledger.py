"""The audit ledger: outbox, sequencer, signed heads, proofs over the API, CLI verify, bundles, anchors."""

import json
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select, text

from app.database import commit, rollback
from app.extensions import db
from ledger import fullcheck, merkle, queries, services
from ledger.models import Leaf, QueuedEntry, TreeHead
from tests.academy.helpers import real_sessions  # noqa: F401 - a shared fixture
from tests.conftest import PASSWORD, redis_down, separate_app


def integrate_all(app):
    with app.app_context():
        while services.integrate():
            commit()
        commit()
        return queries.tree_size()


@pytest.fixture
def auditor(create_user, user_email, auth):
    return auth.headers(user_email(create_user("auditor")))


@pytest.fixture
def filled(app, create_user, client):
    """A log with some account history in it."""
    for role in ("member", "member", "trainer", "enterprise"):
        create_user(role)
    return integrate_all(app)


def test_sign_up_is_logged_without_personal_data(app, client):
    client.post("/api/v1/auth/register", json={"email": "private.person@example.test", "password": PASSWORD,
                                               "name": "Private Person", "role": "member"})
    integrate_all(app)
    with app.app_context():
        leaves = db.session.scalars(select(Leaf).order_by(Leaf.index)).all()
        kinds = [leaf.kind for leaf in leaves]
        assert kinds[-2:] == ["user_registered", "role_granted"]
        for leaf in leaves:
            assert "private.person" not in leaf.entry and "Private Person" not in leaf.entry
            body = json.loads(leaf.entry)
            assert set(body) == {"kind", "sender", "created_at", "payload"}
            assert leaf.leaf_hash == merkle.leaf_hash(leaf.entry.encode())


def test_personal_data_in_a_payload_is_redacted(app):
    from app import events

    with app.app_context():
        events.send(events.dnc_added, "marketplace", org_id=1, number_hash="+8613812345678", source="a@b.example")
        commit()
        services.integrate()
        commit()
        payload = json.loads(db.session.scalars(select(Leaf).order_by(Leaf.index.desc())).first().entry)["payload"]
        assert payload["number_hash"] == "[redacted]" and payload["source"] == "[redacted]"


def test_outbox_is_atomic_with_the_change(app):
    from app.auth import services as accounts

    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(QueuedEntry)) + queries.tree_size()
        accounts.register_user(email="gone@example.test", password=PASSWORD, name="G", role="member")
        rollback()
        assert db.session.scalar(select(func.count()).select_from(QueuedEntry)) + queries.tree_size() == before
        accounts.register_user(email="kept@example.test", password=PASSWORD, name="K", role="member")
        commit()
    after = integrate_all(app)
    assert after == before + 2  # user_registered + role_granted, once each


def test_sequencer_in_batches_equals_one_pass_and_a_crash_changes_nothing(app, create_user):
    integrate_all(app)
    for _ in range(3):
        create_user("member")
    with app.app_context():
        if not app.config["RQ_INLINE"]:
            assert db.session.scalar(select(func.count()).select_from(QueuedEntry)) == 6
        size_before = queries.tree_size()
        # A sequencer that dies before committing leaves the queue as it was.
        services.integrate(batch_size=4)
        rollback()
        assert queries.tree_size() == size_before
        # Integrating in batches of two gives the same tree as any other batching.
        while services.integrate(batch_size=2):
            commit()
        size = queries.tree_size()
        leaves = db.session.scalars(select(Leaf.entry).order_by(Leaf.index)).all()
        tree = merkle.MemoryTree()
        for entry in leaves:
            tree.append(merkle.leaf_hash(entry.encode()))
        assert queries.latest_head().root_hash == tree.root(size).hex() == services.root_at(size).hex()
        assert sorted(db.session.scalars(select(Leaf.index))) == list(range(size))


def test_tree_heads_are_signed_as_designed(app, filled):
    with app.app_context():
        head = queries.head_json(queries.latest_head())
    assert head["algorithm"] == "ed25519" and len(head["public_key"]) == 64 and isinstance(head["timestamp"], int)
    message = f"crowdline-tree-head:v1:{head['tree_size']}:{head['root_hash']}:{head['timestamp']}".encode()
    Ed25519PublicKey.from_public_bytes(bytes.fromhex(head["public_key"])).verify(bytes.fromhex(head["signature"]),
                                                                                 message)


def test_auditor_api_proofs_verify_with_plain_rfc9162(client, auditor, filled):
    head = client.get("/api/v1/ledger/tree-head", headers=auditor).json
    size = head["tree_size"]
    assert size == filled
    entries = client.get(f"/api/v1/ledger/entries?limit={size}", headers=auditor).json["items"]
    assert [e["index"] for e in entries] == list(range(size - 1, -1, -1))
    for item in entries:
        assert item["leaf_hash"] == merkle.leaf_hash(item["entry"].encode()).hex()
        proof = client.get(f"/api/v1/ledger/entries/{item['index']}/proof?tree_size={size}", headers=auditor).json
        assert set(proof) == {"index", "tree_size", "leaf_hash", "audit_path", "root_hash"}
        assert proof["root_hash"] == head["root_hash"]
        path = [bytes.fromhex(p) for p in proof["audit_path"]]
        assert merkle.verify_inclusion(bytes.fromhex(item["leaf_hash"]), item["index"], size, path,
                                       bytes.fromhex(head["root_hash"]))
    for first in range(1, size + 1):
        body = client.get(f"/api/v1/ledger/consistency?first={first}&second={size}", headers=auditor).json
        assert set(body) == {"first", "second", "proof", "first_root", "second_root"}
        assert merkle.verify_consistency(first, size, bytes.fromhex(body["first_root"]),
                                         bytes.fromhex(body["second_root"]), [bytes.fromhex(p) for p in body["proof"]])


def test_entries_can_be_searched(client, auditor, filled, create_user):
    page = client.get("/api/v1/ledger/entries?kind=role_granted", headers=auditor).json
    assert page["items"] and {e["kind"] for e in page["items"]} == {"role_granted"}
    member = json.loads(page["items"][0]["entry"])["payload"]["user_id"]
    mine = client.get(f"/api/v1/ledger/entries?member_id={member}", headers=auditor).json["items"]
    assert mine and all(json.loads(e["entry"])["payload"]["user_id"] == member for e in mine)
    assert client.get("/api/v1/ledger/entries?since=2000-01-01T00:00:00Z&until=2000-01-02T00:00:00Z",
                      headers=auditor).json["items"] == []


@pytest.mark.parametrize("path,field", [
    ("/api/v1/ledger/entries/99999/proof", "index"),
    ("/api/v1/ledger/entries/0/proof?tree_size=99999", "tree_size"),
    ("/api/v1/ledger/entries/0/proof?tree_size=abc", "tree_size"),
    ("/api/v1/ledger/consistency?first=3&second=2", "first"),
    ("/api/v1/ledger/consistency?first=1&second=99999", "second"),
    ("/api/v1/ledger/consistency?first=x&second=2", "first"),
    ("/api/v1/ledger/consistency?second=2", "first"),
    ("/api/v1/ledger/entries?since=yesterday", "since"),
])
def test_bad_proof_requests_get_the_error_contract(client, auditor, filled, path, field):
    response = client.get(path, headers=auditor)
    assert response.status_code == 422, response.json
    assert field in response.json["error"]["fields"]


def test_only_auditors_and_admins_read_the_ledger(client, create_user, user_email, auth, filled):
    for role in ("member", "trainer", "enterprise"):
        headers = auth.headers(user_email(create_user(role)))
        assert client.get("/api/v1/ledger/tree-head", headers=headers).status_code == 403
    admin = auth.headers(user_email(create_user("admin")))
    assert client.get("/api/v1/ledger/tree-head", headers=admin).status_code == 200


def test_auditors_write_nothing(client, auditor, filled):
    for method in ("post", "put", "patch", "delete"):
        for path in ("/api/v1/ledger/entries", "/api/v1/ledger/entries/0", "/api/v1/ledger/tree-head"):
            assert getattr(client, method)(path, headers=auditor).status_code == 405
    assert client.post("/api/v1/admin/users/1/roles", json={"role": "admin"}, headers=auditor).status_code == 403


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


@pytest.fixture
def longer(app, filled):
    """A log of more than 50 entries, integrated in uneven batches: several stored node levels."""
    with app.app_context():
        for i in range(40):
            services.record("test_event", "tests", {"n": i, "campaign_id": i % 3})
        commit()
        while services.integrate(batch_size=7):
            commit()
        return queries.tree_size()


def test_stored_nodes_and_proofs_of_a_longer_log(app, client, auditor, longer):
    with app.app_context():
        entries = db.session.scalars(select(Leaf.entry).order_by(Leaf.index)).all()
        stored = db.session.execute(text('SELECT level, "index", hash FROM ledger_nodes')).all()
    tree = merkle.MemoryTree()
    tree.extend(merkle.leaf_hashes(entry.encode() for entry in entries))
    assert longer == tree.size >= 50
    expected = {(level, index): value for level, hashes in enumerate(tree.levels) if level >= 4
                for index, value in enumerate(hashes)}
    assert {(level, index): bytes(value) for level, index, value in stored} == expected
    for size in (1, 15, 16, 17, 31, 32, 33, longer - 1, longer):
        root = tree.root(size)
        for index in {i for i in (0, 1, size // 2, size - 2, size - 1) if 0 <= i < size}:
            proof = client.get(f"/api/v1/ledger/entries/{index}/proof?tree_size={size}", headers=auditor).json
            assert proof["root_hash"] == root.hex()
            assert [bytes.fromhex(p) for p in proof["audit_path"]] == merkle.inclusion_proof(tree.node, index, size)
        for first in (1, 3, 16, size):
            if first <= size:
                body = client.get(f"/api/v1/ledger/consistency?first={first}&second={size}", headers=auditor).json
                assert [bytes.fromhex(p) for p in body["proof"]] == merkle.consistency_proof(tree.node, first, size)
                assert body["first_root"] == tree.root(first).hex() and body["second_root"] == root.hex()


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


def _export(runner, path, *args):
    result = runner.invoke(args=["ledger", "export", "--out", str(path), *args])
    assert result.exit_code == 0, result.output
    return json.loads(path.read_text(encoding="utf-8"))


def _offline(path, *args):
    """The standalone verifier, as an auditor runs it."""
    return subprocess.run([sys.executable, "-m", "ledger.verify", str(path), *args], capture_output=True, text=True,
                          check=False, timeout=60)


def test_exported_bundle_verifies_offline_and_tampering_is_named(app, runner, tmp_path, filled, create_user):
    create_user("member")
    integrate_all(app)
    bundle_path = tmp_path / "bundle.json"
    bundle = _export(runner, bundle_path)
    assert len(bundle["tree_heads"]) >= 1
    good = _offline(bundle_path)
    assert good.returncode == 0, good.stderr
    assert runner.invoke(args=["ledger", "verify", "--bundle", str(bundle_path)]).exit_code == 0

    def tampered(name, change):
        copy = json.loads(json.dumps(bundle))
        change(copy)
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(copy), encoding="utf-8")
        result = _offline(path)
        assert result.returncode == 1, name
        return result.stderr

    def flip_byte(b):
        entry = b["entries"][3]
        entry["entry"] = entry["entry"].replace('"kind":"', '"kind":"x', 1)
    assert "entry 3" in tampered("flipped", flip_byte)

    def remove(b):
        del b["entries"][2]
    assert "entry 2 is missing" in tampered("removed", remove)

    def swap(b):
        e = b["entries"]
        e[1], e[2] = {**e[2], "index": 1}, {**e[1], "index": 2}
    assert "entry 1" in tampered("swapped", swap)

    def resign(b):
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        other = Ed25519PrivateKey.generate()
        head = b["tree_head"]
        head["root_hash"] = "00" * 32
        head["signature"] = other.sign(
            f"crowdline-tree-head:v1:{head['tree_size']}:{head['root_hash']}:{head['timestamp']}".encode()).hex()
        head["public_key"] = other.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    assert "signed by another key" in tampered("resigned", resign)

    # A rewritten entry with its leaf hash to match breaks the root: its own proof names it.
    def rewrite(b):
        entry = b["entries"][4]
        entry["entry"] = entry["entry"].replace('"kind":"', '"kind":"x', 1)
        entry["leaf_hash"] = merkle.leaf_hash(entry["entry"].encode()).hex()
    assert "entry 4 is not included" in tampered("rewritten", rewrite)

    # With every entry, the recomputed root proves them all; a range needs each entry's proof.
    whole = json.loads(json.dumps(bundle))
    whole["inclusion_proofs"] = []
    (tmp_path / "no-proofs.json").write_text(json.dumps(whole), encoding="utf-8")
    assert _offline(tmp_path / "no-proofs.json").returncode == 0

    def range_without_proofs(b):
        b["entries"], b["inclusion_proofs"], b["from"] = b["entries"][2:], [], 2
    assert "entry 2 has no inclusion proof" in tampered("range", range_without_proofs)


def test_history_rewritten_after_a_trusted_head_or_an_anchor_is_caught(app, runner, tmp_path, filled, create_user):
    with app.app_context():
        trusted = queries.head_json(queries.latest_head())
        from ledger import anchoring

        anchor = anchoring.anchor_latest()
        commit()
        assert anchoring.read_anchor(anchor.tx_hash) == trusted["root_hash"]
    trusted_path = tmp_path / "trusted.json"
    trusted_path.write_text(json.dumps(trusted), encoding="utf-8")
    create_user("member")
    integrate_all(app)
    bundle_path = tmp_path / "bundle.json"
    bundle = _export(runner, bundle_path)
    assert _offline(bundle_path, "--trusted-head", str(trusted_path)).returncode == 0
    assert bundle["anchors"][0]["tx_hash"] == anchor.tx_hash

    # The operator rewrites an old entry and re-signs everything with the real key: the anchor and
    # the auditor's saved head still expose it.
    with app.app_context():
        db.session.execute(text("DELETE FROM ledger_tree_heads WHERE id NOT IN "
                                "(SELECT tree_head_id FROM ledger_anchors)"))
        db.session.execute(text("DELETE FROM ledger_nodes"))
        leaves = db.session.scalars(select(Leaf).order_by(Leaf.index)).all()
        tree = merkle.MemoryTree()
        for leaf in leaves:
            entry = leaf.entry.replace('"role":"member"', '"role":"admin"') if leaf.index == 1 else leaf.entry
            h = merkle.leaf_hash(entry.encode())
            db.session.execute(text('UPDATE ledger_leaves SET entry = :e, leaf_hash = :h WHERE "index" = :i'),
                               {"e": entry, "h": h, "i": leaf.index})
            for level, index, node in tree.append(h):
                db.session.execute(text('INSERT INTO ledger_nodes (level, "index", hash) VALUES (:l, :i, :h)'),
                                   {"l": level, "i": index, "h": node})
        services.sign_tree_head(tree.size, tree.root())
        # The anchored head is re-signed over the rewritten history too.
        anchored = db.session.get(TreeHead, anchor.tree_head_id)
        forged = services.signing_key().sign(services.tree_head_message(
            anchored.tree_size, tree.root(anchored.tree_size).hex(), anchored.timestamp))
        anchored.root_hash, anchored.signature = tree.root(anchored.tree_size).hex(), forged.hex()
        commit()
    rewritten = tmp_path / "rewritten.json"
    _export(runner, rewritten)
    against_trusted = _offline(rewritten, "--trusted-head", str(trusted_path))
    assert against_trusted.returncode == 1
    assert "trusted tree head" in against_trusted.stderr
    alone = _offline(rewritten)
    assert alone.returncode == 1 and "anchor" in alone.stderr


def test_anchor_command_on_the_in_process_chain(app, runner, filled):
    result = runner.invoke(args=["ledger", "anchor"])
    assert result.exit_code == 0, result.output
    assert "anchored" in result.output
    with app.app_context():
        head = queries.latest_head()
        from ledger.models import Anchor

        anchor = db.session.scalar(select(Anchor).where(Anchor.tree_head_id == head.id))
        from ledger import anchoring

        assert anchoring.read_anchor(anchor.tx_hash) == head.root_hash
    again = runner.invoke(args=["ledger", "anchor"])
    assert again.exit_code == 0 and anchor.tx_hash in again.output  # the same head is anchored once


def test_anchors_are_listed_for_auditors(client, auditor, runner, filled):
    runner.invoke(args=["ledger", "anchor"])
    anchors = client.get("/api/v1/ledger/anchors", headers=auditor).json["items"]
    assert anchors and anchors[0]["tx_hash"].startswith("0x")
    assert set(anchors[0]) == {"tree_size", "root_hash", "chain_id", "tx_hash", "block_number", "created_at"}


def test_tree_head_history(client, auditor, filled, create_user, app):
    create_user("member")
    integrate_all(app)
    heads = client.get("/api/v1/ledger/tree-heads", headers=auditor).json["items"]
    sizes = [h["tree_size"] for h in heads]
    assert sizes == sorted(sizes, reverse=True) and len(sizes) >= 2
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(TreeHead)) == len(sizes)


def test_a_change_commits_and_its_entry_waits_when_redis_is_down(app):
    from app import events
    from app.schedule import SCHEDULE
    from ledger import tasks

    with redis_down(app), app.app_context():
        before = db.session.scalar(select(func.count()).select_from(QueuedEntry))
        events.send(events.dnc_added, "marketplace", org_id=1, number_hash="h", source="upload")
        commit()  # the sequencer's nudge is lost, the change is not
        assert db.session.scalar(select(func.count()).select_from(QueuedEntry)) >= before + 1
    assert SCHEDULE["ledger-integrate"].func is tasks.integrate  # the sweep that picks it up
    with app.app_context():
        size = queries.tree_size()
        tasks.integrate()
        assert queries.tree_size() > size


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


def test_an_anchor_waits_for_its_confirmations_and_notices_a_reorganisation(monkeypatch):
    import threading

    from web3 import EthereumTesterProvider, Web3

    from ledger import anchoring

    w3 = Web3(EthereumTesterProvider())  # a chain of this test's own
    sender = w3.eth.accounts[0]

    def send():
        tx = w3.eth.send_transaction({"from": sender, "to": sender, "value": 0, "data": b"\x01" * 32})
        return tx, w3.eth.wait_for_transaction_receipt(tx)

    monkeypatch.setattr(anchoring, "POLL_SECONDS", 0.05)
    tx, receipt = send()
    miner = threading.Timer(0.3, w3.testing.mine, args=(2,))  # two more blocks arrive while it waits
    miner.start()
    final = anchoring._confirmed(w3, tx, receipt, 3)
    miner.join()
    assert w3.eth.block_number == receipt["blockNumber"] + 2 and final["blockHash"] == receipt["blockHash"]

    before = w3.testing.snapshot()
    tx, receipt = send()
    w3.testing.revert(before)  # the block with the transaction is replaced by others
    w3.testing.mine(3)
    with pytest.raises(anchoring.AnchorError, match="reorganisation"):
        anchoring._confirmed(w3, tx, receipt, 2)

    monkeypatch.setattr(anchoring, "CONFIRMATION_SECONDS_PER_BLOCK", 0)
    monkeypatch.setattr(anchoring, "CONFIRMATION_GRACE_SECONDS", 0.2)
    tx, receipt = send()
    with pytest.raises(anchoring.AnchorError, match="fewer than 5 confirmations"):
        anchoring._confirmed(w3, tx, receipt, 5)


def test_a_retried_anchor_waits_for_the_transaction_sent_before_instead_of_paying_again(app, filled):
    from ledger import anchoring
    from ledger.models import Anchor

    with app.app_context():
        head = queries.latest_head()
        w3 = anchoring._web3()
        # An earlier attempt sent the transaction, then failed before recording the anchor.
        sent = anchoring._send(w3, bytes.fromhex(head.root_hash))
        anchoring._remember_sent(head, sent)
        blocks = w3.eth.block_number
        anchor = anchoring.anchor_latest()
        assert anchor.tx_hash == anchoring._hex(sent) and w3.eth.block_number == blocks  # nothing sent again
        db.session.delete(anchor)
        db.session.flush()
        # A remembered transaction the chain does not have (dropped, or another chain now): a new one.
        anchoring._remember_sent(head, "0x" + "ab" * 32)
        again = anchoring.anchor_latest()
        assert again.tx_hash != anchor.tx_hash and w3.eth.block_number == blocks + 1
        assert anchoring.read_anchor(again.tx_hash) == head.root_hash
        assert db.session.scalar(select(func.count()).select_from(Anchor).where(Anchor.tree_head_id == head.id)) == 1
