"""Telephony webhooks under load: the local carrier driving calls through gunicorn on PostgreSQL + Redis,
with simulated agents, and the webhooks' latency next to a trivial endpoint's in the same run.

    DATABASE_URL=postgresql://… REDIS_URL=redis://…/N python bench/telephony_webhooks.py   # 100 calls/s, 60 s
    python bench/telephony_webhooks.py --rate 20 --seconds 20 --agents 30                  # a small machine
    python bench/telephony_webhooks.py --rate 20 --seconds 20 --flush-redis                # Redis db not empty

What runs, each in its own process, all started and stopped here: gunicorn (``--workers``, default 4,
sync workers) serving ``wsgi:app``; the local carrier (``python -m telephony.carrier``) posting every
webhook to it over HTTP and logging each one's method, path, status and time as it saw it (its
``--timing-log``); ``flask telephony dispatcher``; ``flask worker``; and ``flask telephony simulate
--url`` placing ``rate × seconds`` calls on the carrier at ``rate`` calls per real second (the
simulator's time compressed ``--speed``-fold: rings, talk, patience, wrap-up) and bringing
``--agents`` simulated members who beat, accept and wrap up over the web API. A thread of this
script requests ``GET /healthz`` (one SELECT 1 and one Redis PING) ``--probe-rate`` times a second
for the whole run: the trivial endpoint's latency under the same load, the baseline. Both are
printed twice: as the caller saw them (the carrier's log, this thread's clock: queueing in front of
gunicorn included, and the carrier's own threads) and as gunicorn measured them (its access log's
``%(M)s``, whole milliseconds: the app's time alone).

On a fresh PostgreSQL database (``<DATABASE_URL's name>_webbench`` on the same server, made with
``flask db upgrade`` + ``flask seed-demo``, dropped at the end) and REDIS_URL's database, which must
be empty (or ``--flush-redis``: it is emptied before and after). Both URLs are required: the point is
the production stack, not the embedded SQLite / in-process default.

Exit 1 when an invariant breaks: a webhook answered non-2xx (or not at all), a call placed without
its interaction or an interaction no call placed, an interaction that earned twice or completed
with a disposition and no earning, ``flask telephony check`` not clean, or ``simulate`` itself
reporting a broken invariant.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEBHOOK_PREFIX = "/telephony/"
DEMO_CAMPAIGN = "Double 11 peak (demo)"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100.0, help="calls placed per real second")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long calls keep arriving")
    parser.add_argument("--agents", type=int, default=50, help="simulated members")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--speed", type=float, default=20.0, help="simulated seconds per real second")
    parser.add_argument("--probe-rate", type=float, default=10.0, help="GET /healthz per second (the baseline)")
    parser.add_argument("--flush-redis", action="store_true", help="empty REDIS_URL's database before and after")
    parser.add_argument("--keep", action="store_true", help="keep the bench's database and logs for a look")
    args = parser.parse_args(argv)
    for name in ("rate", "seconds", "speed", "probe_rate"):
        if getattr(args, name) <= 0:
            parser.error(f"--{name.replace('_', '-')} must be positive")
    if args.agents < 1 or args.workers < 1:
        parser.error("--agents and --workers must be at least 1")
    return args


def required_environment(environ) -> tuple[str, str]:
    """DATABASE_URL and REDIS_URL, or SystemExit saying why both are needed."""
    missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not environ.get(name)]
    if missing:
        raise SystemExit(f"{' and '.join(missing)} not set: this benchmark measures the webhooks on PostgreSQL "
                         "and Redis shared by several gunicorn workers, a dispatcher and a worker; the embedded "
                         "default (SQLite, in-process jobs) cannot be shared between processes.")
    database = environ["DATABASE_URL"]
    if not database.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        raise SystemExit("DATABASE_URL must name a PostgreSQL database (postgresql://…).")
    return database, environ["REDIS_URL"]


def plan(rate: float, seconds: float, speed: float) -> tuple[int, float]:
    """The simulator's ``--calls`` and ``--rate`` (calls per simulated minute) for ``rate`` calls per
    real second during ``seconds`` with time compressed ``speed``-fold."""
    return max(1, round(rate * seconds)), rate * 60.0 / speed


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of ``values``; 0 when there are none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil, at least the first
    return ordered[int(rank) - 1]


@dataclass
class Timings:
    """The carrier's log of its webhook requests: ``method\\tpath\\tstatus\\tms`` lines."""

    millis: list[float] = field(default_factory=list)
    by_path: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, lines, prefix: str = WEBHOOK_PREFIX) -> Timings:
        """The lines whose path starts with ``prefix`` (gunicorn's access log in the same format too)."""
        found = cls()
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or not parts[3].replace(".", "", 1).isdigit():
                continue
            method, path, status, ms = parts
            if not path.startswith(prefix):
                continue
            found.millis.append(float(ms))
            found.by_path[path] = found.by_path.get(path, 0) + 1
            if not 200 <= int(status) < 300:
                found.errors.append(f"{method} {path} answered {status}")
        return found


@dataclass
class Outcome:
    """What the run measured and what it found broken."""

    calls: int
    seconds: float
    webhooks: Timings
    probe_millis: list[float]
    probe_errors: int
    interactions: int
    earnings: int
    problems: list[str] = field(default_factory=list)
    served: Timings | None = None  # gunicorn's own times of the webhooks (no queueing, no carrier)
    served_probe: Timings | None = None  # …and of /healthz

    @staticmethod
    def _row(name: str, millis: list[float], seconds: float, errors: int | str) -> str:
        return (f"{name:26}{len(millis):>10,}{len(millis) / seconds:>8.1f}{percentile(millis, 0.5):>9.1f}"
                f"{percentile(millis, 0.99):>9.1f}{max(millis, default=0):>9.1f}{errors:>8}")

    def lines(self) -> list[str]:
        hooks, probe = self.webhooks.millis, self.probe_millis
        p99, base99 = percentile(hooks, 0.99), percentile(probe, 0.99)
        ratio = p99 / base99 if base99 else float("inf")
        rows = [f"{'':26}{'requests':>10}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}",
                self._row("webhooks, as the carrier", hooks, self.seconds, len(self.webhooks.errors)),
                self._row("GET /healthz, as a client", probe, self.seconds, self.probe_errors)]
        served_ratio = ""
        if self.served is not None and self.served_probe is not None:
            rows += [self._row("webhooks, in gunicorn", self.served.millis, self.seconds, "-"),
                     self._row("GET /healthz, in gunicorn", self.served_probe.millis, self.seconds, "-")]
            inside = percentile(self.served_probe.millis, 0.99)
            if inside:
                served_ratio = f"; in gunicorn {percentile(self.served.millis, 0.99) / inside:.2f}x"
        return [
            *rows,
            f"webhook p99 / healthz p99: {ratio:.2f}x{served_ratio}   (target: webhook p99 under 50 ms; "
            f"Twilio waits 15 s)",
            f"calls placed {self.calls:,}, interactions written {self.interactions:,}, "
            f"earnings accrued {self.earnings:,}",
            "by path: " + ", ".join(f"{path} {n:,}" for path, n in sorted(self.webhooks.by_path.items())),
        ]

    def all_problems(self) -> list[str]:
        found = list(self.problems)
        if self.webhooks.errors:
            found.append(f"{len(self.webhooks.errors)} webhook requests not answered 2xx "
                         f"(first: {self.webhooks.errors[0]})")
        if not self.webhooks.millis:
            found.append("the carrier logged no webhook request")
        if self.interactions != self.calls:
            found.append(f"{self.calls} calls placed but {self.interactions} interactions written")
        return found


# --- the stack -------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def fresh_database(url: str) -> tuple[str, str]:
    """``(admin url, bench url)``: a new, empty database next to ``url``'s (an old one dropped)."""
    import psycopg

    base = urlsplit(url).path.lstrip("/") or "crowdline"
    name = f"{base}_webbench"
    admin = _with_database(url.replace("postgresql+psycopg://", "postgresql://"), "postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return admin, _with_database(url, name)


def drop_database(admin: str, url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Stack:
    """The processes of one run, stopped together (each in its own process group)."""

    def __init__(self, env: dict, logs: Path) -> None:
        self.env, self.logs, self.processes = env, logs, []

    def flask(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *args], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, check=check)

    def start(self, name: str, *command: str) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.processes.append((name, process, log))
        return process

    def stop(self) -> None:
        for _name, process, _log in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _name, process, log in reversed(self.processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            log.close()


def wait_until_up(url: str, seconds: float = 60.0) -> None:
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.25)
    raise SystemExit(f"{url} did not answer within {seconds:g} s (see the logs)")


def probe(url: str, rate: float, stop: threading.Event, millis: list[float], errors: list[int]) -> None:
    """``GET url`` ``rate`` times a second until ``stop``: the baseline's latencies."""
    import requests

    session, interval = requests.Session(), 1.0 / rate
    next_at = time.monotonic()
    while not stop.is_set():
        started = time.perf_counter()
        try:
            ok = session.get(url, timeout=15).status_code == 200
        except requests.RequestException:
            ok = False
        millis.append((time.perf_counter() - started) * 1000)
        if not ok:
            errors.append(1)
        next_at += interval
        stop.wait(max(0.0, next_at - time.monotonic()))


def ledger_problems(database_url: str, campaign_id: int) -> tuple[int, int, list[str]]:
    """``(interactions, earnings, problems)`` of the campaign read straight from the database."""
    import psycopg

    url = database_url.replace("postgresql+psycopg://", "postgresql://")
    problems = []
    with psycopg.connect(url) as connection:
        interactions = connection.execute("SELECT count(*) FROM interactions WHERE campaign_id = %s",
                                          (campaign_id,)).fetchone()[0]
        earnings = connection.execute("SELECT count(*) FROM money_transfers WHERE reason = 'earning_accrued' "
                                      "AND campaign_id = %s", (campaign_id,)).fetchone()[0]
        for interaction_id, count in connection.execute(
                "SELECT interaction_id, count(*) FROM money_transfers WHERE reason = 'earning_accrued' "
                "AND campaign_id = %s GROUP BY interaction_id HAVING count(*) > 1", (campaign_id,)):
            problems.append(f"interaction {interaction_id} earned {count} times")
        for (interaction_id,) in connection.execute(
                "SELECT i.id FROM interactions i WHERE i.campaign_id = %s AND i.state = 'completed' "
                "AND i.member_id IS NOT NULL AND i.disposition IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                "money_transfers t WHERE t.interaction_id = i.id AND t.reason = 'earning_accrued')", (campaign_id,)):
            problems.append(f"interaction {interaction_id} completed with a disposition but earned nothing")
    return interactions, earnings, problems


def demo_campaign(database_url: str) -> int:
    import psycopg

    with psycopg.connect(database_url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        row = connection.execute("SELECT id FROM campaigns WHERE name = %s", (DEMO_CAMPAIGN,)).fetchone()
    if row is None:
        raise SystemExit(f"seed-demo made no campaign named {DEMO_CAMPAIGN!r}")
    return row[0]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    database, redis_url = required_environment(os.environ)
    import redis

    store = redis.Redis.from_url(redis_url)
    if store.dbsize() and not args.flush_redis:
        raise SystemExit(f"Redis database {redis_url} holds {store.dbsize()} keys: give the benchmark an empty "
                         "one, or pass --flush-redis to empty it (before and after the run).")
    store.flushdb()
    calls, sim_rate = plan(args.rate, args.seconds, args.speed)
    web_port, carrier_port = free_port(), free_port()
    web, carrier = f"http://127.0.0.1:{web_port}", f"http://127.0.0.1:{carrier_port}"
    admin, bench_db = fresh_database(database)
    logs = Path(tempfile.mkdtemp(prefix="webbench-"))
    timing, access = logs / "webhooks.tsv", logs / "access.tsv"
    env = {**os.environ, "DATABASE_URL": bench_db, "REDIS_URL": redis_url, "PUBLIC_BASE_URL": web,
           "LOCAL_CARRIER_URL": carrier, "TELEPHONY_PROVIDER": "local",
           "LOGIN_LIMIT_PER_IP": "100000 per minute", "LOGIN_LIMIT_PER_ACCOUNT": "100000 per minute"}
    stack = Stack(env, logs)
    print(f"Telephony webhooks: {args.rate:g} calls/s for {args.seconds:g} s ({calls:,} calls), {args.agents} "
          f"simulated members, gunicorn {args.workers} sync workers, speed x{args.speed:g}, "
          f"/healthz probed {args.probe_rate:g}/s; PostgreSQL {urlsplit(bench_db).path.lstrip('/')}, Redis {redis_url}")
    try:
        stack.flask("db", "upgrade")
        stack.flask("seed-demo")
        campaign = demo_campaign(bench_db)
        stack.start("gunicorn", sys.executable, "-m", "gunicorn", "-w", str(args.workers), "-b",
                    f"127.0.0.1:{web_port}", "--timeout", "60", "--access-logfile", str(access),
                    "--access-logformat", "%(m)s\t%(U)s\t%(s)s\t%(M)s", "wsgi:app")
        stack.start("carrier", sys.executable, "-m", "telephony.carrier", "--port", str(carrier_port),
                    "--webhook-url", web, "--speed", f"{args.speed:g}", "--timing-log", str(timing))
        stack.start("dispatcher", sys.executable, "-m", "flask", "--app", "wsgi", "telephony", "dispatcher")
        stack.start("worker", sys.executable, "-m", "flask", "--app", "wsgi", "worker")
        wait_until_up(web + "/healthz")
        stop, probe_millis, probe_errors = threading.Event(), [], []
        prober = threading.Thread(target=probe, args=(web + "/healthz", args.probe_rate, stop, probe_millis,
                                                      probe_errors), daemon=True)
        began = time.monotonic()
        prober.start()
        simulated = stack.flask("telephony", "simulate", "--campaign", str(campaign), "--calls", str(calls),
                                "--rate", f"{sim_rate:g}", "--agents", str(args.agents), "--speed", f"{args.speed:g}",
                                "--url", web, check=False)
        stop.set()
        prober.join()
        wall = time.monotonic() - began
        print(simulated.stdout.rstrip())
        checked = stack.flask("telephony", "check", check=False)
        interactions, earnings, problems = ledger_problems(bench_db, campaign)
        if simulated.returncode != 0:
            problems.append(f"telephony simulate exited {simulated.returncode}: "
                            f"{(simulated.stderr.strip().splitlines() or ['(see its output above)'])[-1]}")
        if checked.returncode != 0:
            problems.append("flask telephony check: " + "; ".join(checked.stdout.strip().splitlines()[:5]))
        with open(timing, encoding="utf-8") as lines:
            webhooks = Timings.parse(lines)
        with open(access, encoding="utf-8") as lines:
            served_lines = lines.readlines()
        outcome = Outcome(calls=calls, seconds=wall, webhooks=webhooks, probe_millis=probe_millis,
                          probe_errors=len(probe_errors), interactions=interactions, earnings=earnings,
                          problems=problems, served=Timings.parse(served_lines),
                          served_probe=Timings.parse(served_lines, prefix="/healthz"))
        print(f"run: {wall:.1f} s wall (arrivals {args.seconds:g} s, then the last calls drain)")
        for line in outcome.lines():
            print("  " + line)
        broken = outcome.all_problems()
        for problem in broken[:30]:
            print("  ! " + problem)
        print("  invariants         " + ("all held" if not broken else f"{len(broken)} broke (--keep keeps the "
                                                                    "database and the processes' logs)"))
        return 1 if broken else 0
    finally:
        stack.stop()
        if args.keep:
            print(f"kept: database {bench_db}, logs in {logs}")
        else:
            drop_database(admin, bench_db)
            store.flushdb()
            shutil.rmtree(logs, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
