"""Fixtures for the telephony tests: enterprises with funded, published campaigns, members, and a
clock of explicit provider times."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app import events
from app.extensions import db
from tests.helpers.academy import real_sessions  # noqa: F401 - shared fixture
from tests.helpers.desk import media_browser, telephony_running  # noqa: F401 - shared fixtures

INBOUND = {
    "kind": "inbound", "name": "Double 11 peak", "time_zone": "Asia/Shanghai",
    "starts_at": "2099-11-11T00:00:00+08:00", "ends_at": "2099-11-12T00:00:00+08:00",
    "currency": "CNY", "budget": 1_000_000, "pay_per_call": 350, "pay_per_talk_minute": 120, "success_bonus": 200,
    "pay_per_shift_hour": 0, "qa_auto_approve": 85, "qa_review_from": 60, "requirements": {},
    "inbound": {"interval_minutes": 30, "aht_seconds": 180, "target_service_level": 0.8,
                "target_answer_seconds": 20, "max_occupancy": 0.85, "shrinkage": 0.3,
                "forecast": [{"start": "2099-11-11T00:00:00+08:00", "calls": 100}]},
}
OUTBOUND = {
    "kind": "outbound", "name": "Satisfaction callbacks", "time_zone": "Asia/Shanghai",
    "starts_at": "2099-12-01T00:00:00+08:00", "ends_at": "2099-12-15T00:00:00+08:00",
    "currency": "CNY", "budget": 200_000, "pay_per_call": 120, "success_bonus": 50, "requirements": {},
    "outbound": {"purpose": "satisfaction_callback", "script": "Hello, this is … calling about your recent order.",
                 "dispositions": [{"code": "completed", "label": "Survey completed", "outcome": "success"},
                                  {"code": "no_answer", "label": "No answer", "outcome": "retry",
                                   "retry_delay_minutes": 120},
                                  {"code": "opt_out", "label": "Do not call", "outcome": "final"}],
                 "calling_windows": [{"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "20:00"}],
                 "max_attempts": 3},
}
T0 = datetime(2026, 12, 4, 8, 0, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    """A provider time ``seconds`` after T0."""
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def ctx(app):
    """A request context, as a webhook or an API call has (translations, the session)."""
    with app.test_request_context():
        yield


@pytest.fixture
def enterprise(new_enterprise):
    """``enterprise()`` → ``{"headers", "org_id", "admin_id", "fund"}`` of a new organization."""
    return new_enterprise


@pytest.fixture
def member(create_user, user_email, auth):
    """``member()`` → ``(user_id, headers)`` of a new member signed in through the API."""

    def _make():
        user_id = create_user("member")
        return user_id, auth.headers(user_email(user_id))

    return _make


@pytest.fixture
def campaign(client):
    """``campaign(enterprise, body=INBOUND, **overrides)`` → the id of a funded, published campaign."""

    def _make(owner, body=INBOUND, **overrides):
        body = {**copy.deepcopy(body), **overrides}
        owner["fund"](body["budget"])
        created = client.post("/api/v1/campaigns", json=body, headers=owner["headers"])
        assert created.status_code == 201, created.json
        published = client.post(f"/api/v1/campaigns/{created.json['id']}/publish", headers=owner["headers"])
        assert published.status_code == 200, published.json
        return created.json["id"]

    return _make


@pytest.fixture
def signals():
    """The telephony signals sent during the test: ``[(name, payload), …]``."""
    sent = []
    names = ("interaction_started", "interaction_answered", "interaction_completed", "interaction_abandoned")
    receivers = {}
    for name in names:
        def receive(sender, _name=name, **payload):
            sent.append((_name, payload))

        receivers[name] = receive
        getattr(events, name).connect(receive)
    yield sent
    for name, receive in receivers.items():
        getattr(events, name).disconnect(receive)


@pytest.fixture
def handled(app, ctx):
    """``handled(campaign_id, member_id, talk=90, ...)`` → an interaction in wrap-up: queued at T0,
    offered at 10 s, answered at 14 s, ended ``talk`` seconds later."""
    from telephony import services

    def _make(campaign_id, member_id, talk=90, sid=None):
        interaction = services.create_interaction(campaign_id, "inbound", customer_call_sid=sid,
                                                  customer_phone="+8613812345678", at=at(0))
        services.record_offer(interaction.id, member_id, offer_id="r1", at=at(10))
        services.mark_answered(interaction.id, member_id, at=at(14))
        services.begin_wrapup(interaction.id, at=at(14 + talk))
        return interaction.id

    return _make


def transfers_of(interaction_id: int) -> list:
    from payouts.models import Transfer

    return list(db.session.scalars(select(Transfer).where(Transfer.interaction_id == interaction_id)))


