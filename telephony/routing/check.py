"""Routing invariants, checkable at any moment: one atomic snapshot of the ACD, then every rule.

Backs ``flask telephony check`` (``check_incrementally``: read in small batches, Redis never held;
``check``: one atomic snapshot, for tests and small ACDs): an empty list means no call is offered
to two agents, no agent holds two calls, no agent is offered while busy, in wrap-up, away or offline, no call is both
queued and offered, every index agrees with the records, and the counts add up.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from redis import Redis

from telephony.routing.acd import AGENT_STATES, Acd

CALL_STATES = ("queued", "offered", "connected")
BATCH = 100  # keys read per round trip by the incremental check (Redis serves a pipeline in one go)


def check(client: Redis, prefix: str = "acd:") -> list[str]:
    """Every violated invariant of the ACD under ``prefix``, as readable sentences (one atomic
    snapshot: exact, but it holds Redis for the whole read — about 1 s at 60,000 agents)."""
    return violations(Acd(client, prefix).snapshot())


def check_incrementally(client: Redis, prefix: str = "acd:", batch: int = BATCH) -> list[str]:
    """``check`` without holding Redis: the state is read in small batches (SSCAN/ZSCAN and
    pipelines of HGETALL, never a long script), so routing goes on meanwhile. A reading spread over
    time may catch an operation half seen; so when the first reading shows violations, a second is
    taken and only the violations both show are reported — a broken state persists, a passing
    operation does not (a count that keeps moving under load may then go unreported until it
    settles)."""
    first = violations(incremental_snapshot(client, prefix, batch))
    if not first:
        return []
    again = set(violations(incremental_snapshot(client, prefix, batch)))
    return [problem for problem in first if problem in again]


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _hashes(client: Redis, keys: list[str], batch: int) -> list[dict[str, str]]:
    found = []
    for start in range(0, len(keys), batch):
        pipe = client.pipeline(transaction=False)
        for key in keys[start:start + batch]:
            pipe.hgetall(key)
        found += [{_text(k): _text(v) for k, v in h.items()} for h in pipe.execute()]
    return found


def _sets(client: Redis, keys: list[str], batch: int) -> list[list[str]]:
    found = []
    for start in range(0, len(keys), batch):
        pipe = client.pipeline(transaction=False)
        for key in keys[start:start + batch]:
            pipe.smembers(key)
        found += [sorted(_text(m) for m in members) for members in pipe.execute()]
    return found


def _zmap(client: Redis, key: str, batch: int) -> dict[str, str]:
    return {_text(m): _score(s) for m, s in client.zscan_iter(key, count=batch)}


def _zmaps(client: Redis, keys: list[str], batch: int) -> list[dict[str, str]]:
    """Small sorted sets (a campaign's queue or pool), a pipeline of ZRANGE per batch."""
    found = []
    for start in range(0, len(keys), batch):
        pipe = client.pipeline(transaction=False)
        for key in keys[start:start + batch]:
            pipe.zrange(key, 0, -1, withscores=True)
        found += [{_text(m): _score(s) for m, s in pairs} for pairs in pipe.execute()]
    return found


def _score(value: float) -> str:
    """A score as the Lua snapshot gives it (Redis's own text of the number)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def incremental_snapshot(client: Redis, prefix: str = "acd:", batch: int = BATCH) -> dict[str, Any]:
    """The shape of ``snapshot.lua``'s reading, read in batches of ``batch`` keys (not atomic)."""
    agents = sorted(_text(a) for a in client.sscan_iter(f"{prefix}agents", count=batch))
    records = _hashes(client, [f"{prefix}a:{a}" for a in agents], batch)
    primary = _sets(client, [f"{prefix}ap:{a}" for a in agents], batch)
    escalation = _sets(client, [f"{prefix}ae:{a}" for a in agents], batch)
    out: dict[str, Any] = {"agents": {a: {**r, "primary": p, "escalation": e}
                                      for a, r, p, e in zip(agents, records, primary, escalation, strict=True)}}
    calls = sorted(_text(c) for c in client.sscan_iter(f"{prefix}calls", count=batch))
    out["calls"] = dict(zip(calls, _hashes(client, [f"{prefix}c:{c}" for c in calls], batch), strict=True))
    out["oexp"] = _zmap(client, f"{prefix}oexp", batch)
    offers = sorted(out["oexp"])
    out["offers"] = dict(zip(offers, _hashes(client, [f"{prefix}o:{o}" for o in offers], batch), strict=True))
    camps = sorted(_text(c) for c in client.sscan_iter(f"{prefix}camps", count=batch))
    queues = _zmaps(client, [f"{prefix}q:{c}" for c in camps], batch)
    available = _zmaps(client, [f"{prefix}av:{c}" for c in camps], batch)
    escalating = _zmaps(client, [f"{prefix}ev:{c}" for c in camps], batch)
    config = _hashes(client, [f"{prefix}cfg:{c}" for c in camps], batch)
    out["queues"] = dict(zip(camps, queues, strict=True))
    out["pools"] = {c: {"av": av, "ev": ev} for c, av, ev in zip(camps, available, escalating, strict=True)}
    out["campaigns"] = dict(zip(camps, config, strict=True))
    out["counts"] = _hashes(client, [f"{prefix}n"], batch)[0]
    for name in ("ready", "hb", "wrap", "maxw"):
        out[name] = _zmap(client, f"{prefix}{name}", batch)
    return out


def violations(snap: dict[str, Any]) -> list[str]:
    """The invariants checked on one snapshot (see ``snapshot.lua``)."""
    found: list[str] = []
    found += _offers(snap)
    found += _calls(snap)
    found += _agents(snap)
    found += _indexes(snap)
    found += _counts(snap)
    return found


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}  # Lua's cjson writes an empty table as {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _offers(snap: dict[str, Any]) -> list[str]:
    found = []
    agents, calls, offers = _dict(snap["agents"]), _dict(snap["calls"]), _dict(snap["offers"])
    for call, n in Counter(o.get("call") for o in offers.values()).items():
        if n > 1:
            found.append(f"call {call} is offered to {n} agents")
    for agent, n in Counter(o.get("agent") for o in offers.values()).items():
        if n > 1:
            found.append(f"agent {agent} holds {n} offers")
    for oid, offer in offers.items():
        call, agent = calls.get(offer.get("call")), agents.get(offer.get("agent"))
        if call is None or call.get("st") != "offered" or call.get("offer") != oid:
            found.append(f"offer {oid} is for call {offer.get('call')}, which is not offered with it")
        if agent is None or agent.get("st") != "offered" or agent.get("offer") != oid:
            state = agent.get("st") if agent else "unknown"
            found.append(f"offer {oid} rings agent {offer.get('agent')}, who is {state}")
    return found


def _calls(snap: dict[str, Any]) -> list[str]:
    found = []
    agents, offers, queues = _dict(snap["agents"]), _dict(snap["offers"]), _dict(snap["queues"])
    where: dict[str, list[str]] = {}
    for camp, queue in queues.items():
        for cid in _dict(queue):
            where.setdefault(cid, []).append(camp)
    holders = Counter(c.get("agent") for c in _dict(snap["calls"]).values() if c.get("st") == "connected")
    for agent, n in holders.items():
        if n > 1:
            found.append(f"agent {agent} is on {n} calls")
    for cid, call in _dict(snap["calls"]).items():
        st, queue = call.get("st"), _dict(queues.get(call.get("camp")))
        in_queues = where.get(cid, [])
        if st not in CALL_STATES:
            found.append(f"call {cid} is in an unknown state {st!r}")
        if st == "queued" and in_queues != [call.get("camp")]:
            found.append(f"call {cid} is queued but sits in queues {in_queues}")
        if st != "queued" and in_queues:
            found.append(f"call {cid} is {st} and queued in {in_queues}")
        if st == "queued" and (call.get("offer") or call.get("agent")):
            found.append(f"call {cid} is queued and still names an offer or agent")
        if st == "queued" and cid in queue and float(queue[cid]) != float(call.get("score", "nan")):
            found.append(f"call {cid} sits in its queue out of its priority/arrival place")
        if st == "offered" and call.get("offer") not in offers:
            found.append(f"call {cid} is offered under a missing offer {call.get('offer')}")
        if st == "connected":
            agent = agents.get(call.get("agent"))
            if agent is None or agent.get("st") != "busy" or agent.get("call") != cid:
                found.append(f"call {cid} is connected to agent {call.get('agent')}, who is not on it")
    for camp, queue in queues.items():
        for cid in _dict(queue):
            if cid not in _dict(snap["calls"]):
                found.append(f"queue {camp} holds call {cid}, which has no record")
    return found


def _agents(snap: dict[str, Any]) -> list[str]:
    found = []
    calls, offers, pools = _dict(snap["calls"]), _dict(snap["offers"]), _dict(snap["pools"])
    hb, wrap = _dict(snap["hb"]), _dict(snap["wrap"])
    pooled: dict[str, dict[str, set[str]]] = {"av": {}, "ev": {}}
    for camp, pool in pools.items():
        for kind in ("av", "ev"):
            for aid in _dict(_dict(pool).get(kind)):
                pooled[kind].setdefault(aid, set()).add(camp)
    for aid, agent in _dict(snap["agents"]).items():
        st = agent.get("st")
        primary, escalation = set(_list(agent.get("primary"))), set(_list(agent.get("escalation")))
        in_av, in_ev = pooled["av"].get(aid, set()), pooled["ev"].get(aid, set())
        if st not in AGENT_STATES:
            found.append(f"agent {aid} is in an unknown state {st!r}")
        if st == "available":
            if in_av != primary or in_ev != escalation - primary:
                found.append(f"agent {aid} is available but pooled in {sorted(in_av)} / {sorted(in_ev)}")
        elif in_av or in_ev:
            found.append(f"agent {aid} is {st} yet could be offered a call by {sorted(in_av | in_ev)}")
        if st != "offered" and agent.get("offer"):
            found.append(f"agent {aid} is {st} and holds offer {agent.get('offer')}")
        if st == "offered" and agent.get("offer") not in offers:
            found.append(f"agent {aid} is offered under a missing offer {agent.get('offer')}")
        if st == "busy" and calls.get(agent.get("call"), {}).get("agent") != aid:
            found.append(f"agent {aid} is busy on call {agent.get('call')}, which is not connected to them")
        if st != "busy" and agent.get("call"):
            found.append(f"agent {aid} is {st} and still on call {agent.get('call')}")
        if (st == "offline") == (aid in hb):
            found.append(f"agent {aid} is {st} and {'has' if aid in hb else 'lacks'} a heartbeat window")
        if (st == "wrapup") != (aid in wrap):
            found.append(f"agent {aid} is {st} and {'has' if aid in wrap else 'lacks'} a wrap-up deadline")
    return found


def _indexes(snap: dict[str, Any]) -> list[str]:
    found = []
    agents, calls, offers = _dict(snap["agents"]), _dict(snap["calls"]), _dict(snap["offers"])
    for camp, pool in _dict(snap["pools"]).items():
        for kind in ("av", "ev"):
            for aid in _dict(_dict(pool).get(kind)):
                if aid not in agents:
                    found.append(f"pool {kind}:{camp} holds agent {aid}, who has no record")
    for aid in _dict(snap["hb"]):
        if aid not in agents:
            found.append(f"heartbeat window for agent {aid}, who has no record")
    for oid in _dict(snap["oexp"]):
        if oid not in offers:
            found.append(f"offer {oid} has a timeout but no record")
    for cid in _dict(snap["maxw"]):
        if calls.get(cid, {}).get("st") != "queued":
            found.append(f"call {cid} has a max-wait deadline but is not queued")
    queues, config = _dict(snap["queues"]), _dict(snap["campaigns"])
    ready = _dict(snap["ready"])
    for camp, queue in queues.items():
        queue, pool = _dict(queue), _dict(snap["pools"]).get(camp, {})
        paused = _dict(config.get(camp)).get("paused") == "1"
        if camp in ready and (not queue or paused):
            found.append(f"campaign {camp} is ready for offers with {'no calls' if not queue else 'routing paused'}")
        if queue and not paused and _dict(_dict(pool).get("av")) and camp not in ready:
            found.append(f"campaign {camp} has waiting calls and available agents but is not ready for offers")
        if camp in ready and queue and float(ready[camp]) != min(map(float, queue.values())):
            found.append(f"campaign {camp} is ready under a score that is not its head call's")
    return found


def _counts(snap: dict[str, Any]) -> list[str]:
    counts = {k: int(v) for k, v in _dict(snap["counts"]).items()}
    actual = Counter(f"a.{a.get('st')}" for a in _dict(snap["agents"]).values())
    actual.update(f"c.{c.get('st')}" for c in _dict(snap["calls"]).values())
    actual["offers"] = len(_dict(snap["offers"]))
    keys = set(actual) | {k for k, v in counts.items() if v}
    return [f"count {k} is {counts.get(k, 0)} but {actual.get(k, 0)} are so" for k in sorted(keys)
            if counts.get(k, 0) != actual.get(k, 0)]
