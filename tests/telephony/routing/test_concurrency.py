"""The routing invariants under concurrency on real Redis: threads and processes enqueuing,
dispatching, accepting, declining, heartbeating and hanging up at once, with the invariant check
running alongside; afterwards every call is accounted for exactly once."""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from telephony.routing import check
from tests.telephony.routing import workload

THREADS = 4
PROCESSES = 3
OPERATIONS = 1500


def test_invariants_hold_under_threads_and_processes(redis_url, redis_client):
    workload.setup(redis_url)
    stop = threading.Event()
    seen: list[list[str]] = []

    def keep_checking() -> None:
        while not stop.is_set():
            problems = check(redis_client)
            if problems:
                seen.append(problems)

    checker = threading.Thread(target=keep_checking)
    checker.start()
    context = multiprocessing.get_context("spawn")
    try:
        with context.Pool(PROCESSES) as processes, ThreadPoolExecutor(THREADS) as threads:
            spawned = [processes.apply_async(workload.work, (redis_url, seed, OPERATIONS, seed * 1_000_000))
                       for seed in range(1, PROCESSES + 1)]
            local = [threads.submit(workload.work, redis_url, seed, OPERATIONS, seed * 1_000_000)
                     for seed in range(PROCESSES + 1, PROCESSES + THREADS + 1)]
            logs = [f.result(timeout=300) for f in local] + [r.get(timeout=300) for r in spawned]
    finally:
        stop.set()
        checker.join()

    assert seen == []
    assert check(redis_client) == []
    enqueued = Counter(call for log in logs for call in log["enqueued"])
    assert set(enqueued.values()) == {1}
    left = Counter(call for log in logs for _, call in log["left"])
    assert [call for call, n in left.items() if n > 1] == []
    still = {int(c) for c in redis_client.smembers("acd:calls")}
    assert set(left) | still == set(enqueued)
    assert set(left) & still == set()
    ways = Counter(way for log in logs for way, _ in log["left"])
    accepted = Counter(call for log in logs for call in log["accepted"])
    assert ways["ended"] and ways["withdrawn"] and ways["overflow"], ways
    assert [call for call, n in accepted.items() if n > 1] == []  # never answered twice
