"""In a real browser: the auditor console in Chinese shows times in the browser's zone, and exports a
bundle with a progress bar that turns into a download."""

import os
import uuid
from pathlib import Path

import pytest

from app.database import commit
from tests.helpers.web import sign_in_page

pytestmark = pytest.mark.browser
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))


def test_the_console_speaks_the_browsers_zone_and_exports_with_progress(live_app, live_server, browser):
    from app.auth import services as accounts
    from app.jobs import run_worker
    from ledger import services

    email = f"auditor-{uuid.uuid4().hex[:6]}@ledger.test"
    with live_app.app_context():
        accounts.create_user(email=email, password="a-good-password", name="Audrey", role="auditor")
        commit()
        while services.integrate():
            commit()
        commit()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN",
                                  timezone_id="America/New_York", accept_downloads=True)
    page = context.new_page()
    try:
        sign_in_page(page, live_server, email, "a-good-password")
        page.goto(live_server + "/ledger/")
        first_time = page.locator("table[data-testid=entries] time").first
        page.wait_for_function("!document.querySelector('table time').textContent.includes('UTC')")
        assert "(America/New_York)" in first_time.inner_text()
        assert "年" in first_time.inner_text()
        assert page.get_by_test_id("viewer-zone").text_content() == "America/New_York"
        page.locator("summary", has_text="导出审计包").click()
        page.get_by_test_id("export-start").click()
        page.wait_for_url("**/ledger/export")
        assert page.get_by_test_id("export-progress").is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "ledger-export-progress-zh.png"), full_page=True)

        with live_app.app_context():
            run_worker(["ledger"], burst=True)  # the page keeps polling meanwhile
        page.get_by_test_id("export-download").wait_for(timeout=15000)
        with page.expect_download() as download:
            page.get_by_test_id("export-download").click()
        assert download.value.suggested_filename.startswith("crowdline-audit-bundle-")
        page.goto(live_server + "/ledger/")
        page.wait_for_function("!document.querySelector('table time').textContent.includes('UTC')")
        page.screenshot(path=str(ARTIFACTS / "ledger-entries-zh.png"), full_page=True)
    finally:
        context.close()
