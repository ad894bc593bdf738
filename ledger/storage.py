"""Driver-level reads and writes of the log's hot tables (leaves, tree nodes, the queue).

These rows are many and small, so SQLAlchemy's per-row processing would cost more than the work
itself: the sequencer moves queued entries to leaves inside the database and writes tree nodes
with COPY on PostgreSQL, a proof reads every node it needs in one query, and the full verification
reads the entries in one ordered scan, a large chunk at a time. Only fixed, known table and column
names ever reach a statement's text; values are always parameters.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from app.database import on_postgresql
from app.extensions import db

LEAF_COLUMNS = ("index", "kind", "entry", "leaf_hash", "created_at", "integrated_at", "campaign_id", "member_id",
                "org_id")
NODE_COLUMNS = ("level", "index", "hash")
# Tree nodes are stored from this level up. A node below it covers at most 16 leaves and is
# recomputed from their hashes when needed, so the log keeps about n/8 nodes instead of n - 1.
LOWEST_STORED_LEVEL = 4


def _postgres(connection) -> bool:
    return on_postgresql(connection)


def _fetchall(connection, sql: str, params: tuple | dict = ()) -> list[tuple]:
    """Rows as plain tuples, read in one go (binary on PostgreSQL: hashes arrive as they are stored)."""
    if _postgres(connection):
        with connection.connection.cursor(binary=True) as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    return connection.exec_driver_sql(sql, params).all()


def _names(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _mark(connection) -> str:
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


def queued(limit: int) -> list[tuple[int, str]]:
    """``(id, entry)`` of the oldest ``limit`` queued entries, in id order."""
    connection = db.session.connection()
    sql = f"SELECT id, entry FROM ledger_queue ORDER BY id LIMIT {int(limit)}"  # noqa: S608
    return connection.exec_driver_sql(sql).all()


def move_to_leaves(start: int, ids: list[int], hashes: list[bytes], integrated_at) -> None:
    """Turn the queued entries ``ids`` into leaves ``start, start + 1, …`` with their leaf hashes.

    The rows move inside the database: only ids and hashes travel, never the entries again.
    """
    connection = db.session.connection()
    if _postgres(connection):
        with connection.connection.cursor(binary=True) as cursor:
            cursor.execute(_MOVE_POSTGRES, {"ids": ids, "hashes": hashes, "start": start, "now": integrated_at})
            moved = cursor.rowcount
    else:
        sql = (f"INSERT INTO ledger_leaves ({_names(LEAF_COLUMNS)}) "  # noqa: S608
               "SELECT ?, kind, entry, ?, created_at, ?, campaign_id, member_id, org_id FROM ledger_queue WHERE id = ?")
        rows = [(index, leaf, integrated_at, queued_id)
                for index, queued_id, leaf in zip(range(start, start + len(ids)), ids, hashes, strict=True)]
        moved = connection.exec_driver_sql(sql, rows).rowcount
        for part in range(0, len(ids), 900):  # SQLite caps the number of parameters of a statement
            chunk = ids[part:part + 900]
            connection.exec_driver_sql(f"DELETE FROM ledger_queue WHERE id IN ({', '.join('?' * len(chunk))})",  # noqa: S608
                                       tuple(chunk))
    if moved != len(ids):
        raise RuntimeError(f"the ledger queue changed under the sequencer ({moved} of {len(ids)} entries moved)")


_MOVE_POSTGRES = f"""
WITH moved AS (
    DELETE FROM ledger_queue WHERE id = ANY(%(ids)b::bigint[])
    RETURNING id, kind, entry, created_at, campaign_id, member_id, org_id
)
INSERT INTO ledger_leaves ({_names(LEAF_COLUMNS)})
SELECT %(start)s::bigint + new.position - 1, moved.kind, moved.entry, new.hash, moved.created_at,
       %(now)s::timestamptz, moved.campaign_id, moved.member_id, moved.org_id
FROM unnest(%(ids)b::bigint[], %(hashes)b::bytea[]) WITH ORDINALITY AS new(id, hash, position)
JOIN moved ON moved.id = new.id
"""  # noqa: S608


def insert_nodes(rows: list[tuple[int, int, bytes]]) -> None:
    """Store ``(level, index, hash)`` tree nodes."""
    if not rows:
        return
    connection = db.session.connection()
    if _postgres(connection):
        with connection.connection.cursor() as cursor, \
                cursor.copy(f"COPY ledger_nodes ({_names(NODE_COLUMNS)}) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(["int4", "int8", "bytea"])
            for row in rows:
                copy.write_row(row)
        return
    connection.exec_driver_sql(f"INSERT INTO ledger_nodes ({_names(NODE_COLUMNS)}) VALUES (?, ?, ?)", rows)  # noqa: S608


def read_nodes(wanted: Iterable[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
    """What a computation over the tree needs to read, in one query: the stored ``(level, index)``
    nodes asked for, and for a node below ``LOWEST_STORED_LEVEL`` the leaf hashes it covers
    (as ``(0, index)``), from which it is recomputed."""
    return _read_nodes(wanted, with_tree_size=False)[0]


def read_nodes_and_tree_size(wanted: Iterable[tuple[int, int]]) -> tuple[dict[tuple[int, int], bytes], int]:
    """``read_nodes(wanted)`` and the integrated tree size, in the same query."""
    return _read_nodes(wanted, with_tree_size=True)


def _read_nodes(wanted: Iterable[tuple[int, int]], with_tree_size: bool) -> tuple[dict[tuple[int, int], bytes], int]:
    leaves: set[int] = set()
    nodes = []
    for level, index in wanted:
        if level < LOWEST_STORED_LEVEL:
            leaves.update(range(index << level, (index + 1) << level))
        else:
            nodes.append((level, index))
    if not leaves and not nodes and not with_tree_size:
        return {}, 0
    connection = db.session.connection()
    # The size comes back as a row of level -1 (no tree node has a negative level).
    size_part = "SELECT -1, size, NULL FROM ledger_state WHERE id = 1"
    if _postgres(connection):  # one statement text whatever the count, so it stays prepared
        sql = f"{_NODES_POSTGRES} UNION ALL {size_part}" if with_tree_size else _NODES_POSTGRES
        rows = _fetchall(connection, sql, {
            "leaves": sorted(leaves),
            "levels": [level for level, _ in nodes], "indexes": [index for _, index in nodes]})
    else:
        parts, params = [], []
        if leaves:
            parts.append(f'SELECT 0, "index", leaf_hash FROM ledger_leaves WHERE "index" IN '  # noqa: S608
                         f'({", ".join("?" * len(leaves))})')
            params += sorted(leaves)
        if nodes:
            parts.append(f'SELECT level, "index", hash FROM ledger_nodes WHERE (level, "index") IN '  # noqa: S608
                         f'(VALUES {", ".join(["(?, ?)"] * len(nodes))})')
            params += [value for node in nodes for value in node]
        if with_tree_size:
            parts.append(size_part)
        rows = _fetchall(connection, " UNION ALL ".join(parts), tuple(params))
    found = {(level, index): value for level, index, value in rows if level >= 0}
    size = next((index for level, index, _ in rows if level < 0), 0)
    return found, size


_NODES_POSTGRES = """
SELECT 0, "index", leaf_hash FROM ledger_leaves WHERE "index" = ANY(%(leaves)s::bigint[])
UNION ALL
SELECT node.level, node."index", node.hash
FROM unnest(%(levels)s::int[], %(indexes)s::bigint[]) AS wanted(level, "index")
JOIN ledger_nodes AS node ON node.level = wanted.level AND node."index" = wanted."index"
"""


def leaf_chunks(start: int, end: int, chunk: int) -> Iterator[tuple[int, list[bytes], list[bytes]]]:
    """``(first index, entries as UTF-8 bytes, stored leaf hashes)`` of leaves ``start`` to ``end - 1``
    in chunks of ``chunk``, for the full verification. A chunk stops short where an entry is missing,
    and nothing follows it."""
    connection = db.session.connection()
    if _postgres(connection):
        yield from scan_leaves(connection.connection.driver_connection, start, end, chunk)
        return
    sql = ('SELECT "index", CAST(entry AS BLOB), leaf_hash FROM ledger_leaves '
           'WHERE "index" >= ? AND "index" < ? ORDER BY "index"')
    batches = (connection.exec_driver_sql(sql, (first, min(first + chunk, end))).all()
               for first in range(start, end, chunk))
    yield from _contiguous(batches, start)


def scan_leaves(raw, start: int, end: int, chunk: int) -> Iterator[tuple[int, list[bytes], list[bytes]]]:
    """``leaf_chunks`` on a psycopg connection ``raw`` that is inside a transaction (a forked part of
    the full verification has one of its own)."""
    # A cursor over one ordered scan, read with pipelined FETCHes: the server reads the next chunk
    # while this process hashes the current one.
    from psycopg.types.string import ByteaBinaryLoader

    utf8 = raw.info.encoding == "utf-8"
    # In binary results a text value is its bytes in the client encoding: with UTF-8 those are the
    # exact bytes that were hashed, so the server sends them as they are stored and nothing converts
    # or decodes them on either side.
    raw.execute(_SCAN_POSTGRES.format(entry="entry" if utf8 else "convert_to(entry, 'UTF8')",
                                      start=int(start), end=int(end)))
    fetch = f"FETCH FORWARD {int(chunk)} FROM ledger_leaf_scan"

    def send():
        cursor = raw.cursor(binary=True)
        if utf8:
            cursor.adapters.register_loader("text", ByteaBinaryLoader)
        return cursor.execute(fetch)

    try:
        with raw.pipeline():
            pending: deque = deque()

            def batches() -> Iterator[list]:
                for _ in range(start, end, chunk):
                    pending.append(send())
                    if len(pending) > 1:
                        yield _take(pending.popleft())
                while pending:
                    yield _take(pending.popleft())

            yield from _contiguous(batches(), start)
    finally:
        raw.execute("CLOSE ledger_leaf_scan")


_SCAN_POSTGRES = """
DECLARE ledger_leaf_scan NO SCROLL CURSOR FOR
SELECT "index", {entry}, leaf_hash FROM ledger_leaves WHERE "index" >= {start} AND "index" < {end} ORDER BY "index"
"""


def _take(cursor) -> list:
    rows = cursor.fetchall()
    cursor.close()
    return rows


def _contiguous(batches: Iterable[list], start: int) -> Iterator[tuple[int, list[bytes], list[bytes]]]:
    for rows in batches:
        if not rows:
            return
        # Indexes are unique and ascending, so the two ends tell whether any is missing in between.
        whole = rows[0][0] == start and rows[-1][0] == start + len(rows) - 1
        if not whole:
            rows = rows[:next(p for p, row in enumerate(rows) if row[0] != start + p)]
        yield start, [row[1] for row in rows], [row[2] for row in rows]
        if not whole:
            return
        start += len(rows)


def node_levels() -> dict[int, tuple[int, int, int, int, int]]:
    """``{level: (count, first index, last index, shortest hash, longest hash)}`` of the stored nodes."""
    connection = db.session.connection()
    rows = _fetchall(connection, 'SELECT level, count(*), min("index"), max("index"), min(length(hash)), '
                                 "max(length(hash)) FROM ledger_nodes GROUP BY level")
    return {level: tuple(values) for level, *values in rows}


def node_level(level: int) -> list[bytes]:
    """The stored hashes of one level, in index order."""
    connection = db.session.connection()
    sql = f'SELECT hash FROM ledger_nodes WHERE level = {_mark(connection)} ORDER BY "index"'  # noqa: S608
    return [row[0] for row in _fetchall(connection, sql, (level,))]


def node_rows(level: int) -> list[tuple[int, bytes]]:
    """``(index, hash)`` of one stored level, to name the first node that does not match."""
    connection = db.session.connection()
    sql = f'SELECT "index", hash FROM ledger_nodes WHERE level = {_mark(connection)} ORDER BY "index"'  # noqa: S608
    return [(index, value) for index, value in _fetchall(connection, sql, (level,))]
