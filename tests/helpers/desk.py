"""The member's workspace and the customer phone page in real browsers: a Chromium whose microphone
is a fake device, the local carrier and a dispatcher inside the live server's app, a phone-sized
page, a running inbound campaign with a checked-in member, and polling a page's own expression."""

from __future__ import annotations

import copy
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest

from app.auth import services as accounts
from app.database import commit
from app.extensions import db
from app.timeutil import utcnow
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import PASSWORD
from tests.helpers.web import sign_in_page

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
MEDIA_ARGS = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
              "--autoplay-policy=no-user-gesture-required"]
STATS = """pc => pc ? pc.getStats().then(stats => { let r = 0, s = 0; stats.forEach(x => {
  if (x.type === 'inbound-rtp' && x.kind === 'audio') r += x.packetsReceived || 0;
  if (x.type === 'outbound-rtp' && x.kind === 'audio') s += x.packetsSent || 0; });
  return [r, s]; }) : Promise.resolve([0, 0])"""


@pytest.fixture(scope="module")
def media_browser(browser):
    """A second Chromium whose microphone is a fake device that needs no permission prompt."""
    instance = browser.browser_type.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS + MEDIA_ARGS)
    yield instance
    instance.close()


@pytest.fixture(scope="module")
def telephony_running(live_app):
    """The local carrier and a dispatcher, inside the live server's app, as ``flask serve`` runs them."""
    from telephony import dispatcher

    stop = dispatcher.start_in_background(live_app)
    yield live_app.extensions["local_carrier"]
    stop.set()


def phone_page(browser, locale):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale=locale, permissions=["microphone"])
    page = context.new_page()
    page.set_default_timeout(15000)
    return page


def desk_world(application, tag: str, *, checked_in: bool = True):
    """A running inbound campaign (its number), a member checked in to its shift now (or not), the boss."""
    from marketplace.campaigns import services
    from marketplace.campaigns.schemas import CampaignIn
    from marketplace.models import Campaign, Claim, Shift
    from payouts.services import confirm_simulated_checkout, create_topup
    from telephony import numbers
    from tests.telephony.conftest import INBOUND  # the telephony tests' conftest imports this module

    with application.test_request_context():
        boss = accounts.register_user(email=f"boss.{tag}@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name=f"Desk Org {tag}")
        member = accounts.create_user(email=f"agent.{tag}@example.test", password=PASSWORD, name="Lin",
                                      role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, 1_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        body = copy.deepcopy(INBOUND)
        campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(body))
        services.change_state(campaign, "published", boss.id)
        commit()
        now = utcnow().replace(microsecond=0)
        found = db.session.get(Campaign, campaign.id)
        found.state = "running"
        found.starts_at, found.ends_at = now - timedelta(days=1), now + timedelta(days=1)
        if checked_in:
            shift = Shift(campaign_id=found.id, org_id=found.org_id, starts_at=now - timedelta(minutes=5),
                          ends_at=now + timedelta(minutes=55), seats=5, claimed=1, state="open")
            db.session.add(shift)
            db.session.flush()
            db.session.add(Claim(shift_id=shift.id, campaign_id=found.id, member_id=member.id,
                                 starts_at=shift.starts_at, ends_at=shift.ends_at, state="checked_in",
                                 checked_in_at=now))
        commit()
        world = {"number": numbers.number_of(found.id).number, "member": member.email, "member_id": member.id,
                 "boss": boss.email}
        db.session.remove()
    return world


def until_true(page, expression: str, timeout: float = 15.0):
    """Poll ``expression`` in the page until it is truthy (the page's CSP forbids the string
    predicates of ``wait_for_function``; ``evaluate`` is not subject to it)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"never true: {expression}"
        page.wait_for_timeout(100)


def answer_a_call(desk, caller, url: str, world: dict) -> None:
    """The member signs in on ``desk`` and goes available; ``caller`` rings the campaign's number
    from the customer phone page; the member accepts the offer and the call shows on the desk."""
    sign_in_page(desk, url, world["member"])
    desk.goto(f"{url}/work/desk/")
    desk.get_by_test_id("enable-sound").click()
    desk.get_by_test_id("status-available").click()
    desk.wait_for_selector("[data-testid=desk-state][data-state=available]")
    caller.goto(f"{url}/telephony/phone/{world['number']}")
    caller.get_by_test_id("phone-call").click()
    desk.get_by_test_id("offer").wait_for(state="visible")
    desk.get_by_test_id("offer-accept").click()
    desk.get_by_test_id("call").wait_for(state="visible")
