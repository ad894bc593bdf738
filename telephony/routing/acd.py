"""The automatic call distributor: queues of calls, agents' presence, offers and the dispatcher.

Flask-free and tenant-agnostic: it takes a redis client and plain ids, and every operation is one
atomic Lua script (see ``scripts.py``), so any number of web processes and dispatchers may drive
the same ACD at once. Times are integer milliseconds (``now_ms`` defaults to the wall clock;
tests and simulations pass their own). Refusals change nothing and say why in ``reason``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from redis import Redis

from telephony.routing.scripts import register

DEFAULT_HEARTBEAT_WINDOW_MS = 2 * 10_000
AGENT_STATES = ("available", "offered", "busy", "wrapup", "away", "offline")
EVENT_KINDS = ("offers", "offers_expired", "agents_expired", "wrapups_ended", "escalations", "overflows")
ID_FIELDS = ("call", "agent", "campaign", "requeued_call", "released_call")


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True)
class Outcome:
    """What one operation did: ``ok`` with its details in ``data``, or a refusal ``reason``."""

    ok: bool
    reason: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


@dataclass(frozen=True)
class TickEvents:
    """Everything one dispatcher pass did, for the service layer's timelines and notifications.

    Each event is a dict: ``offers`` (offer, call, agent, campaign, expires_at, escalated,
    waited_ms), ``offers_expired`` (offer, call, agent, campaign: the call is back at the front,
    the agent away), ``agents_expired`` (agent, from_state, and requeued_call / released_call when
    the missed heartbeat undid an offer or a call), ``wrapups_ended`` (agent), ``escalations``
    (call, campaign: the call may now go to the campaign's escalation agents) and ``overflows``
    (call, campaign, waited_ms: past max wait, out of the queue for a message or a callback).
    ``server_us`` is the time Redis spent on the pass.
    """

    offers: list[dict[str, Any]] = field(default_factory=list)
    offers_expired: list[dict[str, Any]] = field(default_factory=list)
    agents_expired: list[dict[str, Any]] = field(default_factory=list)
    wrapups_ended: list[dict[str, Any]] = field(default_factory=list)
    escalations: list[dict[str, Any]] = field(default_factory=list)
    overflows: list[dict[str, Any]] = field(default_factory=list)
    server_us: int = 0


class Acd:
    """One call distributor on a Redis server, its keys under ``prefix``.

    ``id_type`` turns ids read back from Redis (strings) into the caller's ids, e.g. ``int``.
    """

    def __init__(self, client: Redis, prefix: str = "acd:", id_type: Callable[[str], Any] = str,
                 heartbeat_window_ms: int = DEFAULT_HEARTBEAT_WINDOW_MS) -> None:
        self.client = client
        self.prefix = prefix
        self.id_type = id_type
        self.heartbeat_window_ms = heartbeat_window_ms
        self._scripts = register(client)

    # --- plumbing --------------------------------------------------------------------------

    def _run(self, operation: str, now_ms: int | None, *args: Any) -> Any:
        now = wall_clock_ms() if now_ms is None else int(now_ms)
        return json.loads(self._scripts[operation](args=[self.prefix, now, *args]))

    def _ids(self, event: dict[str, Any]) -> dict[str, Any]:
        return {key: (self.id_type(value) if key in ID_FIELDS and value is not None else value)
                for key, value in event.items()}

    def _outcome(self, reply: dict[str, Any]) -> Outcome:
        ok = bool(reply.pop("ok"))
        return Outcome(ok, reply.pop("reason", None), self._ids(reply))

    # --- campaigns and calls ---------------------------------------------------------------

    def configure_campaign(self, campaign_id: Any, offer_timeout_seconds: float = 15,
                           escalate_after_seconds: float = 30, max_wait_seconds: float | None = None,
                           paused: bool = False, now_ms: int | None = None) -> Outcome:
        """A campaign's routing: how long an offer rings, when a call escalates, the longest a caller
        waits before overflowing (None: no limit; applies to calls enqueued from now), and whether it
        is paused (no offers at all)."""
        return self._outcome(self._run(
            "configure", now_ms, str(campaign_id), _ms(offer_timeout_seconds), _ms(escalate_after_seconds),
            _ms(max_wait_seconds or 0), int(paused)))

    def enqueue(self, call_id: Any, campaign_id: Any, priority: int = 0, queued_at_ms: int | None = None,
                now_ms: int | None = None) -> Outcome:
        """A call waits in its campaign's queue (priority 0..99, higher first; then arrival).
        ``queued_at_ms`` is its arrival (default: now), kept if it is re-queued; one earlier than now
        (a call that already waited elsewhere) places it, escalates it and overflows it sooner.
        ``now_ms`` defaults to the arrival, else the wall clock."""
        if not 0 <= priority <= 99:
            raise ValueError("priority must be within 0..99")
        queued_at = (wall_clock_ms() if now_ms is None else int(now_ms)) if queued_at_ms is None else int(queued_at_ms)
        now = queued_at if now_ms is None else int(now_ms)
        return self._outcome(self._run("enqueue", now, str(call_id), str(campaign_id), priority, queued_at))

    def withdraw(self, call_id: Any, now_ms: int | None = None) -> Outcome:
        """The caller hung up before an answer: out of the queue, a ringing offer cancelled."""
        return self._outcome(self._run("withdraw", now_ms, str(call_id)))

    # --- agents ----------------------------------------------------------------------------

    def set_agent_campaigns(self, agent_id: Any, primary: Iterable[Any] = (), escalation: Iterable[Any] = (),
                            fit: Mapping[Any, float] | None = None, now_ms: int | None = None) -> Outcome:
        """Where the agent may take calls: ``primary`` campaigns at once (checked in to their
        shifts), ``escalation`` campaigns once a call has waited their ``escalate_after``; ``fit``
        (0..100 per campaign) breaks ties in idle time."""
        return self._outcome(self._run("eligibility", now_ms, *self._eligibility(agent_id, primary, escalation, fit)))

    @staticmethod
    def _eligibility(agent_id: Any, primary: Iterable[Any], escalation: Iterable[Any],
                     fit: Mapping[Any, float] | None) -> list[str]:
        fits = {str(c): max(0, min(999, round(score))) for c, score in (fit or {}).items()}
        return [str(agent_id), json.dumps([str(c) for c in primary]), json.dumps([str(c) for c in escalation]),
                json.dumps(fits)]

    def load_agents(self, agents: Iterable[tuple[Any, Iterable[Any], Iterable[Any], Mapping[Any, float]]],
                    available: bool = True, now_ms: int | None = None, chunk: int = 2000) -> int:
        """Many agents' campaigns (``(agent_id, primary, escalation, fit)`` each) and, with
        ``available``, their presence, pipelined (a dispatcher's restart, a benchmark); how many."""
        now = wall_clock_ms() if now_ms is None else int(now_ms)
        loaded = 0
        pipe = self.client.pipeline(transaction=False)
        for agent_id, primary, escalation, fit in agents:
            eligibility = self._eligibility(agent_id, primary, escalation, fit)
            self._scripts["eligibility"](args=[self.prefix, now, *eligibility], client=pipe)
            if available:
                self._scripts["presence"](args=[self.prefix, now, str(agent_id), "available",
                                                self.heartbeat_window_ms], client=pipe)
            loaded += 1
            if loaded % chunk == 0:
                pipe.execute()
        pipe.execute()
        return loaded

    def set_presence(self, agent_id: Any, status: str, now_ms: int | None = None) -> Outcome:
        """``available`` (idle from now, heartbeat window starts), ``away`` or ``offline``."""
        if status not in ("available", "away", "offline"):
            raise ValueError(f"unknown presence {status!r}")
        return self._outcome(self._run("presence", now_ms, str(agent_id), status, self.heartbeat_window_ms))

    def set_available(self, agent_id: Any, now_ms: int | None = None) -> Outcome:
        return self.set_presence(agent_id, "available", now_ms)

    def set_away(self, agent_id: Any, now_ms: int | None = None) -> Outcome:
        return self.set_presence(agent_id, "away", now_ms)

    def set_offline(self, agent_id: Any, now_ms: int | None = None) -> Outcome:
        return self.set_presence(agent_id, "offline", now_ms)

    def heartbeat(self, agent_id: Any, now_ms: int | None = None) -> Outcome:
        """The agent's client is alive: their window restarts (refused once they are offline)."""
        return self._outcome(self._run("heartbeat", now_ms, str(agent_id), self.heartbeat_window_ms))

    def remove_agent(self, agent_id: Any, now_ms: int | None = None) -> Outcome:
        """Out of routing at once; a ringing offer goes back to the front, a call is released."""
        return self._outcome(self._run("remove_agent", now_ms, str(agent_id)))

    # --- offers and calls in progress --------------------------------------------------------

    def accept(self, agent_id: Any, offer_id: int | None = None, call_id: Any = None,
               now_ms: int | None = None) -> Outcome:
        """The agent takes the call they were offered (by offer id, or by call id)."""
        return self._respond("accept", agent_id, offer_id, call_id, now_ms)

    def decline(self, agent_id: Any, offer_id: int | None = None, call_id: Any = None,
                now_ms: int | None = None) -> Outcome:
        """The agent turns the offer down: the call to the front, the agent available at the back."""
        return self._respond("decline", agent_id, offer_id, call_id, now_ms)

    def _respond(self, verb: str, agent_id: Any, offer_id: int | None, call_id: Any, now_ms: int | None) -> Outcome:
        if offer_id is None and call_id is None:
            raise ValueError("an offer id or a call id is needed")
        return self._outcome(self._run(
            "respond", now_ms, "" if offer_id is None else str(offer_id), "" if call_id is None else str(call_id),
            str(agent_id), verb))

    def end_call(self, agent_id: Any, wrapup_seconds: float = 0, now_ms: int | None = None) -> Outcome:
        """The agent's call ended: wrap-up for ``wrapup_seconds`` (no offers), else available."""
        return self._outcome(self._run("end_call", now_ms, str(agent_id), _ms(wrapup_seconds)))

    def end_wrapup(self, agent_id: Any, now_ms: int | None = None) -> Outcome:
        """Wrap-up done before its time: available, idle from now."""
        return self._outcome(self._run("end_wrapup", now_ms, str(agent_id)))

    # --- the dispatcher ------------------------------------------------------------------------

    def tick(self, now_ms: int | None = None, max_offers: int = 25, batch: int = 1000) -> TickEvents:
        """One dispatcher pass: timeouts, heartbeats, wrap-ups, escalations, max wait, then up to
        ``max_offers`` offers. Safe to run from several processes at once. A pass holds Redis for
        about a tenth of a millisecond an offer, hence the small default."""
        reply = self._run("tick", now_ms, max_offers, batch)
        return TickEvents(**{kind: [self._ids(event) for event in (reply.get(kind) or [])]
                             for kind in EVENT_KINDS}, server_us=int(reply.get("server_us", 0)))

    def dispatch(self, now_ms: int | None = None, max_offers: int = 25, max_passes: int = 40) -> TickEvents:
        """Passes at the same instant until one makes fewer than ``max_offers`` offers (all that can
        be offered now are), other clients' operations running between them; the events of all."""
        now = wall_clock_ms() if now_ms is None else int(now_ms)
        merged: dict[str, list[dict[str, Any]]] = {kind: [] for kind in EVENT_KINDS}
        server_us = 0
        for _ in range(max_passes):
            events = self.tick(now, max_offers)
            for kind in EVENT_KINDS:
                merged[kind] += getattr(events, kind)
            server_us += events.server_us
            if len(events.offers) < max_offers:
                break
        return TickEvents(**merged, server_us=server_us)

    # --- reads -------------------------------------------------------------------------------

    def agent(self, agent_id: Any) -> dict[str, str] | None:
        """The agent's routing record (state, since, idle, offer, call), or None."""
        return _decoded(self.client.hgetall(f"{self.prefix}a:{agent_id}")) or None

    def call(self, call_id: Any) -> dict[str, str] | None:
        """The call's routing record (campaign, priority, arrival, state, agent, offer, escalation)."""
        return _decoded(self.client.hgetall(f"{self.prefix}c:{call_id}")) or None

    def agents(self, agent_ids: Iterable[Any]) -> list[dict[str, str] | None]:
        """The routing records of many agents at once (one round trip), in order."""
        pipe = self.client.pipeline(transaction=False)
        for agent_id in agent_ids:
            pipe.hgetall(f"{self.prefix}a:{agent_id}")
        return [_decoded(found) or None for found in pipe.execute()]

    def offer(self, offer_id: Any) -> dict[str, str] | None:
        """An offer's record (call, agent, camp, exp and at in ms, esc), or None once it is gone."""
        return _decoded(self.client.hgetall(f"{self.prefix}o:{offer_id}")) or None

    def agent_campaigns(self, agent_id: Any) -> tuple[list[Any], list[Any]]:
        """The campaigns the agent takes calls of at once (primary) and after escalation."""
        pipe = self.client.pipeline(transaction=False)
        pipe.smembers(f"{self.prefix}ap:{agent_id}")
        pipe.smembers(f"{self.prefix}ae:{agent_id}")
        primary, escalation = pipe.execute()
        return ([self.id_type(_text(c)) for c in sorted(primary)], [self.id_type(_text(c)) for c in sorted(escalation)])

    def counts(self) -> dict[str, int]:
        """Agents by state (``a.<state>``), calls by state (``c.<state>``) and ringing ``offers``."""
        return {key: int(value) for key, value in _decoded(self.client.hgetall(f"{self.prefix}n")).items()}

    def snapshot(self, now_ms: int | None = None) -> dict[str, Any]:
        """The whole routing state read at one instant (for ``check``; heavy on a large ACD)."""
        return self._run("snapshot", now_ms)


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _decoded(mapping: Mapping[Any, Any]) -> dict[str, str]:
    return {(k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v)
            for k, v in mapping.items()}
