"""The academy API: catalog, lessons, quiz attempts (no answer leaks, time limits, cool-down, bad input),
XP, badges, streaks and leaderboards."""

from datetime import timedelta

from academy.models import ActivityDay, QuizAttempt, XPEntry
from app.extensions import db
from app.timeutil import utcnow
from tests.helpers.academy import answers_of


def start(client, headers, quiz_id):
    return client.post(f"/api/v1/academy/quizzes/{quiz_id}/attempts", headers=headers)


def test_catalog_and_course_detail_show_progress(client, content, member):
    _uid, headers = member()
    listing = client.get("/api/v1/academy/courses", headers=headers)
    assert listing.status_code == 200
    keys = [c["key"] for c in listing.json["items"]]
    assert keys == ["customer_service_fundamentals", "ecommerce_after_sales"]
    course_id = content["courses"]["customer_service_fundamentals"]
    detail = client.get(f"/api/v1/academy/courses/{course_id}", headers=headers).json
    assert [x["key"] for x in detail["lessons"]] == ["greeting", "empathy", "closing"]
    assert detail["progress"] == {"lessons_done": 0, "lessons_total": 3, "quiz_passed": False, "completed": False,
                                  "ratio": 0.0}
    zh = client.get(f"/api/v1/academy/courses/{course_id}", headers={**headers, "Accept-Language": "zh"}).json
    assert zh["title"] == "客户服务基础"
    filtered = client.get("/api/v1/academy/courses?industry=ecommerce", headers=headers).json["items"]
    assert [c["key"] for c in filtered] == ["ecommerce_after_sales"]
    bad = client.get("/api/v1/academy/courses?industry=mars", headers=headers)
    assert bad.status_code == 422 and bad.json["error"]["code"] == "validation_error"


def test_completing_a_lesson_pays_xp_once_and_starts_a_streak(client, content, member, app):
    _uid, headers = member()
    lesson_id = content["lessons"]["customer_service_fundamentals"][0]
    first = client.post(f"/api/v1/academy/lessons/{lesson_id}/complete", headers=headers)
    assert first.status_code == 200 and first.json == {"lesson_id": lesson_id, "completed": True, "xp_awarded": 10}
    again = client.post(f"/api/v1/academy/lessons/{lesson_id}/complete", headers=headers)
    assert again.json["xp_awarded"] == 0
    me = client.get("/api/v1/academy/me", headers=headers).json
    assert me["xp"] == 10 and me["level"] == 1 and me["streak_days"] == 1
    assert [b["key"] for b in me["badges"]] == ["first_lesson"]
    profile = client.get("/api/v1/me", headers=headers).json["member"]
    assert profile["xp"] == 10 and profile["level"] == 1 and profile["tier"] == "none"
    assert client.post("/api/v1/academy/lessons/999999/complete", headers=headers).status_code == 404


def test_non_members_cannot_take_courses(client, content, member):
    _uid, headers = member("trainer")
    lesson_id = content["lessons"]["customer_service_fundamentals"][0]
    response = client.post(f"/api/v1/academy/lessons/{lesson_id}/complete", headers=headers)
    assert response.status_code == 403 and response.json["error"]["code"] == "forbidden_role"
    quiz_id = content["quizzes"]["customer_service_fundamentals"]
    assert start(client, headers, quiz_id).status_code == 403
    assert client.get("/api/v1/academy/me", headers=headers).status_code == 403
    assert client.get("/api/v1/academy/courses").status_code == 401


def test_attempt_draws_random_questions_without_answers_and_grades_on_the_server(client, content, member, app):
    _uid, headers = member()
    quiz_id = content["quizzes"]["customer_service_fundamentals"]
    started = start(client, headers, quiz_id)
    assert started.status_code == 201
    body = started.json
    assert len(body["questions"]) == 4 and body["time_limit_seconds"] == 600
    for question in body["questions"]:
        assert set(question) == {"id", "type", "prompt", "options"}
    assert "answer" not in started.get_data(as_text=True) and "explanation" not in started.get_data(as_text=True)
    again = client.get(f"/api/v1/academy/attempts/{body['id']}", headers=headers)
    assert again.status_code == 200 and "answer" not in again.get_data(as_text=True)
    with app.app_context():
        stored = db.session.get(QuizAttempt, body["id"])
        assert [q["id"] for q in stored.questions] == [q["id"] for q in body["questions"]]
        assert [[o["key"] for o in q["options"]] for q in stored.questions] == \
            [[o["key"] for o in q["options"]] for q in body["questions"]]  # the order shown is kept
    sheet = answers_of(app, body["id"])
    result = client.post(f"/api/v1/academy/attempts/{body['id']}/submit", headers=headers, json={"answers": sheet})
    assert result.status_code == 200, result.json
    assert result.json["score"] == 1.0 and result.json["passed"] is True and result.json["xp_awarded"] == 75
    assert "perfect_quiz" in result.json["badges_awarded"]
    assert "answer" not in result.get_data(as_text=True)


def test_randomness_differs_between_attempts(client, content, member):
    quiz_id = content["quizzes"]["customer_service_fundamentals"]
    seen = set()
    for _ in range(6):
        _uid, headers = member()
        body = start(client, headers, quiz_id).json
        seen.add(tuple((q["id"], tuple(o["key"] for o in q["options"])) for q in body["questions"]))
    assert len(seen) > 1


def test_bad_submissions_get_the_error_contract_and_change_nothing(client, content, member, app):
    uid, headers = member()
    _other, other_headers = member()
    quiz_id = content["quizzes"]["customer_service_fundamentals"]
    attempt_id = start(client, headers, quiz_id).json["id"]
    url = f"/api/v1/academy/attempts/{attempt_id}/submit"

    unknown = client.post(url, headers=headers, json={"answers": {"999999": "a"}})
    assert unknown.status_code == 422 and "999999" in unknown.json["error"]["fields"]["answers"]
    some_question = next(iter(answers_of(app, attempt_id)))
    invalid_choice = client.post(url, headers=headers, json={"answers": {some_question: 42}})
    assert invalid_choice.status_code == 422
    assert client.post(url, headers=headers, json={"nope": 1}).status_code == 422
    assert client.post(url, headers=headers, data="{bad", content_type="application/json").status_code == 400
    someone_else = client.post(url, headers=other_headers, json={"answers": answers_of(app, attempt_id)})
    assert someone_else.status_code == 404 and someone_else.json["error"]["code"] == "not_found"
    assert client.get(f"/api/v1/academy/attempts/{attempt_id}", headers=other_headers).status_code == 404
    with app.app_context():
        attempt = db.session.get(QuizAttempt, attempt_id)
        assert attempt.status == "open" and attempt.answers is None
        assert db.session.query(XPEntry).filter_by(member_id=uid).count() == 0

    ok = client.post(url, headers=headers, json={"answers": answers_of(app, attempt_id)})
    assert ok.status_code == 200
    twice = client.post(url, headers=headers, json={"answers": answers_of(app, attempt_id)})
    assert twice.status_code == 409 and twice.json["error"]["code"] == "attempt_closed"
    with app.app_context():
        assert db.session.query(XPEntry).filter_by(member_id=uid).count() == 2  # passed + perfect, once


def test_a_late_submission_is_refused(client, content, member, app):
    _uid, headers = member()
    quiz_id = content["quizzes"]["customer_service_fundamentals"]
    attempt_id = start(client, headers, quiz_id).json["id"]
    with app.app_context():
        attempt = db.session.get(QuizAttempt, attempt_id)
        attempt.started_at = utcnow() - timedelta(seconds=700)
        attempt.deadline_at = utcnow() - timedelta(seconds=100)
        db.session.commit()
    late = client.post(f"/api/v1/academy/attempts/{attempt_id}/submit", headers=headers,
                       json={"answers": answers_of(app, attempt_id)})
    assert late.status_code == 409 and late.json["error"]["code"] == "attempt_expired"
    with app.app_context():
        assert db.session.get(QuizAttempt, attempt_id).score is None
    # The expired attempt does not block the next one, but its cool-down does.
    cooled = start(client, headers, quiz_id)
    assert cooled.status_code == 409 and cooled.json["error"]["code"] == "cooldown"
    assert int(cooled.headers["Retry-After"]) > 0


def test_one_open_attempt_then_cooldown_after_a_fail_then_a_daily_cap(client, content, member, app):
    uid, headers = member()
    quiz_id = content["quizzes"]["customer_service_fundamentals"]
    first = start(client, headers, quiz_id).json["id"]
    second = start(client, headers, quiz_id)
    assert second.status_code == 409 and second.json["error"]["code"] == "attempt_open"
    failed = client.post(f"/api/v1/academy/attempts/{first}/submit", headers=headers,
                         json={"answers": answers_of(app, first, wrong=4)})
    assert failed.json["passed"] is False and failed.json["xp_awarded"] == 0
    cooldown = start(client, headers, quiz_id)
    assert cooldown.status_code == 409 and cooldown.json["error"]["code"] == "cooldown"
    with app.app_context():  # the cool-down is over; two more attempts use up the day
        db.session.query(QuizAttempt).filter_by(member_id=uid).update(
            {"submitted_at": utcnow() - timedelta(hours=2)})
        db.session.commit()
    for _ in range(2):
        attempt_id = start(client, headers, quiz_id).json["id"]
        client.post(f"/api/v1/academy/attempts/{attempt_id}/submit", headers=headers,
                    json={"answers": answers_of(app, attempt_id, wrong=4)})
        with app.app_context():
            db.session.query(QuizAttempt).filter_by(member_id=uid).update(
                {"submitted_at": utcnow() - timedelta(hours=2)})
            db.session.commit()
    capped = start(client, headers, quiz_id)
    assert capped.status_code == 409 and capped.json["error"]["code"] == "attempt_limit"


def test_unknown_quiz_is_404(client, content, member):
    _uid, headers = member()
    assert start(client, headers, 999999).status_code == 404


def test_streak_uses_the_members_time_zone(client, content, member, app):
    from academy import services
    from app.auth.models import User

    uid, _headers = member()
    with app.app_context():
        user = db.session.get(User, uid)
        user.timezone = "Asia/Shanghai"
        # 23:30 UTC on 1 March is 07:30 on 2 March in Shanghai; 15:30 UTC on 2 March is 23:30 there.
        from datetime import UTC, datetime

        services.record_activity(user, datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
        services.record_activity(user, datetime(2026, 3, 2, 15, 30, tzinfo=UTC))
        days = sorted(d.day.isoformat() for d in db.session.query(ActivityDay).filter_by(member_id=uid))
        assert days == ["2026-03-02"]  # both are the same local day
        services.record_activity(user, datetime(2026, 3, 2, 16, 30, tzinfo=UTC))  # 00:30 on 3 March there
        assert services.current_streak(user, datetime(2026, 3, 3, 12, 0, tzinfo=UTC)) == 2
        # In UTC the same instants are 1, 2 and 2 March.
        user.timezone = "UTC"
        assert services.local_today(user, datetime(2026, 3, 1, 23, 30, tzinfo=UTC)).isoformat() == "2026-03-01"
        db.session.rollback()


def test_leaderboard_periods_and_industries(client, content, member, app):
    from academy import services

    a, headers = member()
    b, _ = member()
    with app.app_context():
        services.award_xp(a, "test:old", 500, "quiz", "finance")
        db.session.query(XPEntry).filter_by(source_key="test:old").update(
            {"created_at": utcnow() - timedelta(days=40)})
        services.award_xp(b, "test:new", 60, "quiz", "ecommerce")
        services.award_xp(a, "test:new", 20, "lesson", "ecommerce")
        db.session.commit()
    week = client.get("/api/v1/academy/leaderboard?period=week", headers=headers).json["items"]
    assert [(r["member_id"], r["xp"]) for r in week] == [(b, 60), (a, 20)]
    alltime = client.get("/api/v1/academy/leaderboard?period=all", headers=headers).json["items"]
    assert [(r["member_id"], r["xp"], r["level"]) for r in alltime] == [(a, 520, 3), (b, 60, 1)]
    finance = client.get("/api/v1/academy/leaderboard?period=all&industry=finance", headers=headers).json["items"]
    assert [r["member_id"] for r in finance] == [a]
    assert client.get("/api/v1/academy/leaderboard?period=year", headers=headers).status_code == 422


def test_ipip_assessment_scores_and_pays_xp_once(client, content, member, app):
    _uid, headers = member()
    answers = {str(n): 5 for n in range(1, 11)}
    result = client.post("/api/v1/academy/assessments/ipip50", headers=headers, json={"answers": answers})
    assert result.status_code == 201, result.json
    scores = result.json["scores"]
    assert set(scores) == {"extraversion", "agreeableness", "conscientiousness", "emotional_stability", "intellect"}
    assert scores["extraversion"] == 50  # one + item at 5, one - item at 5
    missing = client.post("/api/v1/academy/assessments/ipip50", headers=headers, json={"answers": {"1": 5}})
    assert missing.status_code == 422
    again = client.post("/api/v1/academy/assessments/ipip50", headers=headers, json={"answers": answers})
    assert again.status_code == 201
    assert client.get("/api/v1/academy/me", headers=headers).json["xp"] == 20


def test_typing_check_is_timed_by_the_server(client, content, member, app):
    from academy import typing

    _uid, headers = member()
    started = client.post("/api/v1/academy/assessments/typing/start", headers=headers)
    assert started.status_code == 201
    body = started.json
    assert body["passage"] in typing.PASSAGES["en"]
    typed = client.post("/api/v1/academy/assessments/typing", headers=headers,
                        json={"ticket": body["ticket"], "typed": body["passage"]})
    assert typed.status_code == 201
    scores = typed.json["scores"]
    assert scores["accuracy"] == 1.0 and scores["passed"] is True  # typed at once: very fast, exact
    sloppy = client.post("/api/v1/academy/assessments/typing", headers=headers,
                         json={"ticket": body["ticket"], "typed": "thank u"})
    assert sloppy.json["scores"]["passed"] is False
    forged = client.post("/api/v1/academy/assessments/typing", headers=headers,
                         json={"ticket": body["ticket"] + "x", "typed": body["passage"]})
    assert forged.status_code == 422 and "ticket" in forged.json["error"]["fields"]
    _other, other_headers = member()
    stolen = client.post("/api/v1/academy/assessments/typing", headers=other_headers,
                         json={"ticket": body["ticket"], "typed": body["passage"]})
    assert stolen.status_code == 422
    assert client.get("/api/v1/academy/me", headers=headers).json["xp"] == 20  # paid once


def test_the_leaderboard_leaves_simulated_members_out(client, content, member, app):
    from academy import services
    from app.auth.models import User

    real, headers = member()
    simulated, _ = member()
    with app.app_context():
        db.session.get(User, simulated).is_simulated = True  # made by the telephony simulator
        services.award_xp(real, "test:sim-real", 30, "quiz", "finance")
        services.award_xp(simulated, "test:sim-bot", 900, "quiz", "finance")
        db.session.commit()
    for query in ("period=week", "period=all", "period=all&industry=finance"):
        board = client.get(f"/api/v1/academy/leaderboard?{query}", headers=headers).json["items"]
        assert real in [r["member_id"] for r in board] and simulated not in [r["member_id"] for r in board], query
