"""A call on the local carrier: its state, its parameters as Twilio posts them, its event log,
and interruptible waits (a hang-up, a redirect or the end of a bridge cut any wait short)."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telephony.carrier.clock import Clock
from telephony.carrier.parties import Party

API_VERSION = "2010-04-01"
ENDED = frozenset({"completed", "busy", "no-answer", "canceled", "failed"})


def new_sid(prefix: str) -> str:
    """A Twilio-shaped SID: two letters and 32 hex digits."""
    return prefix + secrets.token_hex(16)


class CarrierError(Exception):
    """A REST request the carrier refuses, with Twilio's error code and HTTP status."""

    def __init__(self, message: str, code: int, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


@dataclass
class CallEvent:
    """One entry of a call's log: when (simulated seconds), what, and details."""

    at: float
    kind: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Redirect:
    """New instructions for a live call: a URL to fetch, or a TwiML document."""

    url: str | None = None
    method: str = "POST"
    twiml: str | None = None


class Call:
    """One leg. Waits run on a condition that shares the carrier's lock, so any state change made
    under that lock (a hang-up, a conference starting) can wake exactly the legs it concerns."""

    def __init__(self, clock: Clock, lock: threading.RLock, *, account_sid: str, to: str, from_: str,
                 direction: str, party: Party, parent_sid: str | None = None) -> None:
        self.clock = clock
        self.cond = threading.Condition(lock)
        self.sid = new_sid("CA")
        self.account_sid = account_sid
        self.to, self.from_ = to, from_
        self.direction = direction
        self.party = party
        self.unreachable = False  # a softphone identity nobody registered: it rings out
        self.parent_sid = parent_sid
        self.status = "queued"
        self.url: str | None = None
        self.method = "POST"
        self.twiml: str | None = None
        self.status_callback: str | None = None
        self.status_callback_method = "POST"
        self.status_events: set[str] = {"completed"}
        self.machine_detection: str | None = None
        self.async_amd_callback: str | None = None
        self.timeout = 60
        self.extra_params: dict[str, str] = {}
        self.created_at = clock.now()
        self.started_at: float | None = None
        self.answered_at: float | None = None
        self.bridged_since: float | None = None
        self.ended_at: float | None = None
        self.hangup_requested: str | None = None  # who hung up: "party", "api", "carrier"
        self.hangup_at: float | None = None  # when they did (the call's end, however long tearing down takes)
        self.redirect: Redirect | None = None
        self.pressed = ""  # keys pressed live (a browser's keypad) and not yet taken by a <Gather>
        self.callback_sequence = 0
        self.events: list[CallEvent] = []
        self.created_resource: dict[str, Any] = {}
        self.finished = threading.Event()

    # --- state ----------------------------------------------------------------------------
    @property
    def ended(self) -> bool:
        return self.status in ENDED

    @property
    def duration(self) -> int:
        """Whole simulated seconds from answer to end (0 when never answered), as CallDuration."""
        if self.answered_at is None:
            return 0
        end = self.ended_at if self.ended_at is not None else self.clock.now()
        return round(end - self.answered_at)

    @property
    def answered_by(self) -> str:
        """What answering-machine detection reports: a machine (after its beep when the caller waits
        for the end of the message) or a person."""
        if not self.party.machine:
            return "human"
        return "machine_end_beep" if self.machine_detection == "DetectMessageEnd" else "machine_start"

    def log(self, kind: str, **detail: Any) -> None:
        with self.cond:
            self.events.append(CallEvent(self.clock.now(), kind, detail))

    def request_hangup(self, by: str) -> None:
        with self.cond:
            if self.hangup_requested is None:
                self.hangup_requested = by
                self.hangup_at = self.clock.now()
            self.cond.notify_all()

    def request_redirect(self, redirect: Redirect) -> None:
        with self.cond:
            self.redirect = redirect
            self.cond.notify_all()

    def press(self, digits: str) -> None:
        """The party presses keys now (a browser phone's keypad): a running <Gather> takes them."""
        with self.cond:
            self.pressed += digits
            self.events.append(CallEvent(self.clock.now(), "pressed", {"digits": digits}))
            self.cond.notify_all()

    def take_pressed(self, count: int | None, finish: str) -> str | None:
        """The keys a <Gather> collects from what was pressed: up to ``count`` keys, or up to the
        finishing key (taken, not returned); None while that is not complete yet."""
        with self.cond:
            if finish and finish in self.pressed:
                taken, _, self.pressed = self.pressed.partition(finish)
                return taken
            if count and len(self.pressed) >= count:
                taken, self.pressed = self.pressed[:count], self.pressed[count:]
                return taken
            return None

    def wake(self) -> None:
        """Re-check whatever this leg waits for (called with or without the lock)."""
        with self.cond:
            self.cond.notify_all()

    # --- waiting --------------------------------------------------------------------------
    def wait(self, seconds: float | None, done: Callable[[], bool] = lambda: False, *,
             until_redirect: bool = True) -> str:
        """Wait ``seconds`` simulated seconds (None: until something happens). Returns why it
        stopped: ``timeout``, ``done`` (the predicate became true), ``hangup`` or ``redirect``
        (unless ``until_redirect`` is False: a ringing call keeps its redirect for when it is
        answered). The party's own hang-up (patience, talk time) is enforced here."""
        deadline = None if seconds is None else time.monotonic() + self.clock.real_seconds(seconds)
        with self.cond:
            while True:
                self._party_hangs_up_if_due()
                if self.hangup_requested:
                    return "hangup"
                if until_redirect and self.redirect is not None:
                    return "redirect"
                if done():
                    return "done"
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return "timeout"
                party_at = self.party.hangup_deadline(self.started_at, self.bridged_since)
                if party_at is not None:
                    party_in = self.clock.real_seconds(party_at - self.clock.now())
                    remaining = party_in if remaining is None else min(remaining, party_in)
                self.cond.wait(None if remaining is None else max(remaining, 0.0005))

    def _party_hangs_up_if_due(self) -> None:
        party_at = self.party.hangup_deadline(self.started_at, self.bridged_since)
        if party_at is not None and self.clock.now() >= party_at and self.hangup_requested is None:
            self.hangup_requested = "party"
            self.hangup_at = party_at
            self.events.append(CallEvent(self.clock.now(), "party-hangup", {}))

    # --- what Twilio posts ----------------------------------------------------------------
    def params(self) -> dict[str, str]:
        """The parameters Twilio sends with every request about this call."""
        params = {"AccountSid": self.account_sid, "ApiVersion": API_VERSION, "CallSid": self.sid,
                  "CallStatus": self.status, "Called": self.to, "Caller": self.from_, "Direction": self.direction,
                  "From": self.from_, "To": self.to}
        if self.parent_sid:
            params["ParentCallSid"] = self.parent_sid
        params.update(self.extra_params)
        return params

    def resource(self) -> dict[str, Any]:
        """The call as Twilio's REST API shows it (``/Calls/{Sid}.json``)."""
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Calls/{self.sid}"
        created = self.clock.rfc2822(self.created_at)
        return {
            "sid": self.sid, "account_sid": self.account_sid, "api_version": API_VERSION, "annotation": None,
            "answered_by": self.answered_by if self.machine_detection else None,
            "caller_name": None, "date_created": created, "date_updated": self.clock.rfc2822(),
            "direction": self.direction, "duration": str(self.duration) if self.ended else None,
            "end_time": self.clock.rfc2822(self.ended_at) if self.ended_at is not None else None,
            "forwarded_from": None, "from": self.from_, "from_formatted": self.from_, "group_sid": None,
            "parent_call_sid": self.parent_sid, "phone_number_sid": None, "price": None, "price_unit": "USD",
            "queue_time": "0", "start_time": self.clock.rfc2822(self.started_at) if self.started_at else None,
            "status": self.status, "to": self.to, "to_formatted": self.to, "trunk_sid": None, "uri": f"{uri}.json",
            "subresource_uris": {name: f"{uri}/{name}.json" for name in
                                 ("notifications", "recordings", "payments", "events", "siprec", "streams")},
        }
