"""Audit bundles: an export verifies offline, and tampering or rewritten history is named."""

import json
import subprocess
import sys

from sqlalchemy import select, text

from app.database import commit
from app.extensions import db
from ledger import merkle, queries, services
from ledger.models import Leaf, TreeHead
from tests.helpers.ledger import integrate_all


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
