"""Periodic jobs: each enqueued once per period, whoever runs the scheduler."""

from datetime import UTC, datetime, timedelta

import pytest
from rq import Queue

from app import schedule
from app.auth import tasks
from app.extensions import redis_store


@pytest.fixture
def periodic():
    saved = dict(schedule.SCHEDULE)
    schedule.SCHEDULE.clear()
    schedule.register_periodic("test-export", tasks.export_account, timedelta(hours=1), 1)
    yield
    schedule.SCHEDULE.clear()
    schedule.SCHEDULE.update(saved)


def test_a_periodic_job_is_enqueued_once_per_slot(app, periodic):
    with app.app_context():
        app.config["RQ_INLINE"], inline = False, app.config["RQ_INLINE"]
        try:
            at = datetime(2026, 11, 11, 10, 5, tzinfo=UTC)
            assert schedule.enqueue_due(at) == ["test-export"]
            assert schedule.enqueue_due(at + timedelta(minutes=20)) == []  # same hour: a second scheduler
            assert schedule.enqueue_due(at + timedelta(hours=1)) == ["test-export"]
            queue = Queue("default", connection=redis_store.connection)
            assert sorted(queue.job_ids) == sorted(
                [f"periodic-test-export-{int(at.timestamp()) // 3600}",
                 f"periodic-test-export-{int(at.timestamp()) // 3600 + 1}"])
        finally:
            app.config["RQ_INLINE"] = inline


def test_periods_under_a_second_are_refused():
    with pytest.raises(ValueError):
        schedule.register_periodic("x", tasks.export_account, timedelta(milliseconds=10))
