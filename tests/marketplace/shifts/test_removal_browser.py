"""In a real browser: a member whose seat was taken back sees the bell's count and reads why on a
360 px phone; the enterprise sees the seat and its reason on the roster (both languages)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.auth import services as accounts
from app.database import commit
from app.extensions import db
from marketplace.campaigns import services
from marketplace.campaigns.schemas import CampaignIn
from marketplace.models import Campaign, Shift
from marketplace.shifts import claims, removal
from payouts.services import confirm_simulated_checkout, create_topup
from tests.helpers.web import open_page, sign_in_page
from tests.marketplace.helpers import inbound

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
PASSWORD = "correct-horse-battery"
CERT = {"en": "E-commerce after-sales L1", "zh": "电商售后一级"}


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_the_member_is_told_and_the_roster_shows_why(live_app, live_server, browser, locale):
    lang = locale[:2]
    with live_app.test_request_context():
        boss = accounts.register_user(email=f"boss.removal.{lang}@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name=f"Removal Org {lang}")
        member = accounts.create_user(email=f"lin.removal.{lang}@example.test", password=PASSWORD, name="Lin",
                                      role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, 3_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(inbound(name=f"Removal {lang}")))
        services.change_state(campaign, "published", boss.id)
        shift = db.session.query(Shift).filter_by(campaign_id=campaign.id).order_by(Shift.starts_at).first()
        claims.claim_seat(member, shift.id)
        commit()
        # What the receivers of certification_revoked do (their signal path is tested without a browser).
        removal.remove_seats(member.id, "certification_revoked", everything=True, certification=CERT)
        commit()
        campaign_id, shift_id, member_id, boss_id = campaign.id, shift.id, member.id, boss.id

    page = open_page(browser, locale, phone=True)
    sign_in_page(page, live_server, f"lin.removal.{lang}@example.test")
    assert page.get_by_test_id("notification-count").inner_text() == "1"
    page.get_by_test_id("nav-notifications").click()
    page.wait_for_url("**/notifications/")
    item = page.get_by_test_id("notification")
    assert item.count() == 1 and CERT[lang] in item.inner_text() and f"Removal {lang}" in item.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"member-notifications-{locale}-360.png"), full_page=True)
    item.get_by_test_id("open-notification").click()
    page.wait_for_url("**/work/shifts")
    assert page.get_by_test_id("notification-count").count() == 0  # read now
    page.context.close()

    page = open_page(browser, locale)
    sign_in_page(page, live_server, f"boss.removal.{lang}@example.test")
    page.goto(live_server + f"/campaigns/{campaign_id}/shifts?shift={shift_id}")
    row = page.get_by_test_id("roster-row").filter(has_text="Lin")
    assert row.get_attribute("data-state") == "bumped"
    assert re.search("certification revoked|认证已被撤销", row.get_by_test_id("removed-reason").inner_text())
    page.screenshot(path=str(ARTIFACTS / f"roster-removed-{locale}-1280.png"), full_page=True)
    page.context.close()
    assert member_id
    with live_app.test_request_context():  # out of every member's feed: the live server's data outlives the test
        services.transition(db.session.get(Campaign, campaign_id), "cancelled", boss_id)
        commit()
