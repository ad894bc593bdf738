"""bench/telephony_webhooks.py's arguments, environment check and summary (the run itself is a
benchmark, never a timed test)."""

from __future__ import annotations

import pytest

from bench.telephony_webhooks import Outcome, Timings, parse_args, percentile, plan, required_environment


def test_defaults_are_the_full_run_and_flags_shorten_it():
    args = parse_args([])
    assert (args.rate, args.seconds, args.workers) == (100.0, 60.0, 4)
    args = parse_args(["--rate", "20", "--seconds", "20", "--agents", "30", "--workers", "2"])
    assert (args.rate, args.seconds, args.agents, args.workers) == (20.0, 20.0, 30, 2)
    with pytest.raises(SystemExit):
        parse_args(["--rate", "0"])
    with pytest.raises(SystemExit):
        parse_args(["--workers", "0"])


def test_refuses_to_run_without_postgresql_and_redis_saying_why():
    with pytest.raises(SystemExit, match=r"DATABASE_URL and REDIS_URL not set: .*PostgreSQL"):
        required_environment({})
    with pytest.raises(SystemExit, match="REDIS_URL not set"):
        required_environment({"DATABASE_URL": "postgresql://db/x"})
    with pytest.raises(SystemExit, match="PostgreSQL"):
        required_environment({"DATABASE_URL": "sqlite:///x.db", "REDIS_URL": "redis://r/1"})
    assert required_environment({"DATABASE_URL": "postgresql://db/x", "REDIS_URL": "redis://r/1"}) == (
        "postgresql://db/x", "redis://r/1")


def test_plan_turns_real_calls_per_second_into_the_simulators_calls_and_rate():
    calls, per_simulated_minute = plan(100, 60, 20)
    assert calls == 6000
    assert per_simulated_minute == pytest.approx(300.0)  # 300 a simulated minute = 100 a real second at ×20


def test_percentile_is_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.50) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([7.0], 0.99) == 7.0
    assert percentile([], 0.99) == 0.0


def test_timings_count_only_webhooks_and_flag_every_non_2xx():
    timings = Timings.parse(["POST\t/telephony/twilio/voice\t200\t12.5\n", "POST\t/telephony/twilio/status\t204\t3\n",
                             "POST\t/telephony/twilio/status\t500\t40\n", "POST\t/elsewhere\t200\t1\n", "garbage\n",
                             "POST\t/telephony/twilio/wait\t502\t15000\n"])
    assert timings.millis == [12.5, 3.0, 40.0, 15000.0]
    assert timings.by_path == {"/telephony/twilio/voice": 1, "/telephony/twilio/status": 2,
                               "/telephony/twilio/wait": 1}
    assert timings.errors == ["POST /telephony/twilio/status answered 500", "POST /telephony/twilio/wait answered 502"]


def _outcome(**changes) -> Outcome:
    fields = {"calls": 2, "seconds": 10.0, "webhooks": Timings.parse(["POST\t/telephony/twilio/voice\t200\t20\n"] * 2),
              "probe_millis": [10.0, 10.0], "probe_errors": 0, "interactions": 2, "earnings": 1}
    fields.update(changes)
    return Outcome(**fields)


def test_a_clean_run_has_no_problems_and_prints_the_ratio():
    outcome = _outcome()
    assert outcome.all_problems() == []
    assert "webhook p99 / healthz p99: 2.00x" in "\n".join(outcome.lines())


def test_lost_interactions_errors_and_found_problems_break_the_run():
    assert _outcome(interactions=1).all_problems() == ["2 calls placed but 1 interactions written"]
    assert _outcome(interactions=3).all_problems() == ["2 calls placed but 3 interactions written"]
    failing = Timings.parse(["POST\t/telephony/twilio/voice\t500\t20\n"])
    assert _outcome(webhooks=failing).all_problems() == [
        "1 webhook requests not answered 2xx (first: POST /telephony/twilio/voice answered 500)"]
    assert _outcome(webhooks=Timings()).all_problems() == ["the carrier logged no webhook request"]
    assert _outcome(problems=["interaction 5 earned 2 times"]).all_problems() == ["interaction 5 earned 2 times"]


def test_a_carrier_in_its_own_process_is_configured_from_the_environment(monkeypatch, tmp_path):
    from app.config import from_environment

    monkeypatch.setenv("LOCAL_CARRIER_URL", "http://127.0.0.1:9911")
    monkeypatch.setenv("LOCAL_CARRIER_WEBHOOK_URL", "http://127.0.0.1:9912")
    config = from_environment(str(tmp_path), testing=True)
    assert (config["LOCAL_CARRIER_URL"], config["LOCAL_CARRIER_WEBHOOK_URL"]) == ("http://127.0.0.1:9911",
                                                                                  "http://127.0.0.1:9912")


def test_gunicorns_own_times_are_printed_next_to_the_carriers():
    served = Timings.parse(["POST\t/telephony/twilio/voice\t200\t8\n", "GET\t/healthz\t200\t2\n"])
    probe = Timings.parse(["POST\t/telephony/twilio/voice\t200\t8\n", "GET\t/healthz\t200\t2\n"], prefix="/healthz")
    assert (served.millis, probe.millis) == ([8.0], [2.0])
    printed = "\n".join(_outcome(served=served, served_probe=probe).lines())
    assert "webhooks, in gunicorn" in printed
    assert "webhook p99 / healthz p99: 2.00x; in gunicorn 4.00x" in printed
