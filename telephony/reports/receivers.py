"""The report aggregates follow every change of an interaction, its QA decision and its CSAT
score, in the transaction of the change."""

from __future__ import annotations

from app import events
from telephony.reports import services


def _apply_interaction(sender, interaction_id, **_payload) -> None:
    services.apply_interaction(interaction_id)


def _record_qa(sender, interaction_id, score=None, decision=None, **_payload) -> None:
    services.record_qa(interaction_id, score, decision)


def _record_csat(sender, interaction_id, score, **_payload) -> None:
    services.record_csat(interaction_id, score)


def connect() -> None:
    for signal in (events.interaction_started, events.interaction_answered, events.interaction_completed,
                   events.interaction_abandoned):
        signal.connect(_apply_interaction)
    events.qa_decided.connect(_record_qa)
    events.qa_reviewed.connect(_record_qa)
    events.csat_recorded.connect(_record_csat)
