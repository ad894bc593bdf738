"""In real browsers at 360 × 740: a customer calls a campaign's number from the customer phone
page, a member takes it in the workspace, and they talk browser to browser over WebRTC (fake
microphones): audio packets flow both ways; mute, hold, the keypad, opt-out, hang-up, wrap-up
with a disposition; the workspace survives the network going away; the interaction is paid,
pending QA; the desk recorded both sides and uploaded them in parts: the enterprise listens to
it; a recording whose upload never reached the server before the desk closed waits in the
browser and goes up when the desk opens again. Preview mode: the member sees the next contact's
masked card, dials it, the local carrier's callee answers, the member answers the survey in the
wrap-up (stored as answers, not notes), and after it the member is available again. In Chinese:
the workspace, the status refused with its reason, the customer page."""

from __future__ import annotations

import copy
import time
from datetime import timedelta

import pytest

from app.auth import services as accounts
from app.database import commit
from app.extensions import db
from app.timeutil import utcnow
from tests.conftest import PASSWORD
from tests.helpers.desk import (
    ARTIFACTS,
    STATS,
    answer_a_call,
    desk_world,
    phone_page,
    until_true,
)
from tests.helpers.web import fits_the_screen, sign_in_page
from tests.telephony.conftest import OUTBOUND

pytestmark = pytest.mark.browser

SURVEY = ["How satisfied are you with the delivery (1-5)?", "Would you recommend us?", "What should we improve?"]


def _packets(page, name):
    return page.evaluate(f"({STATS})(window.{name})")


def test_a_customer_and_a_member_talk_browser_to_browser(live_app, live_server, media_browser, telephony_running):
    world = desk_world(live_app, "talk")
    url = live_server
    desk = phone_page(media_browser, "en-US")
    caller = phone_page(media_browser, "en-US")
    try:
        sign_in_page(desk, url, world["member"])
        desk.get_by_test_id("tabbar-desk").click()
        desk.wait_for_url("**/work/desk/")
        desk.get_by_test_id("enable-sound").click()
        desk.get_by_test_id("status-available").click()
        desk.wait_for_selector("[data-testid=desk-state][data-state=available]")

        caller.goto(f"{url}/telephony/phone/{world['number']}")
        caller.get_by_test_id("phone-call").click()
        until_true(caller, "document.getElementById('phone-status').textContent.includes('hold')")

        offer = desk.get_by_test_id("offer")
        offer.wait_for(state="visible")
        masked = desk.get_by_test_id("offer-customer").inner_text()
        assert "****" in masked
        ARTIFACTS.mkdir(exist_ok=True)
        desk.screenshot(path=str(ARTIFACTS / "desk-offer-360-en.png"), full_page=True)
        desk.get_by_test_id("offer-accept").click()
        desk.get_by_test_id("call").wait_for(state="visible")
        assert desk.get_by_test_id("call-customer").inner_text() == masked

        # audio flows both ways: packets received keep increasing on each side
        until_true(desk, f"({STATS})(window.crowdlineDesk).then(([r]) => r > 20)")
        until_true(caller, f"({STATS})(window.crowdlinePhone).then(([r]) => r > 20)")
        first = (_packets(desk, "crowdlineDesk"), _packets(caller, "crowdlinePhone"))
        until_true(desk, f"({STATS})(window.crowdlineDesk).then(([r]) => r > {first[0][0] + 20})")
        until_true(caller, f"({STATS})(window.crowdlinePhone).then(([r]) => r > {first[1][0] + 20})")
        caller.get_by_test_id("phone-status").filter(has_text="Connected").wait_for()
        desk.wait_for_selector("[data-testid=call-quality][data-quality=good]")
        page_text = desk.content() + caller.content()
        with live_app.app_context():
            from telephony.models import Interaction

            ix = db.session.query(Interaction).filter_by(member_id=world["member_id"]).one()
            number = telephony_running.get(ix.customer_call_sid).from_
            db.session.remove()
        assert number not in page_text and number[3:] not in desk.content()

        desk.get_by_test_id("call-mute").click()
        assert desk.evaluate("window.crowdlineDesk.localStream.getAudioTracks()[0].enabled") is False
        desk.get_by_test_id("call-mute").click()
        desk.get_by_test_id("call-hold").click()
        caller.get_by_test_id("phone-status").filter(has_text="On hold").wait_for()
        desk.get_by_test_id("call-hold").click()
        caller.get_by_test_id("phone-status").filter(has_text="Connected").wait_for()
        desk.get_by_test_id("call-keypad").click()
        desk.locator("[data-digit='5']").click()
        caller.get_by_test_id("phone-digits").filter(has_text="5").wait_for()
        desk.get_by_test_id("call-optout").click()
        desk.get_by_test_id("optout-done").wait_for(state="visible")
        assert fits_the_screen(desk)
        desk.screenshot(path=str(ARTIFACTS / "desk-call-360-en.png"), full_page=True)
        caller.screenshot(path=str(ARTIFACTS / "phone-call-360-en.png"), full_page=True)

        assert desk.get_by_test_id("call-recorded").is_visible()
        # the recording's first upload attempt dies on the network: the desk resumes from the server's count
        seen = []

        def flaky(route):
            seen.append(route.request.method)
            if route.request.method == "POST" and seen.count("POST") == 1:
                route.abort("internetdisconnected")
            else:
                route.continue_()

        desk.route("**/api/v1/interactions/*/recording", flaky)
        desk.get_by_test_id("call-hangup").click()
        desk.get_by_test_id("wrapup").wait_for(state="visible")
        caller.get_by_test_id("phone-status").filter(has_text="ended").wait_for()
        desk.get_by_test_id("wrapup-code").select_option("resolved")
        desk.get_by_test_id("wrapup-submit").click()
        desk.get_by_test_id("wrapup").wait_for(state="hidden")
        desk.get_by_test_id("today-calls").filter(has_text="1").wait_for()
        desk.wait_for_selector("[data-testid=desk-state][data-state=available]")

        # the network goes away and comes back: the page says so, then reconnects by itself
        desk.context.set_offline(True)
        desk.get_by_test_id("desk-connection").wait_for(state="visible")
        with live_app.app_context():  # meanwhile its heartbeats are missed: the engine takes it offline
            from telephony import dispatcher
            from telephony.distributor import distributor

            dispatcher.run_once(int(time.time() * 1000) + 60_000)
            assert (distributor().agent(world["member_id"]) or {}).get("st") in (None, "offline")
            db.session.remove()
        desk.context.set_offline(False)
        desk.get_by_test_id("desk-connection").wait_for(state="hidden")
        desk.wait_for_selector("[data-testid=desk-state][data-state=available]")
        desk.screenshot(path=str(ARTIFACTS / "desk-after-360-en.png"), full_page=True)

        client = live_app.test_client()
        login = client.post("/api/v1/auth/login", json={"email": world["boss"], "password": PASSWORD}).json
        shown = client.get(f"/api/v1/interactions/{ix.id}",
                           headers={"Authorization": "Bearer " + login["access_token"]}).json
        assert shown["state"] == "completed" and shown["disposition"]["code"] == "resolved"
        assert shown["earning"]["state"] == "pending" and shown["earning"]["amount"] > 0

        # the desk recorded both sides and uploaded them: the enterprise listens to it
        boss = {"Authorization": "Bearer " + login["access_token"]}
        desk.get_by_test_id("recording-text").filter(has_text="Recording uploaded").wait_for()
        after_failure = seen[seen.index("POST") + 1:]
        assert after_failure[0] == "GET" and "POST" in after_failure, seen  # asked where it stands, then went on
        recording = client.get(f"/api/v1/interactions/{ix.id}/recording", headers=boss).json
        assert recording["state"] == "ready" and recording["source"] == "browser"
        assert recording["content_type"] == "audio/webm" and recording["received"] == recording["total"] > 1000
        whole = client.get(recording["media_url"], headers=boss)
        assert whole.status_code == 200 and whole.data[:4] == b"\x1a\x45\xdf\xa3"
        from quality.speech.audio import decode, separate_speakers

        stereo = decode(whole.data, "audio/webm")  # one speaker a channel: left the member, right the customer
        assert len(stereo.channels) == 2 and stereo.seconds > 1 and separate_speakers(stereo)
        part = client.get(recording["media_url"], headers={**boss, "Range": "bytes=0-99"})
        assert part.status_code == 206 and len(part.data) == 100
    finally:
        desk.context.close()
        caller.context.close()


KEPT = """() => new Promise(resolve => { const opening = indexedDB.open("crowdline-desk", 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore("recordings", { keyPath: "key" });
  opening.onsuccess = () => { const count = opening.result.transaction("recordings").objectStore("recordings").count();
    count.onsuccess = () => { opening.result.close(); resolve(count.result); }; }; })"""


def test_a_recording_survives_the_desk_closing_before_its_upload(live_app, live_server, media_browser,
                                                                   telephony_running):
    """The upload cannot reach the server while the call ends; the member finishes the wrap-up and
    closes the desk. The recording waited in the browser: the desk opened again says so, resumes
    it from what the server has, and once it is all there forgets it."""
    world = desk_world(live_app, "resume")
    desk = phone_page(media_browser, "en-US")
    caller = phone_page(media_browser, "en-US")
    try:
        answer_a_call(desk, caller, live_server, world)
        until_true(desk, f"({STATS})(window.crowdlineDesk).then(([r]) => r > 150)")  # a few seconds of talk
        assert desk.get_by_test_id("call-recorded").is_visible()

        attempts = []

        def unreachable(route):
            attempts.append(route.request.method)
            route.abort("internetdisconnected")

        desk.route("**/api/v1/interactions/*/recording", unreachable)
        desk.get_by_test_id("call-hangup").click()
        desk.get_by_test_id("wrapup").wait_for(state="visible")
        desk.get_by_test_id("wrapup-code").select_option("resolved")
        desk.get_by_test_id("wrapup-submit").click()
        desk.get_by_test_id("wrapup").wait_for(state="hidden")
        desk.get_by_test_id("recording-pending").filter(has_text="1 recording waiting to upload").wait_for()
        until_true(desk, f"({KEPT})().then(n => n === 1)")
        assert attempts  # it tried, and nothing reached the server
        with live_app.app_context():
            from telephony.models import Interaction
            from telephony.recordings import services as recordings

            ix = db.session.query(Interaction).filter_by(member_id=world["member_id"]).one()
            assert recordings.recording_of(ix.id) is None
            db.session.remove()
        context = desk.context
        desk.close()  # the tab goes away with the recording not uploaded

        again = context.new_page()
        again.set_default_timeout(15000)
        again.route("**/api/v1/interactions/*/recording", lambda route: route.abort("internetdisconnected"))
        again.goto(f"{live_server}/work/desk/")
        again.get_by_test_id("recording-pending").filter(has_text="1 recording waiting to upload").wait_for()
        again.get_by_test_id("recording-text").filter(has_text="Upload paused").wait_for()
        assert fits_the_screen(again)
        ARTIFACTS.mkdir(exist_ok=True)
        again.screenshot(path=str(ARTIFACTS / "desk-recording-waiting-360-en.png"), full_page=True)
        seen = []

        def through(route):
            seen.append(route.request.method)
            route.continue_()

        again.unroute("**/api/v1/interactions/*/recording")
        again.route("**/api/v1/interactions/*/recording", through)  # the network is back
        again.get_by_test_id("recording-text").filter(has_text="Recording uploaded").wait_for()
        again.get_by_test_id("recording-pending").wait_for(state="hidden")
        assert seen[0] == "GET" and "POST" in seen, seen  # asked where the upload stands, then sent it
        until_true(again, f"({KEPT})().then(n => n === 0)")  # complete: no longer kept in the browser

        client = live_app.test_client()
        login = client.post("/api/v1/auth/login", json={"email": world["boss"], "password": PASSWORD}).json
        boss = {"Authorization": "Bearer " + login["access_token"]}
        recording = client.get(f"/api/v1/interactions/{ix.id}/recording", headers=boss).json
        assert recording["state"] == "ready" and recording["source"] == "browser"
        assert recording["received"] == recording["total"] > 1000
        whole = client.get(recording["media_url"], headers=boss)
        assert whole.status_code == 200 and whole.data[:4] == b"\x1a\x45\xdf\xa3"

        again.reload()  # nothing left to resume
        again.wait_for_selector("[data-testid=desk-state]")
        again.wait_for_timeout(1000)
        assert again.get_by_test_id("recording-pending").is_hidden()
        again.context.close()
    finally:
        caller.context.close()
        if not desk.is_closed():
            desk.context.close()


def _preview_world(application, tag: str):
    """A running outbound campaign in preview mode (calling all day) with one contact whose number
    the local carrier answers, and a member checked in to its shift now."""
    from sqlalchemy.orm.attributes import flag_modified

    from marketplace.campaigns import services
    from marketplace.campaigns.schemas import CampaignIn
    from marketplace.contacts.phones import mask_digits
    from marketplace.contacts.vault import vault
    from marketplace.models import Claim, Contact, Shift
    from payouts.services import confirm_simulated_checkout, create_topup
    from telephony import numbers
    from tests.telephony.dialer.conftest import ALL_DAY

    number = "+86138" + str(time.time_ns())[-8:]
    with application.test_request_context():
        boss = accounts.register_user(email=f"boss.{tag}@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name=f"Desk Org {tag}")
        member = accounts.create_user(email=f"agent.{tag}@example.test", password=PASSWORD, name="Lin",
                                      role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, 1_000_000, "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(copy.deepcopy(OUTBOUND)))
        services.change_state(campaign, "published", boss.id)
        services.change_state(campaign, "running", boss.id)
        now = utcnow().replace(microsecond=0)
        campaign.starts_at, campaign.ends_at = now - timedelta(days=1), now + timedelta(days=1)
        campaign.settings = {**campaign.settings, "calling_windows": ALL_DAY, "dialer": {"mode": "preview"},
                             "survey_questions": SURVEY}
        flag_modified(campaign, "settings")
        phone_hash = vault().phone_hash(number)
        contact = Contact(campaign_id=campaign.id, org_id=boss.org_id, list_id=0, row_number=1, phone_hash=phone_hash,
                          phone_encrypted=vault().encrypt(number, phone_hash), phone_masked=mask_digits(number[3:]),
                          region="CN", time_zone="Asia/Shanghai", name="Wang", attributes={"order": "A-1042"},
                          state="pending", attempts=0)
        db.session.add(contact)
        shift = Shift(campaign_id=campaign.id, org_id=boss.org_id, starts_at=now - timedelta(minutes=5),
                      ends_at=now + timedelta(minutes=55), seats=5, claimed=1, state="open")
        db.session.add(shift)
        db.session.flush()
        db.session.add(Claim(shift_id=shift.id, campaign_id=campaign.id, member_id=member.id,
                             starts_at=shift.starts_at, ends_at=shift.ends_at, state="checked_in", checked_in_at=now))
        if numbers.number_of(campaign.id) is None:
            numbers.allocate_local_number(campaign.id)
        commit()
        world = {"member": member.email, "member_id": member.id, "contact_id": contact.id, "number": number,
                 "masked": contact.phone_masked, "campaign_id": campaign.id}
        db.session.remove()
    return world


def test_preview_mode_dial_talk_and_back_to_available(live_app, live_server, media_browser, telephony_running):
    world = _preview_world(live_app, "preview")
    desk = phone_page(media_browser, "en-US")
    try:
        sign_in_page(desk, live_server, world["member"])
        desk.goto(f"{live_server}/work/desk/")
        desk.get_by_test_id("status-available").click()
        desk.wait_for_selector("[data-testid=desk-state][data-state=available]")

        card = desk.get_by_test_id("preview")
        card.wait_for(state="visible")
        assert desk.get_by_test_id("preview-customer").inner_text() == world["masked"]
        assert "****" in world["masked"]
        assert "A-1042" in desk.get_by_test_id("preview-attributes").inner_text()
        assert world["number"][3:] not in desk.content()
        assert fits_the_screen(desk)
        ARTIFACTS.mkdir(exist_ok=True)
        desk.screenshot(path=str(ARTIFACTS / "desk-preview-360-en.png"), full_page=True)
        chinese = phone_page(media_browser, "zh-CN")  # the same card in Chinese
        try:
            sign_in_page(chinese, live_server, world["member"])
            chinese.goto(f"{live_server}/work/desk/")
            chinese.get_by_test_id("preview").wait_for(state="visible")
            assert "下一通电话" in chinese.get_by_test_id("preview").inner_text()
            assert chinese.get_by_test_id("preview-dial").inner_text() == "拨打"
            assert "Asia/Shanghai" in chinese.get_by_test_id("preview-time").inner_text()
            assert fits_the_screen(chinese)
            chinese.screenshot(path=str(ARTIFACTS / "desk-preview-360-zh.png"), full_page=True)
        finally:
            chinese.context.close()

        # outside the callee's calling hours: refused in words, nothing dialed
        from zoneinfo import ZoneInfo

        from tests.telephony.dialer.conftest import ALL_DAY, set_settings

        tomorrow = (utcnow().astimezone(ZoneInfo("Asia/Shanghai")).weekday() + 1) % 7
        set_settings(live_app, world["campaign_id"],
                     calling_windows=[{"days": [tomorrow], "start": "00:00", "end": "23:59"}])
        desk.get_by_test_id("preview-dial").click()
        refused = desk.get_by_test_id("preview-reason")
        refused.wait_for(state="visible")
        assert refused.inner_text().startswith(world["masked"] + ": ") and len(refused.inner_text()) > 20
        set_settings(live_app, world["campaign_id"], calling_windows=ALL_DAY)

        desk.get_by_test_id("preview-dial").click()
        card.wait_for(state="hidden")
        desk.get_by_test_id("call").wait_for(state="visible")  # the callee answered, the softphone joined
        assert desk.get_by_test_id("call-customer").inner_text() == world["masked"]
        assert "A-1042" in desk.get_by_test_id("call-attributes").inner_text()
        with live_app.app_context():
            from telephony.distributor import distributor

            assert (distributor().agent(world["member_id"]) or {}).get("st") == "away"  # no other call meanwhile
            db.session.remove()

        desk.get_by_test_id("call-hangup").click()
        desk.get_by_test_id("wrapup").wait_for(state="visible")
        desk.get_by_test_id("wrapup-code").select_option("completed")
        desk.get_by_test_id("wrapup-survey-0").fill("5")  # the second question is left unanswered
        desk.get_by_test_id("wrapup-survey-2").fill("Faster delivery")
        desk.get_by_test_id("wrapup-submit").click()
        desk.get_by_test_id("wrapup").wait_for(state="hidden")
        desk.wait_for_selector("[data-testid=desk-state][data-state=available]")
        with live_app.app_context():
            from marketplace.models import Contact
            from telephony.distributor import distributor
            from telephony.models import Interaction

            assert (distributor().agent(world["member_id"]) or {}).get("st") == "available"
            ix = db.session.query(Interaction).filter_by(member_id=world["member_id"]).one()  # refused: no call
            assert ix.direction == "outbound" and ix.contact_id == world["contact_id"]
            assert ix.state == "completed" and ix.answered_at is not None
            assert ix.survey_answers == [{"index": 0, "question": SURVEY[0], "answer": "5"},
                                         {"index": 2, "question": SURVEY[2], "answer": "Faster delivery"}]
            assert not ix.disposition_notes  # the answers are data, not folded into the notes
            assert db.session.get(Contact, world["contact_id"]).last_disposition == "completed"
            db.session.remove()
        desk.get_by_test_id("today-calls").filter(has_text="1").wait_for()
        assert desk.get_by_test_id("preview").is_hidden()  # the only contact is done: no next card
    finally:
        desk.context.close()


def test_the_workspace_and_the_customer_phone_in_chinese(live_app, live_server, media_browser, telephony_running):
    world = desk_world(live_app, "zh", checked_in=False)
    desk = phone_page(media_browser, "zh-CN")
    try:
        sign_in_page(desk, live_server, world["member"])
        desk.goto(f"{live_server}/work/desk/")
        assert "工作台" in desk.locator("h1").inner_text()
        desk.wait_for_selector("[data-testid=desk-state][data-state=offline]")
        desk.get_by_test_id("status-available").click()
        desk.get_by_test_id("desk-reason").filter(has_text="签到").wait_for()
        assert "你没有班次" in desk.get_by_test_id("desk-shift").inner_text()
        assert desk.get_by_test_id("desk").get_attribute("data-t-pending-many") == "{n} 段录音等待上传"
        assert fits_the_screen(desk)
        ARTIFACTS.mkdir(exist_ok=True)
        desk.screenshot(path=str(ARTIFACTS / "desk-360-zh.png"), full_page=True)
        desk.goto(f"{live_server}/telephony/phone/{world['number']}")
        assert "客户电话" in desk.locator("h1").inner_text()
        assert fits_the_screen(desk)
        desk.screenshot(path=str(ARTIFACTS / "phone-360-zh.png"), full_page=True)
    finally:
        desk.context.close()
