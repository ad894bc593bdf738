"""``flask telephony check`` at scale: the atomic snapshot (one Lua script) against the incremental
reading (SSCAN/ZSCAN and pipelines of HGETALL in batches), at 60,000 available agents in 500
campaigns — how long each takes, and how long Redis was held: the worst PING another client sees
while the check runs (from its own process), next to the PING of an idle Redis in the same run.

    python bench/telephony_check.py                # 60,000 agents, 500 campaigns
    python bench/telephony_check.py --quick        # 6,000 agents, 50 campaigns
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.routing import connect, percentile
from telephony.routing import Acd
from telephony.routing.check import BATCH, check, check_incrementally

PREFIX = "bench:check:"


def _pinger(url: str, stop, out) -> None:
    """Another client, in its own process (no GIL shared with the check): PING without pause."""
    import redis

    other, pings = redis.Redis.from_url(url), []
    while not stop.is_set():
        t0 = time.perf_counter()
        other.ping()
        pings.append(time.perf_counter() - t0)
    out.put(pings)


def _pinged_while(url: str, work) -> tuple[float, list[float]]:
    """Run ``work()`` while another process PINGs Redis: its wall time and the PINGs' times."""
    stop, out = multiprocessing.Event(), multiprocessing.Queue()
    process = multiprocessing.Process(target=_pinger, args=(url, stop, out))
    process.start()
    time.sleep(0.3)
    started = time.perf_counter()
    problems = work()
    elapsed = time.perf_counter() - started
    stop.set()
    pings = out.get()
    process.join()
    assert problems == [], problems[:5]
    return elapsed, pings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--batch", type=int, default=BATCH, help="Keys per round trip of the incremental check.")
    args = parser.parse_args()
    agents, campaigns = (6_000, 50) if args.quick else (60_000, 500)
    client, where = connect()
    if not where.startswith("redis"):
        raise SystemExit("set REDIS_URL (the PINGs come from another process)")
    for key in client.scan_iter(match=PREFIX + "*", count=5000):
        client.unlink(key)
    acd = Acd(client, PREFIX, id_type=int, heartbeat_window_ms=3_600_000)
    rng = random.Random(7)
    for campaign in range(1, campaigns + 1):
        acd.configure_campaign(campaign)
    acd.load_agents((a, rng.sample(range(1, campaigns + 1), rng.randint(1, 3)), [], {})
                    for a in range(1, agents + 1))
    for call in range(1, 201):
        acd.enqueue(call, rng.randint(1, campaigns))
    acd.tick()
    print(f"check benchmark on {where}: {agents:,} agents available, {campaigns} campaigns, 200 calls offered; "
          f"incremental batches of {args.batch} keys")

    idle = []
    for _ in range(2000):
        t0 = time.perf_counter()
        client.ping()
        idle.append(time.perf_counter() - t0)
    print(f"idle PING             p50 {percentile(idle, 0.5) * 1e3:7.3f} ms   max {max(idle) * 1e3:8.3f} ms")
    for name, work in (("atomic snapshot", lambda: check(client, PREFIX)),
                       ("incremental check", lambda: check_incrementally(client, PREFIX, args.batch))):
        elapsed, pings = _pinged_while(where, work)
        print(f"{name:17s} took {elapsed:6.2f} s; PING meanwhile p50 {percentile(pings, 0.5) * 1e3:7.3f} ms, "
              f"max {max(pings) * 1e3:8.3f} ms (×{max(pings) / max(idle):.0f} the idle max), {len(pings):,} PINGs")
    for key in client.scan_iter(match=PREFIX + "*", count=5000):
        client.unlink(key)


if __name__ == "__main__":
    main()
