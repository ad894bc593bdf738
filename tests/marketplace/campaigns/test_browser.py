"""In a real browser at desktop width: an operations manager walks the campaign wizard step by step,
plans the shifts and sees the shift calendar coloured by fill rate."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app.auth import services as accounts
from app.database import commit
from app.extensions import db
from marketplace.campaigns import services
from marketplace.campaigns.schemas import CampaignIn
from marketplace.models import Campaign
from marketplace.shifts import services as shifts
from tests.helpers.web import open_page, sign_in_page
from tests.marketplace.helpers import inbound

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
PASSWORD = "correct-horse-battery"
EMAIL = "ops.wizard@example.test"


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    page.context.close()


def test_walk_the_wizard_plan_shifts_and_see_the_calendar(live_app, live_server, desktop):
    with live_app.app_context():
        accounts.register_user(email=EMAIL, password=PASSWORD, name="Ops", role="enterprise", org_name="Wizard Org")
        commit()
    page = desktop
    sign_in_page(page, live_server, EMAIL)

    page.goto(live_server + "/campaigns/")
    page.get_by_test_id("new-campaign").click()
    page.wait_for_url("**/campaigns/new")
    # One step at a time once the script runs; the progress indicator marks the current one.
    assert page.locator("#step-kind").is_visible() and page.locator("#step-basics").is_hidden()
    assert page.get_by_test_id("wizard-save").is_hidden()
    assert page.locator("[data-progress=kind]").get_attribute("class") == "current"
    page.get_by_test_id("kind-inbound").check()
    page.get_by_test_id("wizard-next").click()

    assert page.locator("#step-basics").is_visible()
    page.get_by_test_id("wizard-next").click()  # the name is required: the step does not change
    assert page.locator("#step-basics").is_visible() and page.locator("#step-pay").is_hidden()
    page.locator("input[name=name]").fill("Double-11 peak")
    page.locator("select[name=industry]").select_option("ecommerce")
    page.locator("input[name=starts_at]").fill("2099-11-11T00:00")
    page.locator("input[name=ends_at]").fill("2099-11-12T00:00")
    page.locator("input[name=budget]").fill("5000")
    page.get_by_test_id("wizard-next").click()

    assert page.locator("#step-pay").is_visible()
    assert "10%" in page.get_by_test_id("platform-fee").inner_text()
    page.locator("input[name=pay_per_call]").fill("3.50")
    assert page.locator("[data-fee-for=pay_per_call]").inner_text() == "Member receives 3.15 CNY (fee 0.35 CNY)."
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "campaign-wizard-pay-1280.png"), full_page=True)
    page.get_by_test_id("wizard-next").click()

    assert page.locator("#step-requirements").is_visible()
    page.locator("input[name='tags.0.name']").fill("ecommerce.after_sales")
    page.locator("input[name='tags.0.min']").fill("60")
    page.locator("[data-add-row=tags]").click()
    assert page.locator("input[name='tags.2.name']").count() == 1
    page.locator("select[name=min_tier]").select_option("silver")
    page.get_by_test_id("wizard-next").click()

    assert page.get_by_test_id("inbound-settings").is_visible()
    assert page.get_by_test_id("outbound-settings").is_hidden()
    page.get_by_test_id("kind-outbound").evaluate("radio => radio.click()")  # back on step 1, hidden now
    assert page.get_by_test_id("outbound-settings").is_visible() and page.get_by_test_id("inbound-settings").is_hidden()
    page.screenshot(path=str(ARTIFACTS / "campaign-wizard-outbound-1280.png"), full_page=True)
    page.get_by_test_id("kind-inbound").evaluate("radio => radio.click()")
    page.get_by_test_id("forecast").fill("2099-11-11 09:00, 100\n2099-11-11 09:30, 400\n2099-11-11 10:00, 250\n"
                                         "2099-11-11 10:30, 60")
    page.get_by_test_id("wizard-next").click()

    assert page.locator("#step-shifts").is_visible() and page.get_by_test_id("wizard-save").is_visible()
    page.get_by_test_id("wizard-save").click()
    page.wait_for_url(re.compile(r"/campaigns/\d+$"))
    assert page.get_by_test_id("campaign-name").inner_text() == "Double-11 peak"
    assert page.get_by_test_id("plan-chart").is_visible()
    page.screenshot(path=str(ARTIFACTS / "campaign-detail-1280.png"), full_page=True)
    with live_app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.name == "Double-11 peak"))
        assert (campaign.budget, campaign.pay_per_call) == (500_000, 350)
        assert campaign.requirements["tags"] == {"ecommerce.after_sales": 60}

    page.get_by_test_id("plan-shifts").click()
    page.wait_for_url("**/shifts")
    grid = page.get_by_test_id("shift-grid")
    assert grid.is_visible()
    cells = grid.locator("td.cell[data-fill]")
    assert cells.count() == 4
    colour = cells.first.evaluate("cell => getComputedStyle(cell).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour
    assert page.get_by_test_id("calendar-chart").is_visible() and page.get_by_test_id("calendar-legend").is_visible()
    first = cells.first.get_attribute("data-testid").removeprefix("cell-")
    page.get_by_test_id(f"seats-{first}").fill("0")
    page.get_by_test_id("save-seats").click()
    page.wait_for_load_state()
    assert page.get_by_test_id(f"cell-count-{first}").inner_text() == "0/0"
    assert page.get_by_test_id(f"cell-{first}").get_attribute("data-fill") == "fill-empty"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "shift-calendar-1280.png"), full_page=True)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_the_wizard_and_the_calendar_fit_a_phone(live_app, live_server, phone):

    with live_app.test_request_context():
        boss = accounts.register_user(email="ops.phone.calendar@example.test", password=PASSWORD, name="Ops",
                                      role="enterprise", org_name="Phone Calendar Org")
        body = inbound(intervals=(100, 400, 250, 80))
        campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(body))
        shifts.replan(campaign)
        commit()
        campaign_id = campaign.id
    page = phone
    sign_in_page(page, live_server, "ops.phone.calendar@example.test")
    for path in ("/campaigns/new", f"/campaigns/{campaign_id}", f"/campaigns/{campaign_id}/shifts"):
        page.goto(live_server + path)
        assert fits_the_screen(page), path
    assert page.get_by_test_id("shift-grid").locator("td.cell[data-fill]").count() == 4
    page.goto(live_server + f"/campaigns/{campaign_id}/edit#step-workload")
    assert page.get_by_test_id("inbound-settings").is_visible() and fits_the_screen(page)
    page.screenshot(path=str(ARTIFACTS / "campaign-wizard-workload-360.png"), full_page=True)


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_every_steps_problems_show_at_once_and_the_budget_warns(live_app, live_server, browser, locale):
    email = f"ops.errors.{locale}@example.test"
    with live_app.test_request_context():
        boss = accounts.register_user(email=email, password=PASSWORD, name="Ops", role="enterprise",
                                      org_name=f"Errors Org {locale}")
        body = inbound(intervals=(400, 400), budget=100_00)  # 800 calls × 3.50 = 2,800.00 > 100.00
        campaign_id = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(body)).id
        commit()
    page = open_page(browser, locale)
    sign_in_page(page, live_server, email)

    page.goto(live_server + f"/campaigns/{campaign_id}")
    assert page.get_by_test_id("budget-short").is_visible()
    assert "2,700.00 CNY" in page.get_by_test_id("budget-short").inner_text()
    page.screenshot(path=str(ARTIFACTS / f"campaign-budget-short-{locale}-1280.png"), full_page=True)

    # Problems on three steps, sent as they are (past the browser's own checks).
    page.goto(live_server + f"/campaigns/{campaign_id}/edit")
    with page.expect_navigation():
        page.evaluate("""() => {
            const form = document.querySelector('[data-wizard]');
            form.elements['name'].value = '';
            form.elements['ends_at'].value = '2099-11-10T00:00';
            form.elements['qa_review_from'].value = '90';
            form.elements['aht_seconds'].value = 'abc';
            form.noValidate = true;
            form.submit();
        }""")
    summary = page.get_by_test_id("error-summary")
    assert summary.is_visible()
    assert summary.locator("li").count() == 3  # basics, pay, workload
    page.screenshot(path=str(ARTIFACTS / f"campaign-wizard-errors-{locale}-1280.png"), full_page=True)
    summary.locator("[data-error-step=workload] a").click()
    assert page.locator("#step-workload").is_visible() and page.get_by_test_id("error-aht_seconds").is_visible()
    page.context.close()


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_publishing_asks_in_a_dialog_and_reports_the_escrow(live_app, live_server, browser, locale):
    from payouts.services import confirm_simulated_checkout, create_topup

    lang = locale[:2]
    email = f"ops.publish.{lang}@example.test"
    with live_app.test_request_context():
        boss = accounts.register_user(email=email, password=PASSWORD, name="Ops", role="enterprise",
                                      org_name=f"Publish Org {lang}")
        topup = create_topup(boss.org_id, boss.id, 1_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        body = inbound(budget=500_000)
        campaign_id = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(body)).id
        commit()
    page = open_page(browser, locale)
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "script-src" in message.text else None)
    sign_in_page(page, live_server, email)
    page.goto(live_server + f"/campaigns/{campaign_id}")

    page.get_by_test_id("to-published").click()
    dialog = page.get_by_test_id("confirm-dialog")
    assert dialog.is_visible() and "5,000.00 CNY" in dialog.inner_text()
    page.screenshot(path=str(ARTIFACTS / f"campaign-publish-dialog-{locale}-1280.png"))
    page.get_by_test_id("confirm-dialog-cancel").click()
    assert dialog.is_hidden()
    page.reload()
    assert page.get_by_test_id("to-published").is_visible()  # nothing happened
    with live_app.app_context():
        assert db.session.get(Campaign, campaign_id).state == "draft"

    page.get_by_test_id("to-published").click()
    with page.expect_navigation():
        page.get_by_test_id("confirm-dialog-ok").click()
    flash = page.locator(".flash-success").inner_text()
    assert "5,000.00 CNY" in flash and ("held in escrow" in flash if lang == "en" else "已托管" in flash)
    page.screenshot(path=str(ARTIFACTS / f"campaign-published-{locale}-1280.png"))
    with live_app.app_context():
        assert db.session.get(Campaign, campaign_id).state == "published"

    # Cancelling asks too, and says where the money went (the campaign leaves the members' feeds).
    page.get_by_test_id("to-cancelled").click()
    with page.expect_navigation():
        page.get_by_test_id("confirm-dialog-ok").click()
    assert "5,000.00 CNY" in page.locator(".flash-success").inner_text()
    with live_app.app_context():
        assert db.session.get(Campaign, campaign_id).state == "cancelled"
    assert blocked == []  # no script the content security policy refuses
    page.context.close()


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_the_plan_on_a_phone_is_in_the_viewers_zone_named_and_labelled(live_app, live_server, browser, locale):
    """A campaign in Shanghai's zone, seen from New York at 360 px: the chart's and the plan table's
    times are New York's, the zone named, days in the page's language, each card's values labelled."""
    import uuid

    from app.auth import services as auth_services

    lang = locale[:2]
    email = f"ops.zone.{lang}.{uuid.uuid4().hex[:6]}@example.test"
    with live_app.test_request_context():
        boss = accounts.register_user(email=email, password=PASSWORD, name="Ops", role="enterprise",
                                      org_name=f"Zone Org {lang}")
        auth_services.update_profile(boss, timezone="America/New_York")
        campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(inbound()))
        commit()
        campaign_id = campaign.id
    page = open_page(browser, locale, phone=True)
    try:
        sign_in_page(page, live_server, email)
        page.goto(f"{live_server}/campaigns/{campaign_id}")
        assert page.get_by_test_id("plan-zone").inner_text().endswith("UTC-5")
        page.get_by_test_id("plan-intervals").locator("xpath=ancestor::details").locator("summary").click()
        first = page.get_by_test_id("plan-intervals").locator("tbody tr").first.locator("td").first
        text = first.inner_text()
        assert text.endswith("UTC-5") and ("周" in text if lang == "zh" else re.match(r"[A-Z][a-z]{2}, ", text))
        assert first.get_attribute("data-label") == ("时段" if lang == "zh" else "Interval")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"campaign-plan-zone-{lang}-360.png"), full_page=True)
    finally:
        page.context.close()
