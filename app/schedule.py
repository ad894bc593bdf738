"""Periodic jobs, in one table.

A domain adds its periodic jobs in its ``init_app`` with ``register_periodic(name, job_fn, every)``.
``enqueue_due()`` puts each job on its queue once per period: the period's slot is claimed with a
Redis ``SET NX``, so any number of schedulers (one per worker machine, say) enqueue it once.
``flask --app wsgi scheduler`` runs the loop, which also relays the job outbox (see app.jobs);
``flask --app wsgi serve`` runs it in a thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.extensions import redis_store
from app.jobs import get_queue, relay_outbox
from app.timeutil import utcnow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    name: str
    func: Callable
    every: timedelta
    args: tuple = field(default_factory=tuple)


SCHEDULE: dict[str, Periodic] = {}


def register_periodic(name: str, func: Callable, every: timedelta, *args) -> None:
    """Run the ``@job`` function ``func(*args)`` every ``every`` (the first run at the next slot)."""
    if every.total_seconds() < 1:
        raise ValueError("a period shorter than a second")
    SCHEDULE[name] = Periodic(name, func, every, args)


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueue every periodic job whose current slot has not been enqueued yet; return their names."""
    now = now or utcnow()
    enqueued = []
    for periodic in SCHEDULE.values():
        seconds = int(periodic.every.total_seconds())
        slot = int(now.timestamp()) // seconds
        key = f"crowdline:periodic:{periodic.name}:{slot}"
        if redis_store.connection.set(key, now.isoformat(), nx=True, ex=seconds * 2):
            get_queue(periodic.func.queue_name).enqueue(
                periodic.func, *periodic.args, job_id=f"periodic-{periodic.name}-{slot}",
                retry=periodic.func.retry, job_timeout=periodic.func.timeout,
                meta={"owner_id": None, "description": periodic.name, "progress": {}},
            )
            enqueued.append(periodic.name)
    return enqueued


def run_scheduler(app, poll_seconds: float = 30.0, stop: threading.Event | None = None) -> None:
    """Enqueue due periodic jobs, and relay the job outbox, every ``poll_seconds`` until ``stop`` is set."""
    stop = stop or threading.Event()
    logger.info("Scheduler running %d periodic job(s)", len(SCHEDULE))
    while not stop.is_set():
        with app.app_context():
            try:
                for name in enqueue_due():
                    logger.info("Enqueued periodic job %s", name)
            except Exception:  # a Redis hiccup must not kill the scheduler
                logger.exception("Scheduler pass failed")
            try:
                relay_outbox()
            except Exception:
                logger.exception("Outbox relay failed; it runs again next pass")
        stop.wait(poll_seconds)
        time.sleep(0)
