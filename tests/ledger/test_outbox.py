"""The outbox: every signal is queued in the transaction of its change, without personal data."""

import json

from sqlalchemy import func, select

from app.database import commit, rollback
from app.extensions import db
from ledger import merkle, queries, services
from ledger.models import Leaf, QueuedEntry
from tests.conftest import PASSWORD, redis_down
from tests.helpers.ledger import integrate_all


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
