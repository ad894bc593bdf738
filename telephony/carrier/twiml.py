"""Following TwiML as Twilio does: Say, Play, Pause, Gather, Dial (Conference, Client, Number,
Sip), Redirect, Hangup and Reject, verb after verb, with relative URLs resolved against the
document's own URL. A hang-up or a REST redirect cuts any verb short."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

from defusedxml import ElementTree

from telephony.carrier.calls import Call, Redirect
from telephony.carrier.conference import Participant

if TYPE_CHECKING:
    from telephony.carrier.carrier import LocalCarrier

logger = logging.getLogger(__name__)

PLAY_SECONDS = 5.0  # how long a <Play> of unknown media lasts
FOREVER = 10_000  # loop="0" plays until something interrupts it
CONFERENCE_EVENT_NAMES = {"conference-start": "start", "conference-end": "end", "participant-join": "join",
                          "participant-leave": "leave"}


@dataclass(frozen=True)
class Fetch:
    """Next: request ``url`` for a new document, with ``params`` added to the call's."""

    url: str
    method: str = "POST"
    params: dict[str, str] | None = None


class End(Exception):
    """The call is over (Hangup, Reject, or the party hung up)."""


def parse(document: str) -> Element | None:
    """A TwiML document's <Response>, or None when the body is not TwiML."""
    try:
        root = ElementTree.fromstring(document.strip().encode())
    except Exception:  # defusedxml and expat raise several kinds; any of them means "not TwiML"
        return None
    return root if root.tag == "Response" else None


def speech_seconds(text: str, floor: float = 1.0) -> float:
    """About how long ``text`` takes to say: 2.5 words a second, or 4 CJK characters a second; at
    least ``floor`` seconds."""
    text = text or ""
    cjk = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    words = len(text.split()) if cjk == 0 else 0
    return max(floor, words / 2.5 + cjk / 4.0)


def _loop(element: Element) -> int:
    loop = int(element.get("loop") or 1)
    return FOREVER if loop == 0 else max(1, loop)


class TwimlRunner:
    """Runs documents for one call; ``run`` returns what to fetch next, or None when the call ends."""

    def __init__(self, carrier: LocalCarrier, call: Call) -> None:
        self.carrier = carrier
        self.call = call

    def run(self, root: Element, url: str) -> Fetch | Redirect | None:
        for verb in root:
            try:
                following = getattr(self, f"_verb_{verb.tag.lower()}", self._verb_unknown)(verb, url)
            except End:
                return None
            except ValueError as error:  # a malformed attribute (loop="x"): Twilio's application error
                self.call.log("application-error", verb=verb.tag, error=str(error))
                return None
            if self.call.redirect is not None:
                return self._take_redirect()
            if self.call.hangup_requested:
                return None
            if following is not None:
                return following
        return None  # no more verbs: Twilio hangs up

    def _take_redirect(self) -> Redirect:
        with self.call.cond:
            redirect, self.call.redirect = self.call.redirect, None
        self.call.log("redirected", url=redirect.url)
        return redirect

    def _pause(self, seconds: float, done=lambda: False) -> str:
        outcome = self.call.wait(seconds, done)
        if outcome == "hangup":
            raise End
        return outcome

    # --- verbs ----------------------------------------------------------------------------
    def _verb_say(self, verb: Element, url: str) -> None:
        self.call.log("say", text=verb.text or "", language=verb.get("language"))
        self._pause(speech_seconds(verb.text or "") * _loop(verb))

    def _verb_play(self, verb: Element, url: str) -> None:
        self.call.log("play", url=(verb.text or "").strip())
        self._pause(PLAY_SECONDS * _loop(verb))

    def _verb_pause(self, verb: Element, url: str) -> None:
        self.call.log("pause", length=verb.get("length") or "1")
        self._pause(float(verb.get("length") or 1))

    def _verb_hangup(self, verb: Element, url: str) -> None:
        self.call.log("hangup")
        raise End

    def _verb_reject(self, verb: Element, url: str) -> None:
        self.call.log("reject", reason=verb.get("reason") or "rejected")
        if self.call.status == "ringing":  # rejected before answering: no talk time, busy or no-answer
            with self.call.cond:
                self.call.answered_at = None
            self.carrier.finish(self.call, "busy" if verb.get("reason") == "busy" else "no-answer")
        raise End

    def _verb_redirect(self, verb: Element, url: str) -> Fetch:
        target = urljoin(url, (verb.text or "").strip())
        self.call.log("redirect", url=target)
        return Fetch(target, verb.get("method") or "POST")

    def _verb_unknown(self, verb: Element, url: str) -> None:
        self.call.log("unsupported-verb", verb=verb.tag)
        logger.info("Local carrier skips the unsupported verb %s", verb.tag)

    def _verb_gather(self, verb: Element, url: str) -> Fetch | None:
        self.call.log("gather", num_digits=verb.get("numDigits"))
        for prompt in verb:
            if prompt.tag in ("Say", "Play", "Pause"):
                getattr(self, f"_verb_{prompt.tag.lower()}")(prompt, url)
                if self.call.redirect is not None:
                    return None
        digits = self.call.party.next_digits()
        if digits:
            self._pause(self.call.party.digit_seconds)
            finish = verb.get("finishOnKey", "#")
            if finish and digits.endswith(finish):
                digits = digits[: -len(finish)]
            self.call.log("digits", digits=digits)
            return Fetch(urljoin(url, verb.get("action") or url), verb.get("method") or "POST",
                         {"Digits": digits, "FinishedOnKey": finish if finish else ""})
        digits = self._live_digits(verb)
        if digits is not None:
            self.call.log("digits", digits=digits)
            return Fetch(urljoin(url, verb.get("action") or url), verb.get("method") or "POST",
                         {"Digits": digits, "FinishedOnKey": verb.get("finishOnKey", "#")})
        self.call.log("gather-timeout")
        if (verb.get("actionOnEmptyResult") or "false").lower() == "true":
            return Fetch(urljoin(url, verb.get("action") or url), verb.get("method") or "POST", {"Digits": ""})
        return None

    def _live_digits(self, verb: Element) -> str | None:
        """Keys pressed live while the <Gather> listens (its ``timeout`` runs again after each key),
        or None when none complete it in time."""
        count = int(verb.get("numDigits") or 0) or None
        finish = verb.get("finishOnKey", "#")
        timeout = float(verb.get("timeout") or 5)
        call = self.call
        while True:
            before = len(call.pressed)
            taken = call.take_pressed(count, finish)
            if taken is not None:
                return taken
            outcome = self._pause(timeout, lambda before=before: len(call.pressed) != before)
            if outcome == "timeout" or outcome == "redirect":
                if call.pressed and not count:
                    taken, call.pressed = call.pressed, ""
                    return taken
                return None

    def _verb_dial(self, verb: Element, url: str) -> Fetch | None:
        conference = verb.find("Conference")
        if conference is not None:
            self._join_conference(conference, url)
            outcome: dict[str, str] = {"DialCallStatus": "completed"}
        else:
            nouns = [noun for noun in verb if noun.tag in ("Client", "Number", "Sip")]
            if not nouns and (verb.text or "").strip():
                nouns = [Element("Number")]
                nouns[0].text = verb.text.strip()
            outcome = self.carrier.dial(self.call, nouns, verb, url)
        action = verb.get("action")
        if not action:
            return None
        target = Fetch(urljoin(url, action), verb.get("method") or "POST", outcome)
        if self.call.hangup_requested:  # Twilio still reports the Dial's outcome; it ignores the TwiML
            self.carrier.fetch(self.call, target)
            raise End
        return target

    def _join_conference(self, noun: Element, url: str) -> None:
        call, carrier = self.call, self.carrier
        name = (noun.text or "").strip()
        events = frozenset((noun.get("statusCallbackEvent") or "").split())
        participant = Participant(call, start_on_enter=_flag(noun.get("startConferenceOnEnter"), True),
                                  end_on_exit=_flag(noun.get("endConferenceOnExit"), False),
                                  muted=_flag(noun.get("muted"), False), label=noun.get("participantLabel") or "")
        callback, recording = noun.get("statusCallback"), noun.get("recordingStatusCallback")
        records = (noun.get("record") or "do-not-record") != "do-not-record"
        conference, reported = carrier.conferences.join(
            name, participant, now=carrier.clock.now(), status_callback=urljoin(url, callback) if callback else None,
            status_callback_method=noun.get("statusCallbackMethod") or "POST", events=events,
            recording_callback=urljoin(url, recording) if recording and records else None,
            recording_callback_method=noun.get("recordingStatusCallbackMethod") or "POST")
        call.log("conference-join", conference=name, conference_sid=conference.sid)
        carrier.report_conference(conference, reported)
        try:
            wait_url = noun.get("waitUrl")
            while not conference.started and not conference.ended:
                if wait_url:
                    wait_url = self._hold(conference, urljoin(url, wait_url), noun.get("waitMethod") or "POST")
                else:  # Twilio's default hold music, or silence for waitUrl=""
                    outcome = call.wait(None, lambda: conference.started or conference.ended)
                    if outcome in ("hangup", "redirect"):
                        return
                if call.hangup_requested or call.redirect is not None:
                    return
            call.wait(None, lambda: conference.ended)
        finally:
            carrier.report_conference(conference, carrier.conferences.leave(conference, call))
            call.log("conference-leave", conference=name)

    def _hold(self, conference, wait_url: str, method: str) -> str:
        """Run the waitUrl document once (Twilio loops it) while the conference has not started;
        returns the waitUrl for the next round (a <Redirect> in it moves it)."""
        call = self.call
        waiting = lambda: conference.started or conference.ended  # noqa: E731 - a predicate, named for reading
        reply = self.carrier.fetch(call, Fetch(wait_url, method, {"ConferenceSid": conference.sid,
                                                                  "FriendlyName": conference.name}))
        if reply is None:
            call.wait(None, waiting)
            return wait_url
        root, document_url = reply
        held = 0.0
        for verb in root:
            if verb.tag == "Redirect":
                return urljoin(document_url, (verb.text or "").strip())
            if verb.tag == "Say":
                seconds = speech_seconds(verb.text or "") * _loop(verb)
            elif verb.tag == "Play":
                seconds = PLAY_SECONDS * _loop(verb)
            elif verb.tag == "Pause":
                seconds = float(verb.get("length") or 1)
            else:
                continue
            call.log(f"hold-{verb.tag.lower()}", text=(verb.text or "").strip())
            held += seconds
            if call.wait(seconds, waiting) != "timeout":
                return wait_url
        if held == 0:  # an empty wait document: do not spin, wait a second before the next round
            call.wait(1.0, waiting)
        return wait_url


def _flag(value: str | None, default: bool) -> bool:
    return default if value is None else value.strip().lower() == "true"
