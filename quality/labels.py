"""Words for the pages: the standard items, decisions, states and the item types of the registry."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

ITEM_LABELS = {
    "greeting": _l("Greeting"), "verification": _l("Identity verification"),
    "disclosure": _l("Recording disclosure"), "empathy": _l("Empathy"),
    "resolution_confirmed": _l("Resolution confirmed"), "closing": _l("Closing"),
    "long_silence": _l("No long silence"), "forbidden_language": _l("No forbidden language"),
    "pii_exposure": _l("No personal data spoken"),
}
DECISION_LABELS = {"approve": _l("Approved"), "review": _l("In review"), "reject": _l("Rejected")}
DISPUTE_LABELS = {"open": _l("Dispute open"), "upheld": _l("Dispute upheld"), "rejected": _l("Dispute rejected")}
AUTO_FAIL_LABELS = {"card": _l("the whole card"), "section": _l("its section")}
SPEAKER_LABELS = {"agent": _l("Agent"), "customer": _l("Customer")}
PROBLEM_LABELS = {
    "no_transcript": _l("The scorer could not judge this call: it has no usable transcript."),
    "machine_transcript": _l("Transcribed by machine from the recording: the words may be wrong. The score and "
                             "evidence are a guide for the reviewer; a person decides this call, not the machine."),
    "speakers_unknown": _l("Transcribed by machine from a recording with one channel: who said what is unknown, so "
                           "the call cannot be scored per speaker. A person decides it."),
    "suspected_rudeness": _l("The scorer would approve this call, but it suspects a sentence of the agent's may be "
                             "rude (marked in the transcript) and is not sure. The campaign asks a person to decide."),
}


def problem_text(code: str | None) -> str:
    """Why the scorer did not decide a call, in words (any transcript it could not read: the first)."""
    return str(PROBLEM_LABELS.get(code or "", PROBLEM_LABELS["no_transcript"]))


def item_label(key: str) -> str:
    return str(ITEM_LABELS.get(key, key.replace("_", " ").capitalize()))
