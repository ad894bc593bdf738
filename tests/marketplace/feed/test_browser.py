"""In a real browser on a 360 px phone: a member finds work, claims a seat, checks in, and sees
what would unlock more; in Chinese too."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from app.auth import services as accounts
from app.database import commit
from marketplace.campaigns import services
from marketplace.campaigns.schemas import CampaignIn
from payouts.services import confirm_simulated_checkout, create_topup
from tests.helpers.web import open_page, sign_in_page
from tests.marketplace.helpers import at, inbound

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
PASSWORD = "correct-horse-battery"


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_member_finds_claims_and_checks_in_on_a_phone(live_app, live_server, phone):
    """The live server's data is shared by every browser test of the run, so this test looks only at
    its own campaigns (named uniquely) and takes them out of the feeds when done: it passes alone, first,
    last or after any other test."""
    application, url = live_app, live_server
    tag = uuid.uuid4().hex[:8]
    mine, cantonese = f"Work {tag}", f"Cantonese {tag}"
    email = f"lin.work.{tag}@example.test"
    with application.test_request_context():
        boss = accounts.register_user(email=f"boss.work.{tag}@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name=f"Work Org {tag}")
        accounts.create_user(email=email, password=PASSWORD, name="Lin", role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, 3_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        campaign_ids = []
        for body in (inbound(at(10), industry="ecommerce", name=mine),
                     inbound(requirements={"languages": ["yue"]}, name=cantonese)):
            campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(body))
            services.change_state(campaign, "published", boss.id)
            campaign_ids.append(campaign.id)
        commit()
        boss_id = boss.id

    page = phone
    sign_in_page(page, url, email)
    page.get_by_test_id("home-work").click()
    page.wait_for_url("**/work/")
    cards = page.get_by_test_id("feed-item").filter(has_text=mine)
    assert cards.count() == 2
    locked = page.get_by_test_id("locked-item").filter(has_text=cantonese)
    assert "Needs the language 粵語 / Cantonese" in locked.inner_text()
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "member-feed-360.png"), full_page=True)

    cards.first.get_by_test_id("claim").click()
    page.get_by_test_id("confirm-go").click()  # it starts within the release cut-off
    page.wait_for_url("**/work/")
    assert "Seat claimed" in page.locator(".flash").inner_text()
    assert page.get_by_test_id("feed-item").filter(has_text=mine).count() == 1

    page.get_by_test_id("tab-shifts").click()
    page.wait_for_url("**/work/shifts")
    page.get_by_test_id("my-claim").filter(has_text=mine).get_by_test_id("check-in").click()
    page.wait_for_url("**/work/shifts")
    assert "Checked in" in page.locator(".flash").inner_text()
    assert fits_the_screen(page)

    page.get_by_test_id("tab-profile").click()
    page.locator("input[name=languages][value=yue]").check()
    page.get_by_test_id("save-profile").click()
    page.wait_for_url("**/work/profile")
    page.get_by_test_id("tab-feed").click()
    assert page.get_by_test_id("locked-item").filter(has_text=cantonese).count() == 0
    assert page.get_by_test_id("feed-item").filter(has_text=cantonese).count() >= 1
    page.get_by_test_id("lang-zh").click()
    page.wait_for_load_state()
    assert "为你开放的席位" in page.content()
    assert fits_the_screen(page)
    page.screenshot(path=str(ARTIFACTS / "member-feed-zh-360.png"), full_page=True)
    for campaign_id in campaign_ids:
        _cancel(live_app, campaign_id, boss_id)


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_a_claim_and_a_release_inside_the_cutoff_say_their_cost_first(live_app, live_server, browser, locale):
    email = f"lin.cutoff.{locale}@example.test"
    with live_app.test_request_context():
        boss = accounts.register_user(email=f"boss.cutoff.{locale}@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name=f"Cutoff Org {locale}")
        accounts.create_user(email=email, password=PASSWORD, name="Lin", role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, 3_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(
            inbound(at(60), name=f"Cutoff {locale}")))
        services.change_state(campaign, "published", boss.id)
        commit()
        campaign_id, boss_id = campaign.id, boss.id
    page = open_page(browser, locale, phone=True)
    sign_in_page(page, live_server, email)
    page.goto(live_server + "/work/")
    card = page.get_by_test_id("feed-item").filter(has_text=f"Cutoff {locale}").first
    card.get_by_test_id("claim").click()
    message = page.get_by_test_id("confirm-message").inner_text()
    assert "100" in message and "91" in message and "83" in message
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"member-claim-confirm-{locale}-360.png"), full_page=True)
    page.get_by_test_id("confirm-go").click()
    page.wait_for_url("**/work/")

    page.goto(live_server + "/work/shifts")
    page.get_by_test_id("release").click()
    assert "91" in page.get_by_test_id("confirm-message").inner_text()
    page.screenshot(path=str(ARTIFACTS / f"member-release-confirm-{locale}-360.png"), full_page=True)
    page.get_by_test_id("confirm-cancel").click()
    page.wait_for_url("**/work/shifts")
    assert page.get_by_test_id("my-claim").count() == 1  # cancelling changed nothing
    page.get_by_test_id("release").click()
    page.get_by_test_id("confirm-go").click()
    page.wait_for_url("**/work/shifts")
    assert page.get_by_test_id("my-claim").count() == 0
    assert page.get_by_test_id("reliability").locator(".stat").inner_text() == "91"
    page.context.close()
    _cancel(live_app, campaign_id, boss_id)


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_a_seat_freed_inside_the_cutoff_is_offered_not_handed_over(live_app, live_server, browser, locale):
    from app.extensions import db
    from marketplace.models import Shift
    from marketplace.shifts import claims, waitlist

    lang = locale[:2]
    with live_app.test_request_context():
        boss = accounts.register_user(email=f"boss.offer.{lang}@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name=f"Offer Org {lang}")
        holder = accounts.create_user(email=f"holder.offer.{lang}@example.test", password=PASSWORD, name="Holder",
                                      role="member")
        waiter = accounts.create_user(email=f"waiter.offer.{lang}@example.test", password=PASSWORD, name="Wai",
                                      role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, 3_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(
            inbound(at(60), name=f"Offer {lang}")))
        services.change_state(campaign, "published", boss.id)
        rows = db.session.query(Shift).filter_by(campaign_id=campaign.id).order_by(Shift.starts_at).all()
        for shift in rows:
            shift.seats = 1
        held = [claims.claim_seat(holder, shift.id, confirm=True) for shift in rows]
        commit()
        for shift_id in [shift.id for shift in rows]:
            waitlist.join_waitlist(waiter, shift_id)
        commit()
        claims.release_claim(holder, held[0].id, confirm=True)  # late: the seat is offered, not handed over
        commit()
        campaign_id, boss_id = campaign.id, boss.id

    page = open_page(browser, locale, phone=True)
    sign_in_page(page, live_server, f"waiter.offer.{lang}@example.test")
    assert page.get_by_test_id("notification-count").inner_text() == "1"
    page.goto(live_server + "/work/shifts")
    assert page.get_by_test_id("my-claim").count() == 0  # nothing was handed over silently
    assert page.get_by_test_id("my-waitlist").count() == 2
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"member-waitlists-{locale}-360.png"), full_page=True)
    page.get_by_test_id("my-waitlist").nth(1).get_by_test_id("leave-waitlist").click()
    page.wait_for_url("**/work/shifts")
    assert page.get_by_test_id("my-waitlist").count() == 1

    page.get_by_test_id("nav-notifications").click()
    page.get_by_test_id("open-notification").click()  # the offer links to the feed
    page.wait_for_url("**/work/")
    page.get_by_test_id("feed-item").filter(has_text=f"Offer {lang}").first.get_by_test_id("claim").click()
    page.get_by_test_id("confirm-go").click()
    page.wait_for_url("**/work/")
    page.goto(live_server + "/work/shifts")
    assert page.get_by_test_id("my-claim").count() == 1 and page.get_by_test_id("my-waitlist").count() == 0
    page.context.close()
    _cancel(live_app, campaign_id, boss_id)


def _cancel(live_app, campaign_id: int, actor_id: int) -> None:
    """Take a test's campaign out of every member's feed (the live server's data outlives the test)."""
    from app.extensions import db
    from marketplace.models import Campaign

    with live_app.test_request_context():
        services.transition(db.session.get(Campaign, campaign_id), "cancelled", actor_id)
        commit()
