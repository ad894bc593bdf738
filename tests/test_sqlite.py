"""The embedded default (a SQLite file) serves a person double-tapping: WAL, a busy timeout, a
request run again when its write meets a lock, and an error page that cannot fail."""

import threading

import pytest
from sqlalchemy import text

from app.auth import services
from app.database import commit
from app.extensions import db
from tests.conftest import PASSWORD, make_test_app


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite-file")
    application = make_test_app(tmp_path_factory, "sqlite", RQ_INLINE=True,
                                SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder}/crowdline.db")
    yield application
    with application.app_context():
        db.engine.dispose()


def _member(app, email):
    with app.app_context():
        user = services.create_user(email=email, password=PASSWORD, name="Double Tap", role="member")
        commit()
        return user.id


def test_the_file_is_in_wal_mode_with_a_busy_timeout(sqlite_app):
    with sqlite_app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_two_taps_on_the_same_write_both_succeed(sqlite_app, monkeypatch):
    """Both requests read before either writes (the double tap), so the second one's snapshot is
    stale when it writes: SQLite refuses it at once ("database is locked"), whatever the busy
    timeout. It is run again instead of answering 500."""
    email = "double-tap@example.test"
    _member(sqlite_app, email)
    tokens = [sqlite_app.test_client().post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
              .json["access_token"] for _ in range(2)]
    both_read = threading.Barrier(2, timeout=10)
    original = services.update_profile

    def update_after_both_read(user, **changes):
        db.session.execute(text("SELECT count(*) FROM users")).scalar()  # this transaction has read
        if not getattr(threading.current_thread(), "crossed", False):
            threading.current_thread().crossed = True
            both_read.wait()
        return original(user, **changes)

    monkeypatch.setattr(services, "update_profile", update_after_both_read)
    statuses = []

    def tap(token, name):
        response = sqlite_app.test_client().patch("/api/v1/me", json={"name": name},
                                                  headers={"Authorization": f"Bearer {token}"})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=tap, args=(token, f"Tap {n}")) for n, token in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert statuses == [200, 200]


def test_the_error_page_cannot_fail_and_keeps_the_language(sqlite_app, monkeypatch):
    """A 500 whose page would fail too (the layout reads the database that just failed) is still
    a page, in the session's language, not Werkzeug's English one."""
    from app.auth import guards

    email = "error-page@example.test"
    _member(sqlite_app, email)
    client = sqlite_app.test_client()
    with client.session_transaction() as session:
        session["lang"] = "zh"

    def broken(*_args, **_kwargs):
        from sqlalchemy.exc import OperationalError

        raise OperationalError("SELECT 1", {}, Exception("disk I/O error"))

    monkeypatch.setattr(guards, "load_user", broken)
    with client.session_transaction() as session:
        session["user_id"] = 1
    response = client.get("/home")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "服务器出现问题" in page and 'data-testid="error-page"' in page
    api = client.get("/api/v1/me", headers={"Authorization": "Bearer x"})
    assert api.status_code in (401, 500) and api.json["error"]["code"]
