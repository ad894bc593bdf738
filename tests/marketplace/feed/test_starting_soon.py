"""The feed on a phone: seats starting soon come first, each card names the company, the pay the
member receives after the platform fee, and about how much the shift brings."""

from __future__ import annotations

import pytest

from app.auth import services as accounts
from app.database import commit
from marketplace.campaigns import services
from marketplace.campaigns.schemas import CampaignIn
from payouts.services import confirm_simulated_checkout, create_topup
from tests.helpers.web import fits_the_screen, sign_in_page
from tests.marketplace.helpers import at, inbound

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"


def test_seats_starting_soon_come_first_with_company_net_pay_and_an_estimate(live_app, live_server, phone):
    with live_app.test_request_context():
        boss = accounts.register_user(email="boss.soon@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name="Soon Retail Ltd")
        accounts.create_user(email="lin.soon@example.test", password=PASSWORD, name="Lin", role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, 3_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        later = services.create_campaign(boss.org_id, boss.id,
                                         CampaignIn().load(inbound(at(60 * 24 * 3), name="Later")))
        services.change_state(later, "published", boss.id)
        soon = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(inbound(at(20), name="Soon")))
        services.change_state(soon, "published", boss.id)
        commit()

    page = phone
    sign_in_page(page, live_server, "lin.soon@example.test", PASSWORD)
    page.goto(live_server + "/work/")
    section = page.get_by_test_id("starting-soon")
    first = section.get_by_test_id("soon-item").filter(has_text="Soon Retail Ltd").first  # the live app is shared
    box, feed = section.bounding_box(), page.get_by_test_id("feed").bounding_box()
    assert box["y"] < feed["y"] and box["y"] < 740  # on the first screen, above the ranked list
    assert first.get_by_test_id("company").inner_text() == "Soon Retail Ltd"
    pay = first.get_by_test_id("pay").inner_text()
    assert "You receive 3.15 CNY per call" in pay and "10% platform fee" in pay  # 3.50 less the 10% fee
    assert first.get_by_test_id("expected").inner_text() == "About 18.90 CNY for this shift"  # 30 min × 12 calls
    assert fits_the_screen(page)
    page.get_by_test_id("lang-zh").click()
    page.wait_for_load_state()
    assert "即将开始" in page.get_by_test_id("starting-soon").inner_text()
    mine = page.get_by_test_id("soon-item").filter(has_text="Soon Retail Ltd").first
    assert "本班次预计约 18.90 元" in mine.inner_text()
    assert fits_the_screen(page)
