"""In a real browser at desktop width, in English and Chinese: an operations manager fills the outbound
step's dialer settings in the wizard, is told about a cap above 3 % next to the field, fixes it, and sees
the settings on the saved draft."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app.auth import services as accounts
from app.database import commit
from app.extensions import db
from marketplace.models import Campaign
from tests.helpers.web import in_chinese, open_page, sign_in_page

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
PASSWORD = "correct-horse-battery"


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_fill_the_dialer_settings_in_the_wizard(live_app, live_server, browser, locale):
    lang = locale[:2]
    email = f"ops.dialer.{lang}@example.test"
    with live_app.app_context():
        accounts.register_user(email=email, password=PASSWORD, name="Ops", role="enterprise",
                               org_name=f"Dialer Wizard Org {lang}")
        commit()
    text = (lambda s: s) if lang == "en" else (lambda s: in_chinese(live_app, s))
    page = open_page(browser, locale)
    sign_in_page(page, live_server, email)
    page.goto(live_server + "/campaigns/new")
    page.get_by_test_id("kind-outbound").check()
    page.get_by_test_id("wizard-next").click()
    page.locator("input[name=name]").fill(f"Callbacks {lang}")
    page.locator("input[name=starts_at]").fill("2099-12-01T00:00")
    page.locator("input[name=ends_at]").fill("2099-12-15T00:00")
    page.locator("input[name=budget]").fill("2000")
    page.get_by_test_id("wizard-next").click()
    page.locator("input[name=pay_per_call]").fill("1.20")
    page.get_by_test_id("wizard-next").click()
    page.get_by_test_id("wizard-next").click()

    # The workload step: the outbound settings and, under them, the dialer's, prefilled.
    assert page.get_by_test_id("outbound-settings").is_visible()
    modes = page.get_by_test_id("dialer-modes")
    assert modes.is_visible() and page.get_by_test_id("dialer-mode-progressive").is_checked()
    assert text("Preview: the member sees the contact and presses dial") in modes.inner_text()
    assert page.locator("input[name=abandon_cap]").input_value() == "3"
    page.locator("textarea[name=script]").fill("您好，这里是售后回访。")
    page.get_by_test_id("dialer-mode-predictive").check()
    page.locator("input[name=abandon_cap]").fill("4")
    page.locator("input[name=ring_seconds]").fill("25")
    page.locator("select[name=amd]").select_option("message")
    page.locator("textarea[name=amd_message]").fill("请回电 400-800-1234。")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"campaign-wizard-dialer-{lang}-1280.png"), full_page=True)
    page.get_by_test_id("wizard-next").click()
    # The last step repeats them before saving.
    review = page.get_by_test_id("dialer-review")
    assert review.is_visible()
    assert text("Predictive: lines per agent from the answer rate, within the abandonment cap") in review.inner_text()
    assert "4 %" in review.inner_text() and text("Leave the message below (the contact is done)") in review.inner_text()
    page.screenshot(path=str(ARTIFACTS / f"campaign-wizard-dialer-review-{lang}-1280.png"), full_page=True)
    with page.expect_navigation():
        page.get_by_test_id("wizard-save").click()

    # Refused: the workload step opens with the message next to the cap; the rest is kept.
    error = page.get_by_test_id("error-abandon_cap")
    assert error.is_visible() and error.inner_text() == text("Enter a percentage above 0, at most %(max)s.") % {
        "max": "3"}
    assert page.get_by_test_id("dialer-mode-predictive").is_checked()
    assert page.locator("input[name=ring_seconds]").input_value() == "25"
    page.screenshot(path=str(ARTIFACTS / f"campaign-wizard-dialer-error-{lang}-1280.png"), full_page=True)
    page.locator("input[name=abandon_cap]").fill("2.5")
    page.get_by_test_id("wizard-next").click()
    page.get_by_test_id("wizard-save").click()
    page.wait_for_url(re.compile(r"/campaigns/\d+$"))

    review = page.get_by_test_id("dialer-settings")
    assert review.is_visible() and "2.5 %" in review.inner_text()
    assert text("Predictive: lines per agent from the answer rate, within the abandonment cap") in review.inner_text()
    page.screenshot(path=str(ARTIFACTS / f"campaign-detail-dialer-{lang}-1280.png"), full_page=True)
    with live_app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.name == f"Callbacks {lang}"))
        assert campaign.settings["dialer"] == {"mode": "predictive", "abandon_cap": 0.025, "ring_seconds": 25,
                                               "amd": "message", "amd_message": "请回电 400-800-1234。",
                                               "amd_retry_minutes": 240}
    page.context.close()


def test_the_dialer_settings_fit_a_phone(live_app, live_server, phone):
    from tests.helpers.web import fits_the_screen

    with live_app.app_context():
        accounts.register_user(email="ops.dialer.phone@example.test", password=PASSWORD, name="Ops",
                               role="enterprise", org_name="Dialer Phone Org")
        commit()
    page = phone
    sign_in_page(page, live_server, "ops.dialer.phone@example.test")
    page.goto(live_server + "/campaigns/new")
    page.get_by_test_id("kind-outbound").check()
    page.locator("[data-progress=workload] a").click()
    modes = page.get_by_test_id("dialer-modes")
    assert modes.is_visible() and fits_the_screen(page)
    for label in modes.locator("label").all():
        assert label.bounding_box()["height"] >= 44
    modes.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "campaign-wizard-dialer-360.png"), full_page=True)
