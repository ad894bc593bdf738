"""A time-compressed outbound run: the dialer's own decisions (``modes``, the calling window read in
each callee's zone by ``contacts.dialing.in_calling_window``, the DNC list read at the moment of
dialing, retry delays, max attempts, a calls-per-second cap) against simulated callees and agents,
in simulated seconds. No database, no Redis: it measures the dialing policy, for the benchmark and
the predictive-mode test.

Callees answer, ring out, are busy, fail or reach a machine in configurable proportions (VICIdial's
outcome matrix as the model); a person answered with no free agent is an abandoned call.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from marketplace.contacts.dialing import in_calling_window
from telephony.dialer.modes import Measured, lines_per_agent, lines_to_open

OUTCOMES = {"answer": 0.30, "ring_out": 0.40, "busy": 0.10, "fail": 0.05, "machine": 0.15}
RETRY_MINUTES = {"ring_out": 120, "busy": 30, "fail": 60, "machine": 240}
ZONES = ("Asia/Shanghai", "America/New_York", "America/Los_Angeles", "Europe/London", "Australia/Sydney")
WINDOWS = [{"days": [0, 1, 2, 3, 4, 5], "start": "09:00", "end": "20:00"}]
START = datetime(2027, 3, 8, 0, 0, tzinfo=UTC)  # a Monday; US clocks change on 14 March, the UK's on 28 March


@dataclass
class Result:
    placed: int = 0
    answered: int = 0  # by a person
    abandoned: int = 0
    machines: int = 0
    connected: int = 0  # reached an agent
    contacts_reached: int = 0
    agent_seconds: float = 0.0  # agents logged in x simulated seconds while some callee's window was open
    outside_window: int = 0  # calls placed while the callee's window was closed (must stay 0)
    dnc_dialed: int = 0  # calls placed to a number on the DNC list (must stay 0)
    refused: dict = field(default_factory=dict)

    @property
    def abandon_rate(self) -> float:
        return self.abandoned / self.answered if self.answered else 0.0

    @property
    def contacts_per_agent_hour(self) -> float:
        return self.connected / (self.agent_seconds / 3600) if self.agent_seconds else 0.0


def _window_open_independently(zone: str, at: datetime) -> bool:
    """The window read again with zoneinfo alone, to audit the dialer's own check."""
    moment = at.astimezone(ZoneInfo(zone))
    return moment.weekday() <= 5 and 9 * 60 <= moment.hour * 60 + moment.minute < 20 * 60


def simulate(contacts: int, agents: int, mode: str = "predictive", cap: float = 0.03, *, cps: float = 20.0,
             max_attempts: int = 3, talk_mean: float = 150.0, wrapup: float = 20.0, ring_seconds: int = 20,
             dnc_share: float = 0.02, late_dnc_share: float = 0.01, days: int = 21,
             outcomes: dict[str, float] | None = None, rng: random.Random | None = None) -> Result:
    """Dial ``contacts`` with ``agents`` until every contact is done or ``days`` have passed."""
    rng = rng or random.Random(1)
    outcomes = outcomes or OUTCOMES
    kinds, weights = list(outcomes), list(outcomes.values())
    zone = [ZONES[i % len(ZONES)] for i in range(contacts)]
    dnc = {i for i in range(contacts) if rng.random() < dnc_share}
    attempts = [0] * contacts
    due: list[tuple[float, int]] = [(0.0, i) for i in range(contacts)]  # (due at, contact): the hopper's source
    heapq.heapify(due)
    result = Result()
    events: list[tuple[float, int, str, int]] = []  # (time, seq, kind, contact)
    seq = 0
    free, ringing, t = agents, 0, 0.0
    tokens, last_refill = cps, 0.0
    end = days * 86400.0
    measured = Measured()

    def push(at: float, kind: str, contact: int) -> None:
        nonlocal seq
        seq += 1
        heapq.heappush(events, (at, seq, kind, contact))

    def retry(contact: int, outcome: str) -> None:
        if attempts[contact] < max_attempts:
            heapq.heappush(due, (t + RETRY_MINUTES[outcome] * 60, contact))

    while t < end and (due or events or ringing):
        now = START + timedelta(seconds=t)
        tokens = min(cps, tokens + (t - last_refill) * cps)
        last_refill = t
        if mode != "preview":
            level = lines_per_agent(measured, measured, cap) if mode == "predictive" else 1.0
            lines = min(lines_to_open(mode, free, ringing, level), int(tokens))
            skipped: list[tuple[float, int]] = []
            minute = now.replace(second=0, microsecond=0)
            while lines > 0 and due and due[0][0] <= t:
                _, contact = heapq.heappop(due)
                if rng.random() < late_dnc_share / max_attempts:
                    dnc.add(contact)  # listed after it was loaded: the check at dialing must catch it
                if contact in dnc:
                    result.refused["dnc"] = result.refused.get("dnc", 0) + 1
                    continue
                if not in_calling_window(WINDOWS, zone[contact], minute):
                    skipped.append((t + 900, contact))  # the callee's window is closed: again in 15 minutes
                    continue
                if contact in dnc:
                    result.dnc_dialed += 1
                if not _window_open_independently(zone[contact], now):
                    result.outside_window += 1
                attempts[contact] += 1
                result.placed += 1
                measured = Measured(measured.placed + 1, measured.answered, measured.abandoned, 0.0)
                tokens -= 1
                lines -= 1
                ringing += 1
                outcome = rng.choices(kinds, weights)[0]
                ring = rng.uniform(3, 15) if outcome in ("answer", "machine") else (
                    ring_seconds if outcome == "ring_out" else rng.uniform(1, 4))
                push(t + ring, outcome, contact)
            for item in skipped:
                heapq.heappush(due, item)
        nxt = events[0][0] if events else (due[0][0] if due else end)
        step_to = max(min(nxt, t + 1.0), t + 0.001) if (free and due and due[0][0] <= t) else max(nxt, t + 0.001)
        if not events and due and due[0][0] > t:
            step_to = max(due[0][0], t + 0.001)
        step_to = min(step_to, end)
        if _any_window_open(now):
            result.agent_seconds += agents * (step_to - t)
        t = step_to
        while events and events[0][0] <= t:
            at, _, kind, contact = heapq.heappop(events)
            if kind == "agent_free":
                free += 1
                continue
            ringing -= 1
            if kind == "answer":
                result.answered += 1
                if free > 0:
                    free -= 1
                    result.connected += 1
                    result.contacts_reached += 1
                    push(at + rng.expovariate(1 / talk_mean) + wrapup, "agent_free", contact)
                    measured = Measured(measured.placed, measured.answered + 1, measured.abandoned, 0.0)
                else:  # the recorded message plays within 2 s and the call ends: abandoned
                    result.abandoned += 1
                    measured = Measured(measured.placed, measured.answered + 1, measured.abandoned + 1, 0.0)
                    retry(contact, "machine")
            elif kind == "machine":
                result.machines += 1
                retry(contact, "machine")
            else:
                retry(contact, kind)
    return result


def _any_window_open(now: datetime) -> bool:
    return any(_window_open_independently(z, now) for z in ZONES)
