"""A campaign's QA policy, read from its settings: the score thresholds, the review window, whether
a suspicion of rudeness holds a call for a person, and the dispute window."""

from __future__ import annotations

from datetime import timedelta

from telephony.campaigns import Campaign

DEFAULT_REVIEW_WINDOW_HOURS = 72  # a call in review nobody reviews is approved after this (MTurk's auto-approval)
DISPUTE_WINDOW = timedelta(days=7)


def thresholds(found: Campaign) -> dict:
    """``{"approve": N, "review": M}``: approve at N or above, review from M, reject below M."""
    return {"approve": found.qa_auto_approve, "review": found.qa_review_from}


def review_window(found: Campaign) -> timedelta:
    hours = (found.settings or {}).get("qa_review_window_hours")
    if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= 24 * 30:
        hours = DEFAULT_REVIEW_WINDOW_HOURS
    return timedelta(hours=hours)


def review_suspected(found: Campaign) -> bool:
    """Whether a call the scorer would approve while suspecting a rude sentence goes to a person
    instead (``qa_review_suspected``, default false: the decision follows the score alone)."""
    return (found.settings or {}).get("qa_review_suspected") is True
