"""In a real browser: a supervisor reads a campaign's report (chart, table, a download with its
progress) in both languages; a member reads their own figures on a phone."""

from __future__ import annotations

import os
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from app.auth import services as accounts
from app.database import commit
from app.extensions import db
from app.timeutil import utcnow
from tests.conftest import make_test_app

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
PASSWORD = "correct-horse-battery"


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """The app on a real port with its own committed database: a campaign with a morning of calls."""
    from werkzeug.serving import make_server

    from telephony import services
    from telephony.campaigns import Campaign

    application = make_test_app(tmp_path_factory, "reportlive", RQ_INLINE=True, REDIS_URL=None)
    with application.test_request_context():
        boss = accounts.register_user(email="boss.reports@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name="Report Org")
        member = accounts.create_user(email="mei.reports@example.test", password=PASSWORD, name="Mei",
                                      role="member")
        now = utcnow()
        campaign = Campaign(org_id=boss.org_id, kind="inbound", name="Double 11 peak", state="running",
                            time_zone="UTC", starts_at=now - timedelta(days=2), ends_at=now + timedelta(days=2),
                            currency="CNY", budget=1_000_000, pay_per_call=350, settings={"target_answer_seconds": 20})
        db.session.add(campaign)
        db.session.flush()
        start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        for i in range(12):
            at = start + timedelta(minutes=37 * i)
            call = services.create_interaction(campaign.id, "inbound", customer_phone=f"+86138000000{i:02d}", at=at)
            if i % 4 == 3:
                services.mark_abandoned(call.id, at=at + timedelta(seconds=30))
                continue
            services.record_offer(call.id, member.id, offer_id=f"o{i}", at=at + timedelta(seconds=2))
            services.mark_answered(call.id, member.id, at=at + timedelta(seconds=5 + 5 * i))
            services.begin_wrapup(call.id, at=at + timedelta(seconds=120))
            services.set_disposition(call.id, member.id, "resolved", "=cmd|' /C calc'!A0")
            services.complete_interaction(call.id, at=at + timedelta(seconds=140))
        commit()
        campaign_id = campaign.id
    server = make_server("127.0.0.1", 0, application, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield application, f"http://127.0.0.1:{server.server_port}", campaign_id
    server.shutdown()
    with application.app_context():
        db.engine.dispose()


def _sign_in(page, url: str, email: str) -> None:
    page.goto(url + "/signin")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_test_id("signin-submit").click()
    page.wait_for_url("**/home")


def test_a_supervisor_reads_the_report_and_downloads_it(live, browser):
    _application, url, campaign_id = live
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    _sign_in(page, url, "boss.reports@example.test")
    page.goto(f"{url}/campaigns/{campaign_id}")
    page.goto(f"{url}/reports/campaigns/{campaign_id}")
    page.get_by_test_id("report-by").select_option("interval")
    page.get_by_test_id("report-show").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("total-offered").inner_text() == "12"
    assert page.locator("[data-testid=report-chart] rect").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "campaign-report-en.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_test_id("download-interactions-csv").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.count("\n") == 13 and "'=cmd" in text
    assert page.get_by_test_id("download-status").inner_text() == "Downloaded."
    page.get_by_test_id("lang-zh").click()
    page.wait_for_load_state()
    assert "服务水平（SL2）" in page.content()
    page.screenshot(path=str(ARTIFACTS / "campaign-report-zh.png"), full_page=True)
    context.close()


def test_a_member_reads_their_own_figures_on_a_phone(live, phone):
    _application, url, _campaign_id = live
    page = phone
    _sign_in(page, url, "mei.reports@example.test")
    page.get_by_test_id("home-my-figures").click()
    page.wait_for_url("**/reports/me")
    assert page.get_by_test_id("my-calls").inner_text() == "9"
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "my-figures-en-360.png"), full_page=True)
    page.get_by_test_id("lang-zh").click()
    page.wait_for_load_state()
    assert "我的数据" in page.content()
    assert fits_the_screen(page)
    page.screenshot(path=str(ARTIFACTS / "my-figures-zh-360.png"), full_page=True)
