"""Erlang C and Erlang A: published values, the design's oracle, stability at scale."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketplace.staffing.erlang import (
    Forecast,
    erlang_a_measures,
    erlang_b,
    erlang_c,
    erlang_c_measures,
    outbound_agent_hours,
    required_agents,
    rostered_for,
)


def test_the_design_oracle():
    result = required_agents(Forecast(calls=100, interval_minutes=30, aht_seconds=180, target_service_level=0.8,
                                      target_answer_seconds=20, max_occupancy=0.85, shrinkage=0.3))
    assert result.to_dict() == {"model": "erlang_c", "agents": 14, "rostered": 20, "service_level": 0.888,
                                "occupancy": 0.714, "p_wait": 0.174, "asa_seconds": 7.8}


@pytest.mark.parametrize("agents,load,expected", [
    (1, 1.0, 0.5),             # B(1, A) = A / (1 + A)
    (2, 1.0, 0.2),             # 1/2 / (1 + 1 + 1/2)
    (5, 3.0, 0.1101),          # the classic Erlang B table
    (10, 5.0, 0.01838),
])
def test_erlang_b_table_values(agents, load, expected):
    assert erlang_b(agents, load) == pytest.approx(expected, abs=5e-5)


@pytest.mark.parametrize("agents,load,expected", [
    (2, 1.0, 1 / 3),           # exact: C(2, 1) = 1/3
    (3, 2.0, 4 / 9),           # exact: C(3, 2) = 4/9
    (13, 10.0, 0.2853),        # the oracle's neighbour
])
def test_erlang_c_table_values(agents, load, expected):
    assert erlang_c(agents, load) == pytest.approx(expected, abs=5e-4)


@pytest.mark.parametrize("agents,load", [(7, 5), (14, 10), (30, 25), (60, 52)])
def test_erlang_c_matches_the_textbook_formula(agents, load):
    """The factorial form of Erlang C, computed exactly with fractions, for sizes where it fits."""
    from fractions import Fraction
    from math import factorial

    a = Fraction(load)
    top = a**agents / factorial(agents) * Fraction(agents, agents - load)
    bottom = sum(a**k / factorial(k) for k in range(agents)) + top
    assert erlang_c(agents, float(load)) == pytest.approx(float(top / bottom), rel=1e-9)


def test_erlang_c_when_the_agents_cannot_carry_the_load():
    assert erlang_c(10, 10.0) == 1.0
    measures = erlang_c_measures(5, Forecast(calls=100, interval_minutes=30, aht_seconds=180))
    assert measures.service_level == 0.0 and math.isinf(measures.asa_seconds)


def test_stable_for_thousands_of_agents():
    """A Double-11 peak: 20,000 calls in 30 minutes. No overflow, and the answer is sane."""
    forecast = Forecast(calls=20_000, interval_minutes=30, aht_seconds=180)
    result = required_agents(forecast)
    assert 2000 < result.agents < 2400
    assert result.occupancy <= 0.85
    assert result.service_level >= 0.8
    assert 0.0 <= erlang_c(3000, 2900.0) <= 1.0


def test_zero_calls_need_no_agents():
    result = required_agents(Forecast(calls=0, interval_minutes=30, aht_seconds=180))
    assert result.agents == 0 and result.rostered == 0


def test_rostered_rounds_up_after_shrinkage():
    assert rostered_for(14, 0.3) == 20
    assert rostered_for(7, 0.3) == 10
    assert rostered_for(10, 0.0) == 10


def test_erlang_a_tends_to_erlang_c_as_callers_never_hang_up():
    patient = Forecast(calls=100, interval_minutes=30, aht_seconds=180, patience_seconds=1e9)
    a = erlang_a_measures(14, patient)
    c = erlang_c_measures(14, patient)
    assert a.p_wait == pytest.approx(c.p_wait, abs=1e-4)
    assert a.service_level == pytest.approx(c.service_level, abs=1e-3)
    assert a.abandon_rate == pytest.approx(0.0, abs=1e-5)


def test_erlang_a_with_impatient_callers():
    forecast = Forecast(calls=100, interval_minutes=30, aht_seconds=180, patience_seconds=120)
    result = required_agents(forecast)
    assert result.model == "erlang_a"
    assert result.agents <= 14  # abandonment relieves the queue
    assert 0 < result.abandon_rate < 0.2
    # Fewer agents: more abandonment, lower service level.
    short = erlang_a_measures(result.agents - 2, forecast)
    assert short.abandon_rate > result.abandon_rate
    assert short.service_level < result.service_level
    # Even an overloaded system is stable with abandonment (unlike Erlang C).
    overloaded = erlang_a_measures(5, forecast)
    assert 0 < overloaded.service_level < 1 and 0 < overloaded.abandon_rate < 1


@settings(max_examples=40, deadline=None)
@given(calls=st.integers(min_value=1, max_value=3000), aht=st.integers(min_value=30, max_value=900),
       target=st.floats(min_value=0.5, max_value=0.95))
def test_more_calls_never_need_fewer_agents(calls, aht, target):
    base = Forecast(calls=calls, interval_minutes=30, aht_seconds=aht, target_service_level=target)
    more = Forecast(calls=calls * 1.2, interval_minutes=30, aht_seconds=aht, target_service_level=target)
    first, second = required_agents(base), required_agents(more)
    assert second.agents >= first.agents
    assert first.occupancy <= 0.85 + 1e-9
    assert first.service_level >= target
    # The answer is the smallest: one agent fewer misses a target.
    fewer = erlang_c_measures(first.agents - 1, base)
    assert fewer.service_level < target or fewer.occupancy > 0.85


def test_outbound_agent_hours():
    assert outbound_agent_hours(10_000, 1.8, 240) == pytest.approx(1200.0)


def test_the_walk_up_search_matches_a_linear_scan():
    import random

    from marketplace.staffing import erlang as staffing

    rng = random.Random(11)
    for _ in range(80):
        forecast = staffing.Forecast(calls=rng.uniform(1, 1500), interval_minutes=rng.choice([15, 30]),
                                     aht_seconds=rng.uniform(30, 900), target_service_level=rng.uniform(0.5, 0.95),
                                     target_answer_seconds=rng.choice([10, 20, 30, 60]),
                                     max_occupancy=rng.uniform(0.7, 0.95))
        agents = 1
        while not staffing._meets(staffing.erlang_c_measures(agents, forecast), forecast):
            agents += 1
        assert staffing.required_agents(forecast).agents == agents


@settings(max_examples=30, deadline=None)
@given(calls=st.integers(min_value=1, max_value=1500), patience=st.sampled_from([5, 30, 120, 600]),
       answer=st.sampled_from([0, 10, 30]), target=st.floats(min_value=0.5, max_value=0.95))
def test_erlang_a_answer_is_the_fewest_agents_that_meet_the_targets(calls, patience, answer, target):
    forecast = Forecast(calls=calls, interval_minutes=15, aht_seconds=240, patience_seconds=patience,
                        target_answer_seconds=answer, target_service_level=target)
    result = required_agents(forecast)

    def meets(n):
        measured = erlang_a_measures(n, forecast)
        return measured.service_level >= target and measured.occupancy <= forecast.max_occupancy + 1e-12

    assert meets(result.agents)
    assert result.agents == 1 or not meets(result.agents - 1)
