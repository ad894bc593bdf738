"""An accept whose transaction is run again (SQLite's "database is locked" retry runs the whole
request a second time) keeps the member's offer: the ACD's reservation of the first run stands and
the second run goes on with it; another request's accept of the same call is still refused."""

from __future__ import annotations

import pytest

from app.database import rollback
from app.errors import Conflict
from app.extensions import db


def test_a_retried_accept_keeps_the_offer_a_second_request_is_refused(app, enterprise, campaign, member):
    from telephony import calls, services
    from telephony.distributor import distributor

    owner = enterprise()
    campaign_id = campaign(owner)
    member_id, _headers = member()
    with app.test_request_context():
        interaction = services.create_interaction(campaign_id, "inbound", customer_call_sid="CA-again",
                                                  customer_phone="+8613812345678")
        db.session.commit()
        interaction_id = interaction.id
        acd = distributor()
        acd.configure_campaign(campaign_id)
        acd.set_agent_campaigns(member_id, primary=[campaign_id])
        acd.set_available(member_id)
        acd.enqueue(interaction_id, campaign_id)
        acd.dispatch()
    with app.test_request_context():
        calls.accept_offer(member_id, interaction_id)
        rollback()  # the write met a lock: the request runs again from the start
        again = calls.accept_offer(member_id, interaction_id)
        db.session.commit()
        assert again.state == "offered" and again.member_id == member_id
        assert distributor().agent(member_id)["call"] == str(interaction_id)
    with app.test_request_context(), pytest.raises(Conflict):
        calls.accept_offer(member_id, interaction_id)  # a second tap is a new request: refused
