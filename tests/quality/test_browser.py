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


def test_a_rescoring_started_on_the_scorecard_page_shows_its_progress_then_its_result(live_app, live_server,
                                                                                     browser):
    """The enterprise starts a rescoring from its scorecard page: the run waits for a worker; once a
    worker has done it, the page (polling) shows what it changed by itself, in English and Chinese."""
    from app.extensions import db
    from app.jobs import run_worker
    from quality.models import QAResult

    result_id = low_scored_call(live_app, "-rescore")
    with live_app.app_context():
        campaign_id = db.session.get(QAResult, result_id).campaign_id
        db.session.remove()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto(live_server + "/signin")
        page.locator("input[name=email]").fill("qa.boss-rescore@example.test")
        page.locator("input[name=password]").fill(PASSWORD)
        page.get_by_test_id("signin-submit").click()
        page.wait_for_url("**/home")
        page.goto(f"{live_server}/qa/scorecards/{campaign_id}")
        page.get_by_test_id("no-rescorings").wait_for()
        page.get_by_test_id("rescore-from").fill("2026-12-04")
        page.get_by_test_id("rescore-to").fill("2026-12-04")
        page.get_by_test_id("rescore-submit").click()
        page.get_by_test_id("confirm-dialog-ok").click()
        run = page.locator("[data-testid=rescoring][data-state=queued]")
        run.wait_for()
        assert "started by Boss" in run.inner_text() and run.get_by_test_id("rescoring-progress").is_visible()

        with live_app.app_context():  # a worker takes the job; the open page notices by itself
            run_worker(["qa"], burst=True)
            db.session.remove()
        done = page.locator("[data-testid=rescoring][data-state=done]")
        done.wait_for()
        assert "0 of 1 call rescored" in done.inner_text() and "1 unchanged" in done.inner_text()
        assert "0 decisions changed" in done.inner_text()
        page.screenshot(path="/tmp/qa_rescoring_done_en.png", full_page=True)
        page.get_by_test_id("lang-zh").click()
        page.locator("[data-testid=rescoring][data-state=done]").wait_for()
        assert "最近的重新评分" in page.content() and "0 个决定发生变化" in page.content()
    finally:
        context.close()
