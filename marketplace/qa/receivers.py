"""QA's decisions reach the marketplace here: the earning is settled and the QA average follows."""

from __future__ import annotations

from app import events
from marketplace.qa import services


def _settle_after_decision(sender, interaction_id, member_id, score, decision, **_payload) -> None:
    services.record_qa_score(member_id, score)
    services.settle_earning(interaction_id, decision)


def _settle_after_review(sender, interaction_id, score, decision, member_id=None, previous_score=None,
                         **_payload) -> None:
    if score is not None and previous_score is not None and score != previous_score:
        services.record_qa_score(member_id, score, previous_score)
    elif score is not None and previous_score is None:
        services.record_qa_score(member_id, score)
    services.settle_earning(interaction_id, decision)


def _settle_after_dispute(sender, interaction_id, outcome, decision, member_id=None, score=None,
                          previous_score=None, **_payload) -> None:
    if outcome != "upheld":
        return
    _settle_after_review(sender, interaction_id, score, decision, member_id=member_id,
                         previous_score=previous_score)


def connect() -> None:
    events.qa_decided.connect(_settle_after_decision)
    events.qa_reviewed.connect(_settle_after_review)
    events.dispute_resolved.connect(_settle_after_dispute)
