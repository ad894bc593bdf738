"""A real PaymentIntent on the ``localstripe`` emulator, confirmed with a test card, credits the
wallet only when its signed ``payment_intent.succeeded`` event arrives — once."""

from __future__ import annotations

import pytest
import stripe

from app.database import commit
from payouts import services
from payouts.postings import find_balance

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:aiohttp.*")


def test_payment_intent_succeeded_from_the_emulator_credits_once(app, enterprise, localstripe_url, post_event):
    _, org_id, _ = enterprise()
    with app.test_request_context():
        topup = services.create_topup(org_id, None, 75_00, "EUR")
        commit()
        topup_id = topup.id
    client = stripe.StripeClient("sk_test_crowdline", base_addresses={"api": localstripe_url}, max_network_retries=0)
    method = client.v1.payment_methods.create(params={"type": "card", "card": {
        "number": "4242424242424242", "exp_month": 12, "exp_year": 2040, "cvc": "123"}})
    intent = client.v1.payment_intents.create(params={
        "amount": 75_00, "currency": "eur", "payment_method": method.id,
        "metadata": {"topup_id": str(topup_id)}})
    intent = client.v1.payment_intents.confirm(intent.id)
    assert intent.status == "succeeded"
    with app.app_context():
        assert find_balance("org", org_id, "wallet", "EUR") == 0  # a payment alone credits nothing
    event = {"id": "evt_ls_1", "object": "event", "type": "payment_intent.succeeded",
             "data": {"object": intent.to_dict()}}
    assert post_event(event).json["outcome"] == "credited"
    assert post_event(event).json["outcome"] == "duplicate"
    assert post_event({**event, "id": "evt_ls_2"}).json["outcome"] == "credited"  # same payment, new event id
    with app.app_context():
        assert find_balance("org", org_id, "wallet", "EUR") == 75_00
