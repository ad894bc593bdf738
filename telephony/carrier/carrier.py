"""The local carrier: places and receives calls, follows the TwiML Crowdline answers with, and
reports every change by signed status callbacks, as Twilio does. Each live leg runs in a thread
of its own; time runs ``speed`` times faster than the wall clock."""

from __future__ import annotations

import itertools
import logging
import math
import threading
import time
from collections.abc import Iterable
from xml.etree.ElementTree import Element

from telephony.carrier.calls import Call, CallEvent, CarrierError, Redirect, new_sid
from telephony.carrier.clock import Clock
from telephony.carrier.conference import Conference, Conferences
from telephony.carrier.dial import dial
from telephony.carrier.parties import DEFAULT_CALLER, Directory, Party
from telephony.carrier.rest import create_rest_app
from telephony.carrier.transport import Transport, Webhooks
from telephony.carrier.twiml import CONFERENCE_EVENT_NAMES, Fetch, TwimlRunner, parse
from telephony.providers.local import LOCAL_ACCOUNT_SID, LOCAL_AUTH_TOKEN

logger = logging.getLogger(__name__)

VOICE_PATH = "/telephony/twilio/voice"
STATUS_PATH = "/telephony/twilio/status"
CLIENT_VOICE_PATH = "/telephony/twilio/client"
AMD_SECONDS = 1.5  # how long answering-machine detection listens before it answers (simulated seconds)
NUMBER_PREFIX = "+8640000"  # allocated numbers: a fake E.164 range nobody can dial


class LocalCarrier:
    """A small carrier that behaves as Twilio does, for offline runs, tests and load runs."""

    def __init__(self, transport: Transport, *, base_url: str = "http://localhost", speed: float = 1.0,
                 account_sid: str = LOCAL_ACCOUNT_SID, auth_token: str = LOCAL_AUTH_TOKEN) -> None:
        self.base_url = base_url.rstrip("/")
        self.account_sid = account_sid
        self.application_sid = "AP" + account_sid[2:]  # the TwiML App softphone calls go through
        self.auth_token = auth_token
        self.clock = Clock(speed)
        self.lock = threading.RLock()
        self.webhooks = Webhooks(transport, auth_token)
        self.conferences = Conferences(self.lock, account_sid)
        self.directory = Directory()
        self.calls: dict[str, Call] = {}
        self.numbers: dict[str, dict] = {}
        self._number_counter = itertools.count(1)
        self.rest_app = create_rest_app(self)

    # --- numbers and parties ----------------------------------------------------------------
    def add_number(self, number: str, *, voice_url: str | None = None, status_callback: str | None = None,
                   status_events: Iterable[str] = ("completed",)) -> str:
        """Configure an inbound number (or SIP user): where its calls' TwiML and status go."""
        with self.lock:
            self.numbers[number] = {"voice_url": voice_url or self.base_url + VOICE_PATH,
                                    "status_callback": status_callback or self.base_url + STATUS_PATH,
                                    "status_events": set(status_events)}
        return number

    def allocate_number(self, **options) -> str:
        """A fresh fake E.164 number, configured like ``add_number``."""
        return self.add_number(f"{NUMBER_PREFIX}{next(self._number_counter):05d}", **options)

    def register_client(self, identity: str, party: Party | None = None) -> None:
        """A softphone comes online (``party`` says how it answers: ring delay, talk time)."""
        self.directory.register_client(identity, party)

    def unregister_client(self, identity: str) -> None:
        self.directory.unregister_client(identity)

    def register_party(self, address: str, party: Party) -> None:
        """How a dialled number or SIP URI behaves."""
        self.directory.register_party(address, party)

    # --- calls --------------------------------------------------------------------------------
    def get(self, sid: str) -> Call | None:
        with self.lock:
            return self.calls.get(sid)

    def events(self, sid: str) -> list[CallEvent]:
        call = self.get(sid)
        return list(call.events) if call else []

    def _new_call(self, *, to: str, from_: str, direction: str, party: Party | None,
                  parent_sid: str | None = None) -> Call:
        call = Call(self.clock, self.lock, account_sid=self.account_sid, to=to, from_=from_, direction=direction,
                    party=party or Party(answers=False), parent_sid=parent_sid)
        call.unreachable = party is None
        with self.lock:
            self.calls[call.sid] = call
        call.log("created", direction=direction, to=to, from_=from_)
        return call

    def _start(self, call: Call, target) -> None:
        threading.Thread(target=self._guarded, args=(call, target), name=f"carrier-{call.sid[:10]}",
                         daemon=True).start()

    def _guarded(self, call: Call, target) -> None:
        try:
            target(call)
        except Exception:
            logger.exception("Local carrier failed on call %s", call.sid)
            self.finish(call, "failed")

    def create_call(self, *, to: str, from_: str, url: str | None = None, method: str = "POST",
                    twiml: str | None = None, status_callback: str | None = None,
                    status_callback_method: str = "POST", status_events: Iterable[str] | None = None,
                    machine_detection: str | None = None, timeout: int = 60,
                    async_amd_callback: str | None = None) -> Call:
        """An outbound call, as ``POST /Calls.json`` places it: it rings ``to`` and, once answered,
        fetches ``url`` (or runs ``twiml``)."""
        if not to:
            raise CarrierError("A 'To' phone number is required.", 21201)
        if not from_:
            raise CarrierError("A 'From' phone number is required.", 21213)
        if not url and not twiml:
            raise CarrierError("Url parameter is required.", 21205)
        call = self._new_call(to=to, from_=from_, direction="outbound-api", party=self.directory.party_for(to))
        call.url, call.method, call.twiml = url, (method or "POST").upper(), twiml
        call.status_callback, call.status_callback_method = status_callback, (status_callback_method or "POST")
        call.status_events = set(status_events or ("completed",))
        call.machine_detection, call.timeout = machine_detection, int(timeout or 60)
        call.async_amd_callback = async_amd_callback if machine_detection else None
        call.created_resource = call.resource()  # what POST /Calls.json answers: the call as queued
        self._start(call, self._run_outbound)
        return call

    def inbound_call(self, *, from_: str, to: str, party: Party | None = None, voice_url: str | None = None,
                     params: dict[str, str] | None = None) -> Call:
        """A customer dials ``to`` (a number, or a SIP URI for a SIP Domain with ``params`` such as
        ``SipHeader_X-…``): the carrier fetches the number's voice URL and follows the TwiML."""
        number = self.numbers.get(to) or {"voice_url": self.base_url + VOICE_PATH, "status_events": {"completed"},
                                          "status_callback": self.base_url + STATUS_PATH}
        call = self._new_call(to=to, from_=from_, direction="inbound", party=(party or DEFAULT_CALLER).copy())
        call.url = voice_url or number["voice_url"]
        call.status_callback, call.status_events = number["status_callback"], set(number["status_events"])
        call.extra_params = dict(params or {})
        call.created_resource = call.resource()
        self._start(call, self._run_inbound)
        return call

    def softphone_call(self, identity: str, *, params: dict[str, str] | None = None, voice_url: str | None = None,
                       party: Party | None = None) -> Call:
        """The agent's browser softphone places a call (``device.connect({params})``): the carrier
        fetches the TwiML App's voice URL with ``From=client:<identity>`` and the custom ``params``."""
        params = dict(params or {})
        return self.inbound_call(from_=f"client:{identity.removeprefix('client:')}", to=params.pop("To", ""),
                                 party=party, voice_url=voice_url or self.base_url + CLIENT_VOICE_PATH,
                                 params={"ApplicationSid": self.application_sid, **params})

    def update_call(self, sid: str, *, url: str | None = None, method: str = "POST", twiml: str | None = None,
                    status: str | None = None) -> Call:
        """``POST /Calls/{Sid}.json``: redirect a live call, or end it (``completed``/``canceled``)."""
        call = self.get(sid)
        if call is None:
            raise CarrierError(f"The requested resource /Calls/{sid}.json was not found", 20404, 404)
        if status:
            if status not in ("completed", "canceled"):
                raise CarrierError(f"Invalid Status: {status}", 21218)
            if status == "canceled" and call.answered_at is not None:
                return call  # as on Twilio: "canceled" only stops a call that is still queued or ringing
            if not call.ended:
                call.log("api-hangup", status=status)
                call.request_hangup("api")
            return call
        if url or twiml:
            if call.ended:
                raise CarrierError("Call is not in-progress. Cannot redirect.", 21220)
            call.log("api-redirect", url=url, twiml=bool(twiml))
            call.request_redirect(Redirect(url=url, method=(method or "POST").upper(), twiml=twiml))
        return call

    def hangup(self, sid: str) -> Call:
        return self.update_call(sid, status="completed")

    def wait_for(self, sid: str, timeout: float = 10.0) -> bool:
        """Block until the call has ended (real seconds); True when it did."""
        call = self.get(sid)
        return bool(call and call.finished.wait(timeout))

    def forget_ended(self, older_than: float) -> int:
        """Drop calls that ended more than ``older_than`` simulated seconds ago; returns how many."""
        cutoff = self.clock.now() - older_than
        with self.lock:
            old = [sid for sid, call in self.calls.items() if call.ended_at is not None and call.ended_at < cutoff]
            for sid in old:
                del self.calls[sid]
            self.conferences.history = [conference for conference in self.conferences.history if not conference.ended]
        return len(old)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Hang up every live call and wait for their legs to finish."""
        with self.lock:
            live = [call for call in self.calls.values() if not call.ended]
        for call in live:
            call.request_hangup("carrier")
        deadline = time.monotonic() + timeout
        for call in live:
            call.finished.wait(max(0.0, deadline - time.monotonic()))

    # --- lifecycles ---------------------------------------------------------------------------
    def _set_status(self, call: Call, status: str, event: str | None = None) -> None:
        with self.lock:
            call.status = status
        if event:
            self.report_status(call, event)

    def _ring(self, call: Call, timeout: int) -> str:
        """Ring a dialled party: ``answered``, ``busy``, ``no-answer`` or ``canceled``."""
        party = call.party
        if party.busy:
            return "busy"
        if party.fails:
            return "failed"
        ring = party.ring_seconds if party.answers and not call.unreachable else math.inf
        outcome = call.wait(min(ring, timeout), until_redirect=False)
        if outcome == "hangup":
            return "canceled"
        return "answered" if ring <= timeout else "no-answer"

    def _run_outbound(self, call: Call) -> None:
        self._set_status(call, "initiated", "initiated")
        self._set_status(call, "ringing", "ringing")
        answer = self._ring(call, call.timeout)
        if answer != "answered":
            self.finish(call, answer)
            return
        with self.lock:
            call.started_at = call.answered_at = self.clock.now()
        self._set_status(call, "in-progress", "answered")
        first = Redirect(url=call.url, method=call.method, twiml=call.twiml)
        if call.redirect is not None:
            first = call.redirect
            call.redirect = None
        extra = {"AnsweredBy": call.answered_by} if call.machine_detection and not call.async_amd_callback else None
        if call.async_amd_callback:  # AsyncAmd: the call goes on; the result is posted once detection ends
            threading.Thread(target=self._report_amd, args=(call,), name=f"carrier-amd-{call.sid[:10]}",
                             daemon=True).start()
        self._execute(call, first, extra)
        self.finish(call, "completed")

    def _run_inbound(self, call: Call) -> None:
        with self.lock:
            call.status = "ringing"
            call.started_at = call.answered_at = self.clock.now()
        self._execute(call, Redirect(url=call.url, method="POST"))
        self.finish(call, "completed")

    def _execute(self, call: Call, step: Fetch | Redirect | None, extra: dict[str, str] | None = None) -> None:
        """Fetch and follow documents until the call ends."""
        while step is not None and not call.hangup_requested and not call.ended:
            if isinstance(step, Redirect) and step.twiml:
                root, url = parse(step.twiml), call.url or self.base_url + VOICE_PATH
                reply = (root, url) if root is not None else None
            elif isinstance(step, Redirect):
                reply = self.fetch(call, Fetch(step.url or "", step.method, extra))
            else:
                reply = self.fetch(call, step)
            extra = None
            if reply is None:
                call.log("application-error")
                return
            root, url = reply
            if call.status == "ringing" and not (len(root) and root[0].tag == "Reject"):
                self._set_status(call, "in-progress")  # Twilio answers an incoming call with its first TwiML
            step = TwimlRunner(self, call).run(root, url)

    def fetch(self, call: Call, step: Fetch) -> tuple[Element, str] | None:
        """Request a document for ``call``; its <Response> and URL, or None on an application error."""
        params = call.params()
        params.update(step.params or {})
        reply = self.webhooks.request(step.url, params, step.method)
        root = parse(reply.body) if reply.status == 200 else None
        call.log("webhook", url=step.url, status=reply.status, twiml=root is not None)
        return (root, step.url) if root is not None else None

    def finish(self, call: Call, status: str) -> None:
        """End a leg once: final status, end time, the ``completed`` status callback."""
        with self.lock:
            if call.ended:
                return
            if status == "completed" and call.answered_at is None:
                status = "canceled" if call.hangup_requested else "no-answer"
            call.status = status
            call.ended_at = call.hangup_at if call.hangup_at is not None else self.clock.now()
            call.cond.notify_all()
            parent = self.calls.get(call.parent_sid) if call.parent_sid else None
        call.log("ended", status=status, duration=call.duration, by=call.hangup_requested)
        self.report_status(call, "completed")
        call.finished.set()
        if parent is not None:
            parent.wake()

    # --- callbacks ----------------------------------------------------------------------------
    def report_status(self, call: Call, event: str) -> None:
        """A call-progress status callback (``initiated``, ``ringing``, ``answered``, ``completed``)."""
        call.log(f"status-{event}", status=call.status)
        if not call.status_callback or event not in call.status_events:
            return
        with self.lock:
            sequence = call.callback_sequence
            call.callback_sequence += 1
        params = call.params()
        params.update(CallbackSource="call-progress-events", SequenceNumber=str(sequence),
                      Timestamp=self.clock.rfc2822())
        if event == "completed":
            params.update(CallDuration=str(call.duration), Duration=str(math.ceil(call.duration / 60)))
        if call.machine_detection and not call.async_amd_callback:
            params["AnsweredBy"] = call.answered_by
        self.webhooks.request(call.status_callback, params, call.status_callback_method)

    def _report_amd(self, call: Call) -> None:
        """Twilio's AsyncAmd: after the detection time, ``AnsweredBy`` to the AMD callback."""
        time.sleep(self.clock.real_seconds(AMD_SECONDS))
        if call.ended or call.hangup_requested:
            return
        params = {"CallSid": call.sid, "AccountSid": self.account_sid, "AnsweredBy": call.answered_by,
                  "MachineDetectionDuration": str(int(AMD_SECONDS * 1000))}
        call.log("amd", answered_by=call.answered_by)
        self.webhooks.request(call.async_amd_callback, params, "POST")

    def report_conference(self, conference: Conference, reported: list[tuple[str, dict]]) -> None:
        """Post a conference's events to its status callback, when it asked for them."""
        for event, extra in reported:
            call = self.get(extra.get("CallSid", ""))
            if call is not None:
                call.log(event, conference=conference.name)
            if conference.status_callback and CONFERENCE_EVENT_NAMES[event] in conference.events:
                params = self.conferences.params(conference, event, extra, self.clock.rfc2822())
                self.webhooks.request(conference.status_callback, params, conference.status_callback_method)
            if event == "conference-end" and conference.recording_callback and conference.started_at is not None:
                self.report_recording(conference.recording_callback, conference.recording_callback_method,
                                      seconds=self.clock.now() - conference.started_at, source="DialConference",
                                      ConferenceSid=conference.sid)

    def report_recording(self, url: str, method: str, *, seconds: float, source: str, **ids: str) -> None:
        """A recording status callback (``completed``) for a recorded conference or dial."""
        sid = new_sid("RE")
        params = {"AccountSid": self.account_sid, "RecordingSid": sid, "RecordingStatus": "completed",
                  "RecordingUrl": f"https://api.twilio.com/2010-04-01/Accounts/{self.account_sid}/Recordings/{sid}",
                  "RecordingDuration": str(round(seconds)), "RecordingChannels": "2", "RecordingSource": source,
                  "RecordingStartTime": self.clock.rfc2822(self.clock.now() - seconds), "ErrorCode": "0", **ids}
        self.webhooks.request(url, params, method)

    # --- Dial to a client, a number or a SIP URI ---------------------------------------------
    def dial(self, parent: Call, nouns: list[Element], verb: Element, url: str) -> dict[str, str]:
        return dial(self, parent, nouns, verb, url)
