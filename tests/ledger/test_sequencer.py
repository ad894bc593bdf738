"""The sequencer: batches integrate as one pass would, a crash changes nothing, tree heads are signed."""

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select

from app.database import commit, rollback
from app.extensions import db
from ledger import merkle, queries, services
from ledger.models import Leaf, QueuedEntry
from tests.helpers.ledger import integrate_all


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
