"""Signing in through the HTML forms, CSRF tokens, translations and screen checks for page tests."""

from __future__ import annotations

import re

from tests.conftest import PASSWORD


def csrf_token(client, path="/signin"):
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def sign_in(client, email, password=PASSWORD, **extra):
    data = {"email": email, "password": password, "csrf_token": csrf_token(client), **extra}
    return client.post("/signin", data=data)


def in_chinese(app, text):
    """The Chinese translation of ``text`` (and a check that there is one)."""
    from flask_babel import force_locale, gettext

    with app.test_request_context(), force_locale("zh"):
        translated = gettext(text)
    assert translated != text, f"no Chinese translation for {text!r}"
    return translated


def fits_the_screen(page) -> bool:
    """No sideways scrolling at 360 px."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def open_page(browser, locale: str = "en-US", *, phone: bool = False):
    """A page in a fresh browser context: a 360 × 740 phone or a 1280 px desktop, in ``locale``.
    Close it with ``page.context.close()``."""
    if phone:
        context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                      has_touch=True, locale=locale)
    else:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    page = context.new_page()
    page.set_default_timeout(15000)
    return page


def sign_in_page(page, base_url: str, email: str, password: str = PASSWORD) -> None:
    """Sign in through the form in a real browser and wait for the home page."""
    page.goto(base_url + "/signin")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.get_by_test_id("signin-submit").click()
    page.wait_for_url("**/home")

