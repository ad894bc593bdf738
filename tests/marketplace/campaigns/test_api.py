"""Campaigns: validation, lifecycle, escrow on publishing and release at the end, tenancy, staffing plans."""

import copy

import pytest
from sqlalchemy import func, select

from tests.marketplace.helpers import INBOUND, OUTBOUND, wallet


def create(client, enterprise, body=INBOUND):
    response = client.post("/api/v1/campaigns", json=body, headers=enterprise["headers"])
    assert response.status_code == 201, response.json
    return response.json


def test_create_inbound_and_outbound_drafts(client, enterprise):
    inbound = create(client, enterprise)
    assert inbound["state"] == "draft" and inbound["escrow_balance"] == 0
    assert inbound["allowed_transitions"] == ["published", "cancelled"]
    assert inbound["settings"]["forecast"][1]["calls"] == 400
    assert inbound["requirements"]["tags"] == {"ecommerce.after_sales": 60}
    outbound = create(client, enterprise, OUTBOUND)
    assert outbound["settings"]["dispositions"][1]["retry_delay_minutes"] == 120
    page = client.get("/api/v1/campaigns", headers=enterprise["headers"]).json
    assert [c["id"] for c in page["items"]] == [outbound["id"], inbound["id"]]


def _broken(path, value):
    body = copy.deepcopy(INBOUND if path[0] != "outbound" else OUTBOUND)
    target = body
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return body


@pytest.mark.parametrize("path,value,field", [
    (("pay_per_call",), -1, "pay_per_call"),
    (("pay_per_call",), 0, "pay_per_call"),                      # no pay at all
    (("budget",), 0, "budget"),
    (("budget",), 12.5, "budget"),
    (("ends_at",), "2099-11-10T00:00:00+08:00", "ends_at"),
    (("qa_review_from",), 90, "qa_review_from"),
    (("currency",), "XXX", "currency"),
    (("time_zone",), "Mars/Olympus", "time_zone"),
    (("surprise",), 1, "surprise"),
    (("inbound",), None, "inbound"),
    (("inbound", "forecast"), [{"start": "2099-11-11T00:00:00+08:00", "calls": 1},
                               {"start": "2099-11-11T01:00:00+08:00", "calls": 1}], "inbound"),
    (("outbound", "calling_windows"), [{"days": [0], "start": "20:00", "end": "09:00"}], "outbound"),
    (("outbound", "dispositions"), [{"code": "x", "label": "X", "outcome": "retry"}], "outbound"),
])
def test_bad_campaigns_are_refused_and_nothing_is_created(app, client, enterprise, path, value, field):
    from app.extensions import db
    from marketplace.models import Campaign

    response = client.post("/api/v1/campaigns", json=_broken(path, value), headers=enterprise["headers"])
    assert response.status_code == 422, response.json
    assert field in response.json["error"]["fields"], response.json
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Campaign)) == 0


def test_publishing_holds_the_budget_and_completing_releases_the_rest(app, client, enterprise):
    enterprise["fund"](1_500_000)
    campaign = create(client, enterprise)
    published = client.post(f"/api/v1/campaigns/{campaign['id']}/publish", headers=enterprise["headers"])
    assert published.status_code == 200, published.json
    assert published.json["state"] == "published" and published.json["escrow_balance"] == 1_000_000
    assert wallet(app, enterprise["org_id"]) == 500_000
    again = client.post(f"/api/v1/campaigns/{campaign['id']}/publish", headers=enterprise["headers"])
    assert again.status_code == 409 and again.json["error"]["code"] == "invalid_transition"
    assert "“Published” cannot move to “Published”" in again.json["error"]["message"]
    assert "published" not in again.json["error"]["message"] and "draft" not in again.json["error"]["fields"]["to"]
    assert wallet(app, enterprise["org_id"]) == 500_000  # nothing held twice
    path = f"/api/v1/campaigns/{campaign['id']}/transitions"
    for state in ("running", "paused", "running", "completed"):
        response = client.post(path, json={"to": state}, headers=enterprise["headers"])
        assert response.status_code == 200, (state, response.json)
    assert response.json["escrow_balance"] == 0 and response.json["allowed_transitions"] == []
    assert wallet(app, enterprise["org_id"]) == 1_500_000
    after = client.post(path, json={"to": "running"}, headers=enterprise["headers"])
    assert after.status_code == 409


def test_publishing_without_enough_money_changes_nothing(app, client, enterprise):
    enterprise["fund"](10_000)
    campaign = create(client, enterprise)
    response = client.post(f"/api/v1/campaigns/{campaign['id']}/publish", headers=enterprise["headers"])
    assert response.status_code == 409
    assert client.get(f"/api/v1/campaigns/{campaign['id']}", headers=enterprise["headers"]).json["state"] == "draft"
    assert wallet(app, enterprise["org_id"]) == 10_000


def test_only_drafts_are_edited_and_cancelling_a_draft_moves_no_money(app, client, enterprise):
    enterprise["fund"](2_000_000)
    campaign = create(client, enterprise)
    edited = client.put(f"/api/v1/campaigns/{campaign['id']}", json={**INBOUND, "name": "Renamed"},
                        headers=enterprise["headers"])
    assert edited.status_code == 200 and edited.json["name"] == "Renamed"
    client.post(f"/api/v1/campaigns/{campaign['id']}/publish", headers=enterprise["headers"])
    locked = client.put(f"/api/v1/campaigns/{campaign['id']}", json=INBOUND, headers=enterprise["headers"])
    assert locked.status_code == 409 and locked.json["error"]["code"] == "not_a_draft"
    assert locked.json["error"]["message"].endswith("(Published).")
    zh = client.put(f"/api/v1/campaigns/{campaign['id']}", json=INBOUND,
                    headers={**enterprise["headers"], "Accept-Language": "zh-CN"})
    assert "published" not in zh.json["error"]["message"] and "草稿" in zh.json["error"]["message"]
    draft = create(client, enterprise)
    cancelled = client.post(f"/api/v1/campaigns/{draft['id']}/transitions", json={"to": "cancelled"},
                            headers=enterprise["headers"])
    assert cancelled.json["state"] == "cancelled"
    assert wallet(app, enterprise["org_id"]) == 1_000_000


def test_another_enterprise_sees_nothing(client, enterprise, create_user, user_email, auth):
    campaign = create(client, enterprise)
    other = auth.headers(user_email(create_user("enterprise")))
    for method, path, body in (("get", f"/api/v1/campaigns/{campaign['id']}", None),
                               ("post", f"/api/v1/campaigns/{campaign['id']}/publish", None),
                               ("put", f"/api/v1/campaigns/{campaign['id']}", INBOUND),
                               ("post", f"/api/v1/campaigns/{campaign['id']}/staffing-plan", None)):
        assert client.open(path, method=method.upper(), json=body, headers=other).status_code == 404
    assert client.get("/api/v1/campaigns", headers=other).json["items"] == []


def test_supervisors_read_and_members_cannot(app, client, enterprise, create_user, user_email, auth):
    campaign = create(client, enterprise)
    supervisor = auth.headers(user_email(create_user("enterprise_supervisor", org_id=enterprise["org_id"])))
    assert client.get(f"/api/v1/campaigns/{campaign['id']}", headers=supervisor).status_code == 200
    assert client.post("/api/v1/campaigns", json=INBOUND, headers=supervisor).status_code == 403
    member = auth.headers(user_email(create_user("member")))
    assert client.get(f"/api/v1/campaigns/{campaign['id']}", headers=member).status_code == 403


def test_staffing_plan_from_the_forecast(client, enterprise):
    campaign = create(client, enterprise)
    plan = client.post(f"/api/v1/campaigns/{campaign['id']}/staffing-plan", headers=enterprise["headers"]).json
    assert plan["model"] == "erlang_c" and plan["interval_minutes"] == 30
    assert plan["intervals"][0]["agents"] == 14  # the design's oracle interval
    assert plan["peak_agents"] == max(i["agents"] for i in plan["intervals"])
    assert plan["rostered_hours"] == sum(i["rostered"] for i in plan["intervals"]) / 2
    outbound = create(client, enterprise, OUTBOUND)
    workload = client.post(f"/api/v1/campaigns/{outbound['id']}/staffing-plan", headers=enterprise["headers"])
    assert workload.status_code == 200 and workload.json["model"] == "outbound_workload"
    assert workload.json["contacts"] == 0 and workload.json["agent_hours"] == 0


def test_every_lifecycle_change_is_in_the_audit_ledger(app, client, enterprise):
    from app.database import commit
    from ledger import services as ledger
    from ledger.models import Leaf

    enterprise["fund"](1_000_000)
    campaign = create(client, enterprise)
    client.post(f"/api/v1/campaigns/{campaign['id']}/publish", headers=enterprise["headers"])
    with app.app_context():
        while ledger.integrate():
            commit()
        from app.extensions import db

        kinds = db.session.scalars(select(Leaf.kind).where(Leaf.campaign_id == campaign["id"])
                                   .order_by(Leaf.index)).all()
        holds = db.session.scalars(select(Leaf.entry).where(Leaf.kind == "money_transferred")).all()
    assert kinds == ["campaign_changed", "campaign_changed"]
    assert any('"reason":"escrow_hold"' in entry for entry in holds)
