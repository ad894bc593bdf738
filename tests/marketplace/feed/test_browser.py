"""In a real browser on a 360 px phone: a member finds work, claims a seat, checks in, and sees
what would unlock more; in Chinese too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.auth import services as accounts
from app.database import commit
from marketplace.campaigns import services
from marketplace.campaigns.schemas import CampaignIn
from payouts.services import confirm_simulated_checkout, create_topup
from tests.marketplace.helpers import at, inbound

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
PASSWORD = "correct-horse-battery"


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_member_finds_claims_and_checks_in_on_a_phone(live_app, live_server, phone):
    application, url = live_app, live_server
    with application.test_request_context():
        boss = accounts.register_user(email="boss.work@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name="Work Org")
        accounts.create_user(email="lin.work@example.test", password=PASSWORD, name="Lin", role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, 3_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        for body in (inbound(at(10), industry="ecommerce"), inbound(requirements={"languages": ["yue"]})):
            campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(body))
            services.change_state(campaign, "published", boss.id)
        commit()

    page = phone
    page.goto(url + "/signin")
    page.locator("input[name=email]").fill("lin.work@example.test")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_test_id("signin-submit").click()
    page.wait_for_url("**/home")
    page.get_by_test_id("home-work").click()
    page.wait_for_url("**/work/")
    cards = page.get_by_test_id("feed-item")
    assert cards.count() == 2
    assert "Needs the language 粵語 / Cantonese" in page.get_by_test_id("locked-item").inner_text()
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "member-feed-360.png"), full_page=True)

    cards.first.get_by_test_id("claim").click()
    page.wait_for_url("**/work/")
    assert "Seat claimed" in page.locator(".flash").inner_text()
    assert page.get_by_test_id("feed-item").count() == 1

    page.get_by_test_id("tab-shifts").click()
    page.wait_for_url("**/work/shifts")
    page.get_by_test_id("check-in").click()
    page.wait_for_url("**/work/shifts")
    assert "Checked in" in page.locator(".flash").inner_text()
    assert fits_the_screen(page)

    page.get_by_test_id("tab-profile").click()
    page.locator("input[name=languages][value=yue]").check()
    page.get_by_test_id("save-profile").click()
    page.wait_for_url("**/work/profile")
    page.get_by_test_id("tab-feed").click()
    assert page.get_by_test_id("locked-item").count() == 0
    page.get_by_test_id("lang-zh").click()
    page.wait_for_load_state()
    assert "为你开放的席位" in page.content()
    assert fits_the_screen(page)
    page.screenshot(path=str(ARTIFACTS / "member-feed-zh-360.png"), full_page=True)
