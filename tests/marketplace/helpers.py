"""Builders shared by the shift, claim and feed tests."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

from tests.marketplace.test_campaigns import INBOUND


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
