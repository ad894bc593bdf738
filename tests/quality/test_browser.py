"""In a real browser: a member on a phone (360 px) opens a low-scored call from their home page,
reads the quoted evidence, files a dispute, and sees the page in Chinese."""

from __future__ import annotations

import copy

import pytest

from app.auth import services as accounts
from app.database import commit
from payouts.services import confirm_simulated_checkout, create_topup
from tests.quality.conftest import RUDE_EN
from tests.telephony.conftest import INBOUND, at

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def _low_scored_call(application) -> int:
    """A published campaign and a member's completed call the scorer rejected: the result's id."""
    from quality.services import gate
    from telephony import services
    from telephony.transcripts import save_transcript

    client = application.test_client()
    with application.test_request_context():
        boss = accounts.register_user(email="qa.boss@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name="QA Org")
        member = accounts.create_user(email="qa.mei@example.test", password=PASSWORD, name="Mei", role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, INBOUND["budget"], "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        commit()
        member_id = member.id
    token = client.post("/api/v1/auth/login", json={"email": "qa.boss@example.test", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.json['access_token']}"}
    created = client.post("/api/v1/campaigns", json=copy.deepcopy(INBOUND), headers=headers)
    assert created.status_code == 201, created.json
    assert client.post(f"/api/v1/campaigns/{created.json['id']}/publish", headers=headers).status_code == 200
    with application.test_request_context():
        call = services.create_interaction(created.json["id"], "inbound", customer_phone="+8613812345678", at=at(0))
        services.record_offer(call.id, member_id, offer_id="qa-phone", at=at(10))
        services.mark_answered(call.id, member_id, at=at(14))
        services.begin_wrapup(call.id, at=at(104))
        services.attach_media(call.id, transcript_ref=save_transcript(call.id, {"language": "en",
                                                                                  "utterances": RUDE_EN}))
        services.set_disposition(call.id, member_id, "resolved")
        services.complete_interaction(call.id, at=at(200))
        commit()
        result = gate.score_interaction(call.id)
        commit()
        return result.id


def test_member_reads_the_evidence_and_disputes_on_a_phone(live_app, live_server, phone):
    result_id = _low_scored_call(live_app)
    page = phone
    page.goto(live_server + "/signin")
    page.locator("input[name=email]").fill("qa.mei@example.test")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_test_id("signin-submit").click()
    page.wait_for_url("**/home")
    page.get_by_test_id("home-qa-link").click()
    assert page.get_by_test_id(f"qa-call-{result_id}").bounding_box()["height"] >= 44
    page.get_by_test_id(f"qa-call-{result_id}").click()
    assert page.get_by_test_id("qa-score").inner_text().startswith("Score 0")
    quote = page.get_by_test_id("quote-forbidden_language").first
    assert "idiot" in quote.inner_text()
    assert fits_the_screen(page)
    assert page.get_by_test_id("dispute-submit").bounding_box()["height"] >= 44
    page.get_by_test_id("dispute-comment").fill("I never said that; the transcript mixed up the speakers.")
    page.get_by_test_id("dispute-submit").click()
    page.get_by_test_id("dispute-state").wait_for()
    assert "Dispute open" in page.get_by_test_id("dispute-state").inner_text()
    page.get_by_test_id("lang-zh").click()
    page.get_by_test_id("dispute-state").wait_for()
    assert "申诉处理中" in page.get_by_test_id("dispute-state").inner_text()
    assert fits_the_screen(page)
    page.screenshot(path="/tmp/qag_member_zh.png", full_page=True)
