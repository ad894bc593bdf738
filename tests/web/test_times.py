"""Times for people: in the viewer's zone taken from the browser at sign-up, named days and months
in the page's language, the zone always named."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask_babel import force_locale

from app.formatting import when, zone_label
from tests.helpers.web import fits_the_screen

MOMENT = datetime(2026, 12, 5, 6, 0, tzinfo=UTC)  # a Saturday


def test_times_name_the_day_in_the_page_language_and_the_zone(app):
    with app.test_request_context():
        with force_locale("zh"):
            assert when(MOMENT, tz="Asia/Shanghai") == "12月5日周六 14:00 UTC+8"
            assert when(MOMENT, "time", tz="Asia/Shanghai") == "14:00 UTC+8"
            assert "Sat" not in when(MOMENT, tz="UTC")
        with force_locale("en"):
            assert when(MOMENT, tz="Asia/Shanghai") == "Sat, Dec 5 14:00 UTC+8"
            assert when(MOMENT, tz="Asia/Shanghai", show_zone=False) == "Sat, Dec 5 14:00"
            assert when("2026-12-05T06:00:00Z", tz="America/New_York").endswith("01:00 UTC-5")
            assert when(MOMENT, "date", tz="UTC") == "Dec 5, 2026"
            assert when(None) == ""


def test_one_set_of_time_helpers_serves_every_page_the_auditor_console_too(app):
    """The console's times come from app.formatting (epoch milliseconds, the browser's zone when the
    profile has none, a <time> element) rather than from a twin of its own."""
    import ledger.console
    from app.formatting import time_element, viewer_zone, zone_of

    assert not hasattr(ledger.console, "readable_time") and not hasattr(ledger.console, "viewer_zone")
    millis = int(MOMENT.timestamp() * 1000)
    with app.test_request_context(), force_locale("en"):
        assert when(millis, tz="Asia/Shanghai") == when(MOMENT, tz="Asia/Shanghai")
        assert when(MOMENT, "precise", tz="Asia/Shanghai") == "Dec 5, 2026 14:00:00 UTC+8"
        assert viewer_zone() == "UTC" and viewer_zone("Asia/Tokyo") == "Asia/Tokyo"
        assert viewer_zone("Not/AZone") == "UTC"
        assert zone_of(MOMENT, tz="Asia/Kolkata") == "UTC+5:30"
        element = time_element(MOMENT, "UTC", browser_converts=True)
        assert element == '<time datetime="2026-12-05T06:00:00+00:00" data-local>Sat, Dec 5 06:00 UTC</time>'
        assert time_element(None) == "—"


def test_zone_labels():
    from zoneinfo import ZoneInfo

    assert zone_label(MOMENT) == "UTC"
    assert zone_label(MOMENT.astimezone(ZoneInfo("Asia/Kolkata"))) == "UTC+5:30"


@pytest.mark.browser
def test_a_new_member_gets_the_browser_zone_and_a_searchable_list(live_app, live_server, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai", is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(live_server + "/signup?role=member")
        page.locator("input[name=name]").fill("Zone Member")
        page.locator("input[name=email]").fill("zone.member@example.test")
        page.locator("input[name=password]").fill("correct-horse-battery")
        page.get_by_test_id("signup-submit").click()
        page.wait_for_url("**/home")
        page.goto(live_server + "/settings")
        field = page.get_by_test_id("settings-timezone")
        assert field.input_value() == "Asia/Shanghai"
        assert field.get_attribute("list") == "time-zones"
        assert page.locator("#time-zones option[value='Europe/Berlin']").count() == 1
        assert fits_the_screen(page)
    finally:
        context.close()
