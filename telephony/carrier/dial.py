"""``<Dial>`` to softphones, numbers and SIP URIs: ring every noun at once, bridge the first that
answers (cancel the others), hold the bridge until either side hangs up, and report the outcome
as Twilio's Dial action parameters."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urljoin
from xml.etree.ElementTree import Element

from telephony.carrier.calls import Call

if TYPE_CHECKING:
    from telephony.carrier.carrier import LocalCarrier

TIME_LIMIT = 14_400  # Twilio's default <Dial timeLimit>, four hours


def _address(noun: Element) -> tuple[str, dict[str, str]]:
    """Who a noun rings, and the SIP headers a <Sip> URI carries in its query (``?X-Foo=bar``)."""
    text = (noun.text or "").strip()
    if noun.tag == "Client":
        identity = noun.find("Identity")
        text = (identity.text or "").strip() if identity is not None else text
        return (text if text.startswith("client:") else f"client:{text}"), {}
    if noun.tag == "Sip" and "?" in text:
        text, query = text.split("?", 1)
        return text, {f"SipHeader_{key}": value for key, value in parse_qsl(query)}
    return text, {}


def dial(carrier: LocalCarrier, parent: Call, nouns: list[Element], verb: Element, url: str) -> dict[str, str]:
    """Ring ``nouns`` for ``parent``; returns DialCallStatus, DialCallSid, DialCallDuration (+ DialBridged)."""
    timeout = int(verb.get("timeout") or 30)
    caller_id = verb.get("callerId") or parent.from_
    legs = []
    for noun in nouns:
        to, headers = _address(noun)
        leg = carrier._new_call(to=to, from_=caller_id, direction="outbound-dial",
                                party=carrier.directory.party_for(to), parent_sid=parent.sid)
        leg.extra_params = headers
        leg.status_callback = noun.get("statusCallback")
        leg.status_callback_method = noun.get("statusCallbackMethod") or "POST"
        leg.status_events = set((noun.get("statusCallbackEvent") or "completed").split())
        legs.append(leg)
        carrier._set_status(leg, "initiated", "initiated")
        carrier._set_status(leg, "ringing", "ringing")
    if not legs:
        return {"DialCallStatus": "failed"}
    parent.log("dial", to=[leg.to for leg in legs])

    def answer_in(leg: Call) -> float | None:
        party = leg.party
        return None if leg.unreachable or party.busy or not party.answers or party.ring_seconds > timeout \
            else party.ring_seconds

    answering = [leg for leg in legs if answer_in(leg) is not None]
    winner = min(answering, key=answer_in) if answering else None
    outcome = parent.wait(answer_in(winner) if winner else timeout)
    if outcome in ("hangup", "redirect") or winner is None:
        for leg in legs:
            carrier.finish(leg, "canceled" if outcome in ("hangup", "redirect") else
                           ("busy" if leg.party.busy else "no-answer"))
        status = "canceled" if outcome in ("hangup", "redirect") else (
            "busy" if all(leg.party.busy for leg in legs) else "no-answer")
        return {"DialCallStatus": status, "DialCallSid": legs[0].sid, "DialCallDuration": "0"}
    for leg in legs:
        if leg is not winner:
            carrier.finish(leg, "canceled")
    now = carrier.clock.now()
    with carrier.lock:
        winner.started_at = winner.answered_at = now
        winner.bridged_since = now
        if parent.bridged_since is None:
            parent.bridged_since = now
    carrier._set_status(winner, "in-progress", "answered")
    parent.log("bridged", to=winner.to, call_sid=winner.sid)
    threading.Thread(target=_hold_leg, args=(carrier, winner, parent), daemon=True,
                     name=f"carrier-leg-{winner.sid[:10]}").start()
    outcome = parent.wait(float(verb.get("timeLimit") or TIME_LIMIT), lambda: winner.ended)
    if outcome != "done":
        winner.request_hangup("carrier")
        winner.finished.wait(5)
    recording = verb.get("recordingStatusCallback")
    if recording and (verb.get("record") or "do-not-record").startswith("record-from"):
        carrier.report_recording(urljoin(url, recording), verb.get("recordingStatusCallbackMethod") or "POST",
                                 seconds=winner.duration, source="DialVerb", CallSid=parent.sid)
    return {"DialCallStatus": "completed", "DialCallSid": winner.sid, "DialCallDuration": str(winner.duration),
            "DialBridged": "true"}


def _hold_leg(carrier: LocalCarrier, leg: Call, parent: Call) -> None:
    """The dialled party stays on the line until it hangs up, or the caller's side ends."""
    leg.wait(None, lambda: parent.ended or parent.hangup_requested is not None or parent.redirect is not None)
    carrier.finish(leg, "completed")
