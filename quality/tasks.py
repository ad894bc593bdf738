"""QA jobs: scoring a completed interaction (queue ``qa``, within a minute of the call) and the
sweep that approves calls left in review past their window and settles late-accrued earnings."""

from __future__ import annotations

import logging
from datetime import timedelta

from rq import Retry

from app.jobs import job

logger = logging.getLogger(__name__)

SWEEP_EVERY = timedelta(minutes=5)


@job("qa", retry=Retry(max=3, interval=[10, 60, 300]))
def score_interaction(interaction_id: int) -> str | None:
    """Score and decide one interaction. Safe to run twice: the second run finds the stored result
    and sends nothing, so no earning is settled twice."""
    from quality.services import gate

    result = gate.score_interaction(interaction_id)
    return result.decision if result is not None else None


@job("qa", timeout=3600)
def transcribe_recording(interaction_id: int) -> str:
    """Transcribe a call's recording with the configured speech engine and score the call from it
    (see quality.services.speech). Safe to run twice: a call that has a transcript is left alone."""
    from quality.services import speech

    return speech.transcribe_recording(interaction_id)


@job("qa", retry=Retry(max=2, interval=[30, 120]))
def sweep_reviews() -> int:
    """Approve the calls whose review window passed, and settle earnings accrued after their decision."""
    from quality.services import gate

    approved = gate.approve_overdue_reviews()
    settled = gate.settle_stragglers()
    if approved or settled:
        logger.info("QA sweep: %s approved after their review window, %s late earnings settled", approved, settled)
    return approved + settled


@job("qa", timeout=3600)
def rescore_calls(actor_id: int, campaign_id: int, interaction_id: int | None = None, start: str | None = None,
                  end: str | None = None, run_id: int | None = None) -> dict:
    """Rescore a campaign's scored calls (one, or those that ended from ``start`` to ``end``, ISO
    dates) against its current scorecard: how many had each outcome (see quality.services.rescoring).
    A failure rolls the rescoring back and leaves the run (``run_id``) marked failed."""
    from datetime import date

    from app.database import commit, rollback
    from quality.services import rescoring

    try:
        return rescoring.rescore(actor_id, campaign_id, interaction_id, date.fromisoformat(start) if start else None,
                                 date.fromisoformat(end) if end else None, run_id=run_id)
    except Exception as exc:
        rollback()
        if run_id is not None:
            rescoring.record_failure(run_id, exc.__class__.__name__)
            commit()
        raise
