"""Simulated parties: how a caller, an agent's softphone or a dialled number behaves.

A ``Party`` is a script: how long it lets the phone ring, whether it answers, its patience while
waiting for a human, how long it talks once bridged, which digits it presses at each ``<Gather>``.
All durations are simulated seconds (see ``Clock``).
"""

from __future__ import annotations

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
# A caller nobody scripted: waits as long as it takes, hangs up when the other side does.
DEFAULT_CALLER = Party(ring_seconds=0.0)


class Directory:
    """Who answers where: softphone identities (``client:member-4``) and numbers or SIP URIs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: dict[str, Party] = {}
        self._addresses: dict[str, Party] = {}

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

    def party_for(self, address: str) -> Party | None:
        """A fresh script for a call to ``address``; None for a softphone that is not registered."""
        with self._lock:
            if address.startswith("client:"):
                party = self._clients.get(address.removeprefix("client:"))
                return party.copy() if party else None
            return (self._addresses.get(address) or DEFAULT_PARTY).copy()
