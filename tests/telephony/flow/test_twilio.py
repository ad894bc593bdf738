"""The same flow on the Twilio provider: the official client talking to a fake Twilio API on
127.0.0.1, webhooks signed with the account's auth token against ``PUBLIC_BASE_URL``."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from telephony.providers.twilio import sign
from tests.telephony.providers.test_twilio_rest import ACCOUNT, SID, TOKEN, fake_twilio  # noqa: F401 - a fixture

PUBLIC = "https://cc.example.com"
NUMBER = "+14155550100"
CUSTOMER_SID = "CA" + "c" * 32


@pytest.fixture
def on_twilio(app, fake_twilio):  # noqa: F811 - the fixture imported above
    base_url, server = fake_twilio
    saved = dict(app.config)
    app.config.update(TELEPHONY_PROVIDER="twilio", TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_AUTH_TOKEN=TOKEN,
                      TWILIO_API_BASE_URL=base_url, PUBLIC_BASE_URL=PUBLIC)
    yield server
    app.config.clear()
    app.config.update(saved)


def twilio_post(client, path: str, params: dict, **query):
    url = f"{PUBLIC}/telephony/twilio/{path}" + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    return client.post(url.removeprefix(PUBLIC), data=params, headers={"X-Twilio-Signature": sign(url, params, TOKEN)})


def test_an_accepted_offer_rings_the_member_through_twilios_rest_api(app, client, enterprise, campaign, member,
                                                                    on_twilio):
    from app.database import commit
    from telephony import dispatcher
    from telephony.distributor import distributor
    from telephony.queries import find_by_call_sid

    owner = enterprise()
    campaign_id = campaign(owner)
    shown = client.get(f"/api/v1/campaigns/{campaign_id}/routing", headers=owner["headers"]).json
    assert shown["number"] is None  # on Twilio, the enterprise brings its number
    assert client.put(f"/api/v1/campaigns/{campaign_id}/routing", json={"number": NUMBER},
                      headers=owner["headers"]).status_code == 200
    params = {"AccountSid": ACCOUNT, "CallSid": CUSTOMER_SID, "CallStatus": "ringing", "From": "+8613812345678",
              "To": NUMBER, "Direction": "inbound"}
    assert twilio_post(client, "voice", params).status_code == 200
    member_id, headers = member()
    with app.test_request_context():
        interaction_id = find_by_call_sid("twilio", CUSTOMER_SID).id
        distributor().set_agent_campaigns(member_id, primary=[campaign_id])
        distributor().set_available(member_id)
        commit()
        dispatcher.run_once()

    accepted = client.post(f"/api/v1/agents/me/offers/{interaction_id}/accept", headers=headers)
    assert accepted.status_code == 200, accepted.json
    [placed] = on_twilio.requests
    form = {key: values[0] for key, values in placed["form"].items()}
    assert placed["path"] == f"/2010-04-01/Accounts/{ACCOUNT}/Calls.json"
    assert (form["To"], form["From"]) == (f"client:member-{member_id}", NUMBER)
    agent_url = urlsplit(form["Url"])
    assert f"{agent_url.scheme}://{agent_url.netloc}{agent_url.path}" == f"{PUBLIC}/telephony/twilio/agent"
    assert parse_qs(agent_url.query) == {"interaction": [str(interaction_id)], "member": [str(member_id)]}
    assert parse_qs(urlsplit(form["StatusCallback"]).query)["leg"] == ["agent"]

    joined = twilio_post(client, "agent", {"CallSid": SID, "CallStatus": "in-progress"},
                         interaction=interaction_id, member=member_id)
    assert f"ix-{interaction_id}</Conference>" in joined.text
    status_query = {"interaction": interaction_id, "leg": "agent", "member": member_id}
    assert twilio_post(client, "status", {"CallSid": SID, "CallStatus": "in-progress", "SequenceNumber": "2"},
                       **status_query).status_code == 204
    assert twilio_post(client, "status", {"CallSid": CUSTOMER_SID, "CallStatus": "completed", "SequenceNumber": "0",
                                          "To": NUMBER}).status_code == 204
    hung_up = on_twilio.requests[-1]
    assert hung_up["path"].endswith(f"/Calls/{SID}.json") and hung_up["form"]["Status"] == ["completed"]
    shown = client.get(f"/api/v1/interactions/{interaction_id}", headers=headers).json
    assert shown["state"] == "wrapup" and shown["agent_call_sid"] == SID
