"""Cursor paging, the same everywhere: ``?limit=N&cursor=C`` → ``{"items": [...], "next_cursor": C|null}``.

Keyset paging on a unique, ordered column (the primary key by default), so a page is as fast at
the millionth row as at the first and rows inserted meanwhile are neither skipped nor repeated.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable

from apiflask import Schema, fields
from marshmallow import validate
from sqlalchemy import Select

from app.errors import ValidationError
from app.extensions import db

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
