"""Pacing: one token bucket in Redis for every process that dials, and the provider's limit."""

from __future__ import annotations

import multiprocessing
import time

import pytest
import redis

from app.errors import ValidationError
from app.extensions import redis_store
from telephony.dialer.pacing import TokenBucket, check_cps

RATE = 4.0
SECONDS = 2.0


def _dial_as_fast_as_possible(url: str, ready, go, results) -> None:
    bucket = TokenBucket(redis.Redis.from_url(url), "dialer:cps:test", RATE, burst=1)
    bucket.client.ping()
    ready.put(True)
    start_at = go.get(timeout=60)
    taken = []
    while time.time() < start_at:
        time.sleep(0.001)
    while time.time() < start_at + SECONDS:
        ok, wait = bucket.take()
        if ok:
            taken.append(time.time())
        else:
            time.sleep(min(wait, 0.02))
    results.put(taken)


def _redis_url(app) -> str:
    with app.app_context():
        kwargs = redis_store.connection.connection_pool.connection_kwargs
    if "path" in kwargs:
        return f"unix://{kwargs['path']}?db={kwargs.get('db', 0)}"
    return f"redis://{kwargs.get('host', '127.0.0.1')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"


def test_two_processes_share_one_rate(app):
    url = _redis_url(app)
    context = multiprocessing.get_context("spawn")
    ready, go, results = context.Queue(), context.Queue(), context.Queue()
    workers = [context.Process(target=_dial_as_fast_as_possible, args=(url, ready, go, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for _worker in workers:
        ready.get(timeout=60)
    start_at = time.time() + 0.2
    for _worker in workers:
        go.put(start_at)
    taken = [results.get(timeout=30) for _ in workers]
    for worker in workers:
        worker.join(timeout=10)
    total = sum(len(t) for t in taken)
    print(f"\ntwo processes took {[len(t) for t in taken]} tokens in {SECONDS} s at {RATE}/s")
    assert all(taken), "both processes dialed"
    assert total <= RATE * SECONDS + 1 + 1  # the rate, the burst, one token of timing slack
    assert total >= RATE * SECONDS - 2
    stamps = sorted(s for t in taken for s in t)
    # Never more than the burst plus the rate inside any one second.
    assert max(sum(1 for s in stamps if first <= s < first + 1) for first in stamps) <= RATE + 1


def test_a_setting_above_the_providers_limit_is_refused(app):
    with app.test_request_context():
        with pytest.raises(ValidationError) as refused:
            check_cps(2, limit=1.0)
        assert "at most 1 calls per second" in refused.value.fields["cps"]
        for bad in ("fast", 0, -1):
            with pytest.raises(ValidationError):
                check_cps(bad, limit=1.0)
        assert check_cps("0.5", limit=1.0) == 0.5
        assert check_cps(None, limit=1.0) is None


def test_a_campaigns_lower_rate_and_the_accounts_limit_both_hold(app):
    from telephony.dialer.placing import take_token

    before = app.config.get("DIALER_MAX_CPS")
    with app.test_request_context():
        app.config["DIALER_MAX_CPS"] = "2"
        try:
            slow = [take_token("local", {"cps": 0.5}, 1) for _ in range(5)]
            fast = [take_token("local", {"cps": None}, 2) for _ in range(5)]
        finally:
            app.config["DIALER_MAX_CPS"] = before
    assert slow == [True, False, False, False, False]  # the campaign's 0.5/s: one now, the next in 2 s
    assert sum(fast) == 1  # the account's bucket (2/s, burst 2) had one token left after the slow campaign's
