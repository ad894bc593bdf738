"""The routing rules, one at a time, on real Redis."""

from __future__ import annotations

import pytest

from telephony.routing import Acd, check
from tests.telephony.routing.conftest import T0


def agents(acd: Acd, *ids: int, campaigns=(1,), escalation=(), fit=None, at: int = T0) -> None:
    for agent in ids:
        acd.set_agent_campaigns(agent, primary=campaigns, escalation=escalation, fit=fit)
        assert acd.set_available(agent, now_ms=at).ok


def offered(acd: Acd, now: int) -> list[tuple[int, int]]:
    return [(o["call"], o["agent"]) for o in acd.tick(now).offers]


def test_calls_are_offered_by_priority_then_arrival(acd):
    acd.enqueue(1, 1, priority=0, queued_at_ms=T0)
    acd.enqueue(2, 1, priority=0, queued_at_ms=T0 + 1)
    acd.enqueue(3, 1, priority=5, queued_at_ms=T0 + 2)
    agents(acd, 10, at=T0 + 3)
    assert offered(acd, T0 + 4) == [(3, 10)]
    assert acd.accept(10, call_id=3, now_ms=T0 + 5).ok
    agents(acd, 11, at=T0 + 6)
    assert offered(acd, T0 + 7) == [(1, 11)]


def test_longest_idle_agent_first_and_fit_breaks_ties(acd):
    agents(acd, 10, fit={1: 90}, at=T0 + 5)
    agents(acd, 11, fit={1: 10}, at=T0)
    agents(acd, 12, fit={1: 95}, at=T0)
    for call in (1, 2, 3):
        acd.enqueue(call, 1, queued_at_ms=T0 + 10 + call)
    assert offered(acd, T0 + 20) == [(1, 12), (2, 11), (3, 10)]


def test_an_agent_in_several_campaigns_gets_the_longest_waiting_call_across_them(acd):
    acd.enqueue(1, 1, queued_at_ms=T0 + 3)
    acd.enqueue(2, 2, queued_at_ms=T0 + 1)
    acd.enqueue(3, 3, priority=1, queued_at_ms=T0 + 2)
    agents(acd, 10, campaigns=(1, 2), at=T0 + 5)
    assert offered(acd, T0 + 6) == [(2, 10)]
    agents(acd, 11, campaigns=(1, 2, 3), at=T0 + 7)
    assert offered(acd, T0 + 8) == [(3, 11)]  # priority first, across campaigns


def test_accept_makes_the_agent_busy_and_refuses_what_is_not_theirs(acd):
    agents(acd, 10, 11)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    offer = acd.tick(T0 + 2).offers[0]
    other = 11 if offer["agent"] == 10 else 10
    assert acd.accept(other, offer_id=offer["offer"], now_ms=T0 + 3).reason == "not_yours"
    assert acd.accept(offer["agent"], offer_id=999, now_ms=T0 + 3).reason == "unknown_offer"
    assert acd.accept(offer["agent"], call_id=2, now_ms=T0 + 3).reason == "not_offered"
    assert acd.accept(offer["agent"], offer_id=offer["offer"], now_ms=offer["expires_at"]).reason == "expired"
    done = acd.accept(offer["agent"], offer_id=offer["offer"], now_ms=T0 + 3)
    assert done.ok and done["call"] == 1
    assert acd.agent(offer["agent"])["st"] == "busy"
    assert acd.accept(offer["agent"], offer_id=offer["offer"], now_ms=T0 + 4).reason == "unknown_offer"


def test_decline_puts_the_call_back_in_front_and_the_agent_at_the_back(acd):
    agents(acd, 10, at=T0)
    agents(acd, 11, at=T0 + 1)
    acd.enqueue(1, 1, queued_at_ms=T0 + 2)
    acd.enqueue(2, 1, queued_at_ms=T0 + 3)
    first = acd.tick(T0 + 4, max_offers=1).offers[0]
    assert (first["call"], first["agent"]) == (1, 10)
    assert acd.decline(10, offer_id=first["offer"], now_ms=T0 + 5).ok
    assert acd.agent(10)["st"] == "available"
    assert offered(acd, T0 + 6) == [(1, 11), (2, 10)]


def test_an_unanswered_offer_returns_the_call_to_the_front_and_sets_the_agent_away(acd):
    acd.configure_campaign(1, offer_timeout_seconds=15)
    agents(acd, 10)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    acd.enqueue(2, 1, queued_at_ms=T0 + 2)
    assert offered(acd, T0 + 3) == [(1, 10)]
    assert acd.tick(T0 + 3 + 14_999).offers_expired == []
    acd.heartbeat(10, now_ms=T0 + 10_000)
    events = acd.tick(T0 + 3 + 15_000)
    assert [(e["call"], e["agent"]) for e in events.offers_expired] == [(1, 10)]
    assert acd.agent(10)["st"] == "away"
    agents(acd, 11, at=T0 + 15_004)
    assert offered(acd, T0 + 15_005) == [(1, 11)]
    assert acd.accept(10, call_id=1, now_ms=T0 + 15_006).reason == "not_yours"


def test_a_missed_heartbeat_makes_the_agent_offline_and_requeues_their_offer(acd):
    acd.configure_campaign(1, offer_timeout_seconds=60)
    agents(acd, 10, 11, at=T0)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    [(_, agent)] = offered(acd, T0 + 2)
    other = 11 if agent == 10 else 10
    assert acd.heartbeat(other, now_ms=T0 + 19_000).ok
    events = acd.tick(T0 + 20_000)
    assert events.agents_expired == [{"agent": agent, "from_state": "offered", "requeued_call": 1,
                                      "campaign": 1, "offer": 1}]
    assert acd.agent(agent)["st"] == "offline"
    assert acd.heartbeat(agent, now_ms=T0 + 20_001).reason == "offline"
    assert events.offers == [] or [(o["call"], o["agent"]) for o in events.offers] == [(1, other)]


def test_remove_agent_takes_them_out_at_once(acd):
    agents(acd, 10)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    assert offered(acd, T0 + 2) == [(1, 10)]
    removed = acd.remove_agent(10, now_ms=T0 + 3)
    assert removed.ok and removed["requeued_call"] == 1
    assert acd.agent(10) is None
    assert acd.call(1)["st"] == "queued"
    assert acd.remove_agent(10).reason == "unknown_agent"


def test_a_paused_campaign_gets_no_offers(acd):
    acd.configure_campaign(1, paused=True)
    agents(acd, 10)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    assert offered(acd, T0 + 2) == []
    acd.configure_campaign(1, paused=False)
    assert offered(acd, T0 + 3) == [(1, 10)]


def test_a_waiting_call_escalates_to_the_wider_pool_after_escalate_after(acd):
    acd.configure_campaign(1, escalate_after_seconds=30)
    agents(acd, 20, campaigns=(2,), escalation=(1,))
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    acd.heartbeat(20, now_ms=T0 + 15_000)
    assert offered(acd, T0 + 29_999) == []
    events = acd.tick(T0 + 30_001)
    assert events.escalations == [{"call": 1, "campaign": 1}]
    assert [(o["call"], o["agent"], o["escalated"]) for o in events.offers] == [(1, 20, True)]
    assert acd.call(1)["esc"] == str(T0 + 30_001)


def test_calls_past_max_wait_overflow(acd):
    acd.configure_campaign(1, max_wait_seconds=60)
    acd.enqueue(1, 1, queued_at_ms=T0)
    acd.enqueue(2, 1, queued_at_ms=T0 + 30_000)
    events = acd.tick(T0 + 60_000)
    assert events.overflows == [{"call": 1, "campaign": 1, "waited_ms": 60_000}]
    assert acd.call(1) is None and acd.call(2)["st"] == "queued"


def test_withdraw_while_ringing_gives_the_agent_back_their_place(acd):
    agents(acd, 10, at=T0)
    agents(acd, 11, at=T0 + 1)
    acd.enqueue(1, 1, queued_at_ms=T0 + 2)
    assert offered(acd, T0 + 3) == [(1, 10)]
    gone = acd.withdraw(1, now_ms=T0 + 4)
    assert gone.ok and gone["agent"] == 10 and gone["state"] == "offered"
    assert acd.withdraw(1).reason == "unknown_call"
    acd.enqueue(2, 1, queued_at_ms=T0 + 5)
    assert offered(acd, T0 + 6) == [(2, 10)]
    acd.accept(10, call_id=2, now_ms=T0 + 7)
    assert acd.withdraw(2).reason == "connected"


def test_end_call_wraps_up_then_the_agent_is_available_idle_from_then(acd):
    agents(acd, 10, at=T0)
    agents(acd, 11, at=T0 + 1)
    acd.enqueue(1, 1, queued_at_ms=T0 + 2)
    acd.tick(T0 + 3)
    acd.accept(10, call_id=1, now_ms=T0 + 4)
    assert acd.end_call(11).reason == "not_busy"
    assert acd.end_call(10, wrapup_seconds=10, now_ms=T0 + 100).ok
    acd.enqueue(2, 1, queued_at_ms=T0 + 101)
    acd.enqueue(3, 1, queued_at_ms=T0 + 102)
    assert offered(acd, T0 + 103) == [(2, 11)]  # no offer during wrap-up
    assert acd.end_wrapup(11).reason == "not_in_wrapup"
    events = acd.tick(T0 + 10_100)
    assert events.wrapups_ended == [{"agent": 10}]
    assert [(o["call"], o["agent"]) for o in events.offers] == [(3, 10)]
    assert acd.agent(10)["idle"] == str(T0 + 10_100)


def test_presence_away_gives_back_a_ringing_offer_and_is_refused_during_a_call(acd):
    agents(acd, 10)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    acd.tick(T0 + 2)
    away = acd.set_away(10, now_ms=T0 + 3)
    assert away.ok and away["requeued_call"] == 1
    assert acd.call(1)["st"] == "queued"
    assert acd.set_available(10, now_ms=T0 + 4).ok
    acd.tick(T0 + 5)
    assert acd.set_available(10, now_ms=T0 + 6).reason == "offered"
    acd.accept(10, call_id=1, now_ms=T0 + 6)
    assert acd.set_offline(10, now_ms=T0 + 7).reason == "busy"
    assert acd.counts()["a.busy"] == 1


def test_changing_campaigns_moves_an_available_agent_between_pools(acd):
    agents(acd, 10, campaigns=(1,))
    acd.enqueue(1, 2, queued_at_ms=T0 + 1)
    assert offered(acd, T0 + 2) == []
    acd.set_agent_campaigns(10, primary=[2])
    assert offered(acd, T0 + 3) == [(1, 10)]


def test_check_reports_a_broken_state(redis_client):
    acd = Acd(redis_client, id_type=int)
    agents(acd, 10, 11)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    acd.tick(T0 + 2)
    assert check(redis_client) == []
    # Forge the classic double answer: the same call offered to the second agent too.
    redis_client.hset("acd:o:99", mapping={"call": "1", "agent": "11", "camp": "1", "exp": T0 + 9, "esc": "0"})
    redis_client.zadd("acd:oexp", {"99": T0 + 9})
    redis_client.hset("acd:a:11", mapping={"st": "offered", "offer": "99"})
    problems = check(redis_client)
    assert "call 1 is offered to 2 agents" in problems
    assert any("count a.offered" in p for p in problems)
    assert any(p.startswith("agent 11 is offered yet could be offered") for p in problems)


def test_a_busy_agent_whose_heartbeat_lapses_is_offline_and_their_call_released(acd):
    agents(acd, 10)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    acd.tick(T0 + 2)
    assert acd.accept(10, call_id=1, now_ms=T0 + 3).ok
    events = acd.tick(T0 + 20_000)
    assert events.agents_expired == [{"agent": 10, "from_state": "busy", "released_call": 1, "campaign": 1}]
    assert acd.call(1) is None
    assert acd.end_call(10).reason == "not_busy"


def test_removing_a_busy_agent_releases_their_call(acd):
    agents(acd, 10)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    acd.tick(T0 + 2)
    acd.accept(10, call_id=1, now_ms=T0 + 3)
    removed = acd.remove_agent(10, now_ms=T0 + 4)
    assert removed["released_call"] == 1 and removed["from_state"] == "busy"
    assert acd.counts().get("c.connected", 0) == 0


def test_an_offer_rings_for_the_campaigns_offer_timeout(acd):
    acd.configure_campaign(1, offer_timeout_seconds=5)
    agents(acd, 10)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    assert acd.tick(T0 + 2).offers[0]["expires_at"] == T0 + 5_002
    assert acd.tick(T0 + 5_002).offers_expired[0]["call"] == 1


def test_a_call_is_enqueued_once_and_priorities_are_bounded(acd):
    assert acd.enqueue(1, 1, queued_at_ms=T0).ok
    assert acd.enqueue(1, 2, queued_at_ms=T0).reason == "exists"
    for priority in (-1, 100):
        with pytest.raises(ValueError):
            acd.enqueue(2, 1, priority=priority)


def test_a_primary_agent_wins_a_tie_with_an_escalation_agent(acd):
    acd.configure_campaign(1, escalate_after_seconds=0)
    agents(acd, 20, campaigns=(2,), escalation=(1,), fit={1: 50}, at=T0)
    agents(acd, 10, campaigns=(1,), fit={1: 50}, at=T0)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    assert [(o["agent"], o["escalated"]) for o in acd.tick(T0 + 2).offers] == [(10, False)]
    acd.enqueue(2, 1, queued_at_ms=T0 + 3)
    offer = acd.tick(T0 + 4).offers[0]
    assert (offer["agent"], offer["escalated"]) == (20, True)
    assert acd.accept(20, call_id=2, now_ms=T0 + 5)["escalated"] is True


def test_dispatch_makes_every_offer_possible_now_in_passes(acd):
    agents(acd, *range(100, 160))
    for call in range(1, 61):
        acd.enqueue(call, 1, queued_at_ms=T0 + call)
    assert len(acd.tick(T0 + 100, max_offers=25).offers) == 25
    events = acd.dispatch(T0 + 101, max_offers=10)
    assert sorted(o["call"] for o in events.offers) == list(range(26, 61))
    assert events.server_us > 0


def test_a_call_that_already_waited_elsewhere_keeps_its_arrival(acd):
    acd.configure_campaign(1, escalate_after_seconds=30)
    agents(acd, 20, campaigns=(2,), escalation=(1,), at=T0 + 40_000)
    acd.enqueue(1, 1, queued_at_ms=T0 + 41_000, now_ms=T0 + 41_000)
    acd.enqueue(2, 1, queued_at_ms=T0, now_ms=T0 + 41_000)  # transferred in after 41 s elsewhere
    events = acd.tick(T0 + 41_001)
    assert [(o["call"], o["escalated"]) for o in events.offers] == [(2, True)]


def test_an_escalated_call_stays_escalated_whatever_a_late_clock_says(acd):
    acd.configure_campaign(1, escalate_after_seconds=30, paused=True, now_ms=T0)
    agents(acd, 20, campaigns=(2,), escalation=(1,), at=T0 + 20_000)
    acd.enqueue(1, 1, queued_at_ms=T0)
    events = acd.tick(T0 + 30_001)
    assert events.escalations == [{"call": 1, "campaign": 1}] and events.offers == []
    acd.configure_campaign(1, escalate_after_seconds=30, now_ms=T0 + 1_000)  # a process whose clock lags
    assert [(o["call"], o["escalated"]) for o in acd.tick(T0 + 30_002).offers] == [(1, True)]


def _floats(mapping):
    return {key: float(value) for key, value in (mapping if isinstance(mapping, dict) else {}).items()}


def test_the_incremental_reading_matches_the_atomic_snapshot(redis_client):
    from telephony.routing.check import incremental_snapshot

    acd = Acd(redis_client, id_type=int)
    agents(acd, 10, 11, 12)
    for call in (1, 2, 3, 4):
        acd.enqueue(call, 1, queued_at_ms=T0 + call)
    acd.tick(T0 + 10)
    assert acd.accept(10, call_id=1, now_ms=T0 + 11).ok
    atomic = acd.snapshot(T0 + 12)
    read = incremental_snapshot(redis_client, batch=2)  # many small round trips
    for part in ("calls", "offers", "campaigns", "counts"):
        assert read[part] == atomic[part], part
    assert {a: {k: v for k, v in r.items() if k not in ("primary", "escalation")} for a, r in read["agents"].items()} \
        == {a: {k: v for k, v in r.items() if k not in ("primary", "escalation")} for a, r in atomic["agents"].items()}
    assert {a: sorted(r["primary"]) for a, r in read["agents"].items()} == \
        {a: sorted(r["primary"]) if isinstance(r["primary"], list) else [] for a, r in atomic["agents"].items()}
    for part in ("ready", "hb", "wrap", "oexp", "maxw"):
        assert _floats(read[part]) == _floats(atomic[part]), part
    assert {c: _floats(q) for c, q in read["queues"].items()} == {c: _floats(q) for c, q in atomic["queues"].items()}
    assert {c: _floats(p["av"]) for c, p in read["pools"].items()} == \
        {c: _floats(p["av"]) for c, p in atomic["pools"].items()}


def test_the_incremental_check_reports_a_broken_state_and_nothing_on_a_sound_one(redis_client):
    from telephony.routing.check import check_incrementally

    acd = Acd(redis_client, id_type=int)
    agents(acd, 10, 11)
    acd.enqueue(1, 1, queued_at_ms=T0 + 1)
    acd.tick(T0 + 2)
    assert check_incrementally(redis_client, batch=1) == []
    redis_client.hset("acd:o:99", mapping={"call": "1", "agent": "11", "camp": "1", "exp": T0 + 9, "esc": "0"})
    redis_client.zadd("acd:oexp", {"99": T0 + 9})
    redis_client.hset("acd:a:11", mapping={"st": "offered", "offer": "99"})
    problems = check_incrementally(redis_client, batch=1)
    assert "call 1 is offered to 2 agents" in problems
    assert problems == [p for p in check(redis_client) if p in problems] and len(problems) == len(check(redis_client))
