"""Interaction verbs: the state machine, duplicates and out-of-order callbacks, durations,
dispositions, and the signals they send."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import Conflict, Forbidden, NotFound, ValidationError
from app.extensions import db
from tests.telephony.conftest import OUTBOUND, at, transfers_of


def _events(interaction_id):
    from telephony.models import InteractionEvent

    return [e.kind for e in db.session.scalars(select(InteractionEvent).where(
        InteractionEvent.interaction_id == interaction_id).order_by(InteractionEvent.at, InteractionEvent.id))]


def _get(interaction_id):
    from telephony.models import Interaction

    return db.session.execute(select(Interaction).where(Interaction.id == interaction_id)
                              .execution_options(populate_existing=True)).scalar_one()


def test_a_call_from_queue_to_completion(app, ctx, enterprise, member, campaign, signals):
    from telephony import services

    owner = enterprise()
    campaign_id = campaign(owner)
    member_id, _ = member()
    interaction = services.create_interaction(campaign_id, "inbound", customer_call_sid="CA1",
                                              customer_phone="+86 138 1234 5678", at=at(0))
    assert interaction.state == "queued" and interaction.org_id == owner["org_id"]
    assert interaction.customer_masked == "138****5678"
    assert interaction.customer_phone_encrypted and b"13812345678" not in interaction.customer_phone_encrypted
    services.record_offer(interaction.id, member_id, offer_id="r1", at=at(10))
    assert _get(interaction.id).state == "offered"
    services.mark_answered(interaction.id, member_id, at=at(14), agent_call_sid="CA2")
    services.mark_held(interaction.id, at=at(40))
    services.mark_resumed(interaction.id, at=at(50))
    services.begin_wrapup(interaction.id, at=at(134))
    services.set_disposition(interaction.id, member_id, "resolved", "Refund issued")
    services.complete_interaction(interaction.id, at=at(154))
    done = _get(interaction.id)
    assert done.state == "completed" and done.agent_call_sid == "CA2"
    assert (done.wait_seconds, done.ring_seconds, done.talk_seconds, done.hold_seconds, done.wrapup_seconds,
            done.handle_seconds) == (14, 4, 110, 10, 20, 140)
    assert _events(interaction.id) == ["queued", "offered", "answered", "held", "resumed", "wrapup", "completed"]
    assert [name for name, _ in signals] == ["interaction_started", "interaction_answered", "interaction_completed"]
    completed = signals[-1][1]
    assert completed["disposition"] == "resolved" and completed["outcome"] == "success"
    assert (completed["talk_seconds"], completed["handle_seconds"]) == (110, 140)
    assert completed["member_id"] == member_id and completed["campaign_id"] == campaign_id
    # 350 per call + 120 a minute for 110 s (220) + the success bonus of 200
    assert done.pay_state == "accrued" and done.pay_amount == 770
    assert [t.amount for t in transfers_of(interaction.id)] == [770]


def test_every_callback_twice_changes_nothing_the_second_time(app, ctx, enterprise, member, campaign, signals):
    from telephony import services

    campaign_id = campaign(enterprise())
    member_id, _ = member()
    first = services.create_interaction(campaign_id, "inbound", customer_call_sid="CA-dup", at=at(0))
    again = services.create_interaction(campaign_id, "inbound", customer_call_sid="CA-dup", at=at(1))
    assert again.id == first.id
    steps = [lambda: services.record_offer(first.id, member_id, offer_id="r1", at=at(5)),
             lambda: services.mark_answered(first.id, member_id, at=at(8)),
             lambda: services.mark_held(first.id, at=at(20)),
             lambda: services.mark_resumed(first.id, at=at(30)),
             lambda: services.begin_wrapup(first.id, at=at(60)),
             lambda: services.set_disposition(first.id, member_id, "resolved"),
             lambda: services.complete_interaction(first.id, at=at(70))]
    for step in steps:
        step()
        step()
    services.mark_abandoned(first.id, at=at(80))
    services.mark_failed(first.id, "busy", at=at(80))
    done = _get(first.id)
    assert done.state == "completed" and done.talk_seconds == 42 and done.hold_seconds == 10
    assert _events(first.id) == ["queued", "offered", "answered", "held", "resumed", "wrapup", "completed"]
    assert [name for name, _ in signals] == ["interaction_started", "interaction_answered", "interaction_completed"]
    assert len(transfers_of(first.id)) == 1
    assert db.session.scalar(select(func.count()).select_from(type(done))) == 1


def test_the_end_reported_before_the_answer(app, ctx, enterprise, member, campaign, signals):
    """Completed before answered: the late answer fills in answered_at and the durations, and reopens nothing."""
    from telephony import services

    campaign_id = campaign(enterprise())
    member_id, _ = member()
    interaction = services.create_interaction(campaign_id, "inbound", at=at(0))
    services.record_offer(interaction.id, member_id, at=at(5))
    services.begin_wrapup(interaction.id, at=at(100))
    assert _get(interaction.id).state == "wrapup"
    services.set_disposition(interaction.id, member_id, "other")
    services.complete_interaction(interaction.id, at=at(110))
    services.mark_answered(interaction.id, member_id, at=at(10))
    services.mark_held(interaction.id, at=at(111))
    done = _get(interaction.id)
    assert done.state == "completed" and done.answered_at == at(10)
    assert (done.wait_seconds, done.ring_seconds, done.talk_seconds, done.wrapup_seconds) == (10, 5, 90, 10)
    assert done.held_since is None
    assert _events(interaction.id) == ["queued", "offered", "answered", "wrapup", "completed"]
    assert [name for name, _ in signals].count("interaction_answered") == 1


def test_final_states_never_change(app, ctx, enterprise, member, campaign, signals):
    from telephony import services

    campaign_id = campaign(enterprise())
    member_id, _ = member()
    gone = services.create_interaction(campaign_id, "inbound", at=at(0))
    services.mark_abandoned(gone.id, at=at(30))
    services.mark_answered(gone.id, member_id, at=at(20))
    services.begin_wrapup(gone.id, at=at(40))
    services.complete_interaction(gone.id, at=at(50))
    services.mark_failed(gone.id, "provider_error", at=at(60))
    done = _get(gone.id)
    assert done.state == "abandoned" and done.answered_at is None and done.wait_seconds == 30
    assert [p["wait_seconds"] for name, p in signals if name == "interaction_abandoned"] == [30]

    broken = services.create_interaction(campaign_id, "outbound", at=at(0))
    services.record_offer(broken.id, member_id, at=at(1))
    services.mark_answered(broken.id, member_id, at=at(2))
    services.mark_failed(broken.id, "media_lost", at=at(12))
    services.begin_wrapup(broken.id, at=at(20))
    services.mark_abandoned(broken.id, at=at(20))
    failed = _get(broken.id)
    assert failed.state == "failed" and failed.failure_reason == "media_lost" and failed.talk_seconds == 10


def test_declined_and_missed_offers_put_the_call_back_in_the_queue(app, ctx, enterprise, member, campaign):
    from telephony import services

    campaign_id = campaign(enterprise())
    first, _ = member()
    second, _ = member()
    interaction = services.create_interaction(campaign_id, "inbound", at=at(0))
    services.record_offer(interaction.id, first, offer_id="r1", at=at(1))
    services.record_declined(interaction.id, first, offer_id="r1", at=at(3))
    services.record_declined(interaction.id, first, offer_id="r1", at=at(3))
    assert (_get(interaction.id).state, _get(interaction.id).member_id) == ("queued", None)
    services.record_offer(interaction.id, second, offer_id="r2", at=at(4))
    services.record_missed(interaction.id, second, offer_id="r2", at=at(19))
    services.record_offer(interaction.id, first, offer_id="r3", at=at(20))
    with pytest.raises(Conflict) as refused:
        services.mark_answered(interaction.id, second, at=at(22))
    assert refused.value.code == "offer_not_yours"
    services.record_missed(interaction.id, second, offer_id="r2", at=at(23))  # a late repeat: ignored
    assert (_get(interaction.id).state, _get(interaction.id).member_id) == ("offered", first)
    services.mark_answered(interaction.id, first, at=at(24))
    services.mark_escalated(interaction.id, "any_shift", at=at(2))
    services.mark_escalated(interaction.id, "any_shift", at=at(2))
    assert _events(interaction.id) == ["queued", "offered", "escalated", "declined", "offered", "missed", "offered",
                                       "answered"]
    assert _get(interaction.id).ring_seconds is None and _get(interaction.id).offered_at == at(20)


def test_a_transfer_hands_the_call_to_another_member(app, ctx, enterprise, member, campaign):
    from telephony import services

    campaign_id = campaign(enterprise())
    first, _ = member()
    second, _ = member()
    interaction = services.create_interaction(campaign_id, "inbound", at=at(0))
    services.mark_answered(interaction.id, first, at=at(3))
    services.mark_transferred(interaction.id, second, at=at(30))
    services.begin_wrapup(interaction.id, at=at(60))
    with pytest.raises(Forbidden):
        services.set_disposition(interaction.id, first, "resolved")
    services.set_disposition(interaction.id, second, "resolved")
    assert _get(interaction.id).member_id == second


def test_disposition_rules_change_nothing_when_refused(app, ctx, enterprise, member, campaign, handled):
    from telephony import services

    campaign_id = campaign(enterprise(), OUTBOUND)
    member_id, _ = member()
    other_id, _ = member()
    live = services.create_interaction(campaign_id, "outbound", at=at(0))
    services.mark_answered(live.id, member_id, at=at(2))
    with pytest.raises(Conflict) as early:
        services.set_disposition(live.id, member_id, "completed")
    assert early.value.code == "not_in_wrapup"
    interaction_id = handled(campaign_id, member_id)
    with pytest.raises(Forbidden) as stranger:
        services.set_disposition(interaction_id, other_id, "completed")
    assert stranger.value.code == "not_handling_member"
    with pytest.raises(ValidationError) as unknown:
        services.set_disposition(interaction_id, member_id, "resolved")  # an inbound default, not this campaign's
    assert "code" in unknown.value.fields
    with pytest.raises(ValidationError) as long_notes:
        services.set_disposition(interaction_id, member_id, "completed", "x" * 2001)
    assert "notes" in long_notes.value.fields
    assert _get(interaction_id).disposition is None
    services.set_disposition(interaction_id, member_id, "no_answer")
    services.set_disposition(interaction_id, member_id, "completed")  # changed during wrap-up
    services.complete_interaction(interaction_id, at=at(200))
    with pytest.raises(Conflict) as late:
        services.set_disposition(interaction_id, member_id, "no_answer")
    assert late.value.code == "not_in_wrapup"
    done = _get(interaction_id)
    assert (done.disposition, done.outcome) == ("completed", "success")
    with pytest.raises(NotFound):
        services.set_disposition(10**9, member_id, "completed")


def test_bad_creation_input(app, ctx, enterprise, campaign):
    from telephony import services

    campaign_id = campaign(enterprise())
    with pytest.raises(ValidationError) as bad:
        services.create_interaction(campaign_id, "sideways", channel="fax")
    assert set(bad.value.fields) == {"direction", "channel"}
    with pytest.raises(NotFound):
        services.create_interaction(10**9, "inbound")
    with pytest.raises(ValidationError) as contact:
        services.create_interaction(campaign_id, "outbound", contact_id=10**9)
    assert "contact_id" in contact.value.fields
    withheld = services.create_interaction(campaign_id, "inbound", customer_phone="anonymous")
    assert withheld.customer_phone_encrypted is None and withheld.customer_masked == ""


def test_call_ids_are_unique_per_provider(app, ctx, enterprise, campaign):
    from telephony import queries, services

    campaign_id = campaign(enterprise())
    one = services.create_interaction(campaign_id, "inbound", customer_call_sid="CA-x", provider="twilio")
    two = services.create_interaction(campaign_id, "inbound", customer_call_sid="CA-x", provider="local")
    assert one.id != two.id
    services.attach_call(one.id, agent_call_sid="CA-agent")
    services.attach_call(one.id, agent_call_sid="CA-agent")
    with pytest.raises(Conflict):
        services.attach_call(one.id, agent_call_sid="CA-other")
    assert queries.find_by_call_sid("twilio", "CA-agent").id == one.id
    assert queries.find_by_call_sid("local", "CA-agent") is None
    services.attach_media(one.id, recording_ref="RE1", transcript_ref="TR1")
    assert (_get(one.id).recording_ref, _get(one.id).transcript_ref) == ("RE1", "TR1")


def test_callbacks_in_any_order_and_repeated_never_corrupt_an_interaction(app, ctx, enterprise, member, campaign,
                                                                          signals):
    """Forty deliveries of one call's callbacks, shuffled and some repeated: the state never moves
    back, a final state never changes, the timeline has each step once, durations are never
    negative, and the interaction is paid at most once."""
    import random
    from functools import partial

    from telephony import services
    from telephony.lifecycle import FINAL_STATES, RANK
    from telephony.models import Interaction

    campaign_id = campaign(enterprise())
    member_id, _ = member()
    rng = random.Random(15)
    for _round in range(40):
        interaction = services.create_interaction(campaign_id, "inbound", at=at(0))
        iid = interaction.id
        steps = [partial(services.record_offer, iid, member_id, offer_id="r1", at=at(5)),
                 partial(services.mark_answered, iid, member_id, at=at(9)),
                 partial(services.mark_held, iid, at=at(30)),
                 partial(services.mark_resumed, iid, at=at(40)),
                 partial(services.begin_wrapup, iid, at=at(100)),
                 partial(services.mark_abandoned, iid, at=at(20)),
                 partial(services.mark_failed, iid, "provider_error", at=at(25))]
        deliveries = steps + [rng.choice(steps) for _ in range(4)]
        rng.shuffle(deliveries)
        rank, final = 0, None
        for deliver in deliveries:
            state = deliver().state
            assert RANK[state] >= rank or {state, "held", "in_progress"} == {"held", "in_progress"}
            assert final is None or state == final
            rank = max(rank, RANK[state])
            final = state if state in FINAL_STATES else final
        if final is None:  # wrap-up or earlier: finish as a member would
            current = _get(iid)
            if current.state == "wrapup":
                services.set_disposition(iid, member_id, "resolved")
            services.complete_interaction(iid, at=at(120))
            services.complete_interaction(iid, at=at(121))
        done = db.session.get(Interaction, iid)
        kinds = _events(iid)
        for once in ("queued", "answered", "wrapup", "completed", "abandoned", "failed"):
            assert kinds.count(once) <= 1, kinds
        assert sum(kinds.count(k) for k in ("completed", "abandoned", "failed")) <= 1, kinds
        for seconds in (done.wait_seconds, done.ring_seconds, done.talk_seconds, done.wrapup_seconds,
                        done.handle_seconds, done.hold_seconds):
            assert seconds is None or seconds >= 0
        if done.answered_at and done.ended_at:
            assert done.answered_at <= done.ended_at
        assert len(transfers_of(iid)) == (1 if done.state == "completed" and done.disposition else 0)
    for name in ("interaction_started", "interaction_answered", "interaction_completed", "interaction_abandoned"):
        ids = [p["interaction_id"] for n, p in signals if n == name]
        assert len(ids) == len(set(ids)), name
