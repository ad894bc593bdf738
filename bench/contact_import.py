"""Benchmark: import a contact list (CSV) into an outbound campaign.

    python bench/contact_import.py            # 1,000,000 rows
    python bench/contact_import.py --quick    # 20,000 rows
    python bench/contact_import.py --rows N

Uses PostgreSQL when DATABASE_URL is set (in a scratch database ``<name>_bench_contacts``), else
SQLite; Redis from REDIS_URL, else an embedded one. The file has a phone, a name and two attribute
columns; about 1% of its rows repeat an earlier number, 1% are invalid, 0.5% are on the
enterprise's Do-Not-Call list, and a few are written as +86 … or with dashes.
Figures, each next to a baseline measured in the same run:
  * the upload check (encoding, line lengths, header) and hand-over to Redis, in MB/s;
  * the import job (``import_contact_list``: stream, normalise to E.164, dedupe, DNC, time zones,
    AES-GCM, masking, bulk insert into the indexed contacts table, progress) in rows/s, vs a bare
    COPY (PostgreSQL) / executemany INSERT (SQLite) of the same number of ready-made rows, in the
    same batches, into a copy of the table without indexes or constraints; target: over 20,000 rows/s.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scratch import scratch_database  # noqa: E402 - bench/ is on the path when run as a script

CITIES = ("上海", "北京", "广州", "深圳", "杭州", "成都", "Wuhan", "Xi'an")
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                   "156", "157", "158", "159", "176", "177", "180", "181", "182", "185", "186", "187", "188", "189",
                   "198", "199")


def write_csv(path: str, rows: int, seed: int = 11) -> list[str]:
    """The benchmark file; returns the numbers meant for the DNC list."""
    rng = random.Random(seed)
    numbers: list[str] = []
    dnc: list[str] = []
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("phone,name,city,order_id\r\n")
        for i in range(rows):
            roll = rng.random()
            if roll < 0.01 and numbers:
                number = rng.choice(numbers)
            elif roll < 0.02:
                number = str(rng.randint(1000, 99999999))  # invalid: too short or not a mobile
            else:
                number = rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99_999_999):08d}"
                if len(numbers) < 200_000:
                    numbers.append(number)
                if roll > 0.995 and len(dnc) < 10_000:
                    dnc.append(number)
            if roll > 0.98:
                number = f"+86 {number[:3]}-{number[3:7]}-{number[7:]}"
            fh.write(f"{number},客户{i},{rng.choice(CITIES)},SO{i:09d}\r\n")
    return dnc


def setup(dnc_numbers: list[str]):
    from flask import current_app

    from app.auth import services as accounts
    from app.database import commit
    from marketplace.campaigns import services
    from marketplace.campaigns.schemas import CampaignIn
    from marketplace.contacts import dnc

    with current_app.test_request_context():
        boss = accounts.register_user(email=f"boss{time.time_ns()}@example.test", password="correct-horse-battery",
                                      name="Bench", role="enterprise", org_name="Bench Org")
        commit()
        data = CampaignIn().load({
            "kind": "outbound", "name": "Bench callbacks", "time_zone": "Asia/Shanghai",
            "starts_at": "2099-12-01T00:00:00+08:00", "ends_at": "2099-12-15T00:00:00+08:00", "currency": "CNY",
            "budget": 100_000, "pay_per_call": 100,
            "outbound": {"purpose": "survey", "script": "Hello", "max_attempts": 3,
                         "dispositions": [{"code": "done", "label": "Done", "outcome": "success"}],
                         "calling_windows": [{"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "20:00"}]}})
        campaign = services.create_campaign(boss.org_id, boss.id, data)
        for start in range(0, len(dnc_numbers), dnc.MAX_NUMBERS):
            dnc.add_numbers(dnc_numbers[start:start + dnc.MAX_NUMBERS], "CN", boss.org_id, boss.id)
        commit()
        return boss.id, campaign.id


def bench_import(path: str, user_id: int, campaign_id: int) -> tuple[float, float, int, dict]:
    """Seconds of the upload check + hand-over, seconds of the import job, rows, the list's counts."""
    from flask import current_app
    from werkzeug.datastructures import FileStorage

    from app.database import commit
    from app.extensions import db
    from marketplace.contacts import lists as contact_lists
    from marketplace.contacts.importer import summary_counts
    from marketplace.contacts.tasks import import_contact_list
    from marketplace.models import Campaign, ContactList

    with current_app.test_request_context(), open(path, "rb") as fh:
        started = time.perf_counter()
        campaign = db.session.get(Campaign, campaign_id)
        contact_list = contact_lists.start_import(campaign, user_id, FileStorage(fh, filename="bench.csv"), "CN")
        list_id = contact_list.id
        commit()
        upload_seconds = time.perf_counter() - started
        db.session.close()  # the job has a session of its own (and SQLite one writer)
    started, cpu = time.perf_counter(), time.process_time()
    import_contact_list(list_id)
    import_seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu
    counts = summary_counts(db.session.get(ContactList, list_id))
    counts["cpu_seconds"] = cpu_seconds
    return upload_seconds, import_seconds, counts["total_rows"], counts


def bench_bare(rows: int, campaign_id: int) -> float:
    """Seconds to bulk insert ``rows`` ready-made contact rows into an unindexed copy of the table."""
    import sqlalchemy as sa

    from app.database import commit
    from app.extensions import db
    from marketplace.contacts.importer import BATCH_ROWS, CONTACT_COLUMNS, _Writer
    from marketplace.models import Contact

    meta = sa.MetaData()
    sa.Table("bench_bare_contacts", meta, *[sa.Column(c.name, c.type) for c in Contact.__table__.columns
                                                   if c.name in CONTACT_COLUMNS])
    meta.create_all(db.session.connection())
    commit()
    ready = []
    for row in db.session.execute(sa.select(*[Contact.__table__.c[name] for name in CONTACT_COLUMNS]).limit(1000)):
        values = list(row)
        values[CONTACT_COLUMNS.index("attributes")] = '{"city":"上海","order_id":"SO000000001"}'  # as the import writes
        ready.append(tuple(values))
    writer = _Writer()
    started = time.perf_counter()
    done = 0
    while done < rows:
        size = min(BATCH_ROWS, rows - done)
        batch = [ready[(done + k) % len(ready)] for k in range(size)]
        writer.write("bench_bare_contacts", CONTACT_COLUMNS, batch)
        done += size
    commit()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20,000 rows, for a smoke run")
    parser.add_argument("--rows", type=int, default=None)
    args = parser.parse_args()
    rows = args.rows or (20_000 if args.quick else 1_000_000)

    from flask_migrate import upgrade

    from app import create_app

    uri = scratch_database(os.environ.get("DATABASE_URL"), "contacts")
    folder = tempfile.mkdtemp(prefix="bench-contacts-")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": uri, "RQ_INLINE": False,
                      "REDIS_URL": os.environ.get("REDIS_URL"), "INSTANCE_PATH": folder,
                      "PASSWORD_HASH_PARAMS": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}})
    path = os.path.join(folder, "contacts.csv")
    started = time.perf_counter()
    dnc_numbers = write_csv(path, rows)
    size = os.path.getsize(path)
    print(f"file: {rows:,} rows, {size / 1e6:.1f} MB (written in {time.perf_counter() - started:.1f} s)")
    with app.app_context():
        upgrade(revision="heads")
        print(f"database: {uri.split('://')[0]}")
        user_id, campaign_id = setup(dnc_numbers)
        upload_s, import_s, total, counts = bench_import(path, user_id, campaign_id)
        print(f"upload check + hand-over to Redis: {upload_s:.2f} s ({size / 1e6 / upload_s:,.0f} MB/s)")
        rate = total / import_s
        print(f"import: {total:,} rows in {import_s:.1f} s -> {counts['accepted']:,} accepted, "
              f"{counts['rejected']:,} rejected, {counts['duplicates']:,} duplicates, "
              f"{counts['dnc_excluded']:,} on DNC")
        bare_s = bench_bare(total, campaign_id)
        bare_rate = total / bare_s
        print(f"  import job  {rate:,.0f} rows/s (target > 20,000); this process used "
              f"{counts['cpu_seconds']:.1f} CPU s ({total / counts['cpu_seconds']:,.0f} rows per CPU second)")
        print(f"  bare {'COPY' if uri.startswith('postgresql') else 'INSERT'}   {bare_rate:,.0f} rows/s "
              "(same number of ready-made rows, same batches, unindexed copy of the table)")
        print(f"  ratio       {rate / bare_rate:.0%} of the bare-insert rate")
        print(f"  peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB (whole process)")


if __name__ == "__main__":
    main()
