"""Money on the pages: shown in major units with the currency named in the page's language, and
typed the way people type it ("1,000", "¥5000") on every money form."""

from __future__ import annotations

import pytest

from app.auth import services as accounts
from app.database import commit
from payouts import services as payouts
from tests.helpers.web import fits_the_screen, sign_in_page

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"




def test_a_member_reads_the_minimum_in_yuan_and_types_amounts_with_separators(live_app, live_server, phone):
    with live_app.test_request_context():
        boss = accounts.register_user(email="money.boss@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name="Money Boss Org")
        member = accounts.register_user(email="money.zh@example.test", password=PASSWORD, name="Mei",
                                        role="member", locale="zh")
        commit()
        topup = payouts.create_topup(boss.org_id, boss.id, 100_00, "CNY")
        payouts.confirm_simulated_checkout(topup.id, boss.org_id)
        payouts.hold_escrow(7, boss.org_id, 100_00, "CNY", key="money:hold")
        payouts.accrue_earning(7, 9901, member.id, 30_00, "CNY", key="money:a1", org_id=boss.org_id)
        payouts.approve_earning(9901, key="money:p1", fee_bps=0)
        commit()
        payouts.save_payout_details(member.id, method="alipay", holder="Mei", account_number="money.zh@example.test")
        commit()
    page = phone
    sign_in_page(page, live_server, "money.zh@example.test", PASSWORD)
    page.goto(live_server + "/payouts/earnings")
    assert "最低 10.00 元" in page.get_by_test_id("withdraw-form").inner_text()
    assert "最小货币单位" not in page.content()
    page.get_by_test_id("withdraw-amount").fill("¥1,000")
    page.get_by_test_id("withdraw-submit").click()
    page.wait_for_url("**/payouts/earnings")
    assert "超出可用余额" in page.locator(".flash").inner_text()  # read as 1,000.00, then refused for the balance
    page.get_by_test_id("withdraw-amount").fill("5")
    page.get_by_test_id("withdraw-submit").click()
    page.wait_for_url("**/payouts/earnings")
    assert "最低提现金额为 10.00 元" in page.locator(".flash").inner_text()
    assert fits_the_screen(page)


def test_an_enterprise_tops_up_with_a_currency_sign_and_separators(live_app, live_server, browser):
    with live_app.app_context():
        accounts.register_user(email="money.ops@example.test", password=PASSWORD, name="Ops", role="enterprise",
                               org_name="Money Org", locale="zh")
        commit()
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN")
    page = context.new_page()
    try:
        sign_in_page(page, live_server, "money.ops@example.test", PASSWORD)
        page.goto(live_server + "/payouts/wallet")
        page.get_by_test_id("topup-amount").fill("¥5,000.50")
        page.get_by_test_id("topup-submit").click()
        page.wait_for_url("**/payouts/checkout/*")
        assert "5,000.50 元" in page.locator("h1").inner_text()
    finally:
        context.close()
