"""A member's work quality as certification knows it: each call's QA score and decision and the
customer's rating, learned from quality's signals (certification may not read quality's tables),
and the figures the skill tags read from them.

One row per call (``WorkScore``), written with an upsert keyed by the interaction: a replayed
signal writes the same values again, so it counts once; a review, a rescoring or an upheld
dispute replaces the call's score and decision, so a corrected call is corrected, never counted
twice. A signal older than the one already applied to the call changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, or_, select

from app.database import insert
from app.extensions import db
from app.timeutil import as_utc, utcnow
from certification import tiers
from certification.models import WorkScore

DECIDED = ("approve", "reject")  # a call in review is not decided yet


def signal_time(occurred_at) -> datetime:
    """When a signal was sent (its ``occurred_at``), or now when it does not say."""
    if isinstance(occurred_at, datetime):
        return as_utc(occurred_at)
    try:
        return as_utc(datetime.fromisoformat(str(occurred_at)))
    except (TypeError, ValueError):
        return utcnow()


def record_qa(interaction_id: int, member_id: int | None, score: int | None, decision: str | None,
              occurred_at=None) -> bool:
    """The call's QA score and decision as they stand now; whether the row changed (False: no
    member, an unknown decision, or an older signal than the one applied already)."""
    if member_id is None or decision not in ("approve", "review", "reject"):
        return False
    if score is not None and (isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100):
        return False
    at = signal_time(occurred_at)
    decided_at = at if decision in DECIDED else None
    stmt = insert(WorkScore).values(interaction_id=interaction_id, member_id=member_id, qa_score=score,
                                    qa_decision=decision, qa_decided_at=decided_at, qa_signal_at=at,
                                    updated_at=utcnow())
    table = WorkScore.__table__.c
    stmt = stmt.on_conflict_do_update(
        index_elements=[WorkScore.interaction_id],
        set_={"qa_score": stmt.excluded.qa_score, "qa_decision": stmt.excluded.qa_decision,
              # A call keeps its place among the member's calls when a review or a dispute corrects it.
              "qa_decided_at": func.coalesce(table.qa_decided_at, stmt.excluded.qa_decided_at),
              "qa_signal_at": stmt.excluded.qa_signal_at, "updated_at": stmt.excluded.updated_at},
        where=or_(table.qa_signal_at.is_(None), table.qa_signal_at <= stmt.excluded.qa_signal_at))
    return db.session.execute(stmt.returning(WorkScore.interaction_id)).first() is not None


def record_csat(interaction_id: int, member_id: int | None, score: int | None, occurred_at=None) -> bool:
    """The customer's rating of the call (a later rating replaces an earlier one); whether the row changed."""
    if member_id is None or isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        return False
    at = signal_time(occurred_at)
    stmt = insert(WorkScore).values(interaction_id=interaction_id, member_id=member_id, csat_score=score,
                                    csat_at=at, updated_at=utcnow())
    table = WorkScore.__table__.c
    stmt = stmt.on_conflict_do_update(
        index_elements=[WorkScore.interaction_id],
        set_={"csat_score": stmt.excluded.csat_score, "csat_at": stmt.excluded.csat_at,
              "updated_at": stmt.excluded.updated_at},
        where=or_(table.csat_at.is_(None), table.csat_at <= stmt.excluded.csat_at))
    return db.session.execute(stmt.returning(WorkScore.interaction_id)).first() is not None


def _recent(column, order, condition, member_ids: list[int], window: int) -> dict[int, tuple[int, float]]:
    """Per member: how many rows meet ``condition`` and the average of ``column`` over the last ``window``."""
    totals = dict(db.session.execute(select(WorkScore.member_id, func.count()).where(
        WorkScore.member_id.in_(member_ids), condition).group_by(WorkScore.member_id)).all())
    ranked = select(WorkScore.member_id, column.label("value"), func.row_number().over(
        partition_by=WorkScore.member_id, order_by=(order.desc(), WorkScore.interaction_id.desc())).label("n")
    ).where(WorkScore.member_id.in_(member_ids), condition).subquery()
    averages = dict(db.session.execute(select(ranked.c.member_id, func.avg(ranked.c.value)).where(
        ranked.c.n <= window).group_by(ranked.c.member_id)).all())
    return {m: (count, round(float(averages[m]), 2)) for m, count in totals.items() if averages.get(m) is not None}


def figures(member_ids: Iterable[int]) -> dict[int, tiers.WorkQuality]:
    """Each member's work-quality figures (members without calls get empty ones), in four queries."""
    member_ids = list(member_ids)
    qa = _recent(WorkScore.qa_score, WorkScore.qa_decided_at,
                 WorkScore.qa_decision.in_(DECIDED) & WorkScore.qa_score.is_not(None), member_ids, tiers.QA_WINDOW)
    csat = _recent(WorkScore.csat_score, WorkScore.csat_at, WorkScore.csat_score.is_not(None), member_ids,
                   tiers.CSAT_WINDOW)
    found = {}
    for member_id in member_ids:
        qa_calls, qa_average = qa.get(member_id, (0, None))
        ratings, csat_average = csat.get(member_id, (0, None))
        found[member_id] = tiers.WorkQuality(qa_calls, qa_average, ratings, csat_average)
    return found


def member_work_quality(member_id: int) -> dict:
    """The member's figures, their level and the rule, as the tags page and API show them."""
    work = figures([member_id])[member_id]
    updated_at = db.session.scalar(select(func.max(WorkScore.updated_at)).where(WorkScore.member_id == member_id))
    return {"qa_calls": work.qa_calls, "qa_average": work.qa_average, "csat_ratings": work.csat_ratings,
            "csat_average": work.csat_average, "level": work.level(), "updated_at": updated_at,
            "rule": tiers.quality_rule()}
