"""Every signal of app/events.py becomes a ledger entry, in the transaction of the change it records."""

from __future__ import annotations

import logging

import redis
from flask import current_app

from app import events
from app.database import after_commit_once
from app.extensions import redis_store
from app.jobs import get_queue
from ledger import services, tasks

logger = logging.getLogger(__name__)

_connected: list = []


def connect() -> None:
    if _connected:
        return
    for name, signal in events.all_signals().items():
        def _record_entry(sender, _kind=name, **payload):
            services.record(_kind, sender if isinstance(sender, str) else str(sender), payload)
            after_commit_once(_schedule_integration)  # one sequencer nudge per transaction

        signal.connect(_record_entry, weak=False)
        _connected.append((signal, _record_entry))


def _schedule_integration() -> None:
    """One integration job at a time is enough: it takes everything queued when it runs.

    This runs after the change has committed with its entry, so a Redis outage must not turn it
    into an error: the entry waits in the outbox for the next nudge or the periodic sweep."""
    inline = current_app.config.get("RQ_INLINE")
    try:
        if not inline and not redis_store.connection.set("crowdline:ledger:integrate-queued", "1", nx=True, ex=2):
            return
        get_queue("ledger").enqueue(tasks.integrate, job_timeout=tasks.integrate.timeout,
                                    retry=tasks.integrate.retry)
    except redis.RedisError as exc:
        logger.warning("Ledger entries wait for the periodic sweep (Redis unavailable): %s", exc)
