"""A tiny webhook app standing in for Crowdline: it answers with TwiML a test chooses and records
every request the carrier sends, with its signature checked by Twilio's RequestValidator."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from flask import Flask, request
from twilio.request_validator import RequestValidator

from telephony.carrier import LocalCarrier, WsgiTransport
from telephony.providers.local import LOCAL_AUTH_TOKEN

BASE = "http://crowdline.test"
SPEED = 20.0  # fast, yet a few simulated seconds of slack are ~200 ms of real time on a busy machine


class Hooks:
    """Routes ``/t/<name>`` to a handler returning TwiML; records what arrives."""

    def __init__(self) -> None:
        self.handlers: dict[str, Callable[[dict], str]] = {}
        self.received: list[dict] = []
        self.lock = threading.Lock()

    def on(self, name: str, twiml: str | Callable[[dict], str]) -> str:
        self.handlers[name] = twiml if callable(twiml) else (lambda form, twiml=twiml: twiml)
        return f"{BASE}/t/{name}"

    def named(self, name: str) -> list[dict]:
        with self.lock:
            return [hit for hit in self.received if hit["name"] == name]

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            assert time.monotonic() < deadline, "timed out waiting for the carrier"
            time.sleep(0.01)


def create_webhook_app(hooks: Hooks, token: str = LOCAL_AUTH_TOKEN) -> Flask:
    app = Flask("webhooks")
    validator = RequestValidator(token)

    @app.route("/t/<name>", methods=["GET", "POST"])
    def hook(name: str):
        form = request.form.to_dict(flat=True) if request.method == "POST" else request.args.to_dict(flat=True)
        signature = request.headers.get("X-Twilio-Signature", "")
        params = request.form if request.method == "POST" else {}
        with hooks.lock:
            hooks.received.append({"name": name, "form": form, "url": request.url, "method": request.method,
                                   "valid": validator.validate(request.url, params, signature)})
        handler = hooks.handlers.get(name)
        body = handler(form) if handler else ""
        return body, 200, {"Content-Type": "application/xml"}

    return app


@pytest.fixture
def hooks() -> Hooks:
    return Hooks()


@pytest.fixture
def webhook_app(hooks):
    return create_webhook_app(hooks)


@pytest.fixture
def carrier(webhook_app):
    carrier = LocalCarrier(WsgiTransport(webhook_app), base_url=BASE, speed=SPEED)
    webhook_app.extensions["local_carrier"] = carrier
    yield carrier
    carrier.shutdown()
