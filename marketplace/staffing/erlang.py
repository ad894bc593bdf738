"""Staffing: how many agents an interval needs (Erlang C, and Erlang A with abandonment).

Pure functions, no Flask. Numerically stable for thousands of agents: Erlang B is computed with
its recursion (no factorials), Erlang A's birth–death distribution in log space.

Definitions (per interval):
- offered load ``A = calls × aht / interval`` (Erlangs);
- ``p_wait``: probability an arriving call has to queue;
- ``service_level``: share of calls answered within ``target_answer_seconds``;
- ``occupancy``: busy share of the agents' time (carried load / agents);
- ``asa_seconds``: average speed of answer (Erlang C: mean wait over all calls; Erlang A: mean
  time in queue per call, answered or abandoned, by Little's law);
- ``rostered``: agents to schedule so that ``agents`` are on the phones after shrinkage.
"""

from __future__ import annotations

import functools
import math
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Forecast:
    calls: float
    interval_minutes: float
    aht_seconds: float
    target_service_level: float = 0.8
    target_answer_seconds: float = 20.0
    max_occupancy: float = 0.85
    shrinkage: float = 0.3
    patience_seconds: float | None = None

    @property
    def load(self) -> float:
        return self.calls * self.aht_seconds / (self.interval_minutes * 60.0)


@dataclass(frozen=True)
class Staffing:
    model: str
    agents: int
    rostered: int
    service_level: float
    occupancy: float
    p_wait: float
    asa_seconds: float
    abandon_rate: float | None = None

    def to_dict(self, digits: int = 3) -> dict:
        body = asdict(self)
        for key in ("service_level", "occupancy", "p_wait", "abandon_rate"):
            if body[key] is not None:
                body[key] = round(body[key], digits)
        body["asa_seconds"] = round(body["asa_seconds"], 1)
        if body["abandon_rate"] is None:
            del body["abandon_rate"]
        return body


# --- Erlang C ----------------------------------------------------------------------------

def erlang_b(agents: int, load: float) -> float:
    """Blocking probability of M/M/n/n, by the stable recursion B(k) = A·B(k−1) / (k + A·B(k−1))."""
    b = 1.0
    for k in range(1, agents + 1):
        b = load * b / (k + load * b)
    return b


def erlang_c(agents: int, load: float) -> float:
    """Probability of waiting in M/M/n (1 when the agents cannot carry the load)."""
    if load <= 0:
        return 0.0
    if agents <= load:
        return 1.0
    b = erlang_b(agents, load)
    return agents * b / (agents - load * (1.0 - b))


def erlang_c_measures(agents: int, forecast: Forecast, blocking: float | None = None) -> Staffing:
    """Erlang C measures for ``agents``; ``blocking`` is Erlang B at ``agents`` when already known."""
    load, aht = forecast.load, forecast.aht_seconds
    if load <= 0:
        return Staffing("erlang_c", agents, 0, 1.0, 0.0, 0.0, 0.0)
    if blocking is None or agents <= load:
        p_wait = erlang_c(agents, load)
    else:
        p_wait = agents * blocking / (agents - load * (1.0 - blocking))
    if agents <= load:
        return Staffing("erlang_c", agents, 0, 0.0, 1.0, 1.0, math.inf)
    decay = math.exp(-(agents - load) * forecast.target_answer_seconds / aht)
    return Staffing(
        model="erlang_c",
        agents=agents,
        rostered=0,
        service_level=1.0 - p_wait * decay,
        occupancy=load / agents,
        p_wait=p_wait,
        asa_seconds=p_wait * aht / (agents - load),
    )


# --- Erlang A (M/M/n+M) ------------------------------------------------------------------

def _log_sum_exp(values: list[float]) -> float:
    peak = max(values)
    return peak + math.log(sum(math.exp(v - peak) for v in values))


def _erlang_a_distribution(agents: int, arrival: float, service: float, abandon: float) -> list[float]:
    """Stationary probabilities of the number of calls in an M/M/n+M system (truncated where negligible)."""
    logs = [0.0]
    peak = 0.0
    k = 0
    log_arrival = math.log(arrival)
    while True:
        k += 1
        rate_out = (min(k, agents) * service) + (max(k - agents, 0) * abandon)
        logs.append(logs[-1] + log_arrival - math.log(rate_out))
        peak = max(peak, logs[-1])
        # Past the agents, each step multiplies by arrival/rate_out < 1 eventually: stop when tiny.
        if k > agents and rate_out > arrival and logs[-1] - peak < -40:
            break
        if k > agents + 100_000:  # pragma: no cover - guard against pathological input
            break
    total = _log_sum_exp(logs)
    return [math.exp(v - total) for v in logs]


def _answered_within(agents: int, service: float, abandon: float, queued: list[float], seconds: float) -> float:
    """Probability mass of queued arrivals answered within ``seconds`` (exact, by uniformization).

    ``queued[i]`` is the probability of arriving with ``i`` calls ahead in the queue. From ``i``
    ahead the call moves forward at rate n·μ + i·θ (a service ends or someone ahead abandons),
    is answered from the head at rate n·μ, and abandons itself at rate θ meanwhile. With a
    uniform event rate Λ, P(answered by t) = Σ_k Poisson(k; Λt) · P(answered within k events).
    """
    if seconds <= 0 or not queued:
        return 0.0
    # States holding less than 1e-13 of the queued mass change no reported digit: drop the tail.
    total_mass, kept, states = sum(queued), 0.0, 0
    while states < len(queued) and kept < total_mass * (1 - 1e-13):
        kept += queued[states]
        states += 1
    queued = queued[:max(states, 1)]
    states = len(queued)
    for _ in range(2):  # a call needs i+1 events to be answered: more than k_max ahead never is
        rate = agents * service + states * abandon
        mean = rate * seconds
        k_max = int(mean + 12 * math.sqrt(mean) + 30)
        states = min(len(queued), k_max)
    state = list(queued[:states])
    forward = [(agents * service + i * abandon) / rate for i in range(states)] + [0.0]
    stay = [1.0 - (agents * service + (i + 1) * abandon) / rate for i in range(states)]
    answered = total = 0.0
    log_mean = math.log(mean) if mean > 0 else 0.0
    for k in range(k_max + 1):
        weight = math.exp(-mean + k * log_mean - math.lgamma(k + 1))
        total += weight * answered
        answered += state[0] * forward[0]
        # One more event: each state keeps its mass or moves one place forward. A call i places
        # back needs i+1 more events, so states that cannot reach the head within the events
        # left are dropped (the work is a triangle, not a square).
        reach = min(len(state), k_max - k)
        if reach <= 0:
            break
        state.append(0.0)
        state = [mass * keep + behind * ahead for mass, keep, behind, ahead
                 in zip(state[:reach], stay, state[1:reach + 1], forward[1:reach + 1])]  # noqa: B905 - stay is longer
    return total


def erlang_a_measures(agents: int, forecast: Forecast) -> Staffing:
    load, aht = forecast.load, forecast.aht_seconds
    patience = forecast.patience_seconds
    if load <= 0:
        return Staffing("erlang_a", agents, 0, 1.0, 0.0, 0.0, 0.0, 0.0)
    if agents == 0:
        return Staffing("erlang_a", 0, 0, 0.0, 0.0, 1.0, patience, 1.0)
    arrival = forecast.calls / (forecast.interval_minutes * 60.0)
    service, abandon = 1.0 / aht, 1.0 / patience
    pi = _erlang_a_distribution(agents, arrival, service, abandon)
    p_wait = sum(pi[agents:])
    queue_length = sum((k - agents) * p for k, p in enumerate(pi) if k > agents)
    abandon_rate = queue_length * abandon / arrival
    answered_late = _answered_within(agents, service, abandon, pi[agents:], forecast.target_answer_seconds)
    service_level = sum(pi[:agents]) + answered_late
    carried = load * (1.0 - abandon_rate)
    return Staffing(
        model="erlang_a",
        agents=agents,
        rostered=0,
        service_level=min(service_level, 1.0),
        occupancy=carried / agents,
        p_wait=p_wait,
        asa_seconds=queue_length / arrival,
        abandon_rate=abandon_rate,
    )


# --- the plan ------------------------------------------------------------------------------

def measures(agents: int, forecast: Forecast) -> Staffing:
    if forecast.patience_seconds is None:
        return erlang_c_measures(agents, forecast)
    return erlang_a_measures(agents, forecast)


def rostered_for(agents: int, shrinkage: float) -> int:
    """Agents to schedule so that ``agents`` remain after shrinkage (breaks, training, absence)."""
    return math.ceil(agents / (1.0 - shrinkage) - 1e-9)


def _meets(result: Staffing, forecast: Forecast) -> bool:
    return (result.service_level >= forecast.target_service_level
            and result.occupancy <= forecast.max_occupancy + 1e-12)


def _erlang_c_search(forecast: Forecast) -> Staffing:
    """Walk up from the fewest agents that can carry the load within the maximum occupancy, carrying
    Erlang B along its recursion: O(n) once, then O(1) a step (the answer is a few √load above)."""
    load = forecast.load
    agents = max(math.floor(load) + 1, math.ceil(load / forecast.max_occupancy - 1e-9))
    blocking = erlang_b(agents, load)
    while True:
        result = erlang_c_measures(agents, forecast, blocking)
        if _meets(result, forecast):
            return result
        agents += 1
        blocking = load * blocking / (agents + load * blocking)


@functools.lru_cache(maxsize=8192)
def required_agents(forecast: Forecast) -> Staffing:
    """The fewest agents meeting the service level without exceeding the maximum occupancy.

    Answers are remembered per process (both types are frozen): a plan page shown again, or a
    forecast whose intervals repeat their volumes, costs nothing the second time, which matters
    for Erlang A plans (milliseconds an interval)."""
    if forecast.load <= 0:
        return measures(0, forecast)
    if forecast.patience_seconds is None:
        result = _erlang_c_search(forecast)
        return Staffing(**{**asdict(result), "rostered": rostered_for(result.agents, forecast.shrinkage)})

    tried: dict[int, Staffing | None] = {}

    def enough(n: int) -> Staffing | None:
        if n not in tried:
            result = measures(n, forecast)
            tried[n] = result if _meets(result, forecast) else None
        return tried[n]

    # Both criteria only improve with more agents. Abandonment makes Erlang A's answer close to
    # Erlang C's (equal or one or two below): gallop from there away from it, then bisect, so a
    # plan costs about three evaluations an interval.
    guess = _erlang_c_search(Forecast(**{**asdict(forecast), "patience_seconds": None})).agents
    step = 1
    if enough(guess) is not None:
        high, low = guess, guess - 1
        while low > 0 and enough(low) is not None:
            high, low, step = low, max(0, low - step * 2), step * 2
    else:
        low, high = guess, guess + 1
        while enough(high) is None:
            low, high, step = high, high + step * 2, step * 2
    while high - low > 1:
        middle = (low + high) // 2
        if enough(middle) is None:
            low = middle
        else:
            high = middle
    return Staffing(**{**asdict(enough(high)), "rostered": rostered_for(high, forecast.shrinkage)})


def curve(forecast: Forecast, around: int, width: int = 4) -> list[Staffing]:
    """Measures for agent counts around ``around`` (for the what-if table and chart)."""
    low = max(1, around - width)
    return [measures(n, forecast) for n in range(low, around + width + 1)]


def outbound_agent_hours(contacts: int, attempts_per_contact: float, handle_seconds: float) -> float:
    """Agent-hours to work a contact list: contacts × expected attempts × handle time."""
    return contacts * attempts_per_contact * handle_seconds / 3600.0
