"""An outbound call that nobody answered (busy, no answer, failed, cancelled): the interaction fails
with that reason and the contact's next attempt follows the retry delay for that outcome. Kept apart
from ``answering`` so that the call flow (``telephony.calls``) can hand such calls here."""

from __future__ import annotations

from datetime import datetime

from marketplace.contacts import dialing
from telephony import services
from telephony.models import Interaction

NOT_ANSWERED = {"busy": "busy", "no-answer": "no_answer", "failed": "failed", "canceled": "no_answer"}


def not_answered(interaction: Interaction | None, status: str, at: datetime | None) -> str:
    """The callee's leg ended before anyone answered (busy, no answer, failed, cancelled)."""
    if interaction is None:
        return "unknown_call"
    outcome = NOT_ANSWERED.get(status, "failed")
    before = interaction.state
    services.mark_failed(interaction.id, f"dial_{outcome}", at=at)
    if interaction.contact_id is not None and before != "failed":
        dialing.record_call_outcome(interaction.contact_id, outcome, at)
    return f"dial_{outcome}"
