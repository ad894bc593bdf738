"""A plain Python model of the routing rules (linear scans, no Redis) to hold the ACD against."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Call:
    campaign: int
    priority: int
    at: int
    max_wait_at: int
    state: str = "queued"
    agent: int | None = None
    offer: int | None = None
    escalated: bool = False

    def score(self) -> int:
        return (99 - self.priority) * 10**13 + self.at


@dataclass
class Agent:
    state: str = "offline"
    idle: int = 0
    primary: set[int] = field(default_factory=set)
    escalation: set[int] = field(default_factory=set)
    fit: dict[int, int] = field(default_factory=dict)
    heartbeat_until: int | None = None
    wrapup_until: int | None = None
    offer: int | None = None
    call: int | None = None

    def score(self, campaign: int) -> int:
        return self.idle * 1000 + 999 - self.fit.get(campaign, 0)


@dataclass
class Config:
    timeout: int = 15_000
    escalate: int = 30_000
    max_wait: int = 0
    paused: bool = False


class Model:
    """The ACD's documented behaviour, written as directly as possible."""

    def __init__(self, window: int = 20_000) -> None:
        self.window = window
        self.calls: dict[int, Call] = {}
        self.agents: dict[int, Agent] = {}
        self.offers: dict[int, tuple[int, int, int]] = {}  # id -> call, agent, expires at
        self.config: dict[int, Config] = {}
        self.seq = 0

    def cfg(self, campaign: int) -> Config:
        return self.config.get(campaign, Config())

    def agent(self, a: int, now: int) -> Agent:
        if a not in self.agents:
            self.agents[a] = Agent(idle=now)
        return self.agents[a]

    # --- calls ----------------------------------------------------------------------------

    def enqueue(self, call: int, campaign: int, priority: int, now: int) -> bool:
        if call in self.calls:
            return False
        max_wait = self.cfg(campaign).max_wait
        self.calls[call] = Call(campaign, priority, now, now + max_wait if max_wait else 0)
        return True

    def requeue(self, call: int) -> None:
        c = self.calls[call]
        c.state, c.agent, c.offer = "queued", None, None

    def withdraw(self, call: int) -> str | None:
        c = self.calls.get(call)
        if c is None:
            return "unknown_call"
        if c.state == "connected":
            return "connected"
        if c.state == "offered":
            _, agent, _ = self.offers.pop(c.offer)
            a = self.agents[agent]
            a.state, a.offer = "available", None
        del self.calls[call]
        return None

    # --- agents ---------------------------------------------------------------------------

    def undo(self, a: int, state: str) -> None:
        agent = self.agents[a]
        if agent.state == "offered":
            call, _, _ = self.offers.pop(agent.offer)
            self.requeue(call)
        elif agent.state == "busy":
            del self.calls[agent.call]
        agent.offer = agent.call = agent.wrapup_until = None
        if state == "offline":
            agent.heartbeat_until = None
        agent.state = state

    def presence(self, a: int, status: str, now: int) -> str | None:
        agent = self.agent(a, now)
        if agent.state == "busy":
            return "busy"
        if status == "available":
            if agent.state == "offered":
                return "offered"
            if agent.state != "available":
                agent.wrapup_until = None
                agent.state, agent.idle = "available", now
            agent.heartbeat_until = now + self.window
            return None
        if agent.state != status:
            self.undo(a, status)
        if status == "away":
            agent.heartbeat_until = now + self.window
        return None

    def heartbeat(self, a: int, now: int) -> str | None:
        agent = self.agents.get(a)
        if agent is None or agent.state == "offline":
            return "offline"
        agent.heartbeat_until = now + self.window
        return None

    def eligibility(self, a: int, primary: set[int], escalation: set[int], fit: dict[int, int], now: int) -> None:
        agent = self.agent(a, now)
        agent.primary, agent.escalation, agent.fit = set(primary), set(escalation), dict(fit)

    def remove(self, a: int) -> str | None:
        if a not in self.agents:
            return "unknown_agent"
        self.undo(a, "offline")
        del self.agents[a]
        return None

    def respond(self, a: int, offer: int, verb: str, now: int) -> str | None:
        if offer not in self.offers:
            return "unknown_offer"
        call, agent_id, expires = self.offers[offer]
        if agent_id != a:
            return "not_yours"
        if now >= expires:
            return "expired"
        del self.offers[offer]
        agent, c = self.agents[a], self.calls[call]
        agent.offer = None
        if verb == "accept":
            c.state, c.offer = "connected", None
            agent.state, agent.call = "busy", call
        else:
            self.requeue(call)
            agent.state, agent.idle = "available", now
        return None

    def end_call(self, a: int, wrapup: int, now: int) -> str | None:
        agent = self.agents.get(a)
        if agent is None or agent.state != "busy":
            return "not_busy"
        del self.calls[agent.call]
        agent.call = None
        if wrapup:
            agent.state, agent.wrapup_until = "wrapup", now + wrapup
        else:
            agent.state, agent.idle = "available", now
        return None

    def end_wrapup(self, a: int, now: int) -> str | None:
        agent = self.agents.get(a)
        if agent is None or agent.state != "wrapup":
            return "not_in_wrapup"
        agent.state, agent.idle, agent.wrapup_until = "available", now, None
        return None

    # --- the dispatcher -------------------------------------------------------------------

    def tick(self, now: int, limit: int) -> list[tuple[int, int, bool]]:
        for offer, (call, a, expires) in list(self.offers.items()):
            if expires <= now:
                del self.offers[offer]
                self.requeue(call)
                self.agents[a].state, self.agents[a].offer = "away", None
        for a, agent in list(self.agents.items()):
            if agent.heartbeat_until is not None and agent.heartbeat_until <= now:
                self.undo(a, "offline")
        for agent in self.agents.values():
            if agent.wrapup_until is not None and agent.wrapup_until <= now:
                agent.state, agent.idle, agent.wrapup_until = "available", now, None
        for campaign in {c.campaign for c in self.calls.values()}:
            head = self.head(campaign)
            if head is not None and self.calls[head].at + self.cfg(campaign).escalate <= now:
                self.calls[head].escalated = True
        for call, c in list(self.calls.items()):
            if c.state == "queued" and c.max_wait_at and c.max_wait_at <= now:
                del self.calls[call]
        made = []
        for _ in range(limit):
            choice = self.decide(now)
            if choice is None:
                break
            call, a, _ = choice
            c = self.calls[call]
            self.seq += 1
            self.offers[self.seq] = (call, a, now + self.cfg(c.campaign).timeout)
            c.state, c.agent, c.offer = "offered", a, self.seq
            self.agents[a].state, self.agents[a].offer = "offered", self.seq
            made.append(choice)
        return made

    def decide(self, now: int) -> tuple[int, int, bool] | None:
        """The head call first by priority then arrival among campaigns that can be served, and
        for it the longest idle agent (fit, then id, breaking ties; a primary agent on equal terms)."""
        best = None
        for campaign in {c.campaign for c in self.calls.values()}:
            head = self.head(campaign)
            if self.cfg(campaign).paused or head is None:
                continue
            agent = self.pick(campaign, self.calls[head], now)
            if agent is not None and (best is None or (self.calls[head].score(), str(campaign)) < best[0]):
                best = ((self.calls[head].score(), str(campaign)), head, agent)
        if best is None:
            return None
        return best[1], *best[2]

    def head(self, campaign: int) -> int | None:
        """The campaign's first waiting call: priority, then arrival, then id (as Redis sorts)."""
        queued = [(c.score(), str(i), i) for i, c in self.calls.items()
                  if c.campaign == campaign and c.state == "queued"]
        return min(queued)[2] if queued else None

    def pick(self, campaign: int, call: Call, now: int) -> tuple[int, bool] | None:
        available = [(a.score(campaign), str(i), i) for i, a in self.agents.items()
                     if a.state == "available" and campaign in a.primary]
        chosen = (min(available), False) if available else None
        if call.escalated or call.at + self.cfg(campaign).escalate <= now:
            wider = [(a.score(campaign), str(i), i) for i, a in self.agents.items()
                     if a.state == "available" and campaign in a.escalation and campaign not in a.primary]
            if wider and (chosen is None or min(wider)[0] < chosen[0][0]):
                chosen = (min(wider), True)
        return None if chosen is None else (chosen[0][2], chosen[1])
