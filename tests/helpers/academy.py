"""Fixtures and helpers shared by the academy, certification and other packages' tests: the fixture
content, members, answer sheets, finishing a course through the API, and processing queued jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.extensions import db

FIXTURES = Path(__file__).resolve().parent.parent / "academy" / "fixtures"


def load_fixture_content(app) -> dict:
    """Publish the fixture courses and certifications; return their ids by key."""
    from academy import services
    from academy.models import Course, Quiz
    from app.database import commit
    from certification import services as cert_services

    with app.app_context():
        services.load_directory(FIXTURES)
        for doc in json.loads((FIXTURES / "certifications.json").read_text(encoding="utf-8")):
            cert_services.load_definition(doc)
        commit()
        courses = {c.key: c.id for c in services.published_courses()}
        quizzes = {q.key: q.id for q in db.session.query(Quiz)}
        lessons = {c.key: [x.id for x in c.lessons] for c in db.session.query(Course).filter_by(status="published")}
        certs = {c.key: c.id for c in cert_services.all_certifications()}
    return {"courses": courses, "quizzes": quizzes, "lessons": lessons, "certs": certs}


@pytest.fixture
def real_sessions():
    """Sessions of the app's own engine, one per app context, for a separate app that commits for real
    from several threads (the per-test rollback binds every session to one shared connection)."""
    shared = db.session
    db.session = db._make_scoped_session({})
    try:
        yield
    finally:
        db.session = shared


@pytest.fixture
def content(app):
    previous = app.config.get("ACADEMY_CONTENT_DIR")
    app.config["ACADEMY_CONTENT_DIR"] = str(FIXTURES)
    try:
        yield load_fixture_content(app)
    finally:
        app.config["ACADEMY_CONTENT_DIR"] = previous


@pytest.fixture
def member(create_user, user_email, auth):
    """``member()`` → ``(user_id, headers)`` of a new member signed in through the API."""

    def _make(role: str = "member"):
        user_id = create_user(role)
        return user_id, auth.headers(user_email(user_id))

    return _make


def answers_of(app, attempt_id: int, *, wrong: int = 0) -> dict:
    """The right answers of an attempt, read from the database (the API never sends them);
    the first ``wrong`` ones are spoiled."""
    from academy.models import QuizAttempt

    with app.app_context():
        attempt = db.session.get(QuizAttempt, attempt_id)
        sheet = {}
        for index, question in enumerate(attempt.questions):
            answer = question["answer"]
            if index < wrong:
                answer = _wrong(question)
            sheet[str(question["id"])] = answer
        return sheet


def _wrong(question: dict):
    keys = [o["key"] for o in question["options"]]
    answer = question["answer"]
    if question["type"] == "single":
        return next(k for k in keys if k != answer)
    if question["type"] == "true_false":
        return not answer
    if question["type"] == "multiple":
        return [keys[0]] if sorted(answer) != [keys[0]] else keys[:2]
    return list(reversed(answer))


def run_jobs(app) -> None:
    """Process the queued jobs now (with a real Redis queue; inline queues ran them already)."""
    from app.jobs import run_worker

    with app.app_context():
        if not app.config.get("RQ_INLINE"):
            run_worker(["default"], burst=True)


def finish_course(client, headers, content, app, key):
    for lesson_id in content["lessons"][key]:
        assert client.post(f"/api/v1/academy/lessons/{lesson_id}/complete", headers=headers).status_code == 200
    take(client, headers, app, content["quizzes"][key])


def take(client, headers, app, quiz_id, wrong=0):
    attempt = client.post(f"/api/v1/academy/quizzes/{quiz_id}/attempts", headers=headers)
    assert attempt.status_code == 201, attempt.json
    result = client.post(f"/api/v1/academy/attempts/{attempt.json['id']}/submit", headers=headers,
                         json={"answers": answers_of(app, attempt.json["id"], wrong=wrong)})
    assert result.status_code == 200, result.json
    return result.json
