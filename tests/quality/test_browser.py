"""In a real browser: a member on a phone (360 px) opens a low-scored call from their home page,
reads the quoted evidence, files a dispute, and sees the page in Chinese."""

from __future__ import annotations

import pytest

from tests.helpers.quality import PASSWORD, fits_the_screen, low_scored_call

pytestmark = pytest.mark.browser


def test_member_reads_the_evidence_and_disputes_on_a_phone(live_app, live_server, phone):
    result_id = low_scored_call(live_app)
    page = phone
    page.goto(live_server + "/signin")
    page.locator("input[name=email]").fill("qa.mei@example.test")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_test_id("signin-submit").click()
    page.wait_for_url("**/home")
    page.get_by_test_id("home-qa-link").click()
    assert page.get_by_test_id(f"qa-call-{result_id}").bounding_box()["height"] >= 44
    page.get_by_test_id(f"qa-call-{result_id}").click()
    assert page.get_by_test_id("qa-score").inner_text().startswith("Score 0")
    quote = page.get_by_test_id("quote-forbidden_language").first
    assert "idiot" in quote.inner_text()
    assert fits_the_screen(page)
    assert page.get_by_test_id("dispute-submit").bounding_box()["height"] >= 44
    page.get_by_test_id("dispute-comment").fill("I never said that; the transcript mixed up the speakers.")
    page.get_by_test_id("dispute-submit").click()
    page.get_by_test_id("dispute-state").wait_for()
    assert "Dispute open" in page.get_by_test_id("dispute-state").inner_text()
    page.get_by_test_id("lang-zh").click()
    page.get_by_test_id("dispute-state").wait_for()
    assert "申诉处理中" in page.get_by_test_id("dispute-state").inner_text()
    assert fits_the_screen(page)
    page.screenshot(path="/tmp/qag_member_zh.png", full_page=True)
