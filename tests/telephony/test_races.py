"""Interactions under real concurrency on PostgreSQL: the same provider callback delivered by several
web workers at once creates one interaction, completes it once and pays once."""

from __future__ import annotations

import copy
import threading

import pytest
from sqlalchemy import func, select

from app.extensions import db
from tests.conftest import PASSWORD, separate_app
from tests.telephony.conftest import INBOUND, at

WORKERS = 8


@pytest.fixture(scope="module")
def race_app(tmp_path_factory):
    yield from separate_app(tmp_path_factory, "telerace",
                            postgres_only="races are a PostgreSQL property (SQLite runs one writer at a time)")


def _setup(application) -> tuple[int, int]:
    """A published, funded campaign and a member: their ids (committed)."""
    from app.auth import services as auth
    from app.auth.models import User
    from app.database import commit
    from marketplace.campaigns import services
    from marketplace.campaigns.schemas import CampaignIn
    from payouts.services import confirm_simulated_checkout, create_topup

    with application.test_request_context():
        count = db.session.scalar(select(func.count()).select_from(User))
        admin = auth.register_user(email=f"boss{count}@example.test", password=PASSWORD, name="Boss",
                                   role="enterprise", org_name=f"Racing Org {count}")
        member = auth.create_user(email=f"agent{count}@example.test", password=PASSWORD, name="Agent", role="member")
        commit()
        topup = create_topup(admin.org_id, admin.id, 1_000_000, "CNY")
        confirm_simulated_checkout(topup.id, admin.org_id)
        campaign = services.create_campaign(admin.org_id, admin.id, CampaignIn().load(copy.deepcopy(INBOUND)))
        services.change_state(campaign, "published", admin.id)
        commit()
        return campaign.id, member.id


def _together(application, call) -> list:
    """``call()`` in WORKERS threads at once, each in its own app context and transaction."""
    from app.database import commit, rollback

    barrier = threading.Barrier(WORKERS)
    results = [None] * WORKERS

    def run(index):
        with application.test_request_context():
            barrier.wait()
            try:
                results[index] = call()
                commit()
            except Exception as exc:  # reported, not swallowed: the assertions name it
                rollback()
                results[index] = exc
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_a_callback_delivered_at_once_by_many_workers(race_app, real_sessions):
    from app.database import commit
    from ledger.models import Leaf, QueuedEntry
    from payouts.models import Transfer
    from telephony import services
    from telephony.models import Interaction, InteractionEvent

    campaign_id, member_id = _setup(race_app)
    created = _together(race_app, lambda: services.create_interaction(
        campaign_id, "inbound", customer_call_sid="CA-race", customer_phone="+8613812345678", at=at(0)).id)
    assert len(set(created)) == 1 and isinstance(created[0], int), created
    interaction_id = created[0]

    with race_app.test_request_context():
        services.mark_answered(interaction_id, member_id, at=at(5))
        services.begin_wrapup(interaction_id, at=at(65))
        services.set_disposition(interaction_id, member_id, "resolved")
        commit()
    completed = _together(race_app, lambda: services.complete_interaction(interaction_id, at=at(80)).state)
    assert completed == ["completed"] * WORKERS

    with race_app.app_context():
        kinds = list(db.session.scalars(select(InteractionEvent.kind).where(
            InteractionEvent.interaction_id == interaction_id).order_by(InteractionEvent.id)))
        assert kinds == ["queued", "answered", "wrapup", "completed"]
        paid = list(db.session.scalars(select(Transfer.amount).where(Transfer.interaction_id == interaction_id)))
        assert paid == [350 + 120 + 200]
        assert db.session.scalar(select(func.count()).select_from(Interaction).where(
            Interaction.customer_call_sid == "CA-race")) == 1
        # the audit ledger heard of each step once (still queued, or already sequenced)
        counted = {kind: sum(db.session.scalar(select(func.count()).select_from(model).where(model.kind == kind))
                             for model in (QueuedEntry, Leaf))
                   for kind in ("interaction_started", "interaction_answered", "interaction_completed")}
        assert counted == {"interaction_started": 1, "interaction_answered": 1, "interaction_completed": 1}


def test_the_callers_end_racing_the_agents_answer_leaves_db_and_acd_agreeing(race_app, real_sessions):
    """The agent leg's ``in-progress`` is being applied (its transaction holds the row) when the
    caller's ``completed`` arrives in another worker. The caller's callback must wait for the answer
    and then begin wrap-up — not judge the call "still ringing" from a stale read and free the
    member in the ACD while the interaction lives on (stuck in wrap-up, the member available)."""
    from app.database import commit, rollback
    from telephony import calls, services
    from telephony.dispatcher import disagreements
    from telephony.distributor import distributor
    from telephony.models import Interaction

    campaign_id, member_id = _setup(race_app)
    with race_app.test_request_context():
        interaction = services.create_interaction(campaign_id, "inbound", customer_call_sid="CA-cust-race",
                                                  customer_phone="+8613812345678", at=at(0))
        interaction_id = interaction.id
        commit()
        acd = distributor()
        acd.configure_campaign(campaign_id)
        acd.set_agent_campaigns(member_id, primary=[campaign_id])
        acd.set_available(member_id)
        acd.enqueue(interaction_id, campaign_id)
        acd.dispatch()
        calls.accept_offer(member_id, interaction_id)
        services.attach_call(interaction_id, agent_call_sid="CA-agent-race")
        commit()
        db.session.remove()

    answering, answered_applied = threading.Event(), threading.Event()
    errors = []

    def agent_answers():
        with race_app.test_request_context():
            try:
                calls.call_status({"CallSid": "CA-agent-race", "CallStatus": "in-progress"},
                                  interaction_id=interaction_id, leg="agent", member_id=member_id)
                answered_applied.set()
                answering.wait(5)  # the worker is slow to commit: the row stays locked meanwhile
                commit()
            except Exception as exc:
                rollback()
                errors.append(exc)
            finally:
                db.session.remove()

    def caller_hangs_up():
        with race_app.test_request_context():
            try:
                calls.call_status({"CallSid": "CA-cust-race", "CallStatus": "completed"})
                commit()
            except Exception as exc:
                rollback()
                errors.append(exc)
            finally:
                db.session.remove()

    first = threading.Thread(target=agent_answers)
    first.start()
    assert answered_applied.wait(5)
    second = threading.Thread(target=caller_hangs_up)
    second.start()
    second.join(0.5)  # the caller's callback is now waiting on the row (or, stale, already past it)
    answering.set()
    first.join()
    second.join()
    assert errors == []

    with race_app.app_context():
        found = db.session.get(Interaction, interaction_id)
        assert found.state == "wrapup"
        assert found.answered_at is not None
        assert (distributor().agent(member_id) or {}).get("st") == "wrapup"
        assert disagreements() == []
        db.session.remove()


def test_check_reports_a_wrap_up_whose_member_the_acd_routes_again(race_app, real_sessions):
    from app.database import commit
    from telephony import services
    from telephony.dispatcher import telephony_cli
    from telephony.distributor import distributor

    campaign_id, member_id = _setup(race_app)
    with race_app.test_request_context():
        interaction = services.create_interaction(campaign_id, "inbound", customer_call_sid="CA-stuck",
                                                  customer_phone="+8613812345678", at=at(0))
        services.mark_answered(interaction.id, member_id, at=at(5))
        services.begin_wrapup(interaction.id, at=at(65))
        interaction_id = interaction.id
        commit()
        distributor().set_agent_campaigns(member_id, primary=[campaign_id])
        distributor().set_available(member_id)
        db.session.remove()

    result = race_app.test_cli_runner().invoke(telephony_cli, ["check"])
    assert result.exit_code == 1
    expected = f"interaction {interaction_id} is in wrap-up but the ACD has its member {member_id} available"
    assert expected in result.output

    with race_app.test_request_context():
        services.complete_interaction(interaction_id)
        commit()
        db.session.remove()
    result = race_app.test_cli_runner().invoke(telephony_cli, ["check"])
    assert f"interaction {interaction_id}" not in result.output


def _offered_in_the_acd(application, name: str):
    """A queued interaction the ACD offers to a member the database has not heard of yet."""
    from app.database import commit
    from telephony import services
    from telephony.distributor import distributor

    campaign_id, member_id = _setup(application)
    with application.test_request_context():
        interaction = services.create_interaction(campaign_id, "inbound", customer_call_sid=f"CA-{name}",
                                                  customer_phone="+8613812345678", at=at(0))
        commit()
        acd = distributor()
        acd.configure_campaign(campaign_id)
        acd.set_agent_campaigns(member_id, primary=[campaign_id])
        acd.set_available(member_id)
        acd.enqueue(interaction.id, campaign_id)
        assert acd.dispatch().offers
        interaction_id = interaction.id
        db.session.remove()
    return interaction_id, member_id


def test_a_caller_leaving_just_after_the_acd_accept_frees_the_member(race_app, real_sessions):
    """The member's accept reached the ACD, but not yet the database, when the caller hung up: the
    abandonment asks the ACD whose call it was and frees that member (the call does not stay
    "connected" in the ACD to a member on no call)."""
    from app.database import commit
    from telephony import calls
    from telephony.dispatcher import disagreements
    from telephony.distributor import distributor
    from telephony.models import Interaction

    interaction_id, member_id = _offered_in_the_acd(race_app, "accept-race")
    with race_app.test_request_context():
        assert distributor().accept(member_id, call_id=interaction_id).ok  # the API's first step
        assert calls.call_status({"CallSid": "CA-accept-race", "CallStatus": "completed"}) == "abandoned"
        commit()
        assert db.session.get(Interaction, interaction_id).state == "abandoned"
        assert distributor().call(interaction_id) is None
        assert distributor().agent(member_id)["st"] == "available"
        assert disagreements() == []
        db.session.remove()


def test_accepting_a_call_whose_caller_already_left_rings_no_one(race_app, real_sessions):
    from app.database import commit, rollback
    from app.errors import Conflict
    from telephony import calls, services
    from telephony.distributor import distributor

    interaction_id, member_id = _offered_in_the_acd(race_app, "accept-late")
    with race_app.test_request_context():
        services.mark_abandoned(interaction_id)  # committed; the ACD's withdrawal has not run yet
        commit()
        with pytest.raises(Conflict) as refused:
            calls.accept_offer(member_id, interaction_id)
        rollback()
        assert refused.value.code == "offer_expired"
        assert distributor().call(interaction_id) is None
        assert distributor().agent(member_id)["st"] == "available"
        db.session.remove()
