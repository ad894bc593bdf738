"""Money for work on the phone: the pay rules' arithmetic, one earning per interaction whatever is
replayed, pay per shift hour from the presence history, and routing held when the escrow runs out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.database import commit
from app.errors import NotFound
from app.extensions import db, redis_store
from marketplace.models import Campaign
from payouts.postings import PLATFORM, find_balance
from payouts.queries import earning_state
from telephony.lifecycle import durations, interaction_pay, overlap_seconds, shift_pay
from tests.telephony.conftest import T0, at, transfers_of

# --- the arithmetic --------------------------------------------------------------------------------


@pytest.mark.parametrize("talk,success,expected", [
    (0, False, 350),            # per call only
    (60, False, 350 + 120),     # one minute
    (61, False, 350 + 122),     # pro rata to the second
    (89, True, 350 + 178 + 200),  # 120 * 89 / 60 = 178, and the bonus
    (1, False, 350 + 2),        # 2 per second
])
def test_interaction_pay_rules(talk, success, expected):
    pay = interaction_pay(pay_per_call=350, pay_per_talk_minute=120, success_bonus=200, talk_seconds=talk,
                          success=success)
    assert pay.total == expected and isinstance(pay.total, int)


def test_talk_pay_rounds_down_to_a_whole_minor_unit():
    pay = interaction_pay(pay_per_call=0, pay_per_talk_minute=100, success_bonus=0, talk_seconds=61, success=False)
    assert pay.talk == 101  # 101.66… → 101
    assert shift_pay(3000, 1799) == 1499  # 1499.16… → 1499
    assert shift_pay(3000, 3600) == 3000


def test_durations_of_a_timeline():
    found = durations(queued_at=at(0), offered_at=at(10), answered_at=at(14), ended_at=at(134),
                      wrapup_ended_at=at(154), hold_seconds=10)
    assert found.as_dict() == {"wait": 14, "ring": 4, "talk": 110, "hold": 10, "wrapup": 20, "handle": 140}
    on_hold_at_end = durations(queued_at=at(0), offered_at=None, answered_at=at(5), ended_at=at(65),
                               wrapup_ended_at=None, hold_seconds=0, held_since=at(45))
    assert (on_hold_at_end.talk, on_hold_at_end.hold, on_hold_at_end.handle) == (40, 20, 60)
    abandoned = durations(queued_at=at(0), offered_at=at(3), answered_at=None, ended_at=at(47),
                          wrapup_ended_at=None, hold_seconds=0)
    assert abandoned.as_dict() == {"wait": 47, "ring": None, "talk": None, "hold": None, "wrapup": None,
                                   "handle": None}


def test_overlap_counts_each_second_once():
    intervals = [(at(0), at(100)), (at(50), at(150)), (at(300), None)]
    assert overlap_seconds(intervals, at(20), at(400)) == 130 + 100
    assert overlap_seconds([], at(0), at(10)) == 0


# --- earnings accrue once ----------------------------------------------------------------------------

def test_a_replayed_completion_never_pays_twice(app, ctx, enterprise, member, campaign, handled):
    from payouts.postings import find_balance
    from telephony import earnings, services
    from telephony.models import Interaction

    campaign_id = campaign(enterprise())
    member_id, _ = member()
    interaction_id = handled(campaign_id, member_id, talk=90)
    services.set_disposition(interaction_id, member_id, "follow_up")
    services.complete_interaction(interaction_id, at=at(200))
    commit()
    for _ in range(3):  # the webhook again, the dispatcher's timeout, a retried job
        services.complete_interaction(interaction_id, at=at(201))
        interaction = db.session.get(Interaction, interaction_id)
        earnings.accrue_interaction_pay(interaction)
        commit()
    assert [t.amount for t in transfers_of(interaction_id)] == [350 + 180]  # no success bonus for follow_up
    assert find_balance("member", member_id, "pending", "CNY") == 530
    assert interaction.pay_state == "accrued"
    assert earnings.earning_of(interaction) == {"amount": 530, "currency": "CNY", "state": "pending"}


def test_completion_without_a_disposition_pays_nothing(app, ctx, enterprise, member, campaign, handled):
    from telephony import services

    campaign_id = campaign(enterprise())
    member_id, _ = member()
    interaction_id = handled(campaign_id, member_id)
    done = services.complete_interaction(interaction_id, at=at(500))
    assert done.state == "completed" and done.pay_state == "none" and transfers_of(interaction_id) == []


# --- escrow that runs out --------------------------------------------------------------------------

def test_escrow_exhaustion_holds_routing_until_resumed(app, ctx, enterprise, member, campaign, handled):
    from payouts import services as money
    from payouts.postings import find_balance
    from telephony import earnings, services

    owner = enterprise()
    campaign_id = campaign(owner, budget=1000, pay_per_call=600, pay_per_talk_minute=0, success_bonus=0)
    member_id, _ = member()
    first = handled(campaign_id, member_id, sid="CA-1")
    services.set_disposition(first, member_id, "resolved")
    services.complete_interaction(first, at=at(200))
    second = handled(campaign_id, member_id, sid="CA-2")
    services.set_disposition(second, member_id, "resolved")
    done = services.complete_interaction(second, at=at(300))
    commit()
    assert done.state == "completed" and done.pay_state == "unfunded" and transfers_of(second) == []
    assert find_balance("campaign", campaign_id, "escrow", "CNY") == 400
    assert earnings.campaign_routing_paused(campaign_id)
    assert redis_store.connection.get(earnings.PAUSED_KEY.format(campaign_id=campaign_id)) == b"escrow_exhausted"
    status = earnings.routing_status(campaign_id)
    assert status["paused"] and status["shortfall"] == 600 and "600 CNY" in status["message"]
    assert earnings.earning_of(done)["state"] == "unfunded"

    assert earnings.resume_campaign_routing(campaign_id) is False  # still short: stays held
    commit()
    assert earnings.campaign_routing_paused(campaign_id)

    owner["fund"](5000)
    money.hold_escrow(campaign_id, owner["org_id"], 5000, "CNY", key=f"campaign:{campaign_id}:top-up:1")
    assert earnings.resume_campaign_routing(campaign_id) is True
    commit()
    assert not earnings.campaign_routing_paused(campaign_id)
    assert redis_store.connection.get(earnings.PAUSED_KEY.format(campaign_id=campaign_id)) is None
    assert [t.amount for t in transfers_of(second)] == [600]
    assert find_balance("member", member_id, "pending", "CNY") == 1200


# --- pay per shift hour ----------------------------------------------------------------------------

def _attended_claim(campaign_id, member_id, start, end, checked_in_at):
    from marketplace.models import Claim, Shift

    shift = db.session.scalar(select(Shift).where(Shift.campaign_id == campaign_id).limit(1))
    claim = Claim(shift_id=shift.id, campaign_id=campaign_id, member_id=member_id, starts_at=start, ends_at=end,
                  state="checked_in", checked_in_at=checked_in_at)
    db.session.add(claim)
    db.session.flush()
    return claim


def test_shift_hours_are_paid_once_for_the_time_not_offline(app, ctx, enterprise, member, campaign):
    from payouts.models import Transfer
    from telephony import earnings

    campaign_id = campaign(enterprise(), pay_per_shift_hour=3000)
    member_id, _ = member()
    start, end = T0, T0 + timedelta(hours=1)
    claim = _attended_claim(campaign_id, member_id, start, end, checked_in_at=start - timedelta(minutes=10))
    earnings.record_presence(member_id, "available", at=start - timedelta(minutes=5))  # before the start: unpaid
    earnings.record_presence(member_id, "busy", at=start + timedelta(minutes=10))
    earnings.record_presence(member_id, "busy", at=start + timedelta(minutes=11))  # the same again: no change
    earnings.record_presence(member_id, "offline", at=start + timedelta(minutes=20))
    earnings.record_presence(member_id, "offline", at=start + timedelta(minutes=25))
    earnings.record_presence(member_id, "away", at=start + timedelta(minutes=40))  # open until the end
    assert earnings.accrue_ended_shifts(now=start + timedelta(minutes=59)) == 0  # not ended yet
    assert earnings.accrue_ended_shifts(now=end + timedelta(minutes=1)) == 1
    assert earnings.accrue_ended_shifts(now=end + timedelta(minutes=6)) == 0
    paid = list(db.session.scalars(select(Transfer).where(Transfer.key == earnings.shift_pay_key(claim.id))))
    # 20 + 20 minutes reachable of the hour: 3000 * 2400 / 3600
    assert [(t.amount, t.member_id, t.reason) for t in paid] == [(2000, member_id, "earning_accrued")]
    # no QA reviews shift hours: settled at once, less the platform fee (10%), and only once
    settled = list(db.session.scalars(select(Transfer).where(Transfer.member_id == member_id,
                                                             Transfer.reason == "earning_approved")))
    assert [(t.amount, t.key) for t in settled] == [(2000, f"claim:{claim.id}:shift-pay:approved")]
    assert find_balance("member", member_id, "pending", "CNY") == 0
    assert find_balance("member", member_id, "available", "CNY") == 1800
    assert find_balance("platform", PLATFORM, "fees", "CNY") >= 200
    line = earning_state(paid[0])
    assert (line["state"], line["net_amount"], line["interaction_id"]) == ("approved", 1800, None)


def test_shift_pay_accrued_before_it_was_settled_is_settled_by_the_sweep(app, ctx, enterprise, member, campaign):
    from payouts import services as money
    from payouts.models import Transfer
    from telephony import earnings

    campaign_id = campaign(enterprise(), pay_per_shift_hour=3600)
    member_id, _ = member()
    start, end = T0, T0 + timedelta(hours=1)
    claim = _attended_claim(campaign_id, member_id, start, end, checked_in_at=start)
    earnings.record_presence(member_id, "available", at=start)
    found = db.session.get(Campaign, campaign_id)
    # an accrual left pending (as the sweep wrote them before shift pay was settled)
    money.accrue_earning(campaign_id, None, member_id, 3600, "CNY", key=earnings.shift_pay_key(claim.id),
                         org_id=found.org_id)
    assert find_balance("member", member_id, "pending", "CNY") == 3600
    assert earnings.accrue_ended_shifts(now=end + timedelta(minutes=1)) == 0  # nothing paid twice
    assert earnings.accrue_ended_shifts(now=end + timedelta(minutes=6)) == 0
    assert find_balance("member", member_id, "pending", "CNY") == 0
    assert find_balance("member", member_id, "available", "CNY") == 3240
    assert db.session.scalar(select(func.count()).select_from(Transfer).where(
        Transfer.member_id == member_id, Transfer.reason == "earning_approved")) == 1
    with pytest.raises(NotFound):
        money.approve_accrual("claim:0:shift-pay")


def test_presence_statuses_are_checked(app, ctx, member):
    from app.errors import ValidationError
    from telephony import earnings

    member_id, _ = member()
    with pytest.raises(ValidationError):
        earnings.record_presence(member_id, "sleeping")
    assert earnings.record_presence(member_id, "offline") is None


def test_the_shift_pay_sweep_is_a_periodic_job(app, ctx):
    from app.schedule import SCHEDULE
    from telephony import tasks

    assert SCHEDULE["telephony-shift-pay"].func is tasks.pay_ended_shifts
    assert tasks.pay_ended_shifts() == 0  # nothing ended unpaid; safe to run at any time
