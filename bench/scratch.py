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
