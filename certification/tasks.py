"""Certification jobs: a member's tags after an input changed, and the nightly expiry + full recompute."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from rq import Retry
from sqlalchemy import select

from app.auth.models import RoleGrant
from app.database import commit
from app.extensions import db
from app.jobs import job, report_progress
from certification.services import grants, tags

logger = logging.getLogger(__name__)

NIGHTLY = timedelta(days=1)
CHUNK = 1000


@job("default", retry=Retry(max=3, interval=[10, 60, 300]))
def recompute_member_tags(member_id: int) -> int:
    """Recompute one member's skill tags and tier (safe to run twice: it replaces them)."""
    return tags.recompute_tags([member_id])


def member_ids() -> list[int]:
    return list(db.session.scalars(select(RoleGrant.user_id).where(RoleGrant.role == "member")
                                   .order_by(RoleGrant.user_id)))


def recompute_everyone(now: datetime | None = None) -> int:
    """Expire due grants, then recompute every member's tags chunk by chunk, committing each chunk."""
    expired = grants.expire_due(now)
    commit()
    ids = member_ids()
    for start in range(0, len(ids), CHUNK):
        tags.recompute_tags(ids[start:start + CHUNK], now)
        commit()
        report_progress(min(start + CHUNK, len(ids)), len(ids), "members recomputed")
    logger.info("Nightly: %s grants expired, %s members recomputed", expired, len(ids))
    return len(ids)


@job("default", timeout=3600)
def nightly() -> int:
    """The nightly batch: expire due grants and recompute every member (in the periodic-jobs table)."""
    return recompute_everyone()
