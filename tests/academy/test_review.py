"""The quiz review names the options chosen and the right ones by their text (options were
shuffled, so their letters mean nothing afterwards), and true/false in the page's language."""

from __future__ import annotations

import uuid

import pytest

from academy.grading import localized
from academy.models import QuizAttempt
from app.auth import services as accounts
from app.database import commit
from app.extensions import db
from tests.helpers.academy import answers_of, load_fixture_content
from tests.helpers.web import fits_the_screen, sign_in_page

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"


def _texts(question: dict, choice) -> list[str]:
    if question["type"] == "true_false":
        return ["对" if choice else "错"]
    texts = {o["key"]: localized(o["text"], "zh") for o in question["options"]}
    return [texts[key] for key in (choice if isinstance(choice, list) else [choice])]


def test_the_review_shows_the_text_of_the_chosen_and_the_right_options(live_app, live_server, phone):
    content = load_fixture_content(live_app)
    email = f"review-{uuid.uuid4().hex[:8]}@example.test"
    with live_app.test_request_context():
        accounts.register_user(email=email, password=PASSWORD, name="Rui", role="member", locale="zh")
        commit()
    client = live_app.test_client()
    token = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).json["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    attempt = client.post(f"/api/v1/academy/quizzes/{content['quizzes']['customer_service_fundamentals']}/attempts",
                          headers=headers).json
    sheet = answers_of(live_app, attempt["id"], wrong=2)
    assert client.post(f"/api/v1/academy/attempts/{attempt['id']}/submit", headers=headers,
                       json={"answers": sheet}).status_code == 200
    with live_app.app_context():
        questions = db.session.get(QuizAttempt, attempt["id"]).questions

    page = phone
    sign_in_page(page, live_server, email, PASSWORD)
    page.goto(f"{live_server}/academy/attempts/{attempt['id']}")
    reviews = page.locator("article.review")
    assert reviews.count() == len(questions)
    for index, question in enumerate(questions):
        review = reviews.nth(index)
        joiner = " → " if question["type"] == "ordering" else "; "
        given = review.get_by_test_id("review-given").inner_text()
        assert given.endswith(joiner.join(_texts(question, sheet[str(question["id"])]))), (given, question)
        if index < 2:  # the spoiled answers show the right one, by its text
            right = review.get_by_test_id("review-answer").inner_text()
            assert right.endswith(joiner.join(_texts(question, question["answer"]))), (right, question)
    assert "True" not in page.locator("main").inner_text() and "False" not in page.locator("main").inner_text()
    assert fits_the_screen(page)
