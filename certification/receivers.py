"""What certification does when the academy, certification itself or the work above it reports.

Work quality reaches certification only through quality's signals (it may not read the tables of
quality, telephony or the marketplace): each QA decision, review, rescoring, upheld dispute and
customer rating updates the call's row in ``certification_work_scores``, then the member's tags are
recomputed by the job."""

from __future__ import annotations

from app import events
from app.jobs import enqueue
from certification.services import grants, work_quality

RECOMPUTE = "certification.tasks.recompute_member_tags"  # by its path: tasks import the services


def _grant_after_exam(sender, member_id, quiz_id, passed, **_payload) -> None:
    if passed:
        grants.grant_automatically_after_exam(member_id, quiz_id)


def _recompute_tags(sender, member_id, **_payload) -> None:
    enqueue(RECOMPUTE, member_id, description="skill tags")


def _record_qa_decision(sender, interaction_id, member_id=None, score=None, decision=None, occurred_at=None,
                        **_payload) -> None:
    """``qa_decided`` and ``qa_reviewed``: the call's score and decision now."""
    if work_quality.record_qa(interaction_id, member_id, score, decision, occurred_at):
        enqueue(RECOMPUTE, member_id, description="skill tags")


def _record_rescoring(sender, interaction_id, outcome, member_id=None, score=None, decision=None,
                      occurred_at=None, **_payload) -> None:
    if outcome == "rescored":  # "kept_settled" changed nothing
        _record_qa_decision(sender, interaction_id, member_id, score, decision, occurred_at)


def _record_dispute(sender, interaction_id, outcome, member_id=None, score=None, decision=None,
                    occurred_at=None, **_payload) -> None:
    if outcome == "upheld":  # a rejected dispute leaves the decision as it was
        _record_qa_decision(sender, interaction_id, member_id, score, decision, occurred_at)


def _record_csat(sender, interaction_id, member_id=None, score=None, occurred_at=None, **_payload) -> None:
    if work_quality.record_csat(interaction_id, member_id, score, occurred_at):
        enqueue(RECOMPUTE, member_id, description="skill tags")


def connect() -> None:
    events.attempt_graded.connect(_grant_after_exam)
    # Every input of a member's tags: training, exams and the certifications held …
    for signal in (events.attempt_graded, events.lesson_completed, events.certification_granted,
                   events.certification_renewed, events.certification_revoked, events.certification_expired):
        signal.connect(_recompute_tags)
    # … and the quality of their work.
    events.qa_decided.connect(_record_qa_decision)
    events.qa_reviewed.connect(_record_qa_decision)
    events.qa_rescored.connect(_record_rescoring)
    events.dispute_resolved.connect(_record_dispute)
    events.csat_recorded.connect(_record_csat)
