"""Simulated parties: how a caller, an agent's softphone or a dialled number behaves.

A ``Party`` is a script: how long it lets the phone ring, whether it answers, its patience while
waiting for a human, how long it talks once bridged, which digits it presses at each ``<Gather>``.
All durations are simulated seconds (see ``Clock``).
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field, replace


@dataclass
class Party:
    """One simulated party. ``patience``: hangs up if not bridged to someone within this many seconds
    of the call starting; ``talk_seconds``: hangs up this long after being bridged; ``hangup_after``:
    hangs up this long after the call starts, whatever happens; ``digits``: one entry per Gather
    (None: presses nothing at that Gather)."""

    ring_seconds: float = 2.0
    answers: bool = True
    busy: bool = False
    patience: float | None = None
    talk_seconds: float | None = None
    hangup_after: float | None = None
    digits: list[str | None] = field(default_factory=list)
    digit_seconds: float = 1.0
    machine: bool = False
    fails: bool = False  # the network cannot complete the call (Twilio's "failed")
    _next_gather: int = 0

    def next_digits(self) -> str | None:
        """What the party presses at the next Gather (None: nothing)."""
        if self._next_gather >= len(self.digits):
            return None
        digits = self.digits[self._next_gather]
        self._next_gather += 1
        return digits

    def hangup_deadline(self, started_at: float | None, bridged_since: float | None) -> float | None:
        """The simulated instant this party hangs up, given when the call started and was bridged."""
        if started_at is None:
            return None
        deadlines = []
        if self.hangup_after is not None:
            deadlines.append(started_at + self.hangup_after)
        if bridged_since is None and self.patience is not None:
            deadlines.append(started_at + self.patience)
        if bridged_since is not None and self.talk_seconds is not None:
            deadlines.append(bridged_since + self.talk_seconds)
        return min(deadlines) if deadlines else None

    def copy(self) -> Party:
        """A fresh copy (its own Gather position) for one call."""
        return replace(self, digits=list(self.digits), _next_gather=0)


# A dialled number or SIP address nobody scripted: answers after a short ring, talks a minute.
DEFAULT_PARTY = Party(ring_seconds=2.0, talk_seconds=60.0)
# The outcomes of a call to a number nobody scripted, in proportions (VICIdial's outcome matrix as the
# model): answered by a person, rings out, busy, fails, reached by an answering machine.
OUTCOMES = ("answer", "ring_out", "busy", "fail", "machine")


def parse_outcomes(text: str | None) -> dict[str, float] | None:
    """``"answer=60,ring_out=20,busy=10,fail=5,machine=5"`` → the proportions (None: not set). Raises
    ValueError on an unknown outcome or a bad weight."""
    if not text or not text.strip():
        return None
    found: dict[str, float] = {}
    for part in text.split(","):
        name, _, weight = part.partition("=")
        name = name.strip()
        if name not in OUTCOMES:
            raise ValueError(f"unknown outcome {name!r}: one of {', '.join(OUTCOMES)}")
        found[name] = float(weight)
        if found[name] < 0:
            raise ValueError(f"negative weight for {name}")
    if not sum(found.values()) > 0:
        raise ValueError("the weights add up to nothing")
    return found


def party_for_outcome(outcome: str, rng: random.Random) -> Party:
    """A callee who behaves as ``outcome`` says."""
    if outcome == "ring_out":
        return Party(answers=False)
    if outcome == "busy":
        return Party(busy=True)
    if outcome == "fail":
        return Party(fails=True)
    return Party(ring_seconds=rng.uniform(2.0, 10.0), talk_seconds=rng.uniform(30.0, 180.0),
                 machine=outcome == "machine")


# A caller nobody scripted: waits as long as it takes, hangs up when the other side does.
DEFAULT_CALLER = Party(ring_seconds=0.0)


class Directory:
    """Who answers where: softphone identities (``client:member-4``) and numbers or SIP URIs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: dict[str, Party] = {}
        self._addresses: dict[str, Party] = {}
        self._outcomes: dict[str, float] | None = None
        self._rng = random.Random()

    def register_client(self, identity: str, party: Party | None = None) -> None:
        """A softphone comes online as ``identity`` (it rings; ``party`` says how it answers)."""
        with self._lock:
            self._clients[identity.removeprefix("client:")] = party or Party()

    def unregister_client(self, identity: str) -> None:
        """The softphone goes offline: calls to it ring out unanswered."""
        with self._lock:
            self._clients.pop(identity.removeprefix("client:"), None)

    def clients(self) -> list[str]:
        with self._lock:
            return sorted(self._clients)

    def register_party(self, address: str, party: Party) -> None:
        """How a phone number or SIP URI answers when dialled."""
        with self._lock:
            self._addresses[address] = party

    def set_outcomes(self, outcomes: dict[str, float] | None, seed: int | None = None) -> None:
        """Numbers nobody scripted answer, ring out, are busy, fail or reach a machine in these
        proportions (None: they all answer, as ``DEFAULT_PARTY``)."""
        with self._lock:
            self._outcomes = dict(outcomes) if outcomes else None
            self._rng = random.Random(seed)

    def party_for(self, address: str) -> Party | None:
        """A fresh script for a call to ``address``; None for a softphone that is not registered."""
        with self._lock:
            if address.startswith("client:"):
                party = self._clients.get(address.removeprefix("client:"))
                return party.copy() if party else None
            scripted = self._addresses.get(address)
            if scripted is None and self._outcomes:
                outcome = self._rng.choices(list(self._outcomes), list(self._outcomes.values()))[0]
                return party_for_outcome(outcome, self._rng)
            return (scripted or DEFAULT_PARTY).copy()
