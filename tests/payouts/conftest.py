"""Fixtures for the money tests: funded organizations, members with payout accounts, signed
Stripe webhooks, and a local Stripe stub that replays Stripe's documented response bodies."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from app.auth.models import User
from app.database import commit
from app.extensions import db

WEBHOOK_SECRET = "whsec_test_crowdline"


def sign(payload: bytes, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """A ``Stripe-Signature`` header exactly as Stripe computes it: HMAC-SHA256 of ``t.payload``."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


@pytest.fixture
def post_event(client):
    """``post_event(event_dict, **sign_kwargs)`` → the response of ``POST /webhooks/stripe``."""

    def _post(event: dict, raw: bytes | None = None, signature: str | None = None, **kwargs):
        payload = raw if raw is not None else json.dumps(event).encode()
        return client.post("/webhooks/stripe", data=payload, content_type="application/json",
                           headers={"Stripe-Signature": sign(payload, **kwargs) if signature is None else signature})

    return _post


@pytest.fixture(autouse=True)
def _webhook_secret(app):
    app.config["STRIPE_WEBHOOK_SECRET"] = WEBHOOK_SECRET
    yield
    app.config["STRIPE_WEBHOOK_SECRET"] = None


@pytest.fixture
def enterprise(create_user, user_email, app):
    """An enterprise admin: ``(user_id, org_id, email)``."""

    def _make():
        user_id = create_user("enterprise")
        with app.app_context():
            org_id = db.session.get(User, user_id).org_id
        return user_id, org_id, user_email(user_id)

    return _make


@pytest.fixture
def fund(app):
    """``fund(org_id, amount, currency="CNY")``: a top-up paid through the offline checkout simulator."""
    from payouts import services

    def _fund(org_id: int, amount: int, currency: str = "CNY", user_id: int | None = None) -> int:
        provider = app.config["PAYOUT_PROVIDER"]
        app.config["PAYOUT_PROVIDER"] = "manual"  # funding goes through the offline checkout
        try:
            with app.test_request_context():
                topup = services.create_topup(org_id, user_id, amount, currency)
                services.confirm_simulated_checkout(topup.id, org_id)
                commit()
                return topup.id
        finally:
            app.config["PAYOUT_PROVIDER"] = provider

    return _fund


@pytest.fixture
def earn(app):
    """``earn(org_id, member_id, amount, interaction_id, approve=True)``: escrow, accrue, approve (0% fee)."""
    from payouts import services

    def _earn(org_id: int, member_id: int, amount: int, interaction_id: int, approve: bool = True,
              campaign_id: int = 1, currency: str = "CNY") -> None:
        with app.app_context():
            services.hold_escrow(campaign_id, org_id, amount, currency, key=f"hold:{interaction_id}")
            services.accrue_earning(campaign_id, interaction_id, member_id, amount, currency,
                                    key=f"accrue:{interaction_id}", org_id=org_id)
            if approve:
                services.approve_earning(interaction_id, key=f"approve:{interaction_id}", fee_bps=0)
            commit()

    return _earn


@pytest.fixture
def payout_details(app):
    from payouts import services

    def _details(member_id: int) -> None:
        with app.app_context():
            services.save_payout_details(member_id, method="alipay", holder="Test Member",
                                         account_number="member@example.test")
            commit()

    return _details


# --- a local Stripe stub ---------------------------------------------------------------------

class StripeStub:
    """Answers the Stripe API calls the provider makes with Stripe's documented object shapes,
    and replays a POST with a seen ``Idempotency-Key`` as Stripe does (same response, no new object)."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.idempotent: dict[str, dict] = {}
        self.objects: dict[str, dict] = {}
        self.balance_transactions: list[dict] = []
        self.lock = threading.Lock()

    def create(self, path: str, params: dict) -> dict:
        now = int(time.time())
        if path == "/v1/checkout/sessions":
            sid = "cs_test_" + uuid.uuid4().hex[:24]
            return {"id": sid, "object": "checkout.session", "mode": "payment", "status": "open",
                    "payment_status": "unpaid", "url": f"https://checkout.stripe.com/c/pay/{sid}",
                    "client_reference_id": params.get("client_reference_id"), "currency": params.get(
                        "line_items[0][price_data][currency]"),
                    "amount_total": int(params.get("line_items[0][price_data][unit_amount]", 0)),
                    "metadata": {"topup_id": params.get("metadata[topup_id]")}, "created": now}
        if path == "/v1/accounts":
            return {"id": "acct_" + uuid.uuid4().hex[:16], "object": "account", "type": "express",
                    "charges_enabled": False, "payouts_enabled": False, "details_submitted": False,
                    "email": params.get("email"), "metadata": {"member_id": params.get("metadata[member_id]")},
                    "created": now}
        if path == "/v1/account_links":
            return {"object": "account_link", "created": now, "expires_at": now + 300,
                    "url": f"https://connect.stripe.com/setup/e/{params['account']}/{uuid.uuid4().hex[:12]}"}
        if path.startswith("/v1/accounts/") and path.endswith("/login_links"):
            account = path.split("/")[3]
            if account not in self.objects:
                raise LookupError(f"No such account: '{account}'")
            return {"object": "login_link", "created": now,
                    "url": f"https://connect.stripe.com/express/{uuid.uuid4().hex[:12]}"}
        if path == "/v1/transfers":
            tid = "tr_" + uuid.uuid4().hex[:24]
            transfer = {"id": tid, "object": "transfer", "amount": int(params["amount"]),
                        "currency": params["currency"], "destination": params["destination"],
                        "metadata": {"payout_id": params.get("metadata[payout_id]")}, "reversed": False,
                        "amount_reversed": 0, "created": now, "livemode": False}
            self.balance_transactions.append({
                "id": "txn_" + uuid.uuid4().hex[:24], "object": "balance_transaction", "amount": -transfer["amount"],
                "currency": transfer["currency"], "type": "transfer", "created": now, "source": transfer,
                "fee": 0, "net": -transfer["amount"], "status": "available"})
            return transfer
        raise KeyError(path)

    def handle(self, method: str, path: str, params: dict, headers) -> tuple[int, dict]:
        with self.lock:
            self.requests.append({"method": method, "path": path, "params": params,
                                  "idempotency_key": headers.get("Idempotency-Key")})
            if method == "GET" and path == "/v1/balance_transactions":
                gte, lt = int(params.get("created[gte]", 0)), int(params.get("created[lt]", 2**40))
                data = [bt for bt in self.balance_transactions if gte <= bt["created"] < lt]
                return 200, {"object": "list", "url": "/v1/balance_transactions", "has_more": False, "data": data}
            key = headers.get("Idempotency-Key")
            if method == "POST" and key and key in self.idempotent:
                return 200, self.idempotent[key]
            try:
                body = self.create(path, params)
            except KeyError:
                return 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL {path}"}}
            except LookupError as exc:
                return 400, {"error": {"type": "invalid_request_error", "code": "resource_missing",
                                       "message": str(exc)}}
            self.objects[body.get("id", path)] = body
            if key:
                self.idempotent[key] = body
            return 200, body

    def made(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == path]


@pytest.fixture
def stripe_stub():
    stub = StripeStub()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, method: str):
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else parts.query
            params = {k: v[0] for k, v in parse_qs(raw).items()}
            status, body = stub.handle(method, parts.path, params, self.headers)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._answer("GET")

        def do_POST(self):
            self._answer("POST")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_port}"
    yield stub
    server.shutdown()
    server.server_close()


@pytest.fixture
def use_stripe(app, stripe_stub):
    """The app configured for the Stripe provider, talking to the local stub."""
    saved = {k: app.config.get(k) for k in ("PAYOUT_PROVIDER", "STRIPE_SECRET_KEY", "STRIPE_API_BASE")}
    app.config.update(PAYOUT_PROVIDER="stripe", STRIPE_SECRET_KEY="sk_test_crowdline", STRIPE_API_BASE=stripe_stub.url)
    yield stripe_stub
    app.config.update(saved)


@pytest.fixture
def connected_member(app, create_user, use_stripe, post_event):
    """``connected_member()`` → ``(member_id, account_id)``: a member who went through Stripe Connect
    onboarding (against the stub) and whose account Stripe then reported able to receive payouts."""
    from payouts import services
    from payouts.models import PayoutDestination

    def _connect() -> tuple[int, str]:
        member_id = create_user("member")
        with app.test_request_context():
            url = services.start_onboarding(member_id)
            commit()
            assert url.startswith("https://connect.stripe.com/setup/")
            account_id = db.session.scalar(select(PayoutDestination.external_id).where(
                PayoutDestination.member_id == member_id))
        event = {"id": f"evt_acct_{member_id}", "type": "account.updated", "data": {"object": {
            "id": account_id, "object": "account", "payouts_enabled": True, "details_submitted": True,
            "capabilities": {"transfers": "active"}}}}
        assert post_event(event).json["outcome"] == "account_enabled"
        return member_id, account_id

    return _connect


@pytest.fixture
def drain(app):
    """Run the queued payout jobs now (a burst worker with Redis; inline runs need nothing)."""

    def _drain() -> None:
        if not app.config["RQ_INLINE"]:
            from app.jobs import run_worker

            with app.app_context():
                run_worker(["payouts"], burst=True)

    return _drain


@pytest.fixture(scope="session")
def localstripe_url(tmp_path_factory):
    """The ``localstripe`` Stripe emulator's aiohttp app, served in-process on 127.0.0.1 only."""
    import asyncio
    import queue

    from aiohttp import web
    from localstripe.server import app as emulator

    loop = asyncio.new_event_loop()
    ports: queue.Queue = queue.Queue()

    def serve() -> None:
        # Its own event loop in its own thread (the browser tests run one in the main thread).
        asyncio.set_event_loop(loop)
        runner = web.AppRunner(emulator)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        ports.put(site._server.sockets[0].getsockname()[1])
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{ports.get(timeout=10)}"
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
