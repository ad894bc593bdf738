"""On a phone-sized screen in a real browser: a new member reads a lesson, passes a quiz, sees XP and a badge."""

import os
import uuid
from pathlib import Path

import pytest

from tests.helpers.academy import answers_of, load_fixture_content
from tests.helpers.web import fits_the_screen

pytestmark = pytest.mark.browser
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))


@pytest.fixture
def course_on_live(live_app):
    """The fixture courses, published on the live server's own database."""
    load_fixture_content(live_app)
    return live_app


def test_new_member_completes_a_lesson_passes_a_quiz_and_sees_xp_and_a_badge(live_server, course_on_live, phone):
    page = phone
    email = f"learner-{uuid.uuid4().hex[:8]}@example.test"
    page.goto(live_server + "/signup?role=member")
    page.get_by_label("Your name").fill("Lin Learner")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill("a-good-password")
    page.get_by_test_id("signup-submit").click()
    page.wait_for_url("**/home")

    page.goto(live_server + "/academy/")
    assert fits_the_screen(page)
    page.get_by_test_id("course-customer_service_fundamentals").click()
    page.get_by_test_id("lesson-link").first.click()
    assert page.get_by_test_id("lesson-title").inner_text() == "Greeting the caller"
    assert fits_the_screen(page)
    page.get_by_test_id("complete-lesson").click()
    page.wait_for_load_state()
    assert "+10 XP" in page.content()

    page.goto(live_server + "/academy/")
    page.get_by_test_id("course-customer_service_fundamentals").click()
    page.get_by_test_id("start-quiz").click()
    page.wait_for_url("**/academy/attempts/*")
    assert page.get_by_test_id("countdown").inner_text().startswith(("9:", "10:"))
    assert fits_the_screen(page)
    attempt_id = int(page.url.rstrip("/").split("/")[-1])
    for question_id, answer in answers_of(course_on_live, attempt_id).items():
        box = page.locator(f'fieldset[data-question-id="{question_id}"]')
        if isinstance(answer, bool):
            box.locator(f'input[data-option="{"true" if answer else "false"}"]').check()
        elif isinstance(answer, str):
            box.locator(f'input[data-option="{answer}"]').check()
        elif box.locator('input[type="number"]').count():
            for rank, key in enumerate(answer, 1):
                box.locator(f'input[data-option="{key}"]').fill(str(rank))
        else:
            for key in answer:
                box.locator(f'input[data-option="{key}"]').check()
    page.get_by_test_id("submit-quiz").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("result-title").inner_text() == "Passed!"
    assert page.get_by_test_id("result-xp").inner_text() == "+75 XP"
    assert fits_the_screen(page)

    page.get_by_test_id("to-profile").click()
    page.wait_for_url("**/academy/me")
    assert page.get_by_test_id("profile-xp").inner_text() == "85 XP"
    assert page.get_by_test_id("badge-first_lesson").is_visible()
    assert page.get_by_test_id("badge-perfect_quiz").is_visible()
    assert page.get_by_test_id("ring-level").is_visible()
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "academy-profile-360.png"), full_page=True)

    page.get_by_test_id("lang-zh").click()
    page.wait_for_load_state()
    for path in ("/academy/leaderboard", "/certifications/", "/academy/me"):
        page.goto(live_server + path)
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
        assert fits_the_screen(page), path
    assert "经验值" in page.get_by_test_id("profile-xp").inner_text()
    page.goto(live_server + "/certifications/")
    page.screenshot(path=str(ARTIFACTS / "certifications-zh-360.png"), full_page=True)
