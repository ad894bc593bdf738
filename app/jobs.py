"""Background jobs on RQ: named queues, jobs that take ids, report progress and are safe to run twice.

A job is a module-level function decorated with ``@job("queue")``. It runs in its own app
context and unit of work: the job commits at its end (its edge) or rolls back on error.

``enqueue(job, *ids, owner_id=...)`` is called inside a request's transaction; the job is put on
the queue only after that transaction commits (so a worker never sees rows that do not exist
yet, and a rolled-back request enqueues nothing). It returns the job id at once, so the caller
can show progress at ``GET /api/v1/jobs/<id>``.

A service names the job it wants by its dotted path (``enqueue("certification.tasks.recompute_member_tags",
member_id)``) instead of importing its package's ``tasks`` module: tasks import services, so a
service importing tasks would close an import cycle.

With ``RQ_INLINE`` (tests without Redis) jobs run in the caller's process right after commit.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from importlib import import_module

import redis
from flask import current_app, has_app_context
from flask_babel import gettext as _
from rq import Queue, Retry, SimpleWorker
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app import events
from app.config import QUEUES
from app.database import after_commit, commit, on_postgresql, rollback
from app.errors import NotFound, ValidationError
from app.extensions import db, redis_store
from app.job_outbox import OutboxJob
from app.pii import mask_personal_numbers
from app.timeutil import utcnow

logger = logging.getLogger(__name__)


# Every declared job by its dotted path (``package.tasks.function``), filled by ``@job``.
REGISTRY: dict[str, Callable] = {}


def get_queue(name: str) -> Queue:
    if name not in current_app.config["RQ_QUEUES"]:
        raise ValueError(f"unknown queue: {name}")
    return Queue(name, connection=redis_store.connection, is_async=not current_app.config["RQ_INLINE"])


def job(queue: str = "default", *, retry: Retry | None = None, timeout: int = 600,
        swept_by: str | None = None) -> Callable:
    """Declare a job function: its queue, its retry policy and its time limit.

    ``swept_by`` names the periodic job that finishes this job's work when a run of it dies (a
    worker killed mid-job); a job that could not be queued at all waits in the outbox instead."""
    if queue not in QUEUES:
        raise ValueError(f"unknown queue: {queue}")

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def run(*args, **kwargs):
            if not has_app_context():  # a worker started without `flask worker`
                from app import create_app

                app = create_app()
            else:
                app = current_app._get_current_object()
            with app.app_context():  # a fresh session: the job's own unit of work
                try:
                    result = fn(*args, **kwargs)
                    commit()
                except Exception:
                    rollback()
                    raise
            return result

        run.queue_name = queue
        run.retry = retry
        run.timeout = timeout
        run.swept_by = swept_by
        run.job_name = f"{fn.__module__}.{fn.__qualname__}"
        REGISTRY[run.job_name] = run
        return run

    return decorate


def _meta(owner_id: int | None, description: str | None) -> dict:
    return {"owner_id": owner_id, "description": description, "progress": {"done": 0, "total": None, "message": ""}}


def registered(name: str) -> Callable:
    """The job declared at the dotted path ``name``, loading its module on first use."""
    if name not in REGISTRY:
        module, _, _function = name.rpartition(".")
        try:
            import_module(module)
        except ImportError as exc:
            raise LookupError(f"unknown job: {name}") from exc
    try:
        return REGISTRY[name]
    except KeyError:
        raise LookupError(f"unknown job: {name} (not declared with @job)") from None


def enqueue(job_or_name: Callable | str, *args, owner_id: int | None = None, description: str | None = None,
            **kwargs) -> str:
    """Queue the job (a ``@job`` function or its dotted path) with ``*args, **kwargs`` once the current
    transaction commits; return its job id.

    The job is a row of the current transaction (the outbox): it is handed to its queue right after the
    commit, or by the relay later if Redis cannot take it then. Arguments are ids and plain values."""
    fn = registered(job_or_name) if isinstance(job_or_name, str) else job_or_name
    job_id = uuid.uuid4().hex
    db.session.add(OutboxJob(job_id=job_id, name=fn.job_name, args=list(args), kwargs=kwargs,
                             owner_id=owner_id, description=description))
    after_commit(lambda: _hand_over(job_id))
    return job_id


def _put(fn: Callable, job_id: str, args, kwargs: dict, owner_id: int | None, description: str | None) -> None:
    get_queue(fn.queue_name).enqueue(
        fn, *args, job_id=job_id, retry=fn.retry, job_timeout=fn.timeout,
        meta=_meta(owner_id, description), description=description, **kwargs,
    )


def _hand_over(job_id: str) -> None:
    """After the commit: queue the outbox row's job and delete the row. When Redis or the database
    fails here, the row is left to the relay and the failure only logged: the change has committed and
    must not answer an error. With ``RQ_INLINE`` the job runs right here; if it raises, it has run and
    failed as a worker's job would, so its row goes and the error reaches the caller."""
    session = db.session
    try:
        row = session.scalar(select(OutboxJob).where(OutboxJob.job_id == job_id))
        if row is None:  # the relay was faster
            return
        _put(registered(row.name), row.job_id, row.args, row.kwargs, row.owner_id, row.description)
    except (redis.RedisError, SQLAlchemyError) as exc:
        session.rollback()
        logger.warning("Job %s waits in the outbox for the relay: %s", job_id, exc)
        return
    except Exception:
        if current_app.config["RQ_INLINE"]:
            _forget(row)
        raise
    _forget(row)


def _forget(row: OutboxJob) -> None:
    """Delete a handed-over row (in a short transaction of its own, after the change's commit)."""
    session = db.session
    try:
        session.delete(row)
        session.commit()
    except SQLAlchemyError as exc:  # the relay will find the job in RQ and only delete the row
        session.rollback()
        logger.warning("Outbox row of job %s stays for the relay: %s", row.job_id, exc)


# The relay leaves alone rows younger than this: their own request is still handing them over.
RELAY_GRACE = timedelta(seconds=10)


def relay_outbox(limit: int = 500, now: datetime | None = None) -> int:
    """Hand every waiting outbox job older than ``RELAY_GRACE`` to its queue; return how many.

    Safe with several relays at once (PostgreSQL skips rows another relay holds) and after a crash
    between queuing and deleting (a job RQ already knows is not queued again)."""
    cutoff = (now or utcnow()) - RELAY_GRACE
    query = select(OutboxJob).where(OutboxJob.created_at <= cutoff).order_by(OutboxJob.id).limit(limit)
    if on_postgresql():
        query = query.with_for_update(skip_locked=True)
    relayed = 0
    connection = redis_store.connection
    for row in db.session.scalars(query).all():
        try:
            if not Job.exists(row.job_id, connection=connection):
                _put(registered(row.name), row.job_id, row.args, row.kwargs, row.owner_id, row.description)
        except LookupError as exc:  # the job was renamed or removed by a later release: keep the row, say why
            row.attempts += 1
            row.last_error = str(exc)[:500]
            logger.error("Outbox job %s cannot be relayed: %s", row.job_id, exc)
            continue
        db.session.delete(row)
        relayed += 1
    commit()
    if relayed:
        logger.info("Relayed %d job(s) from the outbox", relayed)
    return relayed


def report_progress(done: int, total: int | None = None, message: str = "") -> None:
    """Record how far the running job is, for the progress bars in the pages and the API."""
    from rq import get_current_job

    current = get_current_job()
    if current is None:
        return
    current.meta["progress"] = {"done": done, "total": total, "message": message}
    current.save_meta()


def _fetch(job_id: str) -> Job:
    try:
        return Job.fetch(job_id, connection=redis_store.connection)
    except (NoSuchJobError, ValueError) as exc:
        raise NotFound() from exc


def _describe(found: Job, *, with_result: bool) -> dict:
    status = found.get_status(refresh=False)
    status_name = status.value if isinstance(status, JobStatus) else str(status)
    finished = status_name == "finished"
    body = {
        "id": found.id,
        "status": status_name,
        "description": found.meta.get("description"),
        "progress": found.meta.get("progress", {}),
        "result": found.return_value() if finished and with_result else None,
        "result_withheld": finished and not with_result,
        "error": None,
    }
    if status_name == "failed":
        body["error"] = "The job failed; it will be retried if it has retries left."
    return body


def job_progress(job_id: str | None) -> dict | None:
    """``{"status", "progress"}`` of a job for a page that shows its own job's progress (no result,
    no owner check: the page decides who sees it); None when the queue no longer knows the job,
    status ``unknown`` while Redis cannot tell."""
    if not job_id:
        return None
    try:
        found = _fetch(job_id)
    except NotFound:
        return None
    except redis.RedisError:  # unknown for now, not gone
        logger.warning("Progress of job %s unknown: Redis is unavailable", job_id)
        return {"status": "unknown", "progress": {}}
    body = _describe(found, with_result=False)
    return {"status": body["status"], "progress": body["progress"]}


def waiting_in_outbox(job_id: str | None) -> bool:
    """Whether the job is still waiting to be handed to its queue."""
    return bool(job_id) and db.session.scalar(select(OutboxJob.id).where(OutboxJob.job_id == job_id)) is not None


def job_status(job_id: str, *, user_id: int, is_admin: bool = False) -> dict:
    """A job's state and progress, for its owner (or an admin); 404 for anyone else.

    Only the owner gets the result (a member's data export is theirs): an admin looking at someone
    else's job sees its state and progress with ``result_withheld``, and reads the result only
    through ``access_job_result``, which leaves an audit entry."""
    found = _fetch(job_id)
    owner = found.meta.get("owner_id") == user_id
    if not owner and not is_admin:
        raise NotFound()
    return _describe(found, with_result=owner)


def access_job_result(job_id: str, *, actor_id: int, reason: str) -> dict:
    """An admin reads the result of any job, for ``reason``: the access is signalled
    (``job_result_accessed``, hence a ledger entry in the caller's transaction)."""
    reason = mask_personal_numbers(reason.strip())  # the auditors read it: no customer's number in it
    if not reason:
        raise ValidationError(fields={"reason": _("Say why you need to read this result.")})
    found = _fetch(job_id)
    events.send(events.job_result_accessed, "accounts", job_id=found.id, owner_id=found.meta.get("owner_id"),
                actor_id=actor_id, reason=reason)
    logger.info("Job %s result read by admin %s", found.id, actor_id)
    return _describe(found, with_result=True)


def run_worker(queues: list[str], burst: bool = False) -> None:
    """Process jobs in this process (inside the caller's app context) until stopped."""
    connection = redis_store.connection
    worker = SimpleWorker([Queue(name, connection=connection) for name in queues], connection=connection)
    logger.info("Worker listening on %s (%s)", ", ".join(queues), redis_store.url())
    worker.work(burst=burst, with_scheduler=True)
