"""Conferences on the local carrier: participants join and leave, the bridge starts when a
participant with ``startConferenceOnEnter`` arrives and ends when one with ``endConferenceOnExit``
leaves (or the last one does), and every change can be reported to a status callback."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from telephony.carrier.calls import Call, new_sid


@dataclass
class Participant:
    call: Call
    start_on_enter: bool = True
    end_on_exit: bool = False
    muted: bool = False
    label: str = ""


@dataclass
class Conference:
    """One named conference. ``status_callback`` and its events come from the first participant
    that asked for them, as on Twilio."""

    name: str
    account_sid: str
    sid: str = field(default_factory=lambda: new_sid("CF"))
    participants: dict[str, Participant] = field(default_factory=dict)
    started_at: float | None = None
    ended: bool = False
    status_callback: str | None = None
    status_callback_method: str = "POST"
    events: frozenset[str] = frozenset()
    sequence: int = 0
    recording_callback: str | None = None  # recorded from its start; reported when it ends
    recording_callback_method: str = "POST"

    @property
    def started(self) -> bool:
        return self.started_at is not None and not self.ended


# A conference event for a status callback: (conference, event name, extra parameters).
Notify = Callable[[Conference, str, dict[str, str]], None]


class Conferences:
    """The registry of live conferences, by friendly name. Its state is guarded by the carrier's lock;
    status callbacks are sent by the caller of each method, outside the lock."""

    def __init__(self, lock: threading.RLock, account_sid: str) -> None:
        self.lock = lock
        self.account_sid = account_sid
        self._live: dict[str, Conference] = {}
        self.history: list[Conference] = []

    def get(self, name: str) -> Conference | None:
        with self.lock:
            return self._live.get(name)

    def join(self, name: str, participant: Participant, *, now: float, status_callback: str | None,
             status_callback_method: str, events: frozenset[str], recording_callback: str | None = None,
             recording_callback_method: str = "POST") -> tuple[Conference, list[tuple[str, dict]]]:
        """Add a participant; returns the conference and the events to report, in order."""
        with self.lock:
            conference = self._live.get(name)
            if conference is None:
                conference = Conference(name, self.account_sid)
                self._live[name] = conference
                self.history.append(conference)
            if status_callback and not conference.status_callback:
                conference.status_callback = status_callback
                conference.status_callback_method = status_callback_method
                conference.events = events
            if recording_callback and not conference.recording_callback:
                conference.recording_callback = recording_callback
                conference.recording_callback_method = recording_callback_method
            conference.participants[participant.call.sid] = participant
            reported = [("participant-join", _participant_params(participant))]
            if participant.start_on_enter and conference.started_at is None:
                conference.started_at = now
                reported.append(("conference-start", {"CallSid": participant.call.sid}))
            if conference.started:
                for other in conference.participants.values():
                    if other.call.bridged_since is None:
                        other.call.bridged_since = now
                    other.call.wake()
            return conference, reported

    def leave(self, conference: Conference, call: Call) -> list[tuple[str, dict]]:
        """Remove a participant; ends the conference when it must. Returns the events to report."""
        with self.lock:
            participant = conference.participants.pop(call.sid, None)
            if participant is None:
                return []
            reported = [("participant-leave", _participant_params(participant))]
            if conference.ended:
                return reported
            if participant.end_on_exit and conference.started_at is not None:
                reason = "participant-with-end-conference-on-exit-left"
            elif not conference.participants:
                reason = "last-participant-left"
            else:
                return reported
            conference.ended = True
            self._live.pop(conference.name, None)
            for other in conference.participants.values():
                other.call.wake()
            reported.append(("conference-end", {"ReasonConferenceEnded": reason, "CallSidEndingConference": call.sid,
                                                "CallSid": call.sid}))
            return reported

    def status(self, conference: Conference) -> str:
        """Twilio's status of a conference: ``init`` (waiting), ``in-progress`` or ``completed``."""
        return "completed" if conference.ended else ("in-progress" if conference.started_at is not None else "init")

    def resource(self, conference: Conference) -> dict:
        """The conference as Twilio's REST API shows it."""
        uri = f"/2010-04-01/Accounts/{conference.account_sid}/Conferences/{conference.sid}"
        return {"sid": conference.sid, "account_sid": conference.account_sid, "friendly_name": conference.name,
                "status": self.status(conference), "region": "us1", "api_version": "2010-04-01",
                "date_created": None, "date_updated": None, "reason_conference_ended": None,
                "call_sid_ending_conference": None, "uri": f"{uri}.json",
                "subresource_uris": {"participants": f"{uri}/Participants.json",
                                     "recordings": f"{uri}/Recordings.json"}}

    def update_participant(self, conference_sid: str, call_sid: str, **changes: bool) -> dict | None:
        """Change a live participant (``end_on_exit``, ``muted``); its resource, or None if not there."""
        with self.lock:
            conference = next((c for c in self._live.values() if c.sid == conference_sid), None)
            participant = conference.participants.get(call_sid) if conference is not None else None
            if participant is None:
                return None
            for name, value in changes.items():
                setattr(participant, name, value)
            return {"account_sid": conference.account_sid, "call_sid": call_sid, "conference_sid": conference.sid,
                    "label": participant.label or None, "end_conference_on_exit": participant.end_on_exit,
                    "start_conference_on_enter": participant.start_on_enter, "muted": participant.muted,
                    "hold": False, "coaching": False, "call_sid_to_coach": None, "status": "connected",
                    "date_created": None, "date_updated": None,
                    "uri": f"/2010-04-01/Accounts/{conference.account_sid}/Conferences/{conference.sid}/"
                           f"Participants/{call_sid}.json"}

    def params(self, conference: Conference, event: str, extra: dict[str, str], timestamp: str) -> dict[str, str]:
        """The parameters of a conference status callback."""
        with self.lock:
            conference.sequence += 1
            params = {"AccountSid": conference.account_sid, "ConferenceSid": conference.sid,
                      "FriendlyName": conference.name, "StatusCallbackEvent": event,
                      "SequenceNumber": str(conference.sequence), "Timestamp": timestamp}
        params.update(extra)
        return params


def _participant_params(participant: Participant) -> dict[str, str]:
    params = {"CallSid": participant.call.sid, "Muted": _flag(participant.muted), "Hold": "false",
              "Coaching": "false", "EndConferenceOnExit": _flag(participant.end_on_exit),
              "StartConferenceOnEnter": _flag(participant.start_on_enter)}
    if participant.label:
        params["ParticipantLabel"] = participant.label
    return params


def _flag(value: bool) -> str:
    return "true" if value else "false"
