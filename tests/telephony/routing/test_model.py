"""Random operation sequences on the ACD against the plain Python model (hypothesis, stateful):
the same offers, the same states, the same refusals, and the invariant check empty throughout."""

from __future__ import annotations

import pytest
import redis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from telephony.routing import Acd, check
from tests.telephony.routing.conftest import T0
from tests.telephony.routing.model import Config, Model

AGENTS = st.integers(1, 5)
CAMPAIGNS = st.integers(1, 3)
STEPS = st.sampled_from([0, 0, 1, 500, 3_000, 10_000, 16_000, 21_000])


class Routing(RuleBasedStateMachine):
    url: str = ""

    @initialize(setup=st.lists(st.tuples(st.sets(CAMPAIGNS, min_size=1), st.sets(CAMPAIGNS),
                                         st.dictionaries(CAMPAIGNS, st.sampled_from([0, 50, 100]))),
                               min_size=5, max_size=5),
                calls=st.lists(st.tuples(CAMPAIGNS, st.sampled_from([0, 0, 5]), st.sampled_from([0, 1])),
                               max_size=6))
    def start(self, setup, calls) -> None:
        """Agents eligible somewhere and available (several at the same instant: ties), calls waiting."""
        self.client = redis.Redis.from_url(self.url)
        self.client.flushdb()
        self.acd = Acd(self.client, id_type=int)
        self.model = Model()
        self.now = T0
        self.next_call = 1
        for agent, (primary, escalation, fit) in enumerate(setup, start=1):
            self.eligibility(agent, primary, escalation, fit)
            self.presence(agent, "available", 0)
        for campaign, priority, step in calls:
            self.enqueue(campaign, priority, step)

    def teardown(self) -> None:
        if hasattr(self, "client"):
            self.client.close()

    def same(self, outcome, reason: str | None) -> None:
        assert outcome.reason == reason

    @rule(campaign=CAMPAIGNS, priority=st.sampled_from([0, 0, 5]), step=STEPS)
    def enqueue(self, campaign, priority, step):
        self.now += step
        self.model.enqueue(self.next_call, campaign, priority, self.now)
        assert self.acd.enqueue(self.next_call, campaign, priority, self.now).ok
        self.next_call += 1

    @rule(data=st.data())
    def withdraw(self, data):
        call = data.draw(st.integers(1, max(1, self.next_call)))
        self.same(self.acd.withdraw(call, self.now), self.model.withdraw(call))

    @rule(agent=AGENTS, status=st.sampled_from(["available", "available", "away", "offline"]), step=STEPS)
    def presence(self, agent, status, step):
        self.now += step
        self.same(self.acd.set_presence(agent, status, self.now), self.model.presence(agent, status, self.now))

    @rule(agent=AGENTS)
    def heartbeat(self, agent):
        self.same(self.acd.heartbeat(agent, self.now), self.model.heartbeat(agent, self.now))

    @rule(agent=AGENTS, primary=st.sets(CAMPAIGNS), escalation=st.sets(CAMPAIGNS),
          fit=st.dictionaries(CAMPAIGNS, st.integers(0, 100)))
    def eligibility(self, agent, primary, escalation, fit):
        self.model.eligibility(agent, primary, escalation, fit, self.now)
        assert self.acd.set_agent_campaigns(agent, primary, escalation, fit, self.now).ok

    @rule(agent=AGENTS)
    def remove(self, agent):
        self.same(self.acd.remove_agent(agent, self.now), self.model.remove(agent))

    @rule(agent=AGENTS, verb=st.sampled_from(["accept", "accept", "decline"]), other=st.booleans(),
          by_call=st.booleans(), step=st.sampled_from([0, 1, 5_000]))
    def respond(self, agent, verb, other, by_call, step):
        self.now += step
        offers = sorted(self.model.offers)
        mine = [o for o in offers if self.model.offers[o][1] == agent]
        pool = offers if other or not mine else mine
        if not pool:
            return
        offer = pool[0]
        expected = self.model.respond(agent, offer, verb, self.now)
        if by_call:
            call = self.model.offers.get(offer, self.acd_offer_call(offer))[0]
            got = getattr(self.acd, verb)(agent, call_id=call, now_ms=self.now)
        else:
            got = getattr(self.acd, verb)(agent, offer_id=offer, now_ms=self.now)
        self.same(got, expected)

    def acd_offer_call(self, offer):
        return (int(self.client.hget(f"acd:o:{offer}", "call")),)

    @rule(agent=AGENTS, wrapup=st.sampled_from([0, 3]), step=STEPS)
    def end_call(self, agent, wrapup, step):
        self.now += step
        self.same(self.acd.end_call(agent, wrapup, self.now), self.model.end_call(agent, wrapup * 1000, self.now))

    @rule(agent=AGENTS)
    def end_wrapup(self, agent):
        self.same(self.acd.end_wrapup(agent, self.now), self.model.end_wrapup(agent, self.now))

    @rule(campaign=CAMPAIGNS, timeout=st.sampled_from([5, 15]), escalate=st.sampled_from([0, 10, 30]),
          max_wait=st.sampled_from([None, 60]), paused=st.booleans())
    def configure(self, campaign, timeout, escalate, max_wait, paused):
        self.model.config[campaign] = Config(timeout * 1000, escalate * 1000, (max_wait or 0) * 1000, paused)
        assert self.acd.configure_campaign(campaign, timeout, escalate, max_wait, paused).ok

    @rule(step=STEPS, limit=st.sampled_from([1, 100]))
    def tick(self, step, limit):
        self.now += step
        expected = self.model.tick(self.now, limit)
        got = [(o["call"], o["agent"], o["escalated"]) for o in self.acd.tick(self.now, limit).offers]
        assert got == expected

    @invariant()
    def agrees_with_the_model(self):
        if not hasattr(self, "acd"):
            return
        assert check(self.client) == []
        snap = self.acd.snapshot(self.now)
        agents = {int(a): (v["st"], int(v["offer"]) if v.get("offer") else None,
                           int(v["call"]) if v.get("call") else None)
                  for a, v in (snap["agents"] or {}).items()}
        assert agents == {a: (v.state, v.offer, v.call) for a, v in self.model.agents.items()}
        calls = {int(c): (v["st"], int(v["agent"]) if v.get("agent") else None)
                 for c, v in (snap["calls"] or {}).items()}
        assert calls == {c: (v.state, v.agent) for c, v in self.model.calls.items()}
        offers = {int(o): (int(v["call"]), int(v["agent"]), int(v["exp"])) for o, v in (snap["offers"] or {}).items()}
        assert offers == self.model.offers


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
def test_the_acd_behaves_as_the_model(redis_url):
    Routing.url = redis_url
    run = settings(max_examples=80, stateful_step_count=50, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])(Routing)
    run.TestCase().runTest()
