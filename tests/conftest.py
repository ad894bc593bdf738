"""Test fixtures: one migrated database per session, a rolled-back transaction per test.

With ``DATABASE_URL`` / ``REDIS_URL`` set (CI), the tests run on that PostgreSQL server (in a
fresh database of their own, created here) and that Redis (whose database they flush);
otherwise on a SQLite file and an embedded Redis in a temporary folder.
"""

from __future__ import annotations

import os
import re
import socket
import threading
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import pytest
import sqlalchemy as sa
from flask import current_app, has_app_context
from flask_migrate import upgrade
from flask_sqlalchemy.session import _app_ctx_id
from sqlalchemy.orm import scoped_session, sessionmaker

from app import create_app
from app.extensions import db, limiter, redis_store
from tests.browser import MISSING_BROWSER, browser, browser_available, phone  # noqa: F401 - shared fixtures

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


# --- the network guard ------------------------------------------------------------------

_real_connect = socket.socket.connect


def _guarded_connect(sock, address):
    """Only loopback and Unix sockets: a test that reaches the internet fails loudly."""
    if sock.family == socket.AF_UNIX:
        return _real_connect(sock, address)
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", "::1") or str(host).startswith("127."):
        return _real_connect(sock, address)
    raise RuntimeError(f"A test tried to reach the network: {address!r}")


@pytest.fixture(autouse=True, scope="session")
def _no_network():
    socket.socket.connect = _guarded_connect
    yield
    socket.socket.connect = _real_connect


# --- databases --------------------------------------------------------------------------

def fresh_database_uri(suffix: str, tmp_path_factory) -> str:
    """A new, empty database for this test session (per xdist worker) on the configured server."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        folder = tmp_path_factory.mktemp(f"db-{suffix}")
        return f"sqlite:///{folder}/crowdline-test.db"
    if url.startswith(("postgres://", "postgresql://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    base = sa.make_url(url)
    name = re.sub(r"\W", "_", f"{base.database or 'crowdline'}_{suffix}_{WORKER}").lower()
    admin = sa.create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def redis_url_for_tests() -> str | None:
    """The configured Redis database (which the tests flush), the next ones for xdist workers."""
    url = os.environ.get("REDIS_URL")
    if not url or not url.startswith("redis://"):
        return url
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    index = 0 if WORKER == "main" else int(WORKER.removeprefix("gw")) + 1
    return urlunsplit((parts.scheme, parts.netloc, f"/{base + index}", "", ""))


def make_test_app(tmp_path_factory, suffix: str, **extra):
    overrides = {
        "TESTING": True,
        "INSTANCE_PATH": str(tmp_path_factory.mktemp(f"instance-{suffix}")),
        "SQLALCHEMY_DATABASE_URI": fresh_database_uri(suffix, tmp_path_factory),
        "REDIS_URL": redis_url_for_tests(),
        "SERVER_NAME": None,
        # Cheap Argon2id in tests (production keeps the library's RFC 9106 defaults).
        "PASSWORD_HASH_PARAMS": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1},
    }
    overrides.update(extra)
    application = create_app(overrides)
    with application.app_context():
        upgrade(revision="heads")  # the migrations build the schema, so they are tested on every run
    return application


@contextmanager
def redis_down(application):
    """Inside: the app's Redis is an address where nothing listens (Redis is down)."""
    configured = application.config["REDIS_URL"]
    application.config["REDIS_URL"] = "redis://127.0.0.1:1/0"
    try:
        yield
    finally:
        application.config["REDIS_URL"] = configured


def separate_app(tmp_path_factory, suffix: str, postgres_only: str | None = None):
    """For a module fixture, with ``yield from``: an app on a database of its own whose sessions
    commit for real (races, concurrent readers), its engine disposed afterwards. With
    ``postgres_only`` (the reason), the module's tests are skipped on SQLite."""
    application = make_test_app(tmp_path_factory, suffix, RQ_INLINE=True)
    if postgres_only and application.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip(postgres_only)
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    application = make_test_app(tmp_path_factory, "t")
    yield application
    with application.app_context():
        db.engine.dispose()
    redis_store.close()  # stops the embedded Redis, if this session started one


class _PerAppSession:
    """``db.session`` for the duration of a test: the rolled-back session for the test's app, the
    ordinary one for any other app (a live server, an app with real commits for a race test)."""

    def __init__(self, app, isolated, original):
        self._app, self._isolated, self._original = app, isolated, original

    def _target(self):
        if has_app_context() and current_app._get_current_object() is self._app:
            return self._isolated
        return self._original

    def __call__(self, *args, **kwargs):
        return self._target()(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._target(), name)


@pytest.fixture(autouse=True)
def _isolation(request, app):
    """Each test runs inside a transaction that is rolled back; Redis and rate limits start empty."""
    with app.app_context():
        redis_store.connection.flushdb()
        limiter.reset()
        connection = db.engine.connect()
        outer = connection.begin()
        original = db.session
        isolated = scoped_session(
            sessionmaker(bind=connection, join_transaction_mode="create_savepoint"), scopefunc=_app_ctx_id
        )
        db.session = _PerAppSession(app, isolated, original)
    try:
        yield
    finally:
        with app.app_context():
            isolated.remove()
            db.session = original
            outer.rollback()
            connection.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def app_ctx(app):
    with app.app_context():
        yield


# --- factories ----------------------------------------------------------------------------

PASSWORD = "correct-horse-battery"


@pytest.fixture
def create_user(app):
    """``create_user(role="member", org_id=None, email=None)`` → the new user's id (committed to the
    test's savepoint)."""
    from app.auth import services
    from app.database import commit

    counter = {"n": 0}

    def _create(role: str = "member", org_id: int | None = None, email: str | None = None,
                name: str = "Test User", password: str = PASSWORD) -> int:
        counter["n"] += 1
        email = email or f"{role}{counter['n']}@example.test"
        with app.app_context():
            if role == "enterprise":
                user = services.register_user(email=email, password=password, name=name, role="enterprise",
                                              org_name=f"Org of {email}")
            else:
                user = services.create_user(email=email, password=password, name=name, role=role, org_id=org_id)
            commit()
            return user.id

    return _create


class Auth:
    """Sign in through the API and make authorized requests."""

    def __init__(self, client):
        self.client = client

    def login(self, email: str, password: str = PASSWORD) -> dict:
        response = self.client.post("/api/v1/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.json
        return response.json

    def headers(self, email: str, password: str = PASSWORD) -> dict:
        return {"Authorization": "Bearer " + self.login(email, password)["access_token"]}


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def new_enterprise(app, create_user, user_email, auth):
    """``new_enterprise()`` → ``{"headers", "org_id", "admin_id", "fund"}`` of a new organization, whose
    ``fund(amount)`` tops its wallet up (in minor units, CNY) through the simulated checkout."""
    from app.auth.models import User

    def _make() -> dict:
        admin_id = create_user("enterprise")
        with app.app_context():
            org_id = db.session.get(User, admin_id).org_id

        def fund(amount: int) -> None:
            from app.database import commit
            from payouts.services import confirm_simulated_checkout, create_topup

            with app.test_request_context():
                topup = create_topup(org_id, admin_id, amount, "CNY")
                confirm_simulated_checkout(topup.id, org_id)
                commit()

        return {"headers": auth.headers(user_email(admin_id)), "org_id": org_id, "admin_id": admin_id, "fund": fund}

    return _make


@pytest.fixture
def user_email(app):
    from app.auth.models import User

    def _email(user_id: int) -> str:
        with app.app_context():
            return db.session.get(User, user_id).email

    return _email


# --- a live server for the browser -----------------------------------------------------------

@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """The application behind ``live_server``, for tests that prepare its (committed) data."""
    application = make_test_app(tmp_path_factory, "live")
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(live_app):
    """The app on a real port with its own committed database (the browser cannot share a test's
    rolled-back transaction)."""
    from werkzeug.serving import make_server

    application = live_app
    server = make_server("127.0.0.1", 0, application, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def pytest_terminal_summary(terminalreporter):
    if not browser_available():
        terminalreporter.write_line(MISSING_BROWSER, red=True, bold=True)
