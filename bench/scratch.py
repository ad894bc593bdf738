"""A throwaway database for a benchmark run: a new one on the ``DATABASE_URL`` server, else SQLite."""

from __future__ import annotations

import os
import tempfile


def scratch_database(url: str | None, name: str) -> str:
    """A fresh database called ``<DATABASE_URL's name>_bench_<name>`` (dropped first if it exists)."""
    if not url:
        return "sqlite:///" + os.path.join(tempfile.mkdtemp(prefix=f"bench-{name}-"), "bench.db")
    import sqlalchemy as sa

    if url.startswith(("postgres://", "postgresql://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    base = sa.make_url(url)
    database = f"{base.database or 'crowdline'}_bench_{name}"
    admin = sa.create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{database}"'))
    admin.dispose()
    return base.set(database=database).render_as_string(hide_password=False)


def insert_members(count: int, timezone: str = "UTC") -> list[int]:
    """``count`` member users with their role, inserted in bulk (password hashing is not what a
    benchmark measures); their ids in order. Needs an app context; commits."""
    from sqlalchemy import insert, select

    from app.auth.models import RoleGrant, User
    from app.database import commit
    from app.extensions import db

    start = db.session.scalar(select(User.id).order_by(User.id.desc()).limit(1)) or 0
    for offset in range(0, count, 5000):
        db.session.execute(insert(User), [
            {"email": f"bench{start + offset + i}@example.test", "name": f"Member {offset + i}",
             "password_hash": "x" * 40, "timezone": timezone, "is_active": True}
            for i in range(min(5000, count - offset))])
    ids = list(db.session.scalars(select(User.id).where(User.id > start).order_by(User.id)))
    for offset in range(0, len(ids), 5000):
        db.session.execute(insert(RoleGrant), [{"user_id": uid, "role": "member"} for uid in ids[offset:offset + 5000]])
    commit()
    return ids
