"""The report aggregates follow every change of an interaction, its QA decision and its CSAT
score, in the transaction of the change.

Each update runs in a savepoint: a failure to update the figures is logged and leaves the call's
own change intact (the call flow never fails for a report), and ``flask telephony reports-rebuild``
brings the figures back in line."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError

from app import events
from app.extensions import db
from telephony.reports import services

logger = logging.getLogger(__name__)


def _safely(update, interaction_id, *args) -> None:
    try:
        with db.session.begin_nested():
            update(interaction_id, *args)
    except SQLAlchemyError:
        logger.exception("Report figures not updated for interaction %s (reports-rebuild repairs them)",
                         interaction_id)


def _apply_interaction(sender, interaction_id, **_payload) -> None:
    _safely(services.apply_interaction, interaction_id)


def _record_qa(sender, interaction_id, score=None, decision=None, **_payload) -> None:
    _safely(services.record_qa, interaction_id, score, decision)


def _record_csat(sender, interaction_id, score, **_payload) -> None:
    _safely(services.record_csat, interaction_id, score)


def connect() -> None:
    for signal in (events.interaction_started, events.interaction_answered, events.interaction_completed,
                   events.interaction_abandoned):
        signal.connect(_apply_interaction)
    events.qa_decided.connect(_record_qa)
    events.qa_reviewed.connect(_record_qa)
    events.csat_recorded.connect(_record_csat)
