"""Campaign bodies and builders shared by the marketplace tests."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

INBOUND = {
    "kind": "inbound", "name": "Double 11 peak", "time_zone": "Asia/Shanghai",
    "starts_at": "2099-11-11T00:00:00+08:00", "ends_at": "2099-11-12T00:00:00+08:00",
    "currency": "CNY", "budget": 1_000_000, "pay_per_call": 350, "success_bonus": 0,
    "qa_auto_approve": 85, "qa_review_from": 60,
    "requirements": {"certifications": ["ecommerce_after_sales_l1"], "tags": {"ecommerce.after_sales": 60},
                     "min_tier": "silver", "languages": ["zh"]},
    "inbound": {"interval_minutes": 30, "aht_seconds": 180, "target_service_level": 0.8,
                "target_answer_seconds": 20, "max_occupancy": 0.85, "shrinkage": 0.3,
                "forecast": [{"start": "2099-11-11T00:00:00+08:00", "calls": 100},
                             {"start": "2099-11-11T00:30:00+08:00", "calls": 400},
                             {"start": "2099-11-11T01:00:00+08:00", "calls": 250}]},
}
OUTBOUND = {
    "kind": "outbound", "name": "Satisfaction callbacks", "time_zone": "Asia/Shanghai",
    "starts_at": "2099-12-01T00:00:00+08:00", "ends_at": "2099-12-15T00:00:00+08:00",
    "currency": "CNY", "budget": 200_000, "pay_per_call": 120, "success_bonus": 50,
    "outbound": {"purpose": "satisfaction_callback", "script": "Hello, this is … calling about your recent order.",
                 "survey_questions": ["How satisfied were you with the delivery?"],
                 "dispositions": [{"code": "completed", "label": "Survey completed", "outcome": "success"},
                                  {"code": "no_answer", "label": "No answer", "outcome": "retry",
                                   "retry_delay_minutes": 120},
                                  {"code": "opt_out", "label": "Do not call", "outcome": "final"}],
                 "calling_windows": [{"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "20:00"}],
                 "max_attempts": 3},
}


def wallet(app, org_id):
    from payouts.postings import find_balance

    with app.app_context():
        return find_balance("org", org_id, "wallet", "CNY")


def at(minutes_from_now: float) -> datetime:
    return (datetime.now(UTC) + timedelta(minutes=minutes_from_now)).replace(second=0, microsecond=0)


def inbound(start: datetime | None = None, intervals=(40, 40), requirements=None, **overrides) -> dict:
    """An inbound peak with no requirements unless given: one 30-minute shift per forecast interval."""
    body = copy.deepcopy(INBOUND)
    body["requirements"] = requirements or {}
    if start is not None:
        body["starts_at"] = start.isoformat()
        body["ends_at"] = (start + timedelta(days=1)).isoformat()
        body["inbound"]["forecast"] = [{"start": (start + timedelta(minutes=30 * i)).isoformat(), "calls": calls}
                                       for i, calls in enumerate(intervals)]
    else:
        base = datetime.fromisoformat(INBOUND["starts_at"])
        body["inbound"]["forecast"] = [{"start": (base + timedelta(minutes=30 * i)).isoformat(), "calls": calls}
                                       for i, calls in enumerate(intervals)]
    body.update(overrides)
    return body


def publish(client, enterprise, body, seats: dict | None = None) -> tuple[dict, list[dict]]:
    """Create, optionally set seats by shift position, publish; the campaign and its shifts."""
    enterprise["fund"](body["budget"])
    created = client.post("/api/v1/campaigns", json=body, headers=enterprise["headers"])
    assert created.status_code == 201, created.json
    campaign_id = created.json["id"]
    if seats:
        planned = client.post(f"/api/v1/campaigns/{campaign_id}/shifts/plan", headers=enterprise["headers"])
        assert planned.status_code == 200, planned.json
        rows = shifts_of(client, enterprise, campaign_id)
        for position, count in seats.items():
            changed = client.patch(f"/api/v1/shifts/{rows[position]['id']}", json={"seats": count},
                                   headers=enterprise["headers"])
            assert changed.status_code == 200, changed.json
    published = client.post(f"/api/v1/campaigns/{campaign_id}/publish", headers=enterprise["headers"])
    assert published.status_code == 200, published.json
    return published.json, shifts_of(client, enterprise, campaign_id)


def shifts_of(client, enterprise, campaign_id) -> list[dict]:
    response = client.get(f"/api/v1/campaigns/{campaign_id}/shifts?limit=500", headers=enterprise["headers"])
    assert response.status_code == 200, response.json
    return response.json["items"]
