"""In a real browser: the member hears their call's recording on their call's QA page (360 px, en
and zh), and the enterprise's admin rescores the campaign's calls from the scorecard editor after
confirming."""

from __future__ import annotations

import pytest

from tests.helpers.quality import PASSWORD, fits_the_screen, low_scored_call

pytestmark = pytest.mark.browser
AUDIO = b"\x1a\x45\xdf\xa3" + bytes(range(256)) * 8


def _sign_in(page, base, email):
    page.goto(base + "/signin")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_test_id("signin-submit").click()
    page.wait_for_url("**/home")


def test_the_member_hears_the_recording_and_the_admin_rescores(live_app, live_server, phone, tmp_path):
    from quality.models import QAResult

    live_app.config.update(RECORDING_DIR=str(tmp_path / "recordings"))
    result_id = low_scored_call(live_app, tag=".rec")
    client = live_app.test_client()
    token = client.post("/api/v1/auth/login", json={"email": "qa.mei.rec@example.test", "password": PASSWORD})
    with live_app.app_context():
        from app.extensions import db

        found = db.session.get(QAResult, result_id)
        interaction_id, campaign_id = found.interaction_id, found.campaign_id
    uploaded = client.post(f"/api/v1/interactions/{interaction_id}/recording", data=AUDIO, headers={
        "Authorization": f"Bearer {token.json['access_token']}", "Content-Type": "audio/webm"})
    assert uploaded.status_code == 200, uploaded.json

    page = phone
    _sign_in(page, live_server, "qa.mei.rec@example.test")
    page.goto(f"{live_server}/qa/calls/{result_id}")
    player = page.get_by_test_id("recording-player")
    assert player.get_attribute("src") == f"/api/v1/interactions/{interaction_id}/recording/media"
    assert player.bounding_box()["width"] <= 360 and fits_the_screen(page)
    page.screenshot(path="/tmp/qag_recording_en.png", full_page=True)
    page.get_by_test_id("lang-zh").click()
    page.get_by_test_id("recording-player").wait_for()
    assert "录音" in page.content() and fits_the_screen(page)
    page.screenshot(path="/tmp/qag_recording_zh.png", full_page=True)
    page.get_by_test_id("lang-en").click()
    page.context.clear_cookies()

    _sign_in(page, live_server, "qa.boss.rec@example.test")
    page.goto(f"{live_server}/qa/scorecards/{campaign_id}")
    page.get_by_test_id("rescore-from").fill("2026-12-01")
    page.get_by_test_id("rescore-to").fill("2026-12-31")
    assert page.get_by_test_id("rescore-submit").bounding_box()["height"] >= 44
    page.get_by_test_id("rescore-submit").click()
    page.get_by_test_id("confirm-dialog").wait_for()
    assert "Rescore these calls" in page.get_by_test_id("confirm-dialog-message").inner_text()
    page.get_by_test_id("confirm-dialog-ok").click()
    page.wait_for_load_state()
    assert "Rescoring started" in page.content() and fits_the_screen(page)
    page.screenshot(path="/tmp/qag_rescore_en.png", full_page=True)
