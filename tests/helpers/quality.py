"""What the quality browser tests share: a member's call the scorer rejected, on a live app."""

from __future__ import annotations

import copy

from app.auth import services as accounts
from app.database import commit
from payouts.services import confirm_simulated_checkout, create_topup
from tests.quality.conftest import RUDE_EN
from tests.telephony.conftest import INBOUND, at

PASSWORD = "correct-horse-battery"


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def low_scored_call(application, tag: str = "") -> int:
    """A published campaign and a member's completed call the scorer rejected: the result's id.
    The enterprise is ``qa.boss{tag}@example.test``, the member ``qa.mei{tag}@example.test``."""
    from quality.services import gate
    from telephony import services
    from telephony.transcripts import save_transcript

    client = application.test_client()
    with application.test_request_context():
        boss = accounts.register_user(email=f"qa.boss{tag}@example.test", password=PASSWORD, name="Boss",
                                      role="enterprise", org_name="QA Org")
        member = accounts.create_user(email=f"qa.mei{tag}@example.test", password=PASSWORD, name="Mei", role="member")
        commit()
        topup = create_topup(boss.org_id, boss.id, INBOUND["budget"], "CNY")
        confirm_simulated_checkout(topup.id, boss.org_id)
        commit()
        member_id = member.id
    token = client.post("/api/v1/auth/login", json={"email": f"qa.boss{tag}@example.test", "password": PASSWORD})
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
