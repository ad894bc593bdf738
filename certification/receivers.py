"""What certification does when the academy or certification itself reports progress."""

from __future__ import annotations

from app import events
from app.jobs import enqueue
from certification import tasks
from certification.services import grants


def _grant_after_exam(sender, member_id, quiz_id, passed, **_payload) -> None:
    if passed:
        grants.grant_automatically_after_exam(member_id, quiz_id)


def _recompute_tags(sender, member_id, **_payload) -> None:
    enqueue(tasks.recompute_member_tags, member_id, description="skill tags")


def connect() -> None:
    events.attempt_graded.connect(_grant_after_exam)
    # Every input of a member's tags: training, exams and the certifications held.
    for signal in (events.attempt_graded, events.lesson_completed, events.certification_granted,
                   events.certification_renewed, events.certification_revoked, events.certification_expired):
        signal.connect(_recompute_tags)
