"""How the workspace and the customer phone page reach the local carrier: the one running in this
process (``make run``), or one running as its own process at ``LOCAL_CARRIER_URL`` (several web
workers share it; each reaches it over HTTP). Both answer the same few questions: register a
browser softphone, place a browser caller's call, read a call's status and what the carrier said
on it, press keys on it, hang it up."""

from __future__ import annotations

import logging
from collections.abc import Mapping

import requests
from flask import current_app

from telephony.carrier.calls import API_VERSION
from telephony.carrier.parties import Party
from telephony.providers.local import local_credentials

logger = logging.getLogger(__name__)

TIMEOUT = 5.0


class CarrierUnreachable(Exception):
    """The carrier process did not answer."""


class InProcess:
    """The carrier in this process."""

    def __init__(self, carrier) -> None:
        self.carrier = carrier

    def register_client(self, identity: str, ring_seconds: float) -> None:
        self.carrier.register_client(identity, Party(ring_seconds=ring_seconds))

    def place_browser_call(self, from_: str, to: str) -> str:
        return self.carrier.inbound_call(from_=from_, to=to, party=Party(ring_seconds=0)).sid

    def status(self, sid: str) -> str | None:
        call = self.carrier.get(sid)
        return call.status if call is not None else None

    def events(self, sid: str) -> list[tuple[str, dict]]:
        return [(event.kind, dict(event.detail)) for event in self.carrier.events(sid)]

    def press(self, sid: str, digits: str) -> bool:
        call = self.carrier.get(sid)
        if call is None or call.ended:
            return False
        call.press(digits)
        return True

    def hangup(self, sid: str) -> None:
        if self.carrier.get(sid) is not None:
            self.carrier.hangup(sid)


class Remote:
    """The carrier as its own process (``python -m telephony.carrier``), over its HTTP API."""

    def __init__(self, base_url: str, config: Mapping) -> None:
        self.base_url = base_url.rstrip("/")
        self.account_sid, auth_token = local_credentials(config)
        self.auth = (self.account_sid, auth_token)

    def _call(self, method: str, path: str, **options) -> requests.Response:
        try:
            return requests.request(method, self.base_url + path, timeout=TIMEOUT, **options)
        except requests.RequestException as error:
            logger.warning("The local carrier at %s did not answer: %s", self.base_url, error)
            raise CarrierUnreachable(str(error)) from error

    def register_client(self, identity: str, ring_seconds: float) -> None:
        self._call("POST", f"/carrier/clients/{identity}", data={"ring_seconds": str(ring_seconds)})

    def place_browser_call(self, from_: str, to: str) -> str:
        reply = self._call("POST", "/carrier/inbound", data={"From": from_, "To": to, "ring_seconds": "0"})
        if reply.status_code != 201:
            raise CarrierUnreachable(f"the carrier refused the call ({reply.status_code})")
        return reply.json()["sid"]

    def _log(self, sid: str) -> dict | None:
        reply = self._call("GET", f"/carrier/calls/{sid}/events")
        return reply.json() if reply.status_code == 200 else None

    def status(self, sid: str) -> str | None:
        found = self._log(sid)
        return found["status"] if found else None

    def events(self, sid: str) -> list[tuple[str, dict]]:
        found = self._log(sid) or {"events": []}
        return [(event.pop("kind"), {k: v for k, v in event.items() if k != "at"}) for event in found["events"]]

    def press(self, sid: str, digits: str) -> bool:
        return self._call("POST", f"/carrier/calls/{sid}/keys", data={"digits": digits}).status_code == 204

    def hangup(self, sid: str) -> None:
        self._call("POST", f"/{API_VERSION}/Accounts/{self.account_sid}/Calls/{sid}.json",
                   data={"Status": "completed"}, auth=self.auth)


def door() -> InProcess | Remote | None:
    """The local carrier this app reaches, or None (provider ``twilio``, or no carrier at all)."""
    carrier = current_app.extensions.get("local_carrier")
    if carrier is not None:
        return InProcess(carrier)
    config = current_app.config
    if (config.get("TELEPHONY_PROVIDER") or "local") == "local" and config.get("LOCAL_CARRIER_URL"):
        return Remote(config["LOCAL_CARRIER_URL"], config)
    return None
