"""A member's bank refusing a payout from their Stripe Connect account: the member is told why and
where to fix it, in their language, until a later bank payout goes through; Connect events are
signed with their own endpoint secret; replays and reordering change nothing."""

from __future__ import annotations

import json
import re
import time

import sqlalchemy as sa

from app.extensions import db
from app.webhooks import WebhookEvent
from payouts.models import PayoutDestination
from tests.payouts.conftest import sign

CONNECT_SECRET = "whsec_test_connect_endpoint"


def _bank_payout(event_id: str, kind: str, account_id: str | None, payout_id: str, created, **fields) -> dict:
    """A Connect event about a bank payout, shaped as Stripe sends it (the ``account`` is on the event)."""
    payout = {"id": payout_id, "object": "payout", "amount": 60_00, "currency": "cny", "created": created,
              "arrival_date": created + 86_400 if isinstance(created, int) else None, "method": "standard",
              "type": "bank_account",
              "status": "failed" if kind == "payout.failed" else "paid",
              "failure_code": None, "failure_message": None, **fields}
    event = {"id": event_id, "object": "event", "api_version": "2024-06-20", "type": kind,
             "data": {"object": payout}, "created": created}
    if account_id:
        event["account"] = account_id
    return event


def _account(client, headers, language: str = "en") -> dict:
    response = client.get("/api/v1/payouts/account", headers={**headers, "Accept-Language": language})
    assert response.status_code == 200, response.json
    return response.json


def test_a_refused_bank_payout_tells_the_member_until_one_goes_through(app, client, auth, user_email, post_event,
                                                                       connected_member):
    member_id, account_id = connected_member()
    headers = auth.headers(user_email(member_id))
    assert _account(client, headers)["notice"] is None
    now = int(time.time())
    failed = _bank_payout("evt_po_failed", "payout.failed", account_id, "po_1", now - 60,
                          failure_code="account_closed", failure_message="The bank account has been closed")
    assert post_event(failed).json["outcome"] == "member_told"
    assert post_event(failed).json["outcome"] == "duplicate"

    notice = _account(client, headers)["notice"]
    assert notice["code"] == "account_closed" and notice["message"] == "The bank account has been closed."
    assert notice["amount"] == 60_00 and notice["currency"] == "CNY" and notice["payout_ref"] == "po_1"
    assert "Stripe dashboard" in notice["advice"]
    assert _account(client, headers, "zh-CN")["notice"]["message"] == "该银行账户已关闭。"

    # Stripe may send "paid" for the same payout before it fails: that does not clear its failure.
    assert post_event(_bank_payout("evt_po_1_paid", "payout.paid", account_id, "po_1", now - 60)).json[
        "outcome"] == "noted"
    assert _account(client, headers)["notice"]["code"] == "account_closed"
    # A later payout that reaches the bank clears it; an older failure arriving late changes nothing.
    assert post_event(_bank_payout("evt_po_2_paid", "payout.paid", account_id, "po_2", now)).json[
        "outcome"] == "notice_cleared"
    assert _account(client, headers)["notice"] is None
    late = _bank_payout("evt_po_0_failed", "payout.failed", account_id, "po_0", now - 3600, failure_code="no_account")
    assert post_event(late).json["outcome"] == "superseded"
    assert _account(client, headers)["notice"] is None


def test_the_notice_is_on_the_earnings_and_account_pages_in_both_languages(app, client, user_email, use_stripe,
                                                                           post_event, connected_member):
    member_id, account_id = connected_member()
    event = _bank_payout("evt_po_page", "payout.failed", account_id, "po_9", int(time.time()),
                         failure_code="invalid_account_number")
    assert post_event(event).json["outcome"] == "member_told"
    token = re.search(rb'name="csrf_token" value="([^"]+)"', client.get("/signin").data).group(1).decode()
    assert client.post("/signin", data={"email": user_email(member_id), "password": "correct-horse-battery",
                                        "csrf_token": token}).status_code == 302
    page = client.get("/payouts/earnings", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'data-testid="payout-notice"' in page and "The bank account number is not valid." in page
    assert "Update bank details in Stripe" in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/lang", data={"lang": "zh", "csrf_token": token}).status_code == 302
    page = client.get("/payouts/account").get_data(as_text=True)
    assert "银行账号无效。" in page, page

    # The button opens a one-time link to the member's Express dashboard.
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    opened = client.post("/payouts/account/dashboard", data={"csrf_token": token})
    assert opened.status_code == 302 and opened.location.startswith("https://connect.stripe.com/express/")
    [call] = use_stripe.made(f"/v1/accounts/{account_id}/login_links")
    assert call["method"] == "POST"


def test_dashboard_link_api(app, client, auth, create_user, user_email, connected_member):
    member_id, _account_id = connected_member()
    link = client.post("/api/v1/payouts/account/dashboard", headers=auth.headers(user_email(member_id)))
    assert link.status_code == 200 and link.json["url"].startswith("https://connect.stripe.com/express/")
    never_connected = create_user("member")
    refused = client.post("/api/v1/payouts/account/dashboard", headers=auth.headers(user_email(never_connected)))
    assert refused.status_code == 409 and refused.json["error"]["code"] == "no_connected_account"


def test_without_a_connected_account_there_is_no_dashboard(app, client, auth, create_user, user_email,
                                                           payout_details):
    member_id = create_user("member")
    payout_details(member_id)  # the manual provider
    refused = client.post("/api/v1/payouts/account/dashboard", headers=auth.headers(user_email(member_id)))
    assert refused.status_code == 409 and refused.json["error"]["code"] == "no_connected_account"


def test_platform_and_unknown_account_payouts_change_no_member(app, post_event, connected_member):
    member_id, _account_id = connected_member()
    now = int(time.time())
    own = _bank_payout("evt_platform_po", "payout.failed", None, "po_platform", now, failure_code="declined")
    assert post_event(own).json["outcome"] == "platform_payout"
    stranger = _bank_payout("evt_stranger_po", "payout.failed", "acct_not_ours", "po_x", now)
    assert post_event(stranger).json["outcome"] == "unknown_account"
    # Fields Stripe would never send in this shape still leave a sensible notice.
    odd = _bank_payout("evt_odd_po", "payout.failed", _account_id, "po_odd", "yesterday",
                       failure_code="something_new", amount="60", currency="c1")
    assert post_event(odd).json["outcome"] == "member_told"
    with app.app_context():
        destination = db.session.scalar(sa.select(PayoutDestination).where(PayoutDestination.member_id == member_id))
        assert destination.notice_code == "could_not_process"
        assert destination.notice_amount is None and destination.notice_currency is None
        recorded = db.session.scalars(sa.select(WebhookEvent.outcome).where(
            WebhookEvent.event_id.in_(["evt_platform_po", "evt_stranger_po"]))).all()
        assert sorted(recorded) == ["platform_payout", "unknown_account"]


def test_connect_events_are_signed_with_the_connect_endpoint_secret(app, client, connected_member):
    _member_id, account_id = connected_member()
    event = _bank_payout("evt_connect_signed", "payout.failed", account_id, "po_c", int(time.time()),
                         failure_code="account_frozen")
    payload = json.dumps(event).encode()

    def _post(secret: str):
        return client.post("/webhooks/stripe", data=payload, content_type="application/json",
                           headers={"Stripe-Signature": sign(payload, secret=secret)})

    assert _post(CONNECT_SECRET).status_code == 400  # not configured yet
    app.config["STRIPE_CONNECT_WEBHOOK_SECRET"] = CONNECT_SECRET
    try:
        assert _post("whsec_someone_else").json["error"]["code"] == "bad_signature"
        assert _post(CONNECT_SECRET).json["outcome"] == "member_told"
    finally:
        app.config["STRIPE_CONNECT_WEBHOOK_SECRET"] = None
