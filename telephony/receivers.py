"""Telephony's handlers of other domains' signals (local: no commit, no network)."""

from __future__ import annotations

from app import events
from telephony import numbers


def connect() -> None:
    events.campaign_changed.connect(numbers.allocate_on_publish, weak=False)
