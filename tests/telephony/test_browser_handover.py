"""In real browsers at 360 × 740, after the member's part of a call: the customer phone page hears
the satisfaction survey when the member hangs up and answers it on its keypad (the call's CSAT);
and in Chinese, the member hands a call over to the enterprise's line, waits for it to answer,
then leaves the call while the caller stays with the enterprise."""

from __future__ import annotations

import time

import pytest

from app.extensions import db
from telephony.carrier import Party
from tests.conftest import PASSWORD
from tests.helpers.desk import (
    ARTIFACTS,
    answer_a_call,
    desk_world,
    phone_page,
    until_true,
)
from tests.helpers.web import fits_the_screen

pytestmark = pytest.mark.browser

ESCALATION = "+8602100000002"


def _boss(live_app, world) -> tuple:
    client = live_app.test_client()
    login = client.post("/api/v1/auth/login", json={"email": world["boss"], "password": PASSWORD}).json
    return client, {"Authorization": "Bearer " + login["access_token"]}


def _campaign_id(live_app, world) -> int:
    from telephony.models import CampaignNumber

    with live_app.app_context():
        try:
            return db.session.query(CampaignNumber).filter_by(number=world["number"]).one().campaign_id
        finally:
            db.session.remove()


def _answered(live_app, desk, caller, url, world):
    answer_a_call(desk, caller, url, world)
    until_true(caller, "window.crowdlinePhone && window.crowdlinePhone.connectionState === 'connected'")
    deadline = time.monotonic() + 15
    while _state(live_app, world) != "in_progress":  # the carrier's answer follows the browsers' audio
        assert time.monotonic() < deadline, "the carrier never reported the member's answer"
        desk.wait_for_timeout(100)


def _state(live_app, world) -> str | None:
    from telephony.models import Interaction

    with live_app.app_context():
        try:
            found = db.session.query(Interaction).filter_by(member_id=world["member_id"]).one_or_none()
            return found.state if found is not None else None
        finally:
            db.session.remove()


def test_the_caller_rates_the_call_on_the_phone_pages_keypad(live_app, live_server, media_browser,
                                                             telephony_running):
    world = desk_world(live_app, "survey")
    client, boss = _boss(live_app, world)
    campaign_id = _campaign_id(live_app, world)
    assert client.put(f"/api/v1/campaigns/{campaign_id}/csat-survey", json={"enabled": True},
                      headers=boss).status_code == 200
    desk, caller = phone_page(media_browser, "en-US"), phone_page(media_browser, "en-US")
    try:
        _answered(live_app, desk, caller, live_server, world)
        assert caller.get_by_test_id("phone-keypad").is_visible()
        desk.get_by_test_id("call-hangup").click()
        desk.get_by_test_id("wrapup").wait_for(state="visible")
        caller.get_by_test_id("phone-status").filter(has_text="The agent has left the call").wait_for()
        # the campaign's callers hear Chinese (it runs in Asia/Shanghai): the page shows what they hear
        caller.get_by_test_id("phone-heard").filter(has_text="请按 5").wait_for()
        ARTIFACTS.mkdir(exist_ok=True)
        caller.screenshot(path=str(ARTIFACTS / "phone-survey-360-en.png"), full_page=True)
        assert fits_the_screen(caller)
        caller.get_by_test_id("phone-key-4").click()
        caller.get_by_test_id("phone-heard").filter(has_text="感谢您的评价").wait_for()
        caller.get_by_test_id("phone-status").filter(has_text="ended").wait_for(timeout=30000)
        summary = client.get(f"/api/v1/campaigns/{campaign_id}/csat", headers=boss).json
        assert summary["responses"] == 1 and summary["average"] == 4
    finally:
        desk.context.close()
        caller.context.close()


def test_a_member_hands_the_call_over_to_the_enterprise_in_chinese(live_app, live_server, media_browser,
                                                                   telephony_running):
    world = desk_world(live_app, "handover")
    client, boss = _boss(live_app, world)
    campaign_id = _campaign_id(live_app, world)
    telephony_running.register_party(ESCALATION, Party(ring_seconds=2, talk_seconds=20))
    assert client.put(f"/api/v1/campaigns/{campaign_id}/routing", json={"escalation_number": ESCALATION},
                      headers=boss).status_code == 200
    desk, caller = phone_page(media_browser, "zh-CN"), phone_page(media_browser, "zh-CN")
    try:
        _answered(live_app, desk, caller, live_server, world)
        transfer = desk.get_by_test_id("call-transfer")
        assert transfer.inner_text() == "转接给企业"
        transfer.click()
        status = desk.get_by_test_id("call-transfer-status")
        status.filter(has_text="企业已接通").wait_for(timeout=20000)
        assert desk.get_by_test_id("call-hangup").inner_text() == "离开通话"
        ARTIFACTS.mkdir(exist_ok=True)
        desk.screenshot(path=str(ARTIFACTS / "desk-handover-360-zh.png"), full_page=True)
        assert fits_the_screen(desk)
        desk.get_by_test_id("call-hangup").click()
        desk.get_by_test_id("wrapup").wait_for(state="visible")
        caller.get_by_test_id("phone-status").filter(has_text="坐席已离开通话").wait_for()
        with live_app.app_context():
            from telephony.models import Interaction

            ix = db.session.query(Interaction).filter_by(member_id=world["member_id"]).one()
            sid = ix.customer_call_sid
            db.session.remove()
        assert not telephony_running.get(sid).ended  # the caller talks on with the enterprise
        desk.get_by_test_id("wrapup-code").select_option("transferred")
        desk.get_by_test_id("wrapup-submit").click()
        desk.get_by_test_id("wrapup").wait_for(state="hidden")
        shown = client.get(f"/api/v1/interactions/{ix.id}", headers=boss).json
        assert shown["transfer_state"] == "connected" and shown["disposition"]["code"] == "transferred"
        steps = [event["detail"].get("step") for event in shown["timeline"] if event["kind"] == "transferred"]
        assert steps[:2] == ["calling", "connected"]
    finally:
        desk.context.close()
        caller.context.close()
