"""What quality does when telephony reports a finished call: the scoring job is queued (after the
commit, on the ``qa`` queue), so the payout gate decides within a minute of the call; and the
caller's answer to the post-call survey becomes the call's CSAT; a recording that is ready is
transcribed by the configured speech engine when its call has no transcript."""

from __future__ import annotations

import logging

from flask import current_app

from app import events
from app.errors import AppError
from app.jobs import enqueue
from quality.services import csat

logger = logging.getLogger(__name__)


def _score_completed(sender, interaction_id, member_id=None, disposition=None, **_payload) -> None:
    if member_id is None or disposition is None:  # nobody handled it, or nothing was paid for it
        return
    enqueue("quality.tasks.score_interaction", interaction_id, description="QA scoring")


def _transcribe_recording(sender, interaction_id, **_payload) -> None:
    """A recording is ready: the job transcribes it if the call has no transcript and an engine is
    configured (it checks both, so nothing is queued in vain when no engine is set)."""
    if current_app.config.get("QA_SPEECH_ENGINE"):
        enqueue("quality.tasks.transcribe_recording", interaction_id, description="Recording transcription")


def _record_survey_answer(sender, interaction_id, rating, source="keypad", **_payload) -> None:
    try:
        csat.record_csat(interaction_id, rating, source)
    except AppError as error:  # rated already (the page and the keypad both), or not a call to rate
        logger.info("Survey answer for interaction %s not kept: %s", interaction_id, error)


def connect() -> None:
    events.interaction_completed.connect(_score_completed)
    events.survey_answered.connect(_record_survey_answer)
    events.recording_ready.connect(_transcribe_recording)
