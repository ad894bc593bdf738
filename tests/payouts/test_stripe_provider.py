"""The Stripe provider through the real ``stripe`` client against a local stub of Stripe's API:
Checkout top-ups, Connect onboarding, Transfers with idempotency keys, a worker crash between the
Stripe call and the commit, and reconciliation against balance transactions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from app.database import commit
from app.extensions import db
from payouts import services
from payouts.models import Payout, PayoutDestination, Transfer
from payouts.postings import check_invariants, find_balance
from payouts.providers import PROVIDERS
from payouts.providers.stripe import StripeProvider


def test_topup_uses_stripe_checkout_and_waits_for_the_webhook(app, client, auth, enterprise, use_stripe, post_event):
    _, org_id, email = enterprise()
    created = client.post("/api/v1/wallet/topups", json={"amount": 80_00, "currency": "USD"},
                          headers=auth.headers(email))
    assert created.status_code == 201
    assert created.json["checkout_url"].startswith("https://checkout.stripe.com/c/pay/cs_test_")
    [call] = use_stripe.made("/v1/checkout/sessions")
    assert call["params"]["line_items[0][price_data][unit_amount]"] == "8000"
    assert call["idempotency_key"] == f"crowdline-topup-{created.json['id']}"
    with app.app_context():
        assert find_balance("org", org_id, "wallet", "USD") == 0
    session = next(iter(use_stripe.objects.values()))
    event = {"id": "evt_cs_paid", "type": "checkout.session.completed",
             "data": {"object": {**session, "payment_status": "paid", "payment_intent": "pi_123"}}}
    assert post_event(event).json["outcome"] == "credited"
    with app.app_context():
        assert find_balance("org", org_id, "wallet", "USD") == 80_00


def test_payout_is_a_stripe_transfer_with_the_payout_key(app, enterprise, fund, earn, use_stripe, drain,
                                                         connected_member):
    _, org_id, _ = enterprise()
    fund(org_id, 60_00)
    member_id, _account = connected_member()
    earn(org_id, member_id, 60_00, interaction_id=900)
    with app.test_request_context():
        payout = services.request_payout(member_id, 60_00, "CNY")
        commit()
        payout_id = payout.id
    drain()
    from payouts.tasks import process_payout

    with app.app_context():
        assert process_payout(payout_id) == "paid"  # a second run (a retried job) changes nothing
    [transfer] = use_stripe.made("/v1/transfers")
    assert transfer["idempotency_key"] == f"crowdline-payout-{payout_id}"
    assert transfer["params"]["amount"] == "6000" and transfer["params"]["currency"] == "cny"
    with app.app_context():
        payout = db.session.get(Payout, payout_id)
        assert payout.status == "paid" and payout.provider_ref.startswith("tr_")
        assert find_balance("member", member_id, "paid_out", "CNY") == 60_00


class CrashAfterTransfer(StripeProvider):
    """Stripe answered, then the worker died before the database commit."""

    crashes = 1

    def pay(self, payout, destination):
        reference = super().pay(payout, destination)
        if CrashAfterTransfer.crashes:
            CrashAfterTransfer.crashes -= 1
            raise SystemExit("worker killed")
        return reference


@pytest.fixture
def crashing_stripe(app, use_stripe, monkeypatch):
    monkeypatch.setitem(PROVIDERS, "stripe", CrashAfterTransfer)
    CrashAfterTransfer.crashes = 1
    return use_stripe


def test_a_worker_killed_after_the_stripe_call_pays_once_when_retried(app, enterprise, fund, earn, crashing_stripe,
                                                                      connected_member):
    from payouts.tasks import process_payout

    _, org_id, _ = enterprise()
    fund(org_id, 45_00)
    member_id, _account = connected_member()
    earn(org_id, member_id, 45_00, interaction_id=901)
    with app.test_request_context():
        payout = services.request_payout(member_id, 45_00, "CNY", enqueue=False)
        commit()
        payout_id = payout.id
    with app.app_context(), pytest.raises(SystemExit):
        process_payout(payout_id)
    with app.app_context():
        assert db.session.get(Payout, payout_id).status == "requested"  # the first attempt rolled back
    with app.app_context():
        assert process_payout(payout_id) == "paid"  # the retry
    calls = crashing_stripe.made("/v1/transfers")
    assert len(calls) == 2 and {c["idempotency_key"] for c in calls} == {f"crowdline-payout-{payout_id}"}
    assert len([o for o in crashing_stripe.objects.values() if o.get("object") == "transfer"]) == 1
    with app.app_context():
        paid = db.session.scalars(sa.select(Transfer).where(Transfer.payout_id == payout_id,
                                                            Transfer.reason == "payout_paid")).all()
        assert len(paid) == 1
        assert find_balance("member", member_id, "paid_out", "CNY") == 45_00
        assert check_invariants() == []


def test_a_refused_transfer_fails_the_payout_and_returns_the_money(app, enterprise, fund, earn, create_user,
                                                                   use_stripe, drain):
    _, org_id, _ = enterprise()
    fund(org_id, 20_00)
    member_id = create_user("member")
    earn(org_id, member_id, 20_00, interaction_id=902)
    with app.app_context():
        db.session.add(PayoutDestination(member_id=member_id, provider="stripe", external_id="acct_missing",
                                         status="enabled"))
        commit()
    use_stripe.create = lambda path, params: (_ for _ in ()).throw(KeyError(path))  # Stripe answers 404
    with app.test_request_context():
        payout = services.request_payout(member_id, 20_00, "CNY")
        commit()
        payout_id = payout.id
    drain()
    with app.app_context():
        payout = db.session.get(Payout, payout_id)
        assert payout.status == "failed" and payout.failure_reason
        assert find_balance("member", member_id, "available", "CNY") == 20_00


def test_reconciliation_against_stripe_balance_transactions(app, runner, enterprise, fund, earn, drain,
                                                            connected_member):
    _, org_id, _ = enterprise()
    topup_id = fund(org_id, 30_00)  # an offline top-up: Stripe has no charge for it
    member_id, _account = connected_member()
    earn(org_id, member_id, 30_00, interaction_id=903)
    with app.test_request_context():
        payout = services.request_payout(member_id, 30_00, "CNY")
        commit()
        payout_id = payout.id
    drain()
    today = datetime.now(UTC).date()
    result = runner.invoke(args=["payouts", "reconcile", "--from", (today - timedelta(days=1)).isoformat(),
                                 "--to", today.isoformat()])
    assert result.exit_code == 1, result.output  # differences found
    report = json.loads(result.output)
    problems = {(d["kind"], d["ref"]): d["problem"] for d in report["differences"]}
    assert problems == {("topup", topup_id): "missing_at_provider"}  # the offline top-up only
    assert report["totals"]["payout:CNY"] == {"ledger": -30_00, "provider": -30_00}
    assert report["matched"] == 1 and payout_id


def test_stripe_down_or_refusing_is_an_answer_not_a_500(app, client, auth, enterprise, create_user, user_email,
                                                        use_stripe):
    from payouts.models import Topup

    _, org_id, email = enterprise()
    member_id = create_user("member")
    member_headers = auth.headers(user_email(member_id))
    with app.app_context():
        db.session.add(PayoutDestination(member_id=member_id, provider="stripe", external_id="acct_unknown_to_stripe",
                                         status="enabled"))
        commit()
    refused = client.post("/api/v1/payouts/account/dashboard", headers=member_headers)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "provider_refused"
    assert "acct_unknown_to_stripe" in refused.json["error"]["message"]

    app.config["STRIPE_API_BASE"] = "http://127.0.0.1:9"  # nothing listens there
    down = client.post("/api/v1/wallet/topups", json={"amount": 80_00, "currency": "USD"}, headers=auth.headers(email))
    assert down.status_code == 503 and down.json["error"]["code"] == "provider_unavailable"
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Topup).where(Topup.org_id == org_id)) == 0
    onboarding = client.post("/api/v1/payouts/account/onboarding", headers=auth.headers(user_email(create_user())))
    assert onboarding.status_code == 503 and onboarding.json["error"]["code"] == "provider_unavailable"
