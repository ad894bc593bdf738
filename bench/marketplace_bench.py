"""Benchmark the marketplace: claim contention, feed latency, staffing plans.

    python bench/marketplace_bench.py            # 1,000 claimers / 100 seats, 60,000 members / 5,000 shifts
    python bench/marketplace_bench.py --quick    # 200 claimers / 20 seats, 3,000 members / 500 shifts

Needs PostgreSQL (DATABASE_URL; a scratch database ``<name>_bench_market`` is made) for the claim and
feed parts; the staffing part runs anywhere. Every figure is printed next to a baseline measured in
the same run:

* claims: the real claim path (eligibility, the member's lock, the overlap check, the conditional
  seat UPDATE, the claim row, the audit outbox entry) for 1,000 claimers arriving at once, served by
  (2 x cores) + 1 worker processes as a gunicorn web tier would, each warmed up first like a
  running one, as claim attempts/s, vs ``pgbench`` running a single-row UPDATE transaction on the
  same server with as many clients, measured right after each of three rushes (each on a fresh
  shift), the median ratio reported. As the API does, a claim on a shift the seat gate knows is
  full is refused on the access token alone, before the member is loaded;
  target: claims/s at least 30% of the pgbench rate; zero oversubscription (checked, not assumed);
* feed: p50/p95 of ``GET /api/v1/feed`` through the whole app for random members, vs a primary-key
  SELECT round trip; target: p95 under 50 ms;
* staffing: a 7-day plan of 96 intervals a day (672 Erlang searches) vs one Erlang C evaluation per
  interval at the answer; target: under 100 ms.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scratch import insert_members, scratch_database  # noqa: E402 - bench/ is on the path when run as a script

# Web worker processes serving the claim requests: gunicorn's recommended (2 x cores) + 1 sync
# workers (--workers N to try another tier); pgbench runs with as many clients.
PROCESSES = 2 * (os.cpu_count() or 1) + 1
POOL = 2  # connections per process
WARM_UP_CLAIMS = 8  # requests each worker serves on its warm-up shift before a rush (half of them get a seat)


# One deployment: every worker process verifies the tokens the others' keys signed.
_KEYS = {name: secrets.token_urlsafe(48) for name in ("SECRET_KEY", "JWT_SECRET_KEY", "DATA_ENCRYPTION_KEY")}


def build_app(url: str):
    from app import create_app

    # A real Redis as in production: the audit ledger's integration job is queued, not run inline.
    overrides = {"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "RQ_INLINE": False,
                 "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/9",
                 "INSTANCE_PATH": tempfile.mkdtemp(prefix="bench-market-"), **_KEYS,
                 "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": POOL, "max_overflow": 0, "pool_timeout": 120},
                 "PASSWORD_HASH_PARAMS": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}}
    return create_app(overrides)


def migrated(url: str) -> str:
    from flask_migrate import upgrade

    app = build_app(url)
    with app.app_context():
        upgrade(revision="heads")
    db_engine_dispose(app)
    return url


def make_members(count: int, languages=("zh",)) -> list[int]:
    """Members in Shanghai, with work profiles (languages, a spread of reliability and QA averages)."""
    from sqlalchemy import insert

    from app.database import commit
    from app.extensions import db
    from marketplace.models import MemberProfile

    ids = insert_members(count, timezone="Asia/Shanghai")
    for i in range(0, len(ids), 5000):
        db.session.execute(insert(MemberProfile), [
            {"member_id": uid, "languages": list(languages), "region": None, "shifts_attended": 0,
             "late_releases": 0, "no_shows": 0, "reliability": 100 - (uid % 20), "qa_count": 0,
             "qa_average": 60 + uid % 40} for uid in ids[i:i + 5000]])
    commit()
    return ids


def published_campaign(boss, *, start: datetime, intervals: int, requirements: dict, industry: str):
    from app.database import commit
    from marketplace.campaigns import services
    from marketplace.campaigns.schemas import CampaignIn
    from payouts.services import confirm_simulated_checkout, create_topup

    body = {"kind": "inbound", "name": f"Peak {start:%m-%d %H:%M}", "time_zone": "Asia/Shanghai",
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(days=3)).isoformat(), "currency": "CNY",
            "budget": 1_000_000, "pay_per_call": 300, "industry": industry, "requirements": requirements,
            "inbound": {"interval_minutes": 30, "aht_seconds": 180,
                        "forecast": [{"start": (start + timedelta(minutes=30 * i)).isoformat(),
                                      "calls": 50 + (i * 37) % 300} for i in range(intervals)]}}
    topup = create_topup(boss.org_id, boss.id, body["budget"], "CNY")
    confirm_simulated_checkout(topup.id, boss.org_id)
    campaign = services.create_campaign(boss.org_id, boss.id, CampaignIn().load(body))
    services.publish_campaign(campaign, boss.id)
    commit()
    return campaign


def enterprise(name: str):
    from app.auth import services as accounts
    from app.database import commit

    boss = accounts.register_user(email=f"{name}@bench.test", password="correct-horse-battery", name=name,
                                  role="enterprise", org_name=name)
    commit()
    return boss


# --- claims -------------------------------------------------------------------------------------

def _claimer_process(url: str, warm_shift_id: int, shift_id: int, tokens: list[str], ready, go, results):
    """A web worker process (like a gunicorn sync worker): it serves its share of the claim
    requests one after another, starting with every other worker at ``go``.

    Before the start it serves a few claims on a warm-up shift of its own time slot, as a web
    worker that has been running serves a rush with its statements compiled and prepared, its
    translations loaded and its connections open; a cold process pays those once, in its first
    requests, which is start-up and not claiming."""

    app = build_app(url)
    outcome = {"ok": 0, "full": 0, "other": 0, "errors": [], "last_ok": 0.0}
    for token in tokens[:WARM_UP_CLAIMS]:
        _attempt(app, token, warm_shift_id, {"ok": 0, "full": 0, "other": 0, "errors": [], "last_ok": 0.0})
    ready.wait()
    go.wait()
    for token in tokens:
        _attempt(app, token, shift_id, outcome)
    results.put(outcome)


def _attempt(app, token: str, shift_id: int, outcome: dict) -> None:
    """One claim request, as ``POST /api/v1/shifts/<id>/claims`` serves it without the HTTP
    layer: a shift known to be full is refused on the token alone, else the token check loads
    the member and the claim runs."""
    from app.auth.guards import bearer_user_id, load_user
    from app.database import commit, rollback
    from app.errors import AppError
    from app.extensions import db
    from marketplace.shifts import claims

    with app.test_request_context(headers={"Authorization": f"Bearer {token}"}):
        try:
            asked = bearer_user_id() is not None
            if asked:
                claims.refuse_if_known_full(shift_id)
            claims.claim_seat(load_user(bearer_user_id()), shift_id, gate_asked=asked)
            commit()
            key = "ok"
            outcome["last_ok"] = time.perf_counter()
        except AppError as exc:
            rollback()
            key = "full" if exc.code == "shift_full" else "other"
        except Exception as exc:
            rollback()
            key = "other"
            outcome["errors"].append(repr(exc)[:200])
        finally:
            db.session.remove()
        outcome[key] += 1


def pgbench_rate(url: str, clients: int, seconds: int) -> float:
    """Transactions/s of a single-row UPDATE under ``clients`` concurrent pgbench clients."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS bench_counter"))
        conn.execute(sa.text("CREATE TABLE bench_counter (id int PRIMARY KEY, n bigint NOT NULL)"))
        conn.execute(sa.text("INSERT INTO bench_counter VALUES (1, 0)"))
    engine.dispose()
    parts = sa.make_url(url)
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write("UPDATE bench_counter SET n = n + 1 WHERE id = 1;\n")
    env = {**os.environ, "PGPASSWORD": parts.password or ""}
    command = ["pgbench", "-n", "-h", parts.host or "127.0.0.1", "-p", str(parts.port or 5432),
               "-U", parts.username or "postgres", "-c", str(clients), "-j", "2", "-T", str(seconds),
               "-f", script.name, parts.database]
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    os.unlink(script.name)
    return float(re.search(r"tps = ([\d.]+)", output).group(1))


def bench_claims(url: str, claimers: int, seats: int, rounds: int = 3) -> None:
    """``rounds`` rushes, each on a fresh shift (the shifts follow each other, so one member may
    hold a seat on each), each followed by its pgbench baseline: the machine's load moves both.
    Each rush has a warm-up shift of its own in the slot before it."""
    from sqlalchemy import select

    from app.auth.tokens import encode_access_token
    from app.extensions import db, redis_store
    from marketplace.models import Shift

    app = build_app(url)
    with app.test_request_context():
        # The scratch database numbers its shifts from 1 again: forget sold-out marks that an
        # earlier run left in the same Redis.
        for key in redis_store.connection.scan_iter("crowdline:shift-full:*"):
            redis_store.connection.delete(key)
        boss = enterprise("claims-org")
        campaign = published_campaign(boss, start=datetime.now(UTC) + timedelta(days=2), intervals=2 * rounds,
                                      requirements={"languages": ["zh"], "min_reliability": 50},
                                      industry="ecommerce")
        shifts = list(db.session.scalars(select(Shift).where(Shift.campaign_id == campaign.id)
                                         .order_by(Shift.starts_at)))
        for number, shift in enumerate(shifts):
            shift.seats = seats if number % 2 else PROCESSES * WARM_UP_CLAIMS // 2
        db.session.commit()
        shift_ids = [(warm.id, shift.id) for warm, shift in zip(shifts[::2], shifts[1::2], strict=True)]
        tokens = [encode_access_token(member_id)[0] for member_id in make_members(claimers)]
    db_engine_dispose(app)

    ratios = []
    for number, (warm_shift_id, shift_id) in enumerate(shift_ids, 1):
        elapsed, filled, outcomes = _rush(url, warm_shift_id, shift_id, tokens)
        ok, full, other = (sum(o[key] for o in outcomes) for key in ("ok", "full", "other"))
        held, counter = _seats_held(app, shift_id)
        attempts_rate = claimers / elapsed
        pg_rate = pgbench_rate(url, PROCESSES, 4)
        ratios.append(attempts_rate / pg_rate)
        print(f"claims, round {number}: {claimers} claimers for {seats} seats in {elapsed:.2f} s (seats gone after "
              f"{filled:.2f} s): {ok} claimed, {full} full (409), {other} other; seats held {held}, counter {counter} "
              f"({'no oversubscription' if held == counter == min(seats, claimers) else 'WRONG'})")
        for outcome in outcomes:
            for error in outcome["errors"][:3]:
                print("  error:", error)
        print(f"  claim attempts/s {attempts_rate:,.0f} vs pgbench single-row UPDATE {pg_rate:,.0f} tps "
              f"({PROCESSES} clients): ratio {ratios[-1]:.2f}")
    print(f"claims: median ratio {statistics.median(ratios):.2f} over {len(ratios)} rounds (target >= 0.30)")


def _rush(url: str, warm_shift_id: int, shift_id: int, tokens: list[str]) -> tuple[float, float, list[dict]]:
    """Every member (an access token each) claims ``shift_id`` at once through ``PROCESSES``
    workers, warmed up on ``warm_shift_id``: (seconds, seconds until the last seat was taken,
    each worker's outcome)."""
    context = multiprocessing.get_context("fork")
    ready, go, results = context.Barrier(PROCESSES + 1), context.Event(), context.Queue()
    groups = [tokens[i::PROCESSES] for i in range(PROCESSES)]
    processes = [context.Process(target=_claimer_process, args=(url, warm_shift_id, shift_id, group, ready, go,
                                                                      results))
                 for group in groups]
    for process in processes:
        process.start()
    ready.wait()  # every worker built, warmed up and waiting at the gate
    began = time.perf_counter()
    go.set()
    outcomes = [results.get() for _ in processes]
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join()
    filled = max((o["last_ok"] for o in outcomes if o["last_ok"]), default=began) - began
    return elapsed, filled, outcomes


def _seats_held(app, shift_id: int) -> tuple[int, int]:
    from sqlalchemy import func, select

    from app.extensions import db
    from marketplace.models import Claim, Shift

    with app.app_context():
        held = db.session.scalar(select(func.count()).select_from(Claim).where(Claim.shift_id == shift_id,
                                                                               Claim.state == "claimed"))
        counter = db.session.get(Shift, shift_id).claimed
        db.session.remove()
    return held, counter


def db_engine_dispose(app) -> None:
    from app.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


# --- feed ---------------------------------------------------------------------------------------

def bench_feed(url: str, members: int, shifts: int, requests: int) -> None:
    from sqlalchemy import text

    from app.auth.tokens import encode_access_token
    from app.extensions import db
    from certification.models import MemberTag, MemberTier

    app = build_app(url)
    rng = random.Random(7)
    with app.test_request_context():
        boss_a, boss_b = enterprise("feed-a"), enterprise("feed-b")
        ids = make_members(members, languages=("zh", "en"))
        tags = ["ecommerce.after_sales", "telecom.billing", "finance.callback", "general.service"]
        db.session.execute(MemberTag.__table__.insert(), [
            {"member_id": uid, "tag": tag, "score": rng.randint(20, 99), "reasons": [],
             "computed_at": datetime.now(UTC)} for uid in ids for tag in rng.sample(tags, 2)])
        db.session.execute(MemberTier.__table__.insert(), [
            {"member_id": uid, "tier": rng.choice(["bronze", "silver", "gold"]), "score": 50,
             "computed_at": datetime.now(UTC)} for uid in ids])
        db.session.commit()
        per_campaign = 48
        start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
        made = 0
        index = 0
        while made < shifts:
            boss = boss_a if index % 2 else boss_b
            requirement = rng.choice([{}, {"tags": {rng.choice(tags): 40}}, {"min_tier": "silver"},
                                      {"languages": ["zh"]}, {"tags": {rng.choice(tags): 70}, "min_tier": "gold"}])
            published_campaign(boss, start=start + timedelta(hours=index), intervals=min(per_campaign, shifts - made),
                               requirements=requirement, industry=rng.choice(["ecommerce", "telecom", "finance"]))
            made += min(per_campaign, shifts - made)
            index += 1
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        tokens = [encode_access_token(uid, timedelta(hours=1))[0] for uid in rng.sample(ids, min(requests, len(ids)))]
    client = app.test_client()
    client.get("/api/v1/feed", headers={"Authorization": f"Bearer {tokens[0]}"})  # warm up
    timings = []
    sizes = []
    for token in tokens:
        began = time.perf_counter()
        response = client.get("/api/v1/feed", headers={"Authorization": f"Bearer {token}"})
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.json
        sizes.append(len(response.json["items"]))
    with app.app_context():
        conn = db.session.connection()
        base = []
        for uid in ids[:requests]:
            began = time.perf_counter()
            conn.execute(text("SELECT id, email FROM users WHERE id = :id"), {"id": uid}).first()
            base.append((time.perf_counter() - began) * 1000)
        db.session.remove()
    db_engine_dispose(app)
    p50, p95 = statistics.median(timings), statistics.quantiles(timings, n=20)[18]
    base50 = statistics.median(base)
    print(f"feed: {members:,} members, {shifts:,} open shifts ({index} campaigns), {len(tokens)} requests, "
          f"{statistics.mean(sizes):.1f} items a page")
    print(f"  GET /api/v1/feed p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < 50 ms) vs a primary-key "
          f"SELECT p50 {base50:.2f} ms: ratio {p50 / base50:.0f}x")


# --- staffing -----------------------------------------------------------------------------------

def bench_staffing(repeats: int = 5) -> None:
    from marketplace.staffing import erlang as staffing

    forecast = [staffing.Forecast(calls=50 + (i * 131) % 2000, interval_minutes=15, aht_seconds=240)
                for i in range(7 * 96)]
    best = float("inf")
    answers = []
    for _ in range(repeats):
        staffing.required_agents.cache_clear()  # computed, not remembered
        began = time.perf_counter()
        answers = [staffing.required_agents(f) for f in forecast]
        best = min(best, time.perf_counter() - began)
    began = time.perf_counter()
    for f in forecast:
        staffing.required_agents(f)
    remembered = time.perf_counter() - began
    base = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        for f, answer in zip(forecast, answers, strict=True):
            staffing.erlang_c_measures(answer.agents, f)
        base = min(base, time.perf_counter() - began)
    patient = [staffing.Forecast(calls=f.calls, interval_minutes=15, aht_seconds=240, patience_seconds=90)
               for f in forecast]
    staffing.required_agents.cache_clear()
    began = time.perf_counter()
    for f in patient:
        staffing.required_agents(f)
    erlang_a = time.perf_counter() - began
    print(f"staffing: 7 days x 96 intervals, peak {max(a.agents for a in answers)} agents: Erlang C plan "
          f"{best * 1000:.1f} ms (target < 100 ms) vs one evaluation per interval {base * 1000:.2f} ms: "
          f"ratio {best / base:.1f}x; the same plan again (remembered) {remembered * 1000:.1f} ms; "
          f"Erlang A plan {erlang_a * 1000:.0f} ms")


def main() -> None:
    global PROCESSES
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=["claims", "feed", "staffing"])
    parser.add_argument("--workers", type=int, help=f"web worker processes for the claims (default {PROCESSES})")
    args = parser.parse_args()
    if args.workers:
        PROCESSES = args.workers
    url = os.environ.get("DATABASE_URL")
    if args.only in (None, "staffing"):
        bench_staffing()
    if not url or not url.startswith(("postgres://", "postgresql")):
        print("claims and feed: skipped (set DATABASE_URL to a PostgreSQL server)")
        return
    if args.only in (None, "claims"):
        claimers, seats = (200, 20) if args.quick else (1000, 100)
        bench_claims(migrated(scratch_database(url, "market_claims")), claimers, seats)
    if args.only in (None, "feed"):
        members, shifts, requests = (3000, 500, 100) if args.quick else (60_000, 5000, 400)
        bench_feed(migrated(scratch_database(url, "market_feed")), members, shifts, requests)


if __name__ == "__main__":
    main()
