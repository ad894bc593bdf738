"""A campaign whose routing is held for lack of escrow routes again on its own once money arrives:
a top-up of the enterprise's wallet (the escrow gets what it lacks) or money moved into the
campaign's escrow — what was owed is paid first, then the hold is released. End to end, with real
commits and the jobs the money's signal queues."""

from __future__ import annotations

import copy
import itertools

import pytest
from sqlalchemy import select

from app.extensions import db, redis_store
from tests.conftest import PASSWORD, separate_app
from tests.telephony.conftest import INBOUND, at

_count = itertools.count(1)


@pytest.fixture(scope="module")
def money_app(tmp_path_factory):
    yield from separate_app(tmp_path_factory, "telerefill")


def _held_campaign(application, wallet_left: int = 0) -> dict:
    """A campaign with 1,000 in escrow paying 600 a call, two calls handled: the second is unfunded
    and the routing held. Its ids (committed)."""
    from app.auth import services as auth
    from app.database import commit
    from marketplace.campaigns import services as campaigns
    from marketplace.campaigns.schemas import CampaignIn
    from payouts.services import confirm_simulated_checkout, create_topup
    from telephony import earnings, services

    n = next(_count)
    with application.test_request_context():
        admin = auth.register_user(email=f"refill{n}@example.test", password=PASSWORD, name="Boss",
                                   role="enterprise", org_name=f"Refill Org {n}")
        member = auth.create_user(email=f"refill-agent{n}@example.test", password=PASSWORD, name="Agent",
                                  role="member")
        commit()
        topup = create_topup(admin.org_id, admin.id, 1000 + wallet_left, "CNY")
        confirm_simulated_checkout(topup.id, admin.org_id)
        body = {**copy.deepcopy(INBOUND), "budget": 1000, "pay_per_call": 600, "pay_per_talk_minute": 0,
                "success_bonus": 0}
        campaign = campaigns.create_campaign(admin.org_id, admin.id, CampaignIn().load(body))
        campaigns.change_state(campaign, "published", admin.id)
        commit()
        handled = []
        for sid in ("CA-r1", "CA-r2"):
            interaction = services.create_interaction(campaign.id, "inbound", customer_call_sid=f"{sid}-{n}",
                                                      customer_phone="+8613812345678", at=at(0))
            services.mark_answered(interaction.id, member.id, at=at(5))
            services.begin_wrapup(interaction.id, at=at(65))
            services.set_disposition(interaction.id, member.id, "resolved")
            services.complete_interaction(interaction.id, at=at(80))
            commit()
            handled.append(interaction.id)
        assert earnings.campaign_routing_paused(campaign.id)
        ids = {"campaign_id": campaign.id, "org_id": admin.org_id, "admin_id": admin.id, "member_id": member.id,
               "unfunded": handled[1]}
        db.session.remove()
    return ids


def _state(application, ids) -> dict:
    from payouts.postings import find_balance
    from telephony import earnings
    from telephony.models import Interaction

    with application.app_context():
        campaign_id = ids["campaign_id"]
        found = {
            "paused": earnings.campaign_routing_paused(campaign_id),
            "flag": redis_store.connection.get(earnings.PAUSED_KEY.format(campaign_id=campaign_id)),
            "pay_state": db.session.scalar(select(Interaction.pay_state).where(Interaction.id == ids["unfunded"])),
            "escrow": find_balance("campaign", campaign_id, "escrow", "CNY"),
            "wallet": find_balance("org", ids["org_id"], "wallet", "CNY"),
            "pending": find_balance("member", ids["member_id"], "pending", "CNY"),
        }
        db.session.remove()
    return found


def _top_up(application, ids, amount: int) -> None:
    from app.database import commit
    from payouts.services import confirm_simulated_checkout, create_topup

    with application.test_request_context():
        topup = create_topup(ids["org_id"], ids["admin_id"], amount, "CNY")
        confirm_simulated_checkout(topup.id, ids["org_id"])
        commit()  # the job the top-up's signal queued runs after this commit
        db.session.remove()


def test_a_top_up_pays_what_was_owed_and_resumes_routing(money_app, real_sessions):
    ids = _held_campaign(money_app)
    assert _state(money_app, ids) == {"paused": True, "flag": b"escrow_exhausted", "pay_state": "unfunded",
                                      "escrow": 400, "wallet": 0, "pending": 600}
    _top_up(money_app, ids, 5000)
    # the escrow got the 200 it lacked, the owed 600 was paid, the hold released
    assert _state(money_app, ids) == {"paused": False, "flag": None, "pay_state": "accrued",
                                      "escrow": 0, "wallet": 4800, "pending": 1200}
    _top_up(money_app, ids, 100)  # nothing held any more: nothing moves
    assert _state(money_app, ids)["wallet"] == 4900


def test_a_top_up_too_small_leaves_the_campaign_held_and_untouched(money_app, real_sessions):
    ids = _held_campaign(money_app)
    _top_up(money_app, ids, 150)  # 200 is missing
    assert _state(money_app, ids) == {"paused": True, "flag": b"escrow_exhausted", "pay_state": "unfunded",
                                      "escrow": 400, "wallet": 150, "pending": 600}
    _top_up(money_app, ids, 50)
    assert _state(money_app, ids) == {"paused": False, "flag": None, "pay_state": "accrued",
                                      "escrow": 0, "wallet": 0, "pending": 1200}


def test_money_moved_into_the_escrow_resumes_routing(money_app, real_sessions):
    from app.database import commit
    from payouts import services as money

    ids = _held_campaign(money_app, wallet_left=1000)  # the wallet had money all along
    assert _state(money_app, ids)["paused"]
    with money_app.test_request_context():
        money.hold_escrow(ids["campaign_id"], ids["org_id"], 300, "CNY", key=f"campaign:{ids['campaign_id']}:more")
        commit()  # the escrow's signal queued the job that resumes routing: it runs after this commit
        db.session.remove()
    assert _state(money_app, ids) == {"paused": False, "flag": None, "pay_state": "accrued",
                                      "escrow": 100, "wallet": 700, "pending": 1200}
