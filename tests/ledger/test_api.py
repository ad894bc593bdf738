"""The auditor API: entries, proofs that verify with plain RFC 9162, tree heads, anchors; read-only."""

import json

import pytest
from sqlalchemy import func, select, text

from app.extensions import db
from ledger import merkle
from ledger.models import Leaf, TreeHead
from tests.helpers.ledger import integrate_all


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
