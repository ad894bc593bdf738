"""In a real browser on a phone-sized screen: sign up, switch to Chinese, sign out and back in."""

import os
from pathlib import Path

import pytest

from tests.helpers.web import fits_the_screen

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))


def test_sign_up_switch_to_chinese_and_sign_in_on_a_phone(live_server, phone):
    page = phone
    page.goto(live_server + "/")
    assert fits_the_screen(page)
    page.get_by_test_id("cta-member").click()

    page.get_by_label("Your name").fill("Chen Mei")
    page.get_by_label("E-mail").fill("mei.browser@example.test")
    page.get_by_label("Password").fill("a-good-password")
    page.get_by_test_id("signup-submit").click()

    page.wait_for_url("**/home")
    assert page.get_by_test_id("home-title").inner_text() == "Hi Chen Mei"
    assert fits_the_screen(page)

    page.get_by_test_id("lang-zh").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    title = page.get_by_test_id("home-title").inner_text()
    assert "Chen Mei" in title and title != "Hi Chen Mei"
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "member-home-zh-360.png"), full_page=True)

    page.get_by_test_id("signout").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "zh-Hans"  # the choice outlives the session

    page.goto(live_server + "/signin")
    page.locator("input[name=email]").fill("mei.browser@example.test")
    page.locator("input[name=password]").fill("a-good-password")
    page.get_by_test_id("signin-submit").click()
    page.wait_for_url("**/home")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "Chen Mei" in page.get_by_test_id("home-title").inner_text()


def test_wrong_password_is_explained_on_the_page(live_server, phone):
    page = phone
    page.goto(live_server + "/signin")
    page.locator("input[name=email]").fill("nobody@example.test")
    page.locator("input[name=password]").fill("not-the-password")
    page.get_by_test_id("signin-submit").click()
    assert page.get_by_test_id("signin-error").inner_text() == "E-mail or password is wrong."
    assert fits_the_screen(page)
