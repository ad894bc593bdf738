"""An interaction's life, as pure logic: its states, the order they come in, the durations derived
from its timeline, and what a member earns for it. No Flask, no session.

The states and the moves between them::

    queued ──offer──▶ offered ──answer──▶ in_progress ⇄ held
      ▲                  │                    │
      └──decline/miss────┘                    └──call ends──▶ wrapup ──▶ completed
    queued / offered ──caller hangs up──▶ abandoned
    queued / offered ──past the longest wait──▶ overflowed (the enterprise's line, or a callback request)
    any state before wrap-up ──▶ failed

Provider callbacks arrive twice and out of order, so every move is judged by *rank*: a callback
never moves an interaction back to a lower rank, and a final state (completed, abandoned, failed)
never changes. A late callback may still fill in a time it carries (an ``answered_at`` that
arrives after the call ended) without reopening anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

CHANNELS = ("voice", "chat")
DIRECTIONS = ("inbound", "outbound")
STATES = ("queued", "offered", "in_progress", "held", "wrapup", "completed", "abandoned", "failed", "overflowed")
FINAL_STATES = ("completed", "abandoned", "failed", "overflowed")
LIVE_STATES = ("in_progress", "held")  # a member is on the line with the customer
EVENT_KINDS = ("queued", "offered", "declined", "missed", "answered", "held", "resumed", "transferred",
               "escalated", "wrapup", "completed", "abandoned", "failed", "overflowed")
PAY_STATES = ("none", "accrued", "unfunded")
# A warm transfer to the enterprise's escalation line: ringing it, the enterprise on the line, or it did not answer.
TRANSFER_STATES = ("calling", "connected", "failed")  # nothing owed / earmarked for the member / escrow was short

RANK = {"queued": 0, "offered": 1, "in_progress": 2, "held": 2, "wrapup": 3,
        "completed": 4, "abandoned": 4, "failed": 4, "overflowed": 4}
# What an overflowed interaction's ``outcome`` says happened to the caller.
OVERFLOW_OUTCOMES = ("enterprise_line", "callback_request")

# Outcomes of a campaign's dispositions (marketplace's campaign settings).
SUCCESS = "success"
# Inbound peaks define no dispositions of their own: these serve them.
DEFAULT_DISPOSITIONS = (
    {"code": "resolved", "label": "Resolved", "outcome": "success"},
    {"code": "follow_up", "label": "Needs a follow-up", "outcome": "final"},
    {"code": "transferred", "label": "Sent to the enterprise", "outcome": "final"},
    {"code": "other", "label": "Other", "outcome": "final"},
)


def is_final(state: str) -> bool:
    return state in FINAL_STATES


def moves_forward(current: str, target: str) -> bool:
    """May an interaction in ``current`` move to ``target``? Never from a final state, never to a
    lower rank; held ⇄ in_progress are the same rank and move both ways."""
    if is_final(current):
        return False
    return RANK[target] > RANK[current] or {current, target} == {"in_progress", "held"}


def seconds_between(start: datetime | None, end: datetime | None) -> int | None:
    """Whole seconds from ``start`` to ``end`` (never negative), or None if either is unknown."""
    if start is None or end is None:
        return None
    return max(int((end - start).total_seconds()), 0)


@dataclass(frozen=True)
class Durations:
    """Seconds: waiting in queue, ringing the agent, talking (holds excluded), on hold, wrapping up,
    and handling (talk + hold + wrap-up). None where the interaction never reached that step."""

    wait: int | None
    ring: int | None
    talk: int | None
    hold: int | None
    wrapup: int | None
    handle: int | None

    def as_dict(self) -> dict:
        return {"wait": self.wait, "ring": self.ring, "talk": self.talk, "hold": self.hold,
                "wrapup": self.wrapup, "handle": self.handle}


def durations(*, queued_at: datetime, offered_at: datetime | None, answered_at: datetime | None,
              ended_at: datetime | None, wrapup_ended_at: datetime | None, hold_seconds: int,
              held_since: datetime | None = None) -> Durations:
    """The durations of a timeline. A hold still open when the call ended counts until the end.

    Wait runs from queueing to the answer (or to the end for a caller who never got an agent);
    ring from the offer that was answered to the answer; talk from the answer to the end, less the
    holds."""
    hold = hold_seconds + (seconds_between(held_since, ended_at) or 0)
    wait = seconds_between(queued_at, answered_at if answered_at is not None else ended_at)
    ring = seconds_between(offered_at, answered_at)
    on_call = seconds_between(answered_at, ended_at)
    talk = None if on_call is None else max(on_call - hold, 0)
    hold_part = None if on_call is None else min(hold, on_call)
    wrapup = seconds_between(ended_at, wrapup_ended_at)
    handle = None if talk is None else talk + (hold_part or 0) + (wrapup or 0)
    return Durations(wait=wait, ring=ring, talk=talk, hold=hold_part, wrapup=wrapup, handle=handle)


@dataclass(frozen=True)
class Pay:
    """What one interaction earns, in minor units: per call, per talk time, the success bonus."""

    per_call: int
    talk: int
    bonus: int

    @property
    def total(self) -> int:
        return self.per_call + self.talk + self.bonus


def interaction_pay(*, pay_per_call: int, pay_per_talk_minute: int, success_bonus: int, talk_seconds: int,
                    success: bool) -> Pay:
    """The pay rules of a campaign applied to one dispositioned interaction.

    Talk time is paid pro rata to the second and rounded down to a whole minor unit: 90 seconds at
    100 a minute earn 150, 61 seconds earn 101. Rounding down means the escrow never pays more than
    the rate, and the member loses less than one minor unit per call."""
    talk = pay_per_talk_minute * max(talk_seconds, 0) // 60
    return Pay(per_call=pay_per_call, talk=talk, bonus=success_bonus if success else 0)


def shift_pay(pay_per_shift_hour: int, online_seconds: int) -> int:
    """Pay per shift hour for ``online_seconds`` on shift and reachable, pro rata to the second and
    rounded down to a whole minor unit (as talk time)."""
    return pay_per_shift_hour * max(online_seconds, 0) // 3600


def overlap_seconds(intervals, start: datetime, end: datetime) -> int:
    """Seconds of ``[start, end)`` covered by ``intervals`` (pairs of start and end, an end of None
    meaning still open), each second counted once however the intervals overlap."""
    clipped = sorted((max(s, start), min(e or end, end)) for s, e in intervals)
    total, cursor = 0, start
    for s, e in clipped:
        s = max(s, cursor)
        if e > s:
            total += (e - s).total_seconds()
            cursor = e
    return int(total)
