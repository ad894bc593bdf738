"""What quality does when telephony reports a finished call: the scoring job is queued (after the
commit, on the ``qa`` queue), so the payout gate decides within a minute of the call."""

from __future__ import annotations

from app import events
from app.jobs import enqueue


def _score_completed(sender, interaction_id, member_id=None, disposition=None, **_payload) -> None:
    if member_id is None or disposition is None:  # nobody handled it, or nothing was paid for it
        return
    enqueue("quality.tasks.score_interaction", interaction_id, description="QA scoring")


def connect() -> None:
    events.interaction_completed.connect(_score_completed)
