"""The sold-out mark: a full shift answers claims from Redis, and forgets it when a seat frees."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from app.auth.guards import load_user
from app.errors import Conflict
from app.extensions import db, redis_store
from marketplace.shifts import claims, seat_gate
from tests.conftest import redis_down
from tests.marketplace.helpers import inbound, publish


def _claim(client, shift_id, headers):
    return client.post(f"/api/v1/shifts/{shift_id}/claims", headers=headers)


@contextmanager
def statements(app):
    """The SQL statements run meanwhile."""
    seen: list[str] = []

    def _record(conn, cursor, statement, *args):
        seen.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", _record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", _record)


def _marked(app, shift_id) -> int:
    """Seconds the mark has left (-2: no mark)."""
    with app.app_context():
        return redis_store.connection.ttl(f"crowdline:shift-full:{shift_id}")


def test_the_last_seat_marks_the_shift_and_later_claims_skip_the_database(client, enterprise, member, app):
    _campaign, rows = publish(client, enterprise, inbound(), seats={0: 1})
    shift_id = rows[0]["id"]
    _u1, first = member()
    _u2, second = member()
    assert _marked(app, shift_id) == -2
    assert _claim(client, shift_id, first).status_code == 201
    assert 0 < _marked(app, shift_id) <= app.config["SEAT_GATE_SECONDS"]
    with statements(app) as seen:
        full = _claim(client, shift_id, second)
    assert full.status_code == 409 and full.json["error"]["code"] == "shift_full"
    assert seen == []  # answered before the caller was loaded: one Redis lookup


def test_the_early_answer_still_needs_a_valid_token(client, enterprise, member, app):
    _campaign, rows = publish(client, enterprise, inbound(), seats={0: 1})
    shift_id = rows[0]["id"]
    _u1, first = member()
    assert _claim(client, shift_id, first).status_code == 201
    assert _marked(app, shift_id) > 0
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"}):
        answer = _claim(client, shift_id, headers)
        assert answer.status_code == 401, (headers, answer.json)
    # Another role learns only what every signed-in caller may: the shift is full. On a shift
    # with seats, the role check answers as before.
    assert _claim(client, shift_id, enterprise["headers"]).json["error"]["code"] == "shift_full"
    _campaign, open_rows = publish(client, enterprise, inbound(), seats={0: 3})
    refused = _claim(client, open_rows[0]["id"], enterprise["headers"])
    assert refused.status_code == 403 and refused.json["error"]["code"] == "forbidden_role"


def test_a_released_seat_or_more_seats_reopen_the_shift(client, enterprise, member, app):
    _campaign, rows = publish(client, enterprise, inbound(), seats={0: 1})
    shift_id = rows[0]["id"]
    _u1, first = member()
    _u2, second = member()
    _u3, third = member()
    held = _claim(client, shift_id, first).json
    assert _claim(client, shift_id, second).json["error"]["code"] == "shift_full"
    assert client.delete(f"/api/v1/claims/{held['id']}", headers=first).status_code == 200
    assert _marked(app, shift_id) == -2
    assert _claim(client, shift_id, second).status_code == 201  # marked full again by this claim
    assert _marked(app, shift_id) > 0
    more = client.patch(f"/api/v1/shifts/{shift_id}", json={"seats": 2}, headers=enterprise["headers"])
    assert more.status_code == 200, more.json
    assert _marked(app, shift_id) == -2
    assert _claim(client, shift_id, third).status_code == 201


def test_a_full_shift_seen_in_the_database_is_marked(client, enterprise, member, app):
    _campaign, rows = publish(client, enterprise, inbound(), seats={0: 1})
    shift_id = rows[0]["id"]
    _u1, first = member()
    _u2, second = member()
    assert _claim(client, shift_id, first).status_code == 201
    with app.app_context():
        redis_store.connection.delete(f"crowdline:shift-full:{shift_id}")  # e.g. expired
    assert _claim(client, shift_id, second).json["error"]["code"] == "shift_full"
    assert _marked(app, shift_id) > 0


def test_without_redis_the_gate_asks_the_database(client, enterprise, member, app):
    _campaign, rows = publish(client, enterprise, inbound(), seats={0: 1})
    shift_id = rows[0]["id"]
    _u1, first = member()
    assert _claim(client, shift_id, first).status_code == 201
    member_id, _headers = member()
    with redis_down(app), app.test_request_context():
        assert seat_gate.known_full(shift_id) is False
        seat_gate.forget(shift_id)
        with pytest.raises(Conflict) as refused:  # the database answers
            claims.claim_seat(load_user(member_id), shift_id)
        assert refused.value.code == "shift_full"
        db.session.rollback()
    assert _marked(app, shift_id) > 0  # the mark from the first claim is still there


def test_the_gate_can_be_switched_off(client, enterprise, member, app):
    _campaign, rows = publish(client, enterprise, inbound(), seats={0: 1})
    shift_id = rows[0]["id"]
    _u1, first = member()
    _u2, second = member()
    app.config["SEAT_GATE_SECONDS"] = 0
    try:
        assert _claim(client, shift_id, first).status_code == 201
        assert _claim(client, shift_id, second).json["error"]["code"] == "shift_full"
        assert _marked(app, shift_id) == -2
    finally:
        app.config["SEAT_GATE_SECONDS"] = 15
