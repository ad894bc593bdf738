"""A random routing workload for the concurrency tests, importable by spawned processes.

Each worker drives the same ACD as the others (any agent, any offer: the scripts must refuse what
is no longer valid) on the wall clock, and logs every way a call left routing, so the test can
account for each call exactly once.
"""

from __future__ import annotations

import random
from typing import Any

import redis

from telephony.routing import Acd

AGENTS = range(1, 41)
CAMPAIGNS = range(1, 6)
HEARTBEAT_WINDOW_MS = 1000


def new_acd(url: str) -> Acd:
    return Acd(redis.Redis.from_url(url), id_type=int, heartbeat_window_ms=HEARTBEAT_WINDOW_MS)


def setup(url: str) -> None:
    """Short timeouts so that every path (timeouts, escalations, max wait) runs within seconds."""
    acd = new_acd(url)
    for campaign in CAMPAIGNS:
        acd.configure_campaign(campaign, offer_timeout_seconds=0.15, escalate_after_seconds=0.05,
                               max_wait_seconds=1.5)
    for agent in AGENTS:
        eligibility(acd, agent, random.Random(agent))


def eligibility(acd: Acd, agent: int, rng: random.Random) -> None:
    primary = rng.sample(list(CAMPAIGNS), rng.randint(0, 2))
    escalation = rng.sample(list(CAMPAIGNS), rng.randint(0, 3))
    acd.set_agent_campaigns(agent, primary, escalation, {c: rng.randint(0, 100) for c in primary + escalation})


def work(url: str, seed: int, operations: int, first_call: int) -> dict[str, list[Any]]:
    """Run ``operations`` random operations; the calls it made and how calls left routing."""
    acd, rng = new_acd(url), random.Random(seed)
    log: dict[str, list[Any]] = {"enqueued": [], "left": [], "accepted": []}
    next_call = first_call
    verbs = ["enqueue", "tick", "accept", "decline", "end_call", "end_wrapup", "heartbeat", "available",
             "away", "offline", "withdraw", "remove", "eligibility", "pause"]
    weights = [8, 10, 14, 2, 8, 2, 10, 8, 1, 1, 3, 1, 1, 1]
    for _ in range(operations):
        verb = rng.choices(verbs, weights)[0]
        agent = rng.choice(AGENTS)
        if verb == "enqueue":
            acd.enqueue(next_call, rng.choice(CAMPAIGNS), priority=rng.choice((0, 0, 0, 5)))
            log["enqueued"].append(next_call)
            next_call += 1
        elif verb == "tick":
            events = acd.tick(max_offers=rng.randint(1, 20))
            log["left"] += [("overflow", e["call"]) for e in events.overflows]
            log["left"] += [("expired", e["released_call"]) for e in events.agents_expired if "released_call" in e]
        elif verb in ("accept", "decline"):
            record = acd.agent(agent) or {}
            if record.get("offer"):
                outcome = getattr(acd, verb)(agent, offer_id=int(record["offer"]))
                if outcome.ok and verb == "accept":
                    log["accepted"].append(outcome["call"])
        elif verb == "end_call":
            outcome = acd.end_call(agent, wrapup_seconds=rng.choice((0, 0.05)))
            if outcome.ok:
                log["left"].append(("ended", outcome["call"]))
        elif verb == "end_wrapup":
            acd.end_wrapup(agent)
        elif verb == "heartbeat":
            acd.heartbeat(agent)
        elif verb in ("available", "away", "offline"):
            acd.set_presence(agent, verb)
        elif verb == "withdraw" and log["enqueued"]:
            outcome = acd.withdraw(rng.choice(log["enqueued"]))
            if outcome.ok:
                log["left"].append(("withdrawn", outcome["call"]))
        elif verb == "remove":
            outcome = acd.remove_agent(agent)
            if outcome.get("released_call") is not None:
                log["left"].append(("removed", outcome["released_call"]))
            eligibility(acd, agent, rng)
        elif verb == "eligibility":
            eligibility(acd, agent, rng)
        elif verb == "pause":
            acd.configure_campaign(rng.choice(CAMPAIGNS), offer_timeout_seconds=0.15, escalate_after_seconds=0.05,
                                   max_wait_seconds=1.5, paused=rng.random() < 0.3)
    acd.client.close()
    return log
