"""Benchmark: a month's report for a campaign of 1,000,000 calls, from the incremental aggregates.

    python bench/reports_bench.py            # 1,000,000 calls over December 2026
    python bench/reports_bench.py --quick    # 100,000 calls

PostgreSQL only (``DATABASE_URL``; a scratch database ``<name>_bench_reports``): the calls are
generated in the database (``generate_series``), which SQLite has not.
Each figure is printed next to a baseline measured in the same run:
  * the month's report by day (and by interval, and by ISO week) from the 15-minute aggregates
    vs the same report from one plain aggregate query over the raw interactions, in milliseconds
    (target: under a second for the aggregates);
  * the upkeep of the aggregates: applying a completed call (as the receiver does in the call's
    transaction), and applying it again (a replay, which changes nothing), in calls/s.
The million calls' buckets are filled from the raw aggregate in one pass (a backfill; the tests
check that the incremental path produces the same buckets), so the run takes minutes, not hours.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scratch import insert_members, scratch_database  # noqa: E402 - bench/ is on the path when run as a script

MONTH_START = datetime(2026, 11, 30, 16, tzinfo=UTC)  # 1 December 00:00 in Shanghai
MONTH_SECONDS = 31 * 24 * 3600


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - began)
    return best * 1000


def create_campaign(name: str):
    from app.auth.models import Organization
    from app.extensions import db
    from telephony.campaigns import Campaign

    org = Organization(name=f"Bench {name}")
    db.session.add(org)
    db.session.flush()
    campaign = Campaign(org_id=org.id, kind="inbound", name=name, state="running", time_zone="Asia/Shanghai",
                        starts_at=MONTH_START, ends_at=MONTH_START + timedelta(days=31), currency="CNY",
                        budget=10**12, pay_per_call=350, pay_per_talk_minute=120, success_bonus=200,
                        settings={"target_answer_seconds": 20})
    db.session.add(campaign)
    db.session.flush()
    return campaign


def generate_calls(campaign, count: int, members: list[int]) -> None:
    """``count`` calls spread evenly over the month: one in 13 abandoned, the others answered and completed."""
    from sqlalchemy import text

    from app.extensions import db

    db.session.execute(text("""
        INSERT INTO interactions (org_id, campaign_id, channel, direction, state, member_id, provider, queued_at,
            answered_at, ended_at, wrapup_ended_at, hold_seconds, wait_seconds, talk_seconds, wrapup_seconds,
            handle_seconds, disposition, outcome, pay_state, created_at, updated_at)
        SELECT :org, :campaign, 'voice', 'inbound', s.state, CASE WHEN s.abandoned THEN NULL ELSE :first + g % :n END,
            'local', s.queued, CASE WHEN s.abandoned THEN NULL ELSE s.queued + make_interval(secs => s.wait) END,
            s.queued + make_interval(secs => s.wait + s.talk),
            CASE WHEN s.abandoned THEN NULL ELSE s.queued + make_interval(secs => s.wait + s.talk + s.wrapup) END,
            0, s.wait, CASE WHEN s.abandoned THEN NULL ELSE s.talk END,
            CASE WHEN s.abandoned THEN NULL ELSE s.wrapup END,
            CASE WHEN s.abandoned THEN NULL ELSE s.talk + s.wrapup END,
            CASE WHEN s.abandoned THEN NULL ELSE 'resolved' END, CASE WHEN s.abandoned THEN NULL ELSE 'success' END,
            'none', now(), now()
        FROM generate_series(0, :count - 1) AS g,
        LATERAL (SELECT g % 13 = 0 AS abandoned,
                        CASE WHEN g % 13 = 0 THEN 'abandoned' ELSE 'completed' END AS state,
                        :start + make_interval(secs => g * :spacing) AS queued,
                        (g * 7) % 45 AS wait,
                        CASE WHEN g % 13 = 0 THEN 0 ELSE 60 + (g * 11) % 240 END AS talk,
                        (g * 3) % 30 AS wrapup) AS s
    """), {"org": campaign.org_id, "campaign": campaign.id, "first": members[0], "n": len(members),
           "count": count, "start": MONTH_START, "spacing": MONTH_SECONDS / count})


def backfill_buckets(campaign) -> int:
    """The campaign's 15-minute buckets from one raw aggregate (the counters that need no QA or CSAT)."""
    from app.bulk import insert_rows
    from app.extensions import db
    from telephony.reports import figures, queries
    from telephony.reports.models import ReportBucket

    sums = queries.raw_bucket_sums(campaign.id, MONTH_START, MONTH_START + timedelta(days=31),
                                   figures.rules_of(campaign))
    insert_rows(ReportBucket.__table__, [{"campaign_id": campaign.id, "bucket": bucket, **counters}
                                         for bucket, counters in sums])
    db.session.commit()
    return len(sums)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 calls instead of 1,000,000")
    parser.add_argument("--calls", type=int, default=None)
    args = parser.parse_args()
    count = args.calls or (100_000 if args.quick else 1_000_000)
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to a PostgreSQL server: the calls are generated there.")

    from flask_migrate import upgrade
    from sqlalchemy import select

    from app import create_app
    from app.extensions import db
    from telephony.models import Interaction
    from telephony.reports import queries, services

    uri = scratch_database(os.environ["DATABASE_URL"], "reports")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": uri, "RQ_INLINE": True,
                      "INSTANCE_PATH": tempfile.mkdtemp(prefix="bench-reports-instance-")})
    with app.test_request_context():
        upgrade(revision="heads")
        members = insert_members(50)
        campaign = create_campaign("Double 11 peak")
        began = time.perf_counter()
        generate_calls(campaign, count, members)
        db.session.commit()
        db.session.execute(db.text("ANALYZE interactions"))
        print(f"{db.engine.dialect.name}: {count:,} calls generated in {time.perf_counter() - began:.1f} s")
        began = time.perf_counter()
        buckets = backfill_buckets(campaign)
        print(f"aggregates: {buckets:,} buckets of 15 minutes filled in {time.perf_counter() - began:.1f} s")

        for by in ("day", "interval", "week"):
            win = queries.window("2026-12-01", "2026-12-31", by, "Asia/Shanghai", 30)
            fast = queries.campaign_report(campaign, win)
            slow = queries.campaign_report(campaign, win, raw=True)
            same = [(r["period_start"], r["offered"], r["answered"], r["service_level"]) for r in fast["rows"]] == \
                   [(r["period_start"], r["offered"], r["answered"], r["service_level"]) for r in slow["rows"]]
            took = timed(lambda w=win: queries.campaign_report(campaign, w))
            baseline = timed(lambda w=win: queries.campaign_report(campaign, w, raw=True))
            print(f"month by {by:<8} from aggregates {took:8.1f} ms (target < 1000 ms) vs raw aggregate query "
                  f"{baseline:8.1f} ms → {baseline / took:.0f}× faster ({len(fast['rows'])} rows, "
                  f"offered {fast['totals']['offered']:,}, same figures: {same})")

        # The upkeep: a second campaign's calls applied one by one, as their completions would be.
        other = create_campaign("Upkeep sample")
        sample = 5_000
        generate_calls(other, sample, members)
        db.session.commit()
        ids = list(db.session.scalars(select(Interaction.id).where(Interaction.campaign_id == other.id)))
        for label in ("first apply", "replay"):
            began = time.perf_counter()
            for offset in range(0, len(ids), 500):
                for interaction_id in ids[offset:offset + 500]:
                    services.apply_interaction(interaction_id)
                db.session.commit()
            rate = len(ids) / (time.perf_counter() - began)
            print(f"aggregate upkeep ({label}): {rate:,.0f} calls/s")
        win = queries.window("2026-12-01", "2026-12-31", "day", "Asia/Shanghai")
        incremental = queries.campaign_report(other, win)["totals"]
        raw = queries.campaign_report(other, win, raw=True)["totals"]
        keys = ("offered", "answered", "abandoned", "service_level", "sl2", "asa_seconds", "aht_seconds")
        print(f"incremental equals raw after a replay: {all(incremental[k] == raw[k] for k in keys)} "
              f"(offered {incremental['offered']:,})")
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main()
