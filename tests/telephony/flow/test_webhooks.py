"""The carrier's webhooks one request at a time (in the test's rolled-back transaction): signatures,
replays, unknown calls, callbacks out of order, and the offers API's refusals."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from telephony.providers.local import LOCAL_AUTH_TOKEN
from telephony.providers.twilio import sign

BASE = "http://localhost/telephony/twilio"
CALLER = "+8613812345678"


def post(client, path: str, params: dict, *, signature: str | None = "sign", **query):
    url = f"{BASE}/{path}" + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    headers = {}
    if signature == "sign":
        headers["X-Twilio-Signature"] = sign(url, params, LOCAL_AUTH_TOKEN)
    elif signature is not None:
        headers["X-Twilio-Signature"] = signature
    return client.post(url.removeprefix("http://localhost"), data=params, headers=headers)


def voice_params(number: str, sid: str = "CA" + "1" * 32) -> dict:
    return {"AccountSid": "AC" + "0" * 32, "CallSid": sid, "CallStatus": "ringing", "From": CALLER, "To": number,
            "Direction": "inbound"}


def counts(app) -> tuple[int, int]:
    from app.webhooks import WebhookEvent
    from telephony.models import Interaction

    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Interaction)),
                db.session.scalar(select(func.count()).select_from(WebhookEvent)))


def number_of(app, campaign_id: int) -> str:
    from telephony import numbers

    with app.app_context():
        return numbers.number_of(campaign_id).number


def interaction_of(app, sid: str):
    from telephony.queries import find_by_call_sid

    with app.app_context():
        found = find_by_call_sid("local", sid)
        return found and {"id": found.id, "state": found.state, "member_id": found.member_id}


def test_unsigned_or_wrongly_signed_webhooks_are_403_and_change_nothing(app, client, enterprise, campaign):
    number = number_of(app, campaign(enterprise()))
    before = counts(app)
    for path in ("voice", "status", "recording", "wait", "agent", "conference"):
        assert post(client, path, voice_params(number), signature=None).status_code == 403
        wrong = post(client, path, voice_params(number), signature="bm90IGEgc2lnbmF0dXJl")
        assert wrong.status_code == 403 and wrong.json["error"]["code"] == "bad_signature"
    assert counts(app) == before


def test_a_signed_call_is_queued_once_however_often_the_carrier_asks(app, client, enterprise, campaign):
    from telephony.distributor import distributor

    number = number_of(app, campaign(enterprise()))
    first = post(client, "voice", voice_params(number))
    assert first.status_code == 200 and first.mimetype == "application/xml"
    found = interaction_of(app, "CA" + "1" * 32)
    assert "<Conference" in first.text and f"ix-{found['id']}</Conference>" in first.text
    assert 'endConferenceOnExit="true"' in first.text and "/telephony/twilio/wait?lang=zh" in first.text
    again = post(client, "voice", voice_params(number))
    assert again.text == first.text
    interactions, _events = counts(app)
    assert interactions == 1 and found["state"] == "queued"
    with app.app_context():
        assert distributor().call(found["id"]) is not None


def test_a_call_to_a_number_nobody_answers_on_is_told_so(app, client):
    reply = post(client, "voice", voice_params("+8640199999999"))
    assert reply.status_code == 200 and "<Hangup" in reply.text
    assert counts(app)[0] == 0


def test_a_status_for_an_unknown_call_is_2xx(app, client):
    reply = post(client, "status", {"CallSid": "CA" + "9" * 32, "CallStatus": "completed", "SequenceNumber": "3"})
    assert reply.status_code == 204


def test_a_replayed_hang_up_changes_nothing(app, client, enterprise, campaign):
    number = number_of(app, campaign(enterprise()))
    post(client, "voice", voice_params(number))
    completed = {"CallSid": "CA" + "1" * 32, "CallStatus": "completed", "SequenceNumber": "0", "To": number}
    assert post(client, "status", completed).status_code == 204
    assert interaction_of(app, "CA" + "1" * 32)["state"] == "abandoned"
    before = counts(app)
    assert post(client, "status", completed).status_code == 204
    assert counts(app) == before


def _offered(app, client, number, member_id, *, now_ms=None):
    from app.database import commit
    from telephony import dispatcher
    from telephony.distributor import distributor

    post(client, "voice", voice_params(number))
    found = interaction_of(app, "CA" + "1" * 32)
    with app.test_request_context():
        distributor().set_agent_campaigns(member_id, primary=[_campaign_of(found["id"])])
        distributor().set_available(member_id, now_ms=now_ms)
        commit()
        dispatcher.run_once(now_ms)
    return found["id"]


def _campaign_of(interaction_id):
    from telephony.models import Interaction

    return db.session.get(Interaction, interaction_id).campaign_id


def test_an_agent_leg_that_reports_its_end_before_its_answer(app, client, enterprise, campaign, member):
    number = number_of(app, campaign(enterprise()))
    member_id, headers = member()
    interaction_id = _offered(app, client, number, member_id)
    assert client.post(f"/api/v1/agents/me/offers/{interaction_id}/accept", headers=headers).status_code == 200
    leg = {"CallSid": "CA" + "2" * 32, "To": f"client:member-{member_id}", "SequenceNumber": "3"}
    query = {"interaction": interaction_id, "leg": "agent", "member": member_id}
    assert post(client, "status", {**leg, "CallStatus": "completed", "CallDuration": "42"}, **query).status_code == 204
    found = interaction_of(app, "CA" + "1" * 32)
    assert found["state"] == "wrapup" and found["member_id"] == member_id
    assert post(client, "status", {**leg, "CallStatus": "in-progress", "SequenceNumber": "1"},
                **query).status_code == 204
    assert interaction_of(app, "CA" + "1" * 32)["state"] == "wrapup"
    done = client.post(f"/api/v1/interactions/{interaction_id}/disposition", json={"code": "resolved"},
                       headers=headers)
    assert done.status_code == 200 and done.json["state"] == "completed"


def test_an_expired_offer_cannot_be_accepted(app, client, enterprise, campaign, member):
    from telephony.routing.acd import wall_clock_ms

    number = number_of(app, campaign(enterprise()))
    member_id, headers = member()
    interaction_id = _offered(app, client, number, member_id, now_ms=wall_clock_ms() - 16_000)
    refused = client.post(f"/api/v1/agents/me/offers/{interaction_id}/accept", headers=headers)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "offer_expired"
    assert interaction_of(app, "CA" + "1" * 32)["state"] == "offered"
    chinese = client.post(f"/api/v1/agents/me/offers/{interaction_id}/accept",
                          headers={**headers, "Accept-Language": "zh-CN"})
    assert chinese.status_code == 409 and chinese.json["error"]["message"] != refused.json["error"]["message"]


def test_flask_telephony_check(app, client, enterprise, campaign, runner):
    from telephony.distributor import distributor

    number = number_of(app, campaign(enterprise()))
    post(client, "voice", voice_params(number))
    assert runner.invoke(args=["telephony", "check"]).exit_code == 0
    with app.app_context():
        distributor().enqueue(987654, 1)
    broken = runner.invoke(args=["telephony", "check"])
    assert broken.exit_code == 1 and "987654" in broken.output


def test_a_signed_voice_request_without_a_call_id_is_400(app, client):
    reply = post(client, "voice", {"From": CALLER, "To": "+8640100000001"})
    assert reply.status_code == 400 and "CallSid" in reply.json["error"]["fields"]
    assert counts(app) == (0, 0)
