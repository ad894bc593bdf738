"""The job outbox: a job asked for inside a transaction is a row of that transaction.

A change and the job that must follow it commit together or not at all. Right after the commit the
job is handed to RQ and its row deleted; when Redis cannot take it then (down, restarting), the row
waits and the scheduler's relay hands it over later. So a committed change never answers an error
because its follow-up work could not be queued, and no follow-up is ever lost.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.database import UTCDateTime
from app.extensions import db
from app.timeutil import utcnow


class OutboxJob(db.Model):
    """A job waiting to be handed to its queue (``name`` is the job's dotted path)."""

    __tablename__ = "job_outbox"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    job_id: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    args: Mapped[list] = mapped_column(JSON, default=list)
    kwargs: Mapped[dict] = mapped_column(JSON, default=dict)
    owner_id: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
