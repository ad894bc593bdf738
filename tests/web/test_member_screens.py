"""Every member page on a 360 px phone, in both languages: nothing the Content-Security-Policy
blocks (inline styles or scripts), controls at least 44 px high, tables shown as cards, nothing
wider than the screen."""

from __future__ import annotations

import pytest

from app.auth import services as accounts
from app.database import commit
from tests.helpers.web import fits_the_screen, sign_in_page

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"
MEMBER_PAGES = ["/home", "/work/", "/work/shifts", "/work/profile", "/academy/", "/academy/me",
                "/academy/leaderboard", "/academy/assessment", "/certifications/", "/payouts/earnings",
                "/payouts/account", "/settings", "/work/desk/"]
CONTROLS = ("main button, main [role=button], main select, header nav a, .tabbar a, "
            "main input:not([type=hidden]):not([type=checkbox]):not([type=radio])")
SMALL_CONTROLS = """() => [...document.querySelectorAll('""" + CONTROLS + """')]
  .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
  .map(e => e.outerHTML.slice(0, 80))"""
TABLE_ROWS_AS_CARDS = """() => [...document.querySelectorAll('main table:not(.keep-table) tr')]
  .filter(e => e.offsetParent !== null && getComputedStyle(e).display !== 'block').length"""


def test_member_pages_keep_to_the_csp_tap_targets_and_the_screen(live_app, live_server, phone):
    with live_app.test_request_context():
        accounts.register_user(email="screens@example.test", password=PASSWORD, name="Sam", role="member")
        commit()
    page = phone
    blocked = []
    page.on("console", lambda message: blocked.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text else None)
    sign_in_page(page, live_server, "screens@example.test", PASSWORD)
    problems = []
    for lang in ("en", "zh"):
        page.goto(live_server + "/home")
        page.get_by_test_id(f"lang-{lang}").click() if page.get_by_test_id(f"lang-{lang}").count() else None
        page.wait_for_load_state()
        for path in MEMBER_PAGES:
            page.goto(live_server + path)
            page.wait_for_load_state("networkidle")
            if not fits_the_screen(page):
                problems.append(f"{lang} {path}: wider than the screen")
            small = page.evaluate(SMALL_CONTROLS)
            if small:
                problems.append(f"{lang} {path}: controls under 44 px: {small}")
            if page.evaluate(TABLE_ROWS_AS_CARDS):
                problems.append(f"{lang} {path}: a table is not shown as cards")
    assert not blocked, blocked
    assert not problems, "\n".join(problems)
