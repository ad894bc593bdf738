"""Benchmark: recompute skill tags and tiers for a crowd of members, and the leaderboard query at that size.

    python bench/certification_tiers.py            # 60,000 members (the largest crowd platform in this field)
    python bench/certification_tiers.py --quick    # 3,000 members

Uses PostgreSQL when DATABASE_URL is set (in a scratch database ``<name>_bench_tiers``), else SQLite.
Each figure is printed next to a baseline measured in the same run:
  * batch recompute (the nightly job's path, 1,000 members per chunk) vs one member at a time (the
    path of the job queued after each change), in members/s;
  * the leaderboards vs a plain aggregation of the whole XP ledger, in milliseconds.
Targets: full recompute under 60 s, leaderboard under 50 ms on PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scratch import scratch_database  # noqa: E402 - bench/ is on the path when run as a script


def populate(count: int, rng: random.Random) -> list[int]:
    """``count`` members with lessons, quiz and exam attempts, XP and some certifications (bulk inserts)."""
    from sqlalchemy import func, insert, select

    from academy.models import Course, LessonCompletion, MemberStats, Quiz, QuizAttempt, XPEntry
    from app.auth.models import RoleGrant, User
    from app.database import on_postgresql
    from app.extensions import db
    from app.timeutil import utcnow
    from certification.models import Certification, CertificationGrant

    now = utcnow()
    start = (db.session.scalar(select(func.max(User.id))) or 0) + 1
    ids = list(range(start, start + count))
    db.session.execute(insert(User), [{"id": i, "email": f"m{i}@bench.test", "name": f"Member {i}",
                                       "password_hash": "x", "timezone": "UTC", "is_active": True,
                                       "created_at": now} for i in ids])
    db.session.execute(insert(RoleGrant), [{"user_id": i, "role": "member", "granted_at": now} for i in ids])
    courses = list(db.session.scalars(select(Course).where(Course.status == "published")))
    quizzes = {q.key: q for q in db.session.scalars(select(Quiz))}
    certs = list(db.session.scalars(select(Certification)))
    completions, attempts, xp, stats, grants = [], [], [], [], []
    for member_id in ids:
        total = 0
        for course in courses:
            done = rng.randint(0, len(course.lessons))
            for lesson in course.lessons[:done]:
                completions.append({"member_id": member_id, "lesson_id": lesson.id, "course_key": course.key,
                                    "lesson_key": lesson.key, "completed_at": now})
                xp.append({"member_id": member_id, "source_key": f"lesson:{course.key}:{lesson.key}",
                           "reason": "lesson",
                           "industry": course.industry, "amount": 10,
                           "created_at": now - timedelta(days=rng.randint(0, 60))})
                total += 10
            quiz = quizzes.get(course.key)
            if quiz and done == len(course.lessons):
                score = rng.choice([0.5, 0.75, 1.0])
                attempts.append({"quiz_id": quiz.id, "course_id": course.id, "member_id": member_id,
                                 "status": "graded", "questions": [], "answers": {}, "started_at": now,
                                 "deadline_at": now, "submitted_at": now, "score": score,
                                 "passed": score >= quiz.pass_mark, "xp_awarded": 0, "correct": 0})
        for cert in certs:
            if cert.exam_quiz_id and rng.random() < 0.4:
                score = rng.choice([0.6, 0.8, 0.9, 1.0])
                attempts.append({"quiz_id": cert.exam_quiz_id, "course_id": courses[0].id, "member_id": member_id,
                                 "status": "graded", "questions": [], "answers": {}, "started_at": now,
                                 "deadline_at": now, "submitted_at": now, "score": score, "passed": score >= 0.8,
                                 "xp_awarded": 0, "correct": 0})
                if score >= 0.8 and rng.random() < 0.6:
                    grants.append({"certification_id": cert.id, "member_id": member_id,
                                   "status": rng.choice(["active", "active", "expired"]),
                                   "credential_id": f"{member_id:012d}-{cert.id:04d}-bench", "granted_at": now,
                                   "expires_at": now + timedelta(days=cert.valid_days), "exam_score": score})
        stats.append({"member_id": member_id, "xp": total, "level": 1, "longest_streak": 0, "updated_at": now})
    for table, rows in ((LessonCompletion, completions), (QuizAttempt, attempts), (XPEntry, xp),
                        (MemberStats, stats), (CertificationGrant, grants)):
        for chunk in range(0, len(rows), 20000):
            db.session.execute(insert(table), rows[chunk:chunk + 20000])
    db.session.commit()
    if on_postgresql(db.engine):
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    return ids


def timed(fn, repeat: int = 5) -> float:
    """Best of ``repeat`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - began)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3,000 members instead of 60,000")
    parser.add_argument("--members", type=int, default=None)
    args = parser.parse_args()
    count = args.members or (3000 if args.quick else 60000)

    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from academy import content, services
    from academy.models import XPEntry
    from app import create_app
    from app.extensions import db
    from certification import services as cert_services
    from certification.tasks import CHUNK

    uri = scratch_database(os.environ.get("DATABASE_URL"), "tiers")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": uri, "RQ_INLINE": True,
                      "INSTANCE_PATH": tempfile.mkdtemp(prefix="bench-tiers-instance-")})
    folder = content.CONTENT_DIR if (content.CONTENT_DIR / "courses").exists() else \
        ROOT / "tests" / "academy" / "fixtures"
    with app.app_context():
        upgrade(revision="heads")
        import json

        services.load_directory(folder)
        for doc in json.loads((folder / "certifications.json").read_text(encoding="utf-8")):
            cert_services.load_definition(doc)
        db.session.commit()
        began = time.perf_counter()
        ids = populate(count, random.Random(7))
        print(f"{db.engine.dialect.name}: {count:,} members loaded in {time.perf_counter() - began:.1f} s "
              f"({db.session.scalar(select(func.count()).select_from(XPEntry)):,} XP entries)")

        sample = ids[: min(500, len(ids))]
        began = time.perf_counter()
        for member_id in sample:
            cert_services.recompute_tags([member_id])
            db.session.commit()
        single_rate = len(sample) / (time.perf_counter() - began)

        began = time.perf_counter()
        for start in range(0, len(ids), CHUNK):
            cert_services.recompute_tags(ids[start:start + CHUNK])
            db.session.commit()
        batch_seconds = time.perf_counter() - began
        batch_rate = len(ids) / batch_seconds
        print(f"recompute tags+tiers: {batch_rate:,.0f} members/s ({batch_seconds:.1f} s for {count:,}; "
              f"target < 60 s) vs one at a time {single_rate:,.0f} members/s → {batch_rate / single_rate:.1f}×")

        def ledger_aggregate():
            total = func.sum(XPEntry.amount)
            db.session.execute(select(XPEntry.member_id, total).group_by(XPEntry.member_id)
                               .order_by(total.desc()).limit(20)).all()

        baseline = timed(ledger_aggregate)
        for period, industry in (("week", None), ("month", None), ("all", None), ("week", "ecommerce")):
            took = timed(lambda p=period, i=industry: services.leaderboard(p, i, 20))
            label = f"{period}{'/' + industry if industry else ''}"
            print(f"leaderboard {label:<15} {took:7.2f} ms (target < 50 ms) vs whole-ledger aggregate "
                  f"{baseline:7.2f} ms → {baseline / took:.1f}× faster")
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main()
