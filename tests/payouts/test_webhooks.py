"""``POST /webhooks/stripe``: signatures, replays, reordering, refunds, disputes, reversals."""

from __future__ import annotations

import json
import time

import sqlalchemy as sa

from app.database import commit
from app.extensions import db
from app.webhooks import WebhookEvent
from payouts import services
from payouts.models import Payout, Topup, Transfer
from payouts.postings import check_invariants, find_balance
from tests.payouts.conftest import sign


def _topup(app, org_id: int, amount: int = 50_00) -> int:
    with app.test_request_context():
        topup = services.create_topup(org_id, None, amount, "CNY")
        commit()
        return topup.id


def _checkout_completed(topup_id: int, amount: int = 50_00, event_id: str = "evt_1") -> dict:
    return {"id": event_id, "object": "event", "type": "checkout.session.completed", "data": {"object": {
        "id": f"cs_test_{topup_id}", "object": "checkout.session", "payment_status": "paid", "amount_total": amount,
        "currency": "cny", "client_reference_id": str(topup_id), "payment_intent": f"pi_{topup_id}",
        "metadata": {"topup_id": str(topup_id)}}}}


def _wallet(app, org_id: int) -> int:
    with app.app_context():
        return find_balance("org", org_id, "wallet", "CNY")


def test_signed_checkout_completed_credits_once_and_replay_changes_nothing(app, enterprise, post_event):
    _, org_id, _ = enterprise()
    topup_id = _topup(app, org_id)
    event = _checkout_completed(topup_id)
    first = post_event(event)
    assert first.status_code == 200 and first.json["outcome"] == "credited"
    replay = post_event(event)
    assert replay.status_code == 200 and replay.json["outcome"] == "duplicate"
    assert _wallet(app, org_id) == 50_00
    with app.app_context():
        assert db.session.get(Topup, topup_id).status == "paid"


def test_payment_intent_and_checkout_in_any_order_credit_once(app, enterprise, post_event):
    _, org_id, _ = enterprise()
    topup_id = _topup(app, org_id)
    intent = {"id": "evt_pi", "type": "payment_intent.succeeded", "data": {"object": {
        "id": f"pi_{topup_id}", "object": "payment_intent", "amount": 50_00, "currency": "cny", "status": "succeeded",
        "metadata": {"topup_id": str(topup_id)}}}}
    assert post_event(intent).json["outcome"] == "credited"
    assert post_event(_checkout_completed(topup_id, event_id="evt_cs")).json["outcome"] == "credited"
    assert _wallet(app, org_id) == 50_00
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).where(Transfer.topup_id == topup_id)) == 1


def test_bad_or_stale_signature_is_400_and_changes_nothing(app, enterprise, post_event):
    _, org_id, _ = enterprise()
    topup_id = _topup(app, org_id)
    event = _checkout_completed(topup_id, event_id="evt_bad")
    payload = json.dumps(event).encode()
    wrong = post_event(event, signature=sign(payload, secret="whsec_someone_else"))
    stale = post_event(event, timestamp=int(time.time()) - 301)
    tampered = post_event(event, raw=payload.replace(b"5000", b"9000"), signature=sign(payload))
    missing = post_event(event, signature="")
    for response in (wrong, stale, tampered, missing):
        assert response.status_code == 400
        assert response.json["error"]["code"] in ("bad_signature", "bad_request")
    assert _wallet(app, org_id) == 0
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(WebhookEvent)) == 0


def test_unknown_event_type_is_recorded_and_ignored(app, post_event):
    response = post_event({"id": "evt_unknown", "type": "customer.created", "data": {"object": {"id": "cus_1"}}})
    assert response.status_code == 200 and response.json["outcome"] == "ignored"
    with app.app_context():
        row = db.session.scalar(sa.select(WebhookEvent).where(WebhookEvent.event_id == "evt_unknown"))
        assert row.type == "customer.created" and row.outcome == "ignored"


def test_refund_and_dispute_debit_the_wallet(app, enterprise, post_event):
    _, org_id, _ = enterprise()
    topup_id = _topup(app, org_id)
    refund = {"id": "evt_refund", "type": "charge.refunded", "data": {"object": {
        "id": "ch_1", "object": "charge", "amount": 50_00, "amount_refunded": 10_00, "payment_intent": f"pi_{topup_id}",
        "metadata": {"topup_id": str(topup_id)}}}}
    # The refund arrives before the payment confirmation: the payment is credited, then refunded.
    assert post_event(refund).json["outcome"] == "debited"
    assert post_event(_checkout_completed(topup_id)).json["outcome"] == "credited"
    assert _wallet(app, org_id) == 40_00
    dispute = {"id": "evt_dp", "type": "charge.dispute.created", "data": {"object": {
        "id": "dp_1", "object": "dispute", "amount": 5_00, "payment_intent": f"pi_{topup_id}",
        "metadata": {"topup_id": str(topup_id)}}}}
    assert post_event(dispute).json["outcome"] == "debited"
    assert post_event({**dispute, "id": "evt_dp_again"}).json["outcome"] == "debited"  # same dispute, new event id
    assert _wallet(app, org_id) == 35_00
    with app.app_context():
        assert check_invariants() == []


def test_transfer_reversed_returns_a_paid_payout_to_the_member(app, enterprise, fund, earn, payout_details,
                                                               create_user, post_event):
    _, org_id, _ = enterprise()
    member_id = create_user("member")
    fund(org_id, 30_00)
    earn(org_id, member_id, 30_00, interaction_id=1)
    payout_details(member_id)
    with app.test_request_context():
        payout = services.request_payout(member_id, 30_00, "CNY", enqueue=False)
        services.mark_payout_paid(payout.id, "tr_123")
        commit()
        payout_id = payout.id
    event = {"id": "evt_rev", "type": "transfer.reversed", "data": {"object": {
        "id": "tr_123", "object": "transfer", "amount": 30_00, "metadata": {"payout_id": str(payout_id)}}}}
    assert post_event(event).json["outcome"] == "payout_returned"
    assert post_event(event).json["outcome"] == "duplicate"
    with app.app_context():
        payout = db.session.get(Payout, payout_id)
        assert payout.status == "failed" and "reversed" in payout.failure_reason
        assert find_balance("member", member_id, "available", "CNY") == 30_00
        assert find_balance("member", member_id, "paid_out", "CNY") == 0


def test_webhooks_without_a_secret_are_refused(app, client):
    app.config["STRIPE_WEBHOOK_SECRET"] = None
    response = client.post("/webhooks/stripe", json={"id": "evt"})
    assert response.status_code == 400
