"""Many rows in one statement, on both databases, for set-based paths (e.g. the payout batch).

PostgreSQL gets each column as one array parameter (``unnest``, ``= ANY``), so a statement over
thousands of rows has a handful of parameters: the driver parses its text once and caches it,
where a multi-row ``VALUES`` list or a long ``IN (…)`` would be parsed again every time.
SQLite, in-process, gets the ordinary SQLAlchemy forms.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, Table, any_, bindparam, cast, func, text
from sqlalchemy.dialects import postgresql, sqlite

from app.database import on_postgresql
from app.extensions import db


def parts(values: list, size: int = 1000):
    """``values`` in slices small enough for SQLite's limit on bound parameters."""
    for i in range(0, len(values), size):
        yield values[i:i + size]


def ids_in(column, ids: list[int]):
    """``column IN ids``: one array parameter on PostgreSQL (call it with at most 1,000 ids for SQLite)."""
    if on_postgresql():
        # The array has the column's own type: an integer column compared with a bigint[] is only
        # a filter, not an index condition (a scan of every row with that prefix of the index).
        element = column.type if isinstance(column.type, Integer | BigInteger) else BigInteger()
        return column == any_(cast(bindparam(None, list(ids), type_=postgresql.ARRAY(element)),
                                   postgresql.ARRAY(element)))
    return column.in_(list(ids))


def owners_in(column, ids: list[int]):
    """A FROM item for ``column IN ids`` when ``column`` is not the first column of its index: on
    PostgreSQL a join with ``unnest(ids)``, so each id is one index lookup whatever the plan
    (a prepared ``= ANY($1)`` there is a filter over the whole index prefix, unhashed). Returns
    ``(from_item, condition)``; on SQLite ``(None, column IN ids)``."""
    if on_postgresql():
        wanted = func.unnest(cast(bindparam(None, list(ids), type_=postgresql.ARRAY(Integer)),
                                  postgresql.ARRAY(Integer))).table_valued("owner_id").render_derived()
        return wanted, column == wanted.c.owner_id
    return None, column.in_(list(ids))


def insert_rows(table: Table, rows: list[dict], returning: tuple[str, ...] = (), skip_conflicts: bool = False):
    """Insert ``rows`` (dicts with the same keys); with ``skip_conflicts``, rows that would break a
    unique constraint are left out (``ON CONFLICT DO NOTHING``). Returns the ``returning`` columns
    of the rows inserted (a list of rows), or None."""
    if not rows:
        return [] if returning else None
    session = db.session
    if on_postgresql():
        names = list(rows[0])  # column names of our own tables, never input
        dialect = postgresql.dialect()
        quote = dialect.identifier_preparer.quote
        arrays = ", ".join(f"CAST(:{name} AS {table.c[name].type.compile(dialect=dialect)}[])" for name in names)
        sql = f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) SELECT * FROM unnest({arrays})"  # noqa: S608
        if skip_conflicts:
            sql += " ON CONFLICT DO NOTHING"
        if returning:
            sql += " RETURNING " + ", ".join(returning)
        result = session.execute(text(sql), {name: [row[name] for row in rows] for name in names})
        return result.all() if returning else None
    stmt = sqlite.insert(table)
    if skip_conflicts:
        stmt = stmt.on_conflict_do_nothing()
    if returning:
        found = []
        for part in parts(rows, 500):
            found += session.execute(stmt.returning(*[table.c[name] for name in returning]), part).all()
        return found
    session.execute(stmt, rows)
    return None
