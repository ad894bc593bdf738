"""In a real browser: a member on a phone connects a payout account and withdraws; an enterprise
funds its wallet through the offline checkout simulator."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from app.auth import services as accounts
from app.database import commit
from app.extensions import db
from payouts import services
from payouts.models import PayoutDestination
from tests.conftest import make_test_app

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
PASSWORD = "correct-horse-battery"


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture(scope="module")
def money_server(tmp_path_factory):
    """The app on a real port with its own committed database."""
    from werkzeug.serving import make_server

    application = make_test_app(tmp_path_factory, "paylive", RQ_INLINE=True, REDIS_URL=None)
    server = make_server("127.0.0.1", 0, application, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield application, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with application.app_context():
        db.engine.dispose()


@pytest.fixture
def live(money_server):
    return money_server


def _sign_in(page, url: str, email: str) -> None:
    page.goto(url + "/signin")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_test_id("signin-submit").click()
    page.wait_for_url("**/home")


def test_member_connects_and_withdraws_on_a_phone(live, phone):
    application, url = live
    with application.test_request_context():
        boss = accounts.register_user(email="boss.phone@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name="Phone Org")
        member = accounts.create_user(email="mei.phone@example.test", password=PASSWORD, name="Mei", role="member")
        commit()
        topup = services.create_topup(boss.org_id, boss.id, 100_00, "CNY")
        services.confirm_simulated_checkout(topup.id, boss.org_id)
        services.hold_escrow(5, boss.org_id, 100_00, "CNY", key="phone:hold")
        services.accrue_earning(5, 8801, member.id, 30_00, "CNY", key="phone:a1", org_id=boss.org_id)
        services.approve_earning(8801, key="phone:p1", fee_bps=0)
        services.accrue_earning(5, 8802, member.id, 12_00, "CNY", key="phone:a2", org_id=boss.org_id)
        commit()
    page = phone
    _sign_in(page, url, "mei.phone@example.test")
    page.goto(url + "/payouts/earnings")
    assert page.get_by_test_id("pending-CNY").inner_text() == "12.00 CNY"
    assert page.get_by_test_id("available-CNY").inner_text() == "30.00 CNY"
    assert "8801" in page.get_by_test_id("earning-lines").inner_text()
    assert fits_the_screen(page)

    page.get_by_test_id("connect-account").click()
    page.get_by_test_id("method-alipay").check()
    page.get_by_test_id("account-holder").fill("Chen Mei")
    page.get_by_test_id("account-number").fill("mei.phone@example.test")
    page.get_by_test_id("account-save").click()
    page.wait_for_url("**/payouts/earnings")

    page.get_by_test_id("withdraw-amount").fill("50")
    page.get_by_test_id("withdraw-submit").click()
    page.wait_for_url("**/payouts/earnings")
    assert "Exceeds the available balance" in page.locator(".flash").inner_text()

    page.get_by_test_id("withdraw-amount").fill("25.50")
    page.get_by_test_id("withdraw-submit").click()
    page.wait_for_url("**/payouts/earnings")
    assert "25.50 CNY" in page.get_by_test_id("open-payout").inner_text()
    assert page.get_by_test_id("available-CNY").inner_text() == "4.50 CNY"
    assert fits_the_screen(page)
    page.get_by_test_id("lang-zh").click()
    page.wait_for_load_state()
    assert "待质检" in page.content()
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "member-earnings-zh-360.png"), full_page=True)


def test_enterprise_funds_the_wallet_with_the_offline_simulator(live, browser):
    application, url = live
    with application.app_context():
        accounts.register_user(email="ops.wallet@example.test", password=PASSWORD, name="Ops", role="enterprise",
                               org_name="Wallet Org")
        commit()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        _sign_in(page, url, "ops.wallet@example.test")
        page.goto(url + "/payouts/wallet")
        page.get_by_test_id("topup-amount").fill("1200.50")
        page.get_by_test_id("topup-submit").click()
        page.wait_for_url("**/payouts/checkout/*")
        assert "Offline payment simulator" in page.get_by_test_id("checkout-simulator").inner_text()
        page.get_by_test_id("checkout-pay").click()
        page.wait_for_url("**/payouts/wallet*")
        assert page.get_by_test_id("wallet-available-CNY").inner_text() == "1,200.50 CNY"
        assert page.get_by_test_id("balance-chart").is_visible()
        page.get_by_test_id("statement-link").click()
        assert page.get_by_test_id("statement-closing").inner_text() == "1,200.50 CNY"
    finally:
        context.close()


def test_a_refused_bank_payout_shows_on_the_phone_in_chinese(live, phone):
    application, url = live
    with application.test_request_context():
        member = accounts.create_user(email="lei.bank@example.test", password=PASSWORD, name="Lei", role="member")
        db.session.add(PayoutDestination(member_id=member.id, provider="stripe", external_id="acct_phone_bank",
                                         status="enabled"))
        commit()
        outcome = services.handle_event({"id": "evt_phone_po", "type": "payout.failed", "account": "acct_phone_bank",
                                         "data": {"object": {"id": "po_phone", "object": "payout", "amount": 88_00,
                                                             "currency": "cny", "failure_code": "account_frozen",
                                                             "created": 1_790_000_000}}})
        commit()
        assert outcome == "member_told"
    page = phone
    _sign_in(page, url, "lei.bank@example.test")
    page.goto(url + "/payouts/earnings")
    page.get_by_test_id("lang-zh").click()
    page.wait_for_load_state()
    notice = page.get_by_test_id("payout-notice")
    assert "88.00 CNY" in notice.inner_text()
    assert page.get_by_test_id("payout-notice-reason").inner_text() == "该银行账户已被冻结。"
    assert page.get_by_test_id("open-stripe-dashboard").is_visible()
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "member-bank-notice-zh-360.png"), full_page=True)


def test_a_new_member_chooses_a_bank_account_and_sees_why_they_cannot_withdraw_yet_in_chinese(live, browser):
    application, url = live
    with application.app_context():
        accounts.create_user(email="new.bank@example.test", password=PASSWORD, name="Lin", role="member")
        commit()
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                  locale="zh-CN")
    page = context.new_page()
    try:
        _sign_in(page, url, "new.bank@example.test")
        page.goto(url + "/payouts/account")
        page.get_by_test_id("method-alipay").check()
        assert not page.get_by_test_id("account-bank").is_visible()  # a bank's name only for a bank account
        page.get_by_test_id("method-bank").check()
        assert page.get_by_test_id("account-bank").is_visible()
        page.get_by_test_id("account-holder").fill("林小红")
        page.get_by_test_id("account-bank").fill("招商银行")
        page.get_by_test_id("account-number").fill("6225 8812 3456 7890")
        page.get_by_test_id("account-save").click()
        page.wait_for_url("**/payouts/earnings")
        assert "银行卡 ****7890，招商银行" in page.content()
        assert "6225" not in page.content()
        assert page.get_by_test_id("withdraw-submit").is_disabled()
        assert "暂无可提现金额" in page.get_by_test_id("withdraw-why").inner_text()
        assert fits_the_screen(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "member-withdraw-disabled-zh-360.png"), full_page=True)
        page.goto(url + "/payouts/account")
        page.screenshot(path=str(ARTIFACTS / "payout-account-zh-360.png"), full_page=True)
    finally:
        context.close()
