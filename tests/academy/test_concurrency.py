"""XP exactly once under double submits: real concurrent requests, each with its own session, real commits."""

import threading

import pytest

from app.extensions import db
from tests.conftest import PASSWORD, separate_app
from tests.helpers.academy import answers_of, load_fixture_content


@pytest.fixture(scope="module")
def race_app_only(tmp_path_factory):
    yield from separate_app(tmp_path_factory, "acadrace")


@pytest.fixture
def race_app(race_app_only, real_sessions):
    from academy.models import Course

    with race_app_only.app_context():
        loaded = db.session.query(Course).count() > 0
    if not loaded:
        race_app_only.ids = load_fixture_content(race_app_only)
    return race_app_only, race_app_only.ids


def _member(application, email):
    from app.auth import services
    from app.database import commit

    with application.app_context():
        user = services.create_user(email=email, password=PASSWORD, name="Racer", role="member")
        commit()
        user_id = user.id
    client = application.test_client()
    token = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).json["access_token"]
    return user_id, {"Authorization": f"Bearer {token}"}


def _together(count, request):
    """Run ``request()`` in ``count`` threads released at the same moment; their responses."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        barrier.wait()
        results[index] = request()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_double_submitted_quiz_pays_once(race_app):
    from academy.models import QuizAttempt, XPEntry

    application, ids = race_app
    user_id, headers = _member(application, "racer1@example.test")
    client = application.test_client()
    attempt_id = client.post(f"/api/v1/academy/quizzes/{ids['quizzes']['customer_service_fundamentals']}/attempts",
                             headers=headers).json["id"]
    sheet = answers_of(application, attempt_id)

    responses = _together(4, lambda: application.test_client().post(
        f"/api/v1/academy/attempts/{attempt_id}/submit", headers=headers, json={"answers": sheet}))
    codes = sorted(r.status_code for r in responses)
    assert codes == [200, 409, 409, 409], [r.json for r in responses]
    assert sum(r.json.get("xp_awarded", 0) for r in responses if r.status_code == 200) == 75
    with application.app_context():
        assert db.session.query(XPEntry).filter_by(member_id=user_id).count() == 2
        assert db.session.get(QuizAttempt, attempt_id).status == "graded"
        me = client.get("/api/v1/academy/me", headers=headers).json
        assert me["xp"] == 75


def test_double_completed_lesson_pays_once(race_app):
    from academy.models import LessonCompletion, MemberStats

    application, ids = race_app
    user_id, headers = _member(application, "racer2@example.test")
    lesson_id = ids["lessons"]["customer_service_fundamentals"][1]
    responses = _together(4, lambda: application.test_client().post(
        f"/api/v1/academy/lessons/{lesson_id}/complete", headers=headers))
    # PostgreSQL queues the losers (200, nothing paid); SQLite refuses them (409 busy).
    assert all(r.status_code in (200, 409) for r in responses), [r.json for r in responses]
    assert sorted(r.json.get("xp_awarded", 0) for r in responses) == [0, 0, 0, 10]
    with application.app_context():
        assert db.session.query(LessonCompletion).filter_by(member_id=user_id).count() == 1
        assert db.session.get(MemberStats, user_id).xp == 10


def test_concurrent_awards_of_one_achievement_pay_once(race_app):
    from academy import services
    from academy.models import MemberStats, XPEntry
    from app.database import commit, rollback

    application, _ids = race_app
    user_id, _headers = _member(application, "racer3@example.test")

    def award():
        with application.app_context():
            try:
                paid = services.award_xp(user_id, "race:same-achievement", 40, "quiz")
                commit()
                return paid
            except Exception:
                rollback()
                raise

    paid = _together(5, award)
    assert sorted(paid) == [0, 0, 0, 0, 40]
    with application.app_context():
        assert db.session.query(XPEntry).filter_by(member_id=user_id).count() == 1
        assert db.session.get(MemberStats, user_id).xp == 40
