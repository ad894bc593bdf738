"""In a real browser: an enterprise admin opens an outbound campaign's dialer page, in English at
desktop width and in Chinese on a phone, changes the mode and sees a bad rate refused in words."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from app.auth import services as accounts
from app.database import commit
from marketplace.campaigns import services
from marketplace.campaigns.schemas import CampaignIn
from tests.helpers.web import fits_the_screen, open_page, sign_in_page
from tests.telephony.conftest import OUTBOUND

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
EMAIL = "ops.dialer@example.test"


def test_the_dialer_page_in_both_languages(live_app, live_server, browser):
    with live_app.test_request_context():
        admin = accounts.register_user(email=EMAIL, password="correct-horse-battery", name="Ops", role="enterprise",
                                       org_name="Dialer Org")
        campaign = services.create_campaign(admin.org_id, admin.id, CampaignIn().load(copy.deepcopy(OUTBOUND)))
        commit()
        campaign_id = campaign.id
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    page = open_page(browser)
    try:
        sign_in_page(page, live_server, EMAIL)
        page.goto(f"{live_server}/campaigns/{campaign_id}")
        page.get_by_test_id("dialer-link").click()
        page.wait_for_url(f"**/dialer/campaigns/{campaign_id}")
        page.locator("select[name=mode]").select_option("predictive")
        page.locator("input[name=cps]").fill("500")
        page.get_by_test_id("dialer-save").click()
        assert "The provider accepts at most 50 calls per second." in page.content()
        page.screenshot(path=str(ARTIFACTS / "dialer-refused-en.png"), full_page=True)
        page.locator("input[name=cps]").fill("")
        page.get_by_test_id("dialer-save").click()
        page.wait_for_url(f"**/dialer/campaigns/{campaign_id}")
        assert "Dialer settings saved." in page.content()
        assert page.locator("select[name=mode]").input_value() == "predictive"
        page.screenshot(path=str(ARTIFACTS / "dialer-en.png"), full_page=True)
    finally:
        page.context.close()

    phone = open_page(browser, "zh-CN", phone=True)
    try:
        sign_in_page(phone, live_server, EMAIL)
        phone.goto(f"{live_server}/dialer/campaigns/{campaign_id}")
        assert "拨号模式" in phone.content()
        assert fits_the_screen(phone)
        phone.screenshot(path=str(ARTIFACTS / "dialer-zh-phone.png"), full_page=True)
    finally:
        phone.context.close()
