"""Database helpers every domain uses: column types, the commit at the edge, after-commit work."""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import DateTime, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from app.extensions import db
from app.timeutil import as_utc

logger = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000
# A request whose write met another's lock is run again this many times (SQLite only).
LOCKED_RETRIES = 4


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes on every backend (SQLite keeps no time zone, so we store naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        value = as_utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        return None if value is None else as_utc(value)


def one_of(column: str, values: tuple[str, ...]) -> str:
    """The SQL of a check constraint that keeps ``column`` within ``values``."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def dialect_name(bind=None) -> str:
    """``postgresql`` or ``sqlite``: of ``bind`` (an engine or connection), else of the session's database."""
    return (bind if bind is not None else db.session.get_bind()).dialect.name


def on_postgresql(bind=None) -> bool:
    """Whether ``bind`` (else the session's database) is PostgreSQL, for the paths that use its features."""
    return dialect_name(bind) == "postgresql"


def insert(model):
    """An INSERT of the session's database that can add ``.on_conflict_do_nothing(…)`` (insert or
    skip, safe under concurrency) on PostgreSQL and SQLite alike."""
    return (postgresql.insert if on_postgresql() else sqlite.insert)(model)


_AFTER_COMMIT = "crowdline_after_commit"


def after_commit(callback: Callable[[], None]) -> None:
    """Run ``callback`` once the current transaction commits; drop it if it rolls back.

    Side effects that must not happen for a rolled-back change (enqueueing a job, calling an
    external service) go through here.
    """
    db.session.info.setdefault(_AFTER_COMMIT, []).append(callback)


def after_commit_once(callback: Callable[[], None]) -> None:
    """``after_commit(callback)`` unless this transaction already has it: one run per commit, however
    many times it is asked for (e.g. once per signal of a transaction)."""
    pending = db.session.info.setdefault(_AFTER_COMMIT, [])
    if callback not in pending:
        pending.append(callback)


_ON_ROLLBACK = "crowdline_on_rollback"


def on_rollback(callback: Callable[[], None]) -> None:
    """Run ``callback`` if the current transaction rolls back (undo what it kept outside the
    database, e.g. an uploaded file); drop it when the transaction commits."""
    db.session.info.setdefault(_ON_ROLLBACK, []).append(callback)


def commit() -> None:
    """Commit the unit of work at the edge of a request, job or command, then run after-commit work.

    The change is saved once the commit returns, so one failing callback (Redis down while a job
    is queued) does not keep the others from running: each failure is logged, and the first is
    raised once all have run."""
    session = db.session
    session.commit()
    session.info.pop(_ON_ROLLBACK, None)
    callbacks = session.info.pop(_AFTER_COMMIT, [])
    failure: Exception | None = None
    for callback in callbacks:
        try:
            callback()
        except Exception as exc:
            logger.exception("After-commit work %r failed; the commit stands", callback)
            failure = failure or exc
    if failure is not None:
        raise failure


def rollback() -> None:
    db.session.rollback()
    db.session.info.pop(_AFTER_COMMIT, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_after_commit_work(session, previous_transaction) -> None:
    if previous_transaction.parent is None:  # the outermost transaction rolled back
        session.info.pop(_AFTER_COMMIT, None)
        for callback in session.info.pop(_ON_ROLLBACK, []):
            try:
                callback()
            except Exception:
                logger.exception("Undoing %r after a rollback failed", callback)


def configure_sqlite(engine: Engine) -> None:
    """Make SQLite behave: foreign keys on, real BEGIN/SAVEPOINT handling in pysqlite, and a file
    that serves a person double-tapping: WAL (readers never wait for the writer) and a busy
    timeout (a writer waits for the other instead of failing at once)."""
    if engine.dialect.name != "sqlite":
        return
    in_memory = engine.url.database in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN")


def is_locked(error: BaseException) -> bool:
    """SQLite's "database is locked" (or busy): another connection holds the write lock, or this
    transaction's snapshot went stale while it waited. Running the unit of work again succeeds."""
    return isinstance(error, OperationalError) and any(
        text in str(error.orig).lower() for text in ("database is locked", "database is busy"))


def retry_locked_writes(app) -> None:
    """On SQLite, a request whose write meets "database is locked" is rolled back and run again
    (a few times, after a short pause): a double tap waits its turn instead of failing.

    A deferred SQLite transaction that read before another committed cannot upgrade to a writer,
    and no busy timeout helps it; only starting over does. Nothing of the first run stands: it
    rolled back, and its after-commit work was dropped with it."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    for endpoint, view in list(app.view_functions.items()):
        app.view_functions[endpoint] = _retrying(view)


def _retrying(view):
    @functools.wraps(view)
    def run(*args, **kwargs):
        for attempt in range(LOCKED_RETRIES + 1):
            try:
                return view(*args, **kwargs)
            except OperationalError as exc:
                if not is_locked(exc) or attempt == LOCKED_RETRIES:
                    raise
                rollback()
                logger.info("Database locked on %s; running it again (%d)", view.__name__, attempt + 1)
                time.sleep(0.05 * (attempt + 1) + random.random() * 0.05)
        raise AssertionError("unreachable")

    return run
