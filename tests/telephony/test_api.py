"""Interactions API: tenancy (two enterprises, two members), filters and paging, the disposition
endpoint's rules, the routing status, and bad input that changes nothing."""

from __future__ import annotations

import pytest

from app.database import commit
from tests.telephony.conftest import OUTBOUND, at


@pytest.fixture
def world(app, enterprise, member, campaign, handled):
    """Two enterprises with a campaign each, two members; member A handled two calls of enterprise
    1 (one completed, one in wrap-up) and one of enterprise 2, member B one of enterprise 1, and a
    caller of enterprise 2 gave up waiting."""
    from telephony import services

    one, two = enterprise(), enterprise()
    c1, c2 = campaign(one), campaign(two, OUTBOUND)
    (a, a_headers), (b, b_headers) = member(), member()
    done = handled(c1, a)
    services.set_disposition(done, a, "resolved")
    services.complete_interaction(done, at=at(300))
    wrapping = handled(c1, a)
    other = handled(c2, a)
    b_call = handled(c1, b)
    gone = services.create_interaction(c2, "inbound", at=at(0)).id
    services.mark_abandoned(gone, at=at(50))
    commit()
    return {"one": one, "two": two, "c1": c1, "c2": c2, "a": a, "b": b, "a_headers": a_headers,
            "b_headers": b_headers, "done": done, "wrapping": wrapping, "other": other, "b_call": b_call,
            "gone": gone}


def _ids(client, headers, query=""):
    response = client.get(f"/api/v1/interactions{query}", headers=headers)
    assert response.status_code == 200, response.json
    return [item["id"] for item in response.json["items"]]


def test_each_sees_their_own(client, world):
    w = world
    assert _ids(client, w["one"]["headers"]) == [w["b_call"], w["wrapping"], w["done"]]
    assert _ids(client, w["two"]["headers"]) == [w["gone"], w["other"]]
    assert _ids(client, w["a_headers"]) == [w["other"], w["wrapping"], w["done"]]
    assert _ids(client, w["b_headers"]) == [w["b_call"]]
    # another tenant's ids: filters match nothing, single reads are 404
    assert _ids(client, w["two"]["headers"], f"?campaign_id={w['c1']}") == []
    assert _ids(client, w["b_headers"], f"?member_id={w['a']}") == []
    for headers, foreign in ((w["one"]["headers"], w["other"]), (w["two"]["headers"], w["done"]),
                             (w["b_headers"], w["done"]), (w["a_headers"], w["gone"])):
        response = client.get(f"/api/v1/interactions/{foreign}", headers=headers)
        assert response.status_code == 404 and response.json["error"]["code"] == "not_found"
    assert client.get("/api/v1/interactions/999999", headers=w["one"]["headers"]).status_code == 404
    assert client.get("/api/v1/interactions").status_code == 401


def test_other_roles_are_refused(client, world, create_user, user_email, auth):
    trainer = auth.headers(user_email(create_user("trainer")))
    response = client.get("/api/v1/interactions", headers=trainer)
    assert response.status_code == 403 and response.json["error"]["code"] == "forbidden_role"


def test_one_interaction_in_full(client, world):
    w = world
    body = client.get(f"/api/v1/interactions/{w['done']}", headers=w["one"]["headers"]).json
    assert body["state"] == "completed" and body["direction"] == "inbound" and body["channel"] == "voice"
    assert body["campaign_id"] == w["c1"] and body["member_id"] == w["a"]
    assert body["customer"] == {"masked": "138****5678", "contact_id": None}
    assert "13812345678" not in str(body)
    assert body["durations"] == {"wait": 14, "ring": 4, "talk": 90, "hold": 0, "wrapup": 196, "handle": 286}
    assert body["disposition"] == {"code": "resolved", "label": "Resolved", "outcome": "success", "notes": None}
    assert body["earning"] == {"amount": 350 + 180 + 200, "currency": "CNY", "state": "pending"}
    assert body["qa"] is None
    assert [e["kind"] for e in body["timeline"]] == ["queued", "offered", "answered", "wrapup", "completed"]
    assert body["queued_at"].startswith("2026-12-04T08:00:00")
    live = client.get(f"/api/v1/interactions/{w['wrapping']}", headers=w["a_headers"]).json
    assert live["state"] == "wrapup" and live["durations"]["talk"] == 90 and live["durations"]["wrapup"] is None
    assert live["earning"] is None and live["disposition"] is None


def test_filters_and_paging(client, world):
    w, headers = world, world["one"]["headers"]
    assert _ids(client, headers, "?state=completed") == [w["done"]]
    assert _ids(client, headers, f"?member_id={w['b']}") == [w["b_call"]]
    assert _ids(client, headers, "?from=2026-12-04T08:00:00Z&to=2026-12-04T08:00:01Z") == [
        w["b_call"], w["wrapping"], w["done"]]
    assert _ids(client, headers, "?from=2026-12-04T09:00:00%2B01:00") == [w["b_call"], w["wrapping"], w["done"]]
    assert _ids(client, headers, "?from=2026-12-04T08:00:01Z") == []
    seen, cursor = [], None
    while True:
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(f"/api/v1/interactions{query}", headers=headers).json
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [w["b_call"], w["wrapping"], w["done"]]


@pytest.mark.parametrize("query,field", [
    ("?state=ringing", "state"), ("?limit=0", "limit"), ("?limit=101", "limit"), ("?campaign_id=x", "campaign_id"),
    ("?from=yesterday", "from"), ("?from=2026-12-05T00:00:00Z&to=2026-12-04T00:00:00Z", "to"),
    ("?cursor=not-a-cursor", "cursor"), ("?member_id=0", "member_id"),
])
def test_bad_filters_are_422_naming_the_field(client, world, query, field):
    response = client.get(f"/api/v1/interactions{query}", headers=world["one"]["headers"])
    assert response.status_code in (400, 422), response.json
    assert field in response.json["error"]["fields"], response.json


def test_the_member_sets_the_disposition_during_wrap_up(client, world):
    w = world
    url = f"/api/v1/interactions/{w['wrapping']}/disposition"
    refused = [
        (w["b_headers"], {"code": "resolved"}, 404),          # not their call
        (w["one"]["headers"], {"code": "resolved"}, 403),     # enterprises do not disposition
        (w["a_headers"], {"code": "sold_a_car"}, 422),         # not the campaign's
        (w["a_headers"], {"code": ""}, 422),
        (w["a_headers"], {}, 422),
        (w["a_headers"], {"code": "resolved", "surprise": 1}, 422),
        (w["a_headers"], {"code": "resolved", "notes": "x" * 2001}, 422),
    ]
    for headers, body, status in refused:
        response = client.post(url, json=body, headers=headers)
        assert response.status_code == status, (body, response.json)
    bad = client.post(url, json={"code": "sold_a_car"}, headers=w["a_headers"]).json["error"]
    assert bad["code"] == "validation_error" and "code" in bad["fields"]
    untouched = client.get(f"/api/v1/interactions/{w['wrapping']}", headers=w["a_headers"]).json
    assert untouched["state"] == "wrapup" and untouched["disposition"] is None

    done = client.post(url, json={"code": "follow_up", "notes": "Call back Monday"}, headers=w["a_headers"])
    assert done.status_code == 200, done.json
    assert done.json["state"] == "completed" and done.json["disposition"]["code"] == "follow_up"
    assert done.json["disposition"]["notes"] == "Call back Monday"
    assert done.json["earning"]["state"] == "pending" and done.json["earning"]["amount"] == 350 + 180
    again = client.post(url, json={"code": "resolved"}, headers=w["a_headers"])
    assert again.status_code == 409 and again.json["error"]["code"] == "not_in_wrapup"
    assert client.get(f"/api/v1/interactions/{w['wrapping']}",
                      headers=w["a_headers"]).json["disposition"]["code"] == "follow_up"
    early = client.post(f"/api/v1/interactions/{w['gone']}/disposition", json={"code": "completed"},
                        headers=w["a_headers"])
    assert early.status_code == 404


def test_disposition_errors_speak_chinese(client, world):
    w = world
    url = f"/api/v1/interactions/{w['wrapping']}/disposition"
    headers = {**w["a_headers"], "Accept-Language": "zh-CN"}
    wrong = client.post(url, json={"code": "sold_a_car"}, headers=headers).json["error"]
    assert wrong["fields"]["code"] == "不是本活动的处理结果代码。"
    assert client.post(url, json={"code": "resolved"}, headers=headers).status_code == 200
    late = client.post(url, json={"code": "resolved"}, headers=headers).json["error"]
    assert late["code"] == "not_in_wrapup" and late["message"] == "整理阶段已结束：处理结果不能再更改。"


def test_routing_status_for_the_enterprise(client, world, app):
    w = world
    url = f"/api/v1/campaigns/{w['c1']}/routing"
    status = client.get(url, headers=w["one"]["headers"])
    assert status.status_code == 200 and status.json["paused"] is False
    assert client.get(url, headers=w["two"]["headers"]).status_code == 404
    assert client.get(url, headers=w["a_headers"]).status_code == 403
    resumed = client.post(url + "/resume", headers=w["one"]["headers"])
    assert resumed.status_code == 200 and resumed.json["paused"] is False


def test_ids_beyond_any_row_and_broken_bodies(client, world):
    w = world
    for path in ("/api/v1/interactions/99999999999999999999", f"/api/v1/campaigns/{2**31}/routing"):
        response = client.get(path, headers=w["one"]["headers"])
        assert response.status_code == 404, response.json
    for field in ("campaign_id", "member_id"):
        response = client.get(f"/api/v1/interactions?{field}=99999999999", headers=w["one"]["headers"])
        assert response.status_code == 422 and field in response.json["error"]["fields"]
    url = f"/api/v1/interactions/{w['wrapping']}/disposition"
    broken = client.post(url, data="{bad", content_type="application/json", headers=w["a_headers"])
    assert broken.status_code == 400 and broken.json["error"]["code"] == "malformed_json"
    assert client.post(url, json=["resolved"], headers=w["a_headers"]).status_code == 422
    assert client.post(url, json={"code": 5}, headers=w["a_headers"]).status_code == 422
    assert client.get(f"/api/v1/interactions/{w['wrapping']}", headers=w["a_headers"]).json["state"] == "wrapup"
