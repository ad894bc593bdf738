"""The member's home page is their day: the checklist ticks as steps are done, the next shift with a
countdown and its check-in, earnings, the next step, a tab bar on phones; a user with no role is
told what to do instead of being sent to pages that refuse them."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.auth import services as accounts
from app.auth.models import RoleGrant
from app.database import commit
from app.extensions import db
from marketplace.campaigns import services as campaigns
from marketplace.campaigns.schemas import CampaignIn
from marketplace.shifts import claims
from payouts.services import confirm_simulated_checkout, create_topup
from tests.helpers.web import fits_the_screen, sign_in_page
from tests.marketplace.helpers import at, inbound

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))




def test_the_home_page_is_the_members_day(live_app, live_server, phone):
    with live_app.test_request_context():
        boss = accounts.register_user(email="boss.day@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name="Day Org")
        member = accounts.register_user(email="mei.day@example.test", password=PASSWORD, name="Mei",
                                        role="member", locale="zh")
        accounts.update_profile(member, timezone="Asia/Shanghai")
        commit()
        topup = create_topup(boss.org_id, boss.id, 3_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        campaign = campaigns.create_campaign(boss.org_id, boss.id, CampaignIn().load(inbound(at(10), name="Day shift")))
        campaigns.change_state(campaign, "published", boss.id)
        commit()
        from marketplace.models import Shift

        shift = db.session.scalars(db.select(Shift).where(Shift.campaign_id == campaign.id)
                                   .order_by(Shift.starts_at)).first()
        claims.claim_seat(member, shift.id, confirm=True)
        commit()

    page = phone
    sign_in_page(page, live_server, "mei.day@example.test", PASSWORD)
    steps = page.get_by_test_id("home-step")
    done = [steps.nth(i).get_attribute("data-done") for i in range(steps.count())]
    assert done[:2] == ["yes", "yes"]  # the account, the time zone
    assert "yes" in done[2:] and "no" in done[2:]  # the claimed shift ticks; the course does not
    assert "下一步" in page.get_by_test_id("home-next-step").inner_text()
    next_shift = page.get_by_test_id("home-next-shift").inner_text()
    assert "Day shift" in next_shift and "UTC+8" in next_shift
    assert re.search(r"\d+ 小时 \d+ 分钟后开始", page.get_by_test_id("home-countdown").inner_text())
    assert page.get_by_test_id("home-check-in").is_visible()
    assert page.get_by_test_id("home-earnings").is_visible()
    tabbar = page.get_by_test_id("tabbar")
    assert tabbar.is_visible()
    assert [t.strip() for t in tabbar.locator("a").all_inner_texts()] == ["学院", "工作", "班次", "工作台", "收入"]
    assert all(box["height"] >= 44 for box in (a.bounding_box() for a in tabbar.locator("a").all()))
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "member-home-zh-360.png"), full_page=True)
    page.get_by_test_id("home-check-in").click()
    page.wait_for_url("**/work/shifts")
    page.goto(live_server + "/home")
    assert "已签到" in page.get_by_test_id("home-countdown").inner_text() or \
        page.get_by_test_id("home-check-in").count() == 0
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not page.get_by_test_id("tabbar").is_visible()


def test_a_user_without_a_role_is_told_what_to_do(live_app, live_server, browser):
    with live_app.test_request_context():
        user = accounts.create_user(email="nobody.day@example.test", password=PASSWORD, name="Nobody", role="member")
        db.session.execute(db.delete(RoleGrant).where(RoleGrant.user_id == user.id))
        commit()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        sign_in_page(page, live_server, "nobody.day@example.test", PASSWORD)
        assert page.get_by_test_id("home-no-role").is_visible()
        assert page.get_by_test_id("tabbar").count() == 0
        for href in page.locator("main a").evaluate_all("links => links.map(a => a.href)"):
            assert page.request.get(href).status != 403, href
    finally:
        context.close()
