"""Twilio's REST API for calls, as the local carrier serves it: create, fetch, list, update
(redirect or hang up) and delete under ``/2010-04-01/Accounts/{AccountSid}/Calls``, with Basic
auth, Twilio's JSON shapes and its error bodies. A few ``/carrier/…`` paths let simulators
start inbound calls and register softphones when the carrier runs as its own process."""

from __future__ import annotations

import base64
import hmac
from typing import TYPE_CHECKING

from flask import Flask, jsonify, request

from telephony.carrier.calls import API_VERSION, CarrierError
from telephony.carrier.parties import Party

if TYPE_CHECKING:
    from telephony.carrier.carrier import LocalCarrier

ACCOUNT_PATH = f"/{API_VERSION}/Accounts/<account_sid>"
PARTY_FIELDS = {"ring_seconds": float, "patience": float, "talk_seconds": float, "hangup_after": float,
                "digit_seconds": float}


def _error(message: str, code: int, status: int):
    body = {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status}
    return jsonify(body), status


def _party(form) -> Party:
    party = Party()
    for name, kind in PARTY_FIELDS.items():
        if form.get(name):
            setattr(party, name, kind(form[name]))
    party.answers = form.get("answers", "true").lower() != "false"
    party.busy = form.get("busy", "false").lower() == "true"
    party.digits = [digits or None for digits in form.getlist("digits")]
    return party


def create_rest_app(carrier: LocalCarrier) -> Flask:
    """A WSGI app serving the carrier's REST API (mounted on a port, or called in-process)."""
    app = Flask("telephony.carrier")

    @app.before_request
    def _authenticate():
        if request.path.startswith("/carrier/"):
            return None
        header = request.headers.get("Authorization", "")
        try:
            user, _, password = base64.b64decode(header.removeprefix("Basic ")).decode().partition(":")
        except ValueError:
            user, password = "", ""
        account = (request.view_args or {}).get("account_sid")
        if not (hmac.compare_digest(user, carrier.account_sid) and hmac.compare_digest(password, carrier.auth_token)):
            return _error("Authenticate", 20003, 401)
        if account != carrier.account_sid:
            return _error("The requested resource was not found", 20404, 404)
        return None

    @app.errorhandler(CarrierError)
    def _refused(error: CarrierError):
        return _error(str(error), error.code, error.status)

    @app.post(f"{ACCOUNT_PATH}/Calls.json")
    def create_call(account_sid: str):
        form = request.form
        call = carrier.create_call(
            to=form.get("To", ""), from_=form.get("From", ""), url=form.get("Url"), method=form.get("Method", "POST"),
            twiml=form.get("Twiml"), status_callback=form.get("StatusCallback"),
            status_callback_method=form.get("StatusCallbackMethod", "POST"),
            status_events=form.getlist("StatusCallbackEvent") or None,
            machine_detection=form.get("MachineDetection"), timeout=int(form.get("Timeout") or 60),
            async_amd_callback=form.get("AsyncAmdStatusCallback") if form.get("AsyncAmd") == "true" else None)
        return jsonify(call.created_resource), 201

    @app.get(f"{ACCOUNT_PATH}/Calls.json")
    def list_calls(account_sid: str):
        with carrier.lock:
            calls = [call.resource() for call in reversed(list(carrier.calls.values()))]
        if request.args.get("Status"):
            calls = [call for call in calls if call["status"] == request.args["Status"]]
        size = min(int(request.args.get("PageSize") or 50), 1000)
        uri = f"/{API_VERSION}/Accounts/{account_sid}/Calls.json?PageSize={size}&Page=0"
        return jsonify({"calls": calls[:size], "first_page_uri": uri, "next_page_uri": None, "page": 0,
                        "page_size": size, "previous_page_uri": None, "start": 0, "end": max(0, len(calls[:size]) - 1),
                        "uri": uri})

    def _call(sid: str):
        call = carrier.get(sid)
        if call is None:
            raise CarrierError(f"The requested resource /{API_VERSION}/Accounts/{carrier.account_sid}/Calls/{sid}.json "
                               "was not found", 20404, 404)
        return call

    @app.get(f"{ACCOUNT_PATH}/Calls/<sid>.json")
    def fetch_call(account_sid: str, sid: str):
        return jsonify(_call(sid).resource())

    @app.post(f"{ACCOUNT_PATH}/Calls/<sid>.json")
    def update_call(account_sid: str, sid: str):
        form = request.form
        _call(sid)
        call = carrier.update_call(sid, url=form.get("Url"), method=form.get("Method", "POST"),
                                   twiml=form.get("Twiml"), status=form.get("Status"))
        return jsonify(call.resource())

    @app.delete(f"{ACCOUNT_PATH}/Calls/<sid>.json")
    def delete_call(account_sid: str, sid: str):
        call = _call(sid)
        if not call.ended:
            raise CarrierError("Cannot delete a call that is in progress", 21220)
        with carrier.lock:
            carrier.calls.pop(sid, None)
        return "", 204

    @app.get(f"{ACCOUNT_PATH}/Conferences.json")
    def list_conferences(account_sid: str):
        name, status = request.args.get("FriendlyName"), request.args.get("Status")
        with carrier.lock:
            found = [conference for conference in reversed(carrier.conferences.history)
                     if (not name or conference.name == name)
                     and (not status or carrier.conferences.status(conference) == status)]
            rows = [carrier.conferences.resource(conference) for conference in found]
        size = min(int(request.args.get("PageSize") or 50), 1000)
        uri = f"/{API_VERSION}/Accounts/{account_sid}/Conferences.json?PageSize={size}&Page=0"
        return jsonify({"conferences": rows[:size], "first_page_uri": uri, "next_page_uri": None, "page": 0,
                        "page_size": size, "previous_page_uri": None, "start": 0, "end": max(0, len(rows[:size]) - 1),
                        "uri": uri})

    @app.post(f"{ACCOUNT_PATH}/Conferences/<conference_sid>/Participants/<call_sid>.json")
    def update_participant(account_sid: str, conference_sid: str, call_sid: str):
        form = request.form
        changes = {}
        for field, name in (("EndConferenceOnExit", "end_on_exit"), ("Muted", "muted")):
            if form.get(field) is not None:
                changes[name] = form[field].strip().lower() == "true"
        participant = carrier.conferences.update_participant(conference_sid, call_sid, **changes)
        if participant is None:
            raise CarrierError(f"The requested resource /{API_VERSION}/Accounts/{carrier.account_sid}/Conferences/"
                               f"{conference_sid}/Participants/{call_sid}.json was not found", 20404, 404)
        return jsonify(participant)

    @app.post("/carrier/inbound")
    def inbound():
        form = request.form
        params = {key: value for key, value in form.items() if key.startswith(("SipHeader_", "Sip"))}
        call = carrier.inbound_call(from_=form.get("From", ""), to=form.get("To", ""), party=_party(form),
                                    voice_url=form.get("Url"), params=params)
        return jsonify(call.created_resource), 201

    @app.post("/carrier/clients/<identity>")
    def register_client(identity: str):
        carrier.register_client(identity, _party(request.form))
        return jsonify({"identity": identity, "clients": carrier.directory.clients()}), 201

    @app.delete("/carrier/clients/<identity>")
    def unregister_client(identity: str):
        carrier.unregister_client(identity)
        return "", 204

    @app.post("/carrier/calls/<sid>/keys")
    def press_keys(sid: str):
        """A browser caller presses keys on a live call (a running <Gather> takes them)."""
        call = _call(sid)
        digits = request.form.get("digits", "")
        if not digits or len(digits) > 8 or any(key not in "0123456789*#" for key in digits):
            return _error("Digits must be 1 to 8 of 0-9, * and #", 21210, 400)
        if call.ended:
            raise CarrierError("Call is not in-progress. Cannot send digits.", 21220)
        call.press(digits)
        return "", 204

    @app.get("/carrier/calls/<sid>/events")
    def call_events(sid: str):
        call = _call(sid)
        return jsonify({"sid": sid, "status": call.status,
                        "events": [{"at": event.at, "kind": event.kind, **event.detail} for event in call.events]})

    return app
