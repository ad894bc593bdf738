"""What quality does when telephony reports a finished call: the scoring job is queued (after the
commit, on the ``qa`` queue), so the payout gate decides within a minute of the call; and the
caller's answer to the post-call survey becomes the call's CSAT."""

from __future__ import annotations

import logging

from app import events
from app.errors import AppError
from app.jobs import enqueue
from quality.services import csat

logger = logging.getLogger(__name__)


def _score_completed(sender, interaction_id, member_id=None, disposition=None, **_payload) -> None:
    if member_id is None or disposition is None:  # nobody handled it, or nothing was paid for it
        return
    enqueue("quality.tasks.score_interaction", interaction_id, description="QA scoring")


def _record_survey_answer(sender, interaction_id, rating, source="keypad", **_payload) -> None:
    try:
        csat.record_csat(interaction_id, rating, source)
    except AppError as error:  # rated already (the page and the keypad both), or not a call to rate
        logger.info("Survey answer for interaction %s not kept: %s", interaction_id, error)


def connect() -> None:
    events.interaction_completed.connect(_score_completed)
    events.survey_answered.connect(_record_survey_answer)
