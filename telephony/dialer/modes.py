"""How many lines the dialer opens now, per mode. Pure: no Flask, no session, no Redis.

- preview: none on its own; the member presses dial on the contact they see.
- progressive: one line per free agent (agents available, less the lines already ringing).
- predictive: lines per free agent from the measured answer rate (1 / answer rate would keep every
  agent busy), scaled down as the measured abandonment rate nears the campaign's cap and reduced to
  progressive as soon as it reaches the cap — over the campaign or over the last 30 days, whichever
  is worse. Until enough calls were answered to measure, it dials progressively.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_ANSWERED_TO_MEASURE = 50  # answered calls before the measured rates are trusted


@dataclass(frozen=True)
class Measured:
    """What the dialer measured: calls placed, answered by a person, of which abandoned (no agent
    free), and the average handle time of those that reached an agent."""

    placed: int = 0
    answered: int = 0
    abandoned: int = 0
    handle_seconds: float = 0.0

    @property
    def answer_rate(self) -> float | None:
        return self.answered / self.placed if self.placed else None

    @property
    def abandon_rate(self) -> float:
        return self.abandoned / self.answered if self.answered else 0.0


def lines_per_agent(campaign: Measured, last_30_days: Measured, cap: float, ceiling: float = 3.0) -> float:
    """Predictive mode's dial level: lines to open per free agent."""
    if campaign.answered < MIN_ANSWERED_TO_MEASURE or not campaign.answer_rate:
        return 1.0
    worst = max(campaign.abandon_rate, last_30_days.abandon_rate)
    if worst >= cap:
        return 1.0
    level = 1.0 / campaign.answer_rate
    # Keep a margin below the cap: the nearer the cap, the closer to one line per agent.
    headroom = 1.0 - worst / cap
    level = 1.0 + (level - 1.0) * headroom
    return max(1.0, min(level, ceiling))


def lines_to_open(mode: str, free_agents: int, ringing: int, level: float = 1.0) -> int:
    """Lines to dial now: what the mode wants for ``free_agents`` less those ``ringing`` already."""
    if mode == "preview" or free_agents <= 0:
        return 0
    wanted = free_agents if mode == "progressive" else math.floor(free_agents * level)
    return max(0, wanted - ringing)
