"""Status callbacks of one call applied in every order they can arrive in: an answered call always
ends in wrap-up then ``completed`` with the true talk time, an unanswered one always ``abandoned``,
and the ACD always agrees (the member wraps up, or is free again)."""

from __future__ import annotations

import itertools
from email.utils import format_datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extensions import db
from tests.telephony import test_races
from tests.telephony.conftest import at
from tests.telephony.test_races import _setup

race_app = test_races.race_app  # the PostgreSQL app (callbacks from several workers)


def _stamp(seconds: float) -> str:
    return format_datetime(at(seconds), usegmt=True)


def _offered_and_accepted(application, campaign_id: int, member_id: int, name: str) -> int:
    """A call the member accepted (the ACD has them on it); its interaction id."""
    from app.database import commit
    from telephony import calls, services
    from telephony.distributor import distributor

    with application.test_request_context():
        interaction = services.create_interaction(campaign_id, "inbound", customer_call_sid=f"CA-c-{name}",
                                                  customer_phone="+8613812345678", at=at(0))
        commit()
        acd = distributor()
        acd.configure_campaign(campaign_id)
        acd.set_agent_campaigns(member_id, primary=[campaign_id])
        acd.set_available(member_id)
        acd.enqueue(interaction.id, campaign_id)
        acd.dispatch()
        calls.accept_offer(member_id, interaction.id)
        commit()
        interaction_id = interaction.id
        db.session.remove()
    return interaction_id


def _deliver(application, callbacks) -> None:
    from app.database import commit
    from telephony import calls

    for params, options in callbacks:
        with application.test_request_context():
            calls.call_status(params, **options)
            commit()
            db.session.remove()


def _legs(name: str, interaction_id: int, member_id: int, agent_end: dict) -> dict:
    agent = {"interaction_id": interaction_id, "leg": "agent", "member_id": member_id}
    sid = f"CA-a-{name}"
    return {
        "ringing": ({"CallSid": sid, "CallStatus": "ringing", "Timestamp": _stamp(10)}, agent),
        "agent_end": ({"CallSid": sid, **agent_end}, agent),
        "caller_end": ({"CallSid": f"CA-c-{name}", "CallStatus": "completed", "CallDuration": "70",
                        "Timestamp": _stamp(70)}, {}),
    }


ANSWERED = ["ringing", "answered", "caller_end", "agent_end"]


@pytest.mark.parametrize("order", list(itertools.permutations(ANSWERED)), ids="-".join)
def test_an_answered_call_ends_completed_with_its_talk_time_in_any_order(race_app, real_sessions, order):
    from app.database import commit
    from telephony import services
    from telephony.dispatcher import disagreements
    from telephony.distributor import distributor
    from telephony.models import Interaction

    campaign_id, member_id = _setup(race_app)
    name = "ans-" + "-".join(order)
    interaction_id = _offered_and_accepted(race_app, campaign_id, member_id, name)
    legs = _legs(name, interaction_id, member_id,
                 {"CallStatus": "completed", "CallDuration": "59", "Timestamp": _stamp(71)})
    legs["answered"] = ({"CallSid": f"CA-a-{name}", "CallStatus": "in-progress", "Timestamp": _stamp(12)},
                        legs["ringing"][1])
    _deliver(race_app, [legs[step] for step in order])

    with race_app.test_request_context():
        found = db.session.get(Interaction, interaction_id)
        assert found.state == "wrapup", order
        assert (found.answered_at, found.ended_at) == (at(12), at(70))
        assert distributor().agent(member_id)["st"] == "wrapup"
        assert disagreements() == []
        services.set_disposition(interaction_id, member_id, "resolved")
        completed = services.complete_interaction(interaction_id, at=at(90))
        commit()
        assert (completed.state, completed.talk_seconds) == ("completed", 58)
        db.session.remove()


@pytest.mark.parametrize("agent_status", ["no-answer", "canceled"])
@pytest.mark.parametrize("order", list(itertools.permutations(["ringing", "caller_end", "agent_end"])),
                         ids="-".join)
def test_a_call_the_member_never_answered_ends_abandoned_in_any_order(race_app, real_sessions, order, agent_status):
    from telephony.dispatcher import disagreements
    from telephony.distributor import distributor
    from telephony.models import Interaction

    campaign_id, member_id = _setup(race_app)
    name = f"unans-{agent_status}-" + "-".join(order)
    interaction_id = _offered_and_accepted(race_app, campaign_id, member_id, name)
    legs = _legs(name, interaction_id, member_id, {"CallStatus": agent_status, "Timestamp": _stamp(72)})
    _deliver(race_app, [legs[step] for step in order])

    with race_app.app_context():
        found = db.session.get(Interaction, interaction_id)
        assert (found.state, found.ended_at, found.answered_at) == ("abandoned", at(70), None), order
        # a softphone that did not answer while the caller still waited: the member is set away
        missed = order.index("agent_end") < order.index("caller_end")
        assert distributor().agent(member_id)["st"] == ("away" if missed else "available")
        assert distributor().call(interaction_id) is None
        assert disagreements() == []
        db.session.remove()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.lists(st.sampled_from(ANSWERED), min_size=4, max_size=8).filter(lambda got: set(got) == set(ANSWERED)),
       talk=st.integers(min_value=1, max_value=600), caller_first=st.booleans())
def test_replayed_and_reordered_callbacks_of_an_answered_call(race_app, real_sessions, order, talk, caller_first):
    """Any order, each callback possibly delivered again, either side hanging up first."""
    from telephony.models import Interaction

    campaign_id, member_id = _setup(race_app)
    name = f"prop-{campaign_id}"
    interaction_id = _offered_and_accepted(race_app, campaign_id, member_id, name)
    end = 12 + talk
    caller_end, agent_end = (end, end + 1) if caller_first else (end + 1, end)
    legs = _legs(name, interaction_id, member_id, {"CallStatus": "completed", "CallDuration": str(agent_end - 12),
                                                  "Timestamp": _stamp(agent_end)})
    legs["caller_end"] = ({"CallSid": f"CA-c-{name}", "CallStatus": "completed", "Timestamp": _stamp(caller_end)}, {})
    legs["answered"] = ({"CallSid": f"CA-a-{name}", "CallStatus": "in-progress", "Timestamp": _stamp(12)},
                        legs["ringing"][1])
    _deliver(race_app, [legs[step] for step in order])

    with race_app.app_context():
        found = db.session.get(Interaction, interaction_id)
        assert (found.state, found.answered_at, found.ended_at) == ("wrapup", at(12), at(end)), order
        db.session.remove()


def test_a_caller_end_whose_member_leg_never_reports_is_settled_by_the_dispatcher(race_app, real_sessions):
    """The caller hung up while the member's accepted leg was in flight, and that leg never reports
    (never placed, or its callbacks lost): past the ring time and a margin the dispatcher settles the
    call as abandoned when the caller left and frees the member — never an interaction offered for ever."""
    from datetime import timedelta

    from app.database import commit
    from telephony import calls
    from telephony.dispatcher import disagreements
    from telephony.distributor import distributor
    from telephony.models import Interaction

    campaign_id, member_id = _setup(race_app)
    interaction_id = _offered_and_accepted(race_app, campaign_id, member_id, "orphan")
    _deliver(race_app, [_legs("orphan", interaction_id, member_id, {})["caller_end"]])
    with race_app.test_request_context():
        assert db.session.get(Interaction, interaction_id).state == "offered"  # waits for the member's leg
        assert calls.settle_orphaned_caller_ends(grace=timedelta(days=36500)) == 0  # not yet
        assert calls.settle_orphaned_caller_ends() == 1
        commit()
        db.session.remove()
    with race_app.test_request_context():
        found = db.session.get(Interaction, interaction_id)
        assert (found.state, found.ended_at, found.answered_at) == ("abandoned", at(70), None)
        assert distributor().agent(member_id)["st"] == "available"
        assert distributor().call(interaction_id) is None
        assert disagreements() == []
        assert calls.settle_orphaned_caller_ends() == 0  # once
        db.session.remove()
