"""Cursor paging, the same everywhere: ``?limit=N&cursor=C`` → ``{"items": [...], "next_cursor": C|null}``.

Keyset paging on a unique, ordered column (the primary key by default), so a page is as fast at
the millionth row as at the first and rows inserted meanwhile are neither skipped nor repeated.
Lists ordered by several columns (a start time, then the id) page on all of them with
``keyset_cursor`` and ``after_keyset``.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from datetime import datetime

from apiflask import Schema, fields
from marshmallow import validate
from sqlalchemy import ColumnElement, Select, tuple_

from app.errors import ValidationError
from app.extensions import db
from app.timeutil import as_utc

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class PageQuery(Schema):
    limit = fields.Integer(load_default=DEFAULT_LIMIT, validate=validate.Range(min=1, max=MAX_LIMIT),
                           metadata={"description": f"Items per page, 1 to {MAX_LIMIT}."})
    cursor = fields.String(load_default=None, metadata={"description": "`next_cursor` of the previous page."})


_PAGE_SCHEMAS: dict[type, type] = {}


def page_schema(item_schema: type[Schema]) -> type[Schema]:
    """The response schema of a page of ``item_schema`` (for ``@bp.output``), one class per item type."""
    if item_schema not in _PAGE_SCHEMAS:
        name = item_schema.__name__.removesuffix("Out") + "Page"
        _PAGE_SCHEMAS[item_schema] = type(name, (Schema,), {
            "items": fields.List(fields.Nested(item_schema), required=True),
            "next_cursor": fields.String(
                allow_none=True, required=True,
                metadata={"description": "Pass as `cursor` for the next page; null at the end."},
            ),
        })
    return _PAGE_SCHEMAS[item_schema]


def encode_cursor(value) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": value}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str):
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return json.loads(base64.urlsafe_b64decode(padded.encode()))["k"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise ValidationError(fields={"cursor": "Not a cursor from this list."}) from exc


def paginate(stmt: Select, column, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None,
             descending: bool = True, serialize: Callable = lambda row: row) -> dict:
    """One page of ``stmt`` ordered by ``column``; ``serialize`` turns each row into a dict."""
    if cursor is not None:
        after = decode_cursor(cursor)
        if not isinstance(after, int | str) or isinstance(after, bool):
            raise ValidationError(fields={"cursor": "Not a cursor from this list."})
        stmt = stmt.where(column < after if descending else column > after)
    stmt = stmt.order_by(column.desc() if descending else column.asc()).limit(limit + 1)
    rows = list(db.session.scalars(stmt))
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(getattr(rows[-1], column.key)) if has_more and rows else None
    return {"items": [serialize(row) for row in rows], "next_cursor": next_cursor}


def keyset_cursor(*values) -> str:
    """The cursor after a row whose ordering columns hold ``values`` (ints, strings, datetimes)."""
    return encode_cursor([as_utc(v).isoformat() if isinstance(v, datetime) else v for v in values])


def after_keyset(cursor: str, columns: Sequence, kinds: Sequence[type], *, descending: bool = False) -> ColumnElement:
    """The condition for rows after ``cursor`` in the order of ``columns`` (all ascending or all
    descending), as one row-value comparison the database can walk an index with. ``kinds`` are
    the Python types of the values (``int``, ``str`` or ``datetime``); a cursor of another shape is
    a 400 on ``cursor``."""
    row, values = tuple_(*columns), tuple_(*decode_keyset(cursor, kinds))
    return row < values if descending else row > values


def decode_keyset(cursor: str, kinds: Sequence[type]) -> list:
    """The values of a ``keyset_cursor``, checked against ``kinds`` (400 on ``cursor`` if not)."""
    values = decode_cursor(cursor)
    wrong = ValidationError(fields={"cursor": "Not a cursor from this list."})
    if not isinstance(values, list) or len(values) != len(kinds):
        raise wrong
    typed = []
    for value, kind in zip(values, kinds, strict=True):
        if kind is datetime:
            try:
                value = as_utc(datetime.fromisoformat(value))
            except (TypeError, ValueError) as exc:
                raise wrong from exc
        elif not isinstance(value, kind) or isinstance(value, bool):
            raise wrong
        typed.append(value)
    return typed
