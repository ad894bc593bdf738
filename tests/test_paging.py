"""Cursor paging: every row exactly once, in order, with stable cursors."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.auth.models import User
from app.errors import ValidationError
from app.extensions import db
from app.paging import after_keyset, decode_cursor, encode_cursor, keyset_cursor


def test_cursor_round_trip():
    assert decode_cursor(encode_cursor(12345)) == 12345


def test_paging_walks_every_row_once(client, auth, create_user, user_email):
    headers = auth.headers(user_email(create_user("admin")))
    created = {create_user("member") for _ in range(7)}
    seen, cursor, pages = [], None, 0
    while True:
        url = "/api/v1/admin/users?limit=3&role=member" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url, headers=headers).json
        assert set(page) == {"items", "next_cursor"}
        assert len(page["items"]) <= 3
        seen.extend(u["id"] for u in page["items"])
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == sorted(created, reverse=True)  # newest first, no repeats, none missing


def test_rows_added_between_pages_are_not_repeated(client, auth, create_user, user_email):
    headers = auth.headers(user_email(create_user("admin")))
    for _ in range(4):
        create_user("member")
    first = client.get("/api/v1/admin/users?limit=2&role=member", headers=headers).json
    create_user("member")  # newer than everything on the first page
    second = client.get(f"/api/v1/admin/users?limit=2&role=member&cursor={first['next_cursor']}",
                        headers=headers).json
    ids = [u["id"] for u in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 4


def _walk(stmt, columns, kinds, descending, limit=2):
    """Every row of ``stmt`` page by page with ``after_keyset``."""
    order = [c.desc() if descending else c.asc() for c in columns]
    seen, cursor = [], None
    while True:
        page = stmt.where(after_keyset(cursor, columns, kinds, descending=descending)) if cursor else stmt
        rows = db.session.execute(page.order_by(*order).limit(limit + 1)).all()
        seen.extend(rows[:limit])
        if len(rows) <= limit:
            return seen
        cursor = keyset_cursor(*rows[limit - 1])


def test_keyset_pages_on_several_columns_with_ties(app_ctx, create_user):
    ids = [create_user("member") for _ in range(7)]
    moments = [datetime(2026, 11, 11, tzinfo=UTC), datetime(2026, 11, 12, tzinfo=UTC)]
    for position, user_id in enumerate(ids):  # ties on the first column
        db.session.get(User, user_id).created_at = moments[position % 2]
    db.session.flush()
    stmt = select(User.created_at, User.id).where(User.id.in_(ids))
    expected = sorted((moments[p % 2], uid) for p, uid in enumerate(ids))
    ascending = _walk(stmt, (User.created_at, User.id), (datetime, int), descending=False)
    assert [tuple(r) for r in ascending] == expected
    descending = _walk(stmt, (User.created_at, User.id), (datetime, int), descending=True)
    assert [tuple(r) for r in descending] == expected[::-1]


@pytest.mark.parametrize("values", [[1], ["x", 2], ["2026-11-11T00:00:00+00:00", "2"],
                                    ["2026-11-11T00:00:00+00:00", True], "plain"])
def test_keyset_cursors_of_another_shape_are_refused(app_ctx, values):
    with pytest.raises(ValidationError) as refused:
        after_keyset(encode_cursor(values), (User.created_at, User.id), (datetime, int))
    assert "cursor" in refused.value.fields
