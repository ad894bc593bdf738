"""In a real browser: a password reset from the e-mailed link on a phone in Chinese; one very long name
(the longest allowed, with no space to break at) does not widen a page — the leaderboard at 360 px, the
admin's users table — in both languages."""

import os
import uuid
from pathlib import Path

import pytest

from app.database import commit
from tests.conftest import PASSWORD
from tests.helpers.web import sign_in_page

pytestmark = pytest.mark.browser
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
LONG_NAME = "Q" * 120  # the longest a name may be (NAME_MAX_LENGTH), one unbreakable word


@pytest.fixture
def long_named_people(live_app):
    from academy.services.progress import award_xp
    from app.auth import services

    tag = uuid.uuid4().hex[:8]
    with live_app.app_context():
        member = services.create_user(email=f"long-{tag}-{'x' * 150}@example.test", password=PASSWORD,
                                      name=LONG_NAME, role="member")
        award_xp(member.id, f"test:{tag}", 999, "test")
        admin = services.create_user(email=f"admin-{tag}@example.test", password=PASSWORD, name="Admin",
                                     role="admin")
        services.grant_role(admin, "member", actor_id=None)
        commit()
        return {"member": member.email, "admin": admin.email}


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_long_name_does_not_widen_the_leaderboard_or_the_users_table(live_server, long_named_people, browser,
                                                                       language):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1, is_mobile=True,
                                  has_touch=True, locale="zh-CN" if language == "zh" else "en-US")
    page = context.new_page()
    try:
        sign_in_page(page, live_server, long_named_people["member"])
        page.goto(live_server + "/academy/leaderboard?period=all")
        assert LONG_NAME in page.get_by_test_id("leaderboard").inner_text()
        assert _no_sideways_scroll(page), page.evaluate("document.documentElement.scrollWidth")
        page.goto(live_server + "/home")
        assert _no_sideways_scroll(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.goto(live_server + "/academy/leaderboard?period=all")
        page.screenshot(path=str(ARTIFACTS / f"leaderboard-long-name-{language}-360.png"), full_page=True)

        context.clear_cookies()
        sign_in_page(page, live_server, long_named_people["admin"])
        page.set_viewport_size({"width": 1024, "height": 768})
        page.goto(live_server + "/admin/users?q=long-")
        assert LONG_NAME in page.content()
        # The table may scroll inside its own box, never the page; the name cell wraps instead of growing.
        assert _no_sideways_scroll(page)
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('td')].map(td => td.getBoundingClientRect().width))")
        assert widest < 400, widest
        page.screenshot(path=str(ARTIFACTS / f"admin-users-long-name-{language}.png"), full_page=True)
    finally:
        context.close()


def test_a_forgotten_password_is_reset_from_the_e_mailed_link_on_a_phone_in_chinese(live_server, live_app,
                                                                                   browser, caplog):
    import logging
    import re

    from app.auth import services
    from tests.helpers.academy import run_jobs

    email = f"forgot-{uuid.uuid4().hex[:8]}@example.test"
    with live_app.app_context():
        services.create_user(email=email, password=PASSWORD, name="Wang Fang", role="member")
        commit()
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                  locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(live_server + "/signin")
        page.get_by_test_id("forgot-link").click()
        assert page.locator("h1").inner_text() == "忘记密码？"
        page.locator("input[name=email]").fill(email)
        with caplog.at_level(logging.WARNING, logger="app.mail"):
            page.get_by_test_id("forgot-submit").click()
            page.wait_for_url("**/signin")
            run_jobs(live_app)
        assert "设置新密码的链接" in page.content()
        link = re.findall(r"https?://\S+/password/reset/\S+", caplog.text)[-1]
        page.goto(live_server + "/" + link.split("/", 3)[3])
        assert page.locator("h1").inner_text() == "设置新密码"
        assert _no_sideways_scroll(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "password-reset-zh-360.png"), full_page=True)
        page.locator("input[name=password]").fill("1234567890")  # long enough, too common
        page.get_by_test_id("password-link-submit").click()
        assert page.get_by_test_id("error-password").is_visible()
        page.locator("input[name=password]").fill("a-brand-new-password")
        page.get_by_test_id("password-link-submit").click()
        page.wait_for_url("**/home")
        assert "Wang Fang" in page.get_by_test_id("home-title").inner_text()
    finally:
        context.close()
