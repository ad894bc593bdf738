"""The wallboard's figures on a small hand-computed day, the live API's tenancy, the page and its
event stream."""

from __future__ import annotations

import json
from datetime import timedelta
from itertools import pairwise

import pytest

from app.database import commit
from app.timeutil import utcnow


@pytest.fixture
def day(app, enterprise, member, campaign):
    """Five calls in the last ten minutes: A answered in 10 s and completed (handle 120 s), B answered
    in 30 s (in wrap-up), C abandoned after 15 s, D after 40 s, E still waiting (100 s at ``now``)."""
    from telephony import services

    owner = enterprise()
    cid = campaign(owner)
    (a, _), (b, _) = member(), member()
    now = utcnow().replace(microsecond=0)
    t0 = now - timedelta(seconds=600)

    def t(seconds):
        return t0 + timedelta(seconds=seconds)

    with app.test_request_context():
        _calls(services, cid, a, b, t)
    return {"owner": owner, "campaign": cid, "now": now, "a": a, "b": b}


def _calls(services, cid, a, b, t):
    first = services.create_interaction(cid, "inbound", customer_phone="+8613812345678", at=t(0)).id
    services.record_offer(first, a, offer_id="o1", at=t(5))
    services.mark_answered(first, a, at=t(10))
    services.begin_wrapup(first, at=t(100))
    services.set_disposition(first, a, "resolved")
    services.complete_interaction(first, at=t(130))
    second = services.create_interaction(cid, "inbound", at=t(0)).id
    services.record_offer(second, b, offer_id="o2", at=t(25))
    services.mark_answered(second, b, at=t(30))
    services.begin_wrapup(second, at=t(90))
    for gave_up in (15, 40):
        gone = services.create_interaction(cid, "inbound", at=t(0)).id
        services.mark_abandoned(gone, at=t(gave_up))
    services.create_interaction(cid, "inbound", at=t(500))
    commit()


def test_figures_by_hand(app, ctx, day):
    from telephony import live
    from telephony.campaigns import campaign

    body = live.figures(campaign(day["campaign"]), day["now"])
    assert body["target_answer_seconds"] == 20
    assert (body["waiting"], body["longest_wait_seconds"]) == (1, 100)
    assert (body["offered"], body["answered"], body["abandoned"]) == (5, 2, 2)
    assert (body["answered_within_target"], body["abandoned_within_target"]) == (1, 1)
    assert body["service_level"] == 0.5  # 1 of 2 answered within 20 s
    assert body["sl2"] == 0.5  # (1 answered + 1 abandoned within target) / (2 answered + 2 abandoned)
    assert body["asa"] == 20.0  # (10 + 30) / 2
    assert body["aht"] == 120.0  # the completed call: 90 s talk + 30 s wrap-up
    # B is still in wrap-up on the campaign but has no presence in routing: offline, no occupancy
    assert body["agents"] == {"available": 0, "offered": 0, "on_call": 0, "wrapup": 0, "away": 0, "offline": 1}
    assert body["occupancy"] is None


def test_occupancy_and_agents_from_routing(app, ctx, day):
    from telephony import live
    from telephony.campaigns import campaign
    from telephony.distributor import distributor

    acd = distributor()
    acd.set_agent_campaigns(day["b"], primary=[day["campaign"]])
    acd.set_available(day["b"])
    body = live.figures(campaign(day["campaign"]))
    assert body["agents"]["available"] == 1 and body["occupancy"] == 0.0
    rows = live.agents_now(day["campaign"], utcnow())
    assert rows[0]["member_id"] == day["b"] and rows[0]["state"] == "available" and rows[0]["name"]


def test_live_api(client, day, enterprise, create_user, user_email, auth):
    url = f"/api/v1/campaigns/{day['campaign']}/live"
    response = client.get(url, headers=day["owner"]["headers"])
    assert response.status_code == 200, response.json
    body = response.json
    assert (body["offered"], body["answered"], body["abandoned"], body["waiting"]) == (5, 2, 2, 1)
    assert body["service_level"] == 0.5 and body["sl2"] == 0.5 and body["asa"] == 20.0 and body["aht"] == 120.0
    for key in ("longest_wait_seconds", "agents", "occupancy"):
        assert key in body
    other = enterprise()
    refused = client.get(url, headers=other["headers"])
    assert refused.status_code == 404 and refused.json["error"]["code"] == "not_found"
    assert client.get("/api/v1/campaigns/999999/live", headers=other["headers"]).status_code == 404
    assert client.get(url).status_code == 401
    member = auth.headers(user_email(create_user("member")))
    assert client.get(url, headers=member).status_code == 403


def _sign_in(client, email):
    from tests.helpers.web import sign_in

    response = sign_in(client, email)
    assert response.status_code in (302, 303), response.status_code


def test_page_stream_and_poll(app, client, day, user_email, enterprise):
    app.config.update(WALLBOARD_STREAM_SECONDS=0.5, WALLBOARD_EVENT_SECONDS=0.2)
    cid = day["campaign"]
    # signed out: the page sends to sign-in, the stream and poll answer 401, nothing else
    assert client.get(f"/telephony/wallboard?campaign={cid}").status_code in (302, 303)
    assert client.get(f"/telephony/wallboard/stream?campaign={cid}").status_code == 401
    assert client.get(f"/telephony/wallboard/data?campaign={cid}").status_code == 401
    _sign_in(client, user_email(day["owner"]["admin_id"]))
    page = client.get(f"/telephony/wallboard?campaign={cid}")
    assert page.status_code == 200 and b'data-testid="wallboard"' in page.data
    assert b"SL2" in page.data
    stream = client.get(f"/telephony/wallboard/stream?campaign={cid}")
    assert stream.status_code == 200 and stream.mimetype == "text/event-stream"
    text = stream.get_data(as_text=True)  # the bounded stream ends by itself
    assert text.startswith("retry: ")
    events = [json.loads(line[len("data: "):]) for line in text.splitlines() if line.startswith("data: ")]
    assert len(events) >= 2 and events[0]["offered"] == 5 and events[0]["interactions"][0]["timeline"]
    polled = client.get(f"/telephony/wallboard/data?campaign={cid}")
    assert polled.status_code == 200 and polled.json["waiting"] == 1
    # no such campaign: not found; another enterprise's: not found either
    assert client.get("/telephony/wallboard/data?campaign=999999").status_code == 404
    assert client.get("/telephony/wallboard/data?campaign=abc").status_code == 404
    other = enterprise()
    client.post("/signout")
    _sign_in(client, user_email(other["admin_id"]))
    assert client.get(f"/telephony/wallboard/data?campaign={cid}").status_code == 404
    assert client.get(f"/telephony/wallboard/stream?campaign={cid}").status_code == 404


def test_chart_buckets_by_interval(app, ctx, day):
    from telephony import live
    from telephony.campaigns import campaign

    rows = live.chart(campaign(day["campaign"]), day["now"])
    assert len(rows) == 8  # four hours of 30-minute intervals
    assert all(b["start"] - a["start"] == timedelta(minutes=30) for a, b in pairwise(rows))
    assert sum(r["offered"] for r in rows) == 5 and sum(r["answered"] for r in rows) == 2
    assert rows[-1]["start"] <= day["now"] < rows[-1]["start"] + timedelta(minutes=30)
    # the campaign's forecast is for its own (future) days: nothing planned in these hours
    assert all(r["forecast_calls"] is None and r["rostered"] is None for r in rows)


def test_chart_against_the_staffing_plan(app, enterprise, campaign):
    from app.timeutil import utcnow
    from telephony import live
    from telephony.campaigns import campaign as find
    from tests.telephony.conftest import INBOUND

    now = utcnow()
    slot = now.replace(minute=now.minute // 30 * 30, second=0, microsecond=0)
    inbound = {**INBOUND["inbound"], "forecast": [{"start": slot.isoformat(), "calls": 100}]}
    cid = campaign(enterprise(), starts_at=(slot - timedelta(hours=1)).isoformat(),
                   ends_at=(slot + timedelta(hours=5)).isoformat(), inbound=inbound)
    with app.test_request_context():
        rows = live.chart(find(cid), now)
    assert rows[-1]["forecast_calls"] == 100 and rows[-1]["rostered"] >= rows[-1]["forecast_agents"] > 0
    assert rows[0]["forecast_calls"] is None
