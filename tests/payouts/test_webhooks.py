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
    assert post_event({**dispute, "id": "evt_dp_again"}).json["outcome"] == "already_debited"  # same dispute
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


def _dispute(topup_id: int, dispute_id: str, amount, event_id: str, kind: str = "charge.dispute.created",
             status: str = "needs_response") -> dict:
    return {"id": event_id, "object": "event", "type": kind, "data": {"object": {
        "id": dispute_id, "object": "dispute", "amount": amount, "currency": "cny", "status": status,
        "payment_intent": f"pi_{topup_id}", "metadata": {"topup_id": str(topup_id)}}}}


def test_a_signed_but_malformed_event_is_recorded_and_ignored_with_a_400(app, enterprise, post_event):
    """Whatever a correctly signed body holds, the answer is a 400 and nothing moves; never a 500."""
    _, org_id, _ = enterprise()
    topup_id = _topup(app, org_id)
    assert post_event(_checkout_completed(topup_id, event_id="evt_paid")).json["outcome"] == "credited"
    string_amount = _dispute(topup_id, "dp_s", "7777", "evt_string_amount")
    refund_text = {"id": "evt_refund_text", "type": "charge.refunded", "data": {"object": {
        "id": "ch_1", "amount_refunded": "1e999", "payment_intent": f"pi_{topup_id}",
        "metadata": {"topup_id": str(topup_id)}}}}
    bad_metadata = {"id": "evt_meta", "type": "charge.refunded", "data": {"object": {
        "id": "ch_1", "amount_refunded": 100, "payment_intent": f"pi_{topup_id}", "metadata": "x"}}}
    bodies = [
        (None, b"[1,2,3]"), (None, b'"just a string"'), (None, b"7"),
        ({"id": "evt_data_x", "type": "charge.refunded", "data": "x"}, None),
        ({"id": "evt_no_object", "type": "charge.refunded", "data": {}}, None),
        ({"type": "charge.refunded", "data": {"object": {}}}, None),  # no id
        ({"id": ["evt"], "type": "charge.refunded", "data": {"object": {}}}, None),
        ({"id": "evt_no_type", "data": {"object": {}}}, None),
        (string_amount, None), (refund_text, None), (bad_metadata, None),
        (_dispute(topup_id, ["dp"], 100, "evt_list_id"), None),
        (_dispute(topup_id, "dp_bool", True, "evt_bool_amount"), None),
        (_dispute(topup_id, "dp_neg", -5, "evt_negative_amount"), None),
        (_dispute(topup_id, "dp_big", 10**13, "evt_huge_amount"), None),
    ]
    for event, raw in bodies:
        for _attempt in range(2):  # Stripe's retry is answered the same
            response = post_event(event, raw=raw)
            assert response.status_code == 400, (event, raw, response.status_code)
            assert response.json["error"]["code"] == "malformed_event"
    for raw in (b"not json at all", b"\xff\xfe"):  # refused as any other JSON body that does not parse
        assert post_event(None, raw=raw).json["error"]["code"] == "malformed_json"
    # A number past any column is refused before any view, as on every JSON endpoint.
    assert post_event(_dispute(topup_id, "dp_2_63", 2**63, "evt_2_63")).status_code == 422
    assert _wallet(app, org_id) == 50_00
    with app.app_context():
        rows = db.session.scalars(sa.select(WebhookEvent).where(WebhookEvent.outcome == "malformed")).all()
        assert len(rows) == len(bodies)
        assert {"evt_string_amount", "evt_data_x", "evt_refund_text"} <= {row.event_id for row in rows}
        assert check_invariants() == []
    zh = app.test_client().post("/webhooks/stripe", data=b"[1,2,3]", content_type="application/json",
                                headers={"Stripe-Signature": sign(b"[1,2,3]"), "Accept-Language": "zh-CN"})
    assert zh.json["error"]["message"] == "该事件不是格式正确的 Stripe 事件：已记录并忽略。"


def test_a_signature_dated_in_the_future_beyond_the_tolerance_is_refused(app, enterprise, post_event):
    _, org_id, _ = enterprise()
    topup_id = _topup(app, org_id)
    future = post_event(_checkout_completed(topup_id, event_id="evt_future"), timestamp=int(time.time()) + 3600)
    assert future.status_code == 400 and future.json["error"]["code"] == "bad_signature"
    assert _wallet(app, org_id) == 0
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(WebhookEvent)) == 0
    skewed = post_event(_checkout_completed(topup_id, event_id="evt_skewed"), timestamp=int(time.time()) + 60)
    assert skewed.status_code == 200 and skewed.json["outcome"] == "credited"  # a little clock skew is fine


def test_refunds_and_disputes_of_one_topup_never_take_back_more_than_it_credited(app, enterprise, post_event):
    _, org_id, _ = enterprise()
    topup_id = _topup(app, org_id, amount=77_77)
    assert post_event(_checkout_completed(topup_id, amount=77_77, event_id="evt_paid")).json["outcome"] == "credited"
    assert post_event(_dispute(topup_id, "dp_a", 77_77, "evt_dp_a")).json["outcome"] == "debited"
    assert post_event(_dispute(topup_id, "dp_b", 77_77, "evt_dp_b")).json["outcome"] == "nothing_left"
    assert post_event(_dispute(topup_id, "dp_c", 77_77, "evt_dp_c")).json["outcome"] == "nothing_left"
    refund = {"id": "evt_refund_all", "type": "charge.refunded", "data": {"object": {
        "id": "ch_1", "amount_refunded": 77_77, "payment_intent": f"pi_{topup_id}",
        "metadata": {"topup_id": str(topup_id)}}}}
    assert post_event(refund).json["outcome"] == "nothing_left"
    assert _wallet(app, org_id) == 0
    with app.app_context():
        taken = db.session.scalar(sa.select(sa.func.sum(Transfer.amount)).where(
            Transfer.topup_id == topup_id, Transfer.reason.in_(("refund", "dispute"))))
        assert taken == 77_77
        assert check_invariants() == []


def test_a_partial_refund_then_a_dispute_is_capped_at_what_remains(app, enterprise, post_event):
    _, org_id, _ = enterprise()
    topup_id = _topup(app, org_id, amount=100_00)
    post_event(_checkout_completed(topup_id, amount=100_00, event_id="evt_paid"))
    refund = {"id": "evt_refund", "type": "charge.refunded", "data": {"object": {
        "id": "ch_1", "amount_refunded": 60_00, "payment_intent": f"pi_{topup_id}",
        "metadata": {"topup_id": str(topup_id)}}}}
    assert post_event(refund).json["outcome"] == "debited"
    assert post_event(_dispute(topup_id, "dp_1", 100_00, "evt_dp")).json["outcome"] == "debited_capped"
    assert _wallet(app, org_id) == 0


def test_a_won_dispute_returns_the_funds_once(app, enterprise, post_event):
    _, org_id, _ = enterprise()
    topup_id = _topup(app, org_id, amount=80_00)
    post_event(_checkout_completed(topup_id, amount=80_00, event_id="evt_paid"))
    assert post_event(_dispute(topup_id, "dp_w", 30_00, "evt_open")).json["outcome"] == "debited"
    assert _wallet(app, org_id) == 50_00
    won = _dispute(topup_id, "dp_w", 30_00, "evt_won", kind="charge.dispute.closed", status="won")
    assert post_event(won).json["outcome"] == "returned"
    assert post_event(won).json["outcome"] == "duplicate"
    reinstated = _dispute(topup_id, "dp_w", 30_00, "evt_reinstated", kind="charge.dispute.funds_reinstated",
                          status="won")
    assert post_event(reinstated).json["outcome"] == "already_returned"
    assert _wallet(app, org_id) == 80_00
    lost = _dispute(topup_id, "dp_l", 20_00, "evt_open_l")
    assert post_event(lost).json["outcome"] == "debited"
    closed = _dispute(topup_id, "dp_l", 20_00, "evt_lost", kind="charge.dispute.closed", status="lost")
    assert post_event(closed).json["outcome"] == "dispute_lost"
    assert _wallet(app, org_id) == 60_00
    unknown = _dispute(topup_id, "dp_never_seen", 20_00, "evt_won_unknown", kind="charge.dispute.closed",
                       status="won")
    assert post_event(unknown).json["outcome"] == "nothing_to_return"
    assert _wallet(app, org_id) == 60_00
    # After a won dispute the whole top-up can be disputed or refunded again, but never more.
    assert post_event(_dispute(topup_id, "dp_x", 80_00, "evt_dp_x")).json["outcome"] == "debited_capped"
    assert _wallet(app, org_id) == 0
    with app.app_context():
        assert check_invariants() == []
