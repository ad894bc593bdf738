"""Dial levels per mode, and predictive mode holding the abandonment cap over a simulated run."""

from __future__ import annotations

import random

from telephony.dialer.modes import Measured, lines_per_agent, lines_to_open
from telephony.dialer.settings import MIN_RING_SECONDS, dialer_settings, effective_cps, provider_cps_limit
from telephony.dialer.simulation import simulate


def test_preview_never_dials_on_its_own():
    assert lines_to_open("preview", free_agents=5, ringing=0) == 0


def test_progressive_opens_one_line_per_free_agent():
    assert lines_to_open("progressive", free_agents=4, ringing=1) == 3
    assert lines_to_open("progressive", free_agents=2, ringing=5) == 0


def test_predictive_dials_progressively_until_it_has_measured():
    assert lines_per_agent(Measured(placed=20, answered=5), Measured(), cap=0.03) == 1.0


def test_predictive_level_follows_the_answer_rate_and_drops_at_the_cap():
    calm = Measured(placed=1000, answered=250, abandoned=0)
    assert lines_per_agent(calm, calm, cap=0.03, ceiling=5) == 4.0
    near = Measured(placed=1000, answered=250, abandoned=5)  # 2 % of 3 %: a third of the headroom left
    assert 1.0 < lines_per_agent(near, near, cap=0.03, ceiling=5) < 2.1
    over_month = Measured(placed=1000, answered=250, abandoned=8)  # 3.2 % over 30 days
    assert lines_per_agent(calm, over_month, cap=0.03) == 1.0
    assert lines_to_open("predictive", free_agents=3, ringing=2, level=2.5) == 5


def test_settings_defaults_and_the_minimum_ring():
    settings = dialer_settings({"dialer": {"mode": "predictive", "ring_seconds": 5}})
    assert settings["mode"] == "predictive" and settings["abandon_cap"] == 0.03
    assert settings["ring_seconds"] == MIN_RING_SECONDS
    assert provider_cps_limit("twilio", {}) == 1.0
    assert provider_cps_limit("twilio", {"DIALER_MAX_CPS": "5"}) == 5.0
    assert effective_cps(None, 1.0) == 1.0 and effective_cps(0.5, 1.0) == 0.5 and effective_cps(9, 1.0) == 1.0


def test_predictive_holds_the_abandonment_cap_over_a_simulated_run():
    result = simulate(contacts=20_000, agents=5, mode="predictive", cap=0.03, days=1, rng=random.Random(7))
    print(f"\npredictive: abandonment {result.abandon_rate:.2%} over {result.answered} answered calls, "
          f"{result.contacts_per_agent_hour:.1f} contacts/agent-hour")
    assert result.abandon_rate <= 0.03
    assert result.outside_window == 0 and result.dnc_dialed == 0
    progressive = simulate(contacts=20_000, agents=5, mode="progressive", cap=0.03, days=1,
                           rng=random.Random(7))
    assert result.contacts_per_agent_hour > progressive.contacts_per_agent_hour
