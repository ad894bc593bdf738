"""The named domain signals: how a package reacts to work done above it without importing it.

Every signal is sent with ``sender`` = the name of the sending domain (``"accounts"``,
``"academy"``, …) and keyword arguments that are plain ids and values (never ORM objects, never
personal data such as phone numbers or e-mail addresses), so that each one can become an audit
ledger entry as it is.

Receivers run synchronously, inside the sender's database transaction: what they write commits
or rolls back with the change that caused it (an outbox). They must not commit, and must not
call the network; work that must happen after commit goes through ``app.database.after_commit``.
Receivers are named ``_verb_noun`` and connected in each domain's ``receivers.py``.

Use ``send(signal, **payload)`` rather than ``signal.send`` so the sender name and the
``occurred_at`` timestamp are always present.
"""

from __future__ import annotations

from blinker import NamedSignal, Namespace

from app.timeutil import isoformat, utcnow

_signals = Namespace()

# --- accounts ---------------------------------------------------------------------------
user_registered = _signals.signal("user_registered", doc="""A user signed up or was created.
kwargs: user_id, role (the first role), org_id (or None), actor_id (None for self sign-up).""")
role_granted = _signals.signal("role_granted", doc="""A role was granted.
kwargs: user_id, role, org_id (enterprise roles) or None, actor_id.""")
role_revoked = _signals.signal("role_revoked", doc="""A role was taken away.
kwargs: user_id, role, org_id or None, actor_id, reason (the admin's words, may be empty).""")
user_suspended = _signals.signal("user_suspended", doc="""An admin suspended an account: its tokens stop working.
kwargs: user_id, actor_id, reason (the admin's words, may be empty).""")
user_reinstated = _signals.signal("user_reinstated", doc="""An admin reinstated a suspended account.
kwargs: user_id, actor_id.""")
job_result_accessed = _signals.signal("job_result_accessed", doc="""An admin read the result of a job that is
not theirs (a member's data export, say): the only way anyone but its owner sees it.
kwargs: job_id, owner_id (None for a job nobody owns), actor_id, reason (the admin's words, required).""")

# --- academy ----------------------------------------------------------------------------
lesson_completed = _signals.signal("lesson_completed", doc="kwargs: member_id, lesson_id, course_id, course_version.")
attempt_graded = _signals.signal("attempt_graded", doc="kwargs: member_id, attempt_id, quiz_id, score, passed.")
xp_awarded = _signals.signal("xp_awarded", doc="kwargs: member_id, amount, reason, source_key, total_xp.")
badge_awarded = _signals.signal("badge_awarded", doc="kwargs: member_id, badge_key.")

# --- certification ----------------------------------------------------------------------
certification_granted = _signals.signal("certification_granted", doc="kwargs: member_id, certification_id, grant_id, expires_at, actor_id.")
certification_renewed = _signals.signal("certification_renewed", doc="kwargs: member_id, certification_id, grant_id, expires_at.")
certification_expired = _signals.signal("certification_expired", doc="kwargs: member_id, certification_id, grant_id.")
certification_revoked = _signals.signal("certification_revoked", doc="kwargs: member_id, certification_id, grant_id, actor_id, reason.")
tags_recomputed = _signals.signal("tags_recomputed", doc="kwargs: member_id, tags ({tag: score}), tier.")

# --- marketplace ------------------------------------------------------------------------
campaign_changed = _signals.signal("campaign_changed", doc="kwargs: campaign_id, org_id, from_state, to_state, actor_id.")
seat_claimed = _signals.signal("seat_claimed", doc="kwargs: claim_id, shift_id, campaign_id, member_id, from_waitlist (the seat came from the waitlist).")
claim_released = _signals.signal("claim_released", doc="""kwargs: claim_id, shift_id, campaign_id, member_id,
late (after the release cut-off), reason ("member" released it | "campaign_closed").""")
claim_no_show = _signals.signal("claim_no_show", doc="kwargs: claim_id, shift_id, campaign_id, member_id.")
shift_checked_in = _signals.signal("shift_checked_in", doc="kwargs: claim_id, shift_id, campaign_id, member_id, late (after the start).")
contacts_imported = _signals.signal("contacts_imported", doc="kwargs: campaign_id, org_id, accepted, rejected, import_id, duplicates, dnc_excluded.")
contact_phone_accessed = _signals.signal("contact_phone_accessed", doc="""A callee's number, or the name and
attribute cells as imported, was decrypted (personal data accessed). kwargs: contact_id, campaign_id, org_id,
purpose (dial: the number | details: the name and attributes), actor_id (None: the dialer).""")
dnc_added = _signals.signal("dnc_added", doc="kwargs: org_id (None = platform list), number_hash, phone_masked (138****5678, never the number), source (upload|opt_out|admin), entry_id, actor_id.")

# --- telephony --------------------------------------------------------------------------
interaction_started = _signals.signal("interaction_started", doc="kwargs: interaction_id, campaign_id, direction.")
interaction_answered = _signals.signal("interaction_answered", doc="kwargs: interaction_id, campaign_id, member_id.")
interaction_completed = _signals.signal("interaction_completed", doc="""A call ended and was dispositioned.
kwargs: interaction_id, campaign_id, member_id, disposition, talk_seconds, handle_seconds, outcome.""")
interaction_abandoned = _signals.signal("interaction_abandoned", doc="kwargs: interaction_id, campaign_id, wait_seconds.")
recording_accessed = _signals.signal("recording_accessed", doc="kwargs: interaction_id, recording_id, actor_id, reason.")
recording_ready = _signals.signal("recording_ready", doc="""A call's recording is complete in the store (the member's
upload reached its last byte, or the provider's media was fetched). kwargs: interaction_id, campaign_id,
recording_id, source (browser: left channel the member, right the customer | provider: first channel the customer,
second the member), channels (as the file announces them).""")
survey_answered = _signals.signal("survey_answered", doc="""The caller answered the post-call survey (the keypad,
or the customer phone page's keys). kwargs: interaction_id, campaign_id, member_id (or None), rating (1 to 5),
source (keypad).""")
interaction_transferred = _signals.signal("interaction_transferred", doc="""A member handed a call over to the
enterprise's escalation line and the enterprise answered. kwargs: interaction_id, campaign_id, member_id,
target (number | sip).""")

# --- quality ----------------------------------------------------------------------------
qa_decided = _signals.signal("qa_decided", doc="""Automatic QA scored an interaction.
kwargs: interaction_id, campaign_id, member_id, score, decision ("approve"|"review"|"reject"),
scorecard_id, scorecard_version.""")
qa_reviewed = _signals.signal("qa_reviewed", doc="""A person (or, with reviewer_id None and kind "auto_window", the
review window) decided a call in review.
kwargs: interaction_id, review_id, reviewer_id, score, decision, previous_score, member_id, campaign_id, kind.""")
qa_rescored = _signals.signal("qa_rescored", doc="""Someone rescored an already-scored call against its campaign's
current scorecard (an audited action). outcome: "rescored" (score, decision and version updated; a changed decision
settled the earning) or "kept_settled" (the decision would change but the earning was already settled: nothing changed).
kwargs: interaction_id, campaign_id, member_id, actor_id, outcome, previous_score, score, previous_decision, decision,
previous_version, scorecard_version.""")
qa_disputed = _signals.signal("qa_disputed", doc="kwargs: interaction_id, dispute_id, member_id.")
dispute_resolved = _signals.signal("dispute_resolved", doc="""kwargs: dispute_id, interaction_id, resolver_id, outcome
("upheld"|"rejected"), decision, score, previous_score, member_id.""")
csat_recorded = _signals.signal("csat_recorded", doc="""A customer rated an interaction (a post-call survey);
a later rating of the same interaction replaces the earlier one in the reports.
kwargs: interaction_id, campaign_id, member_id (or None), score (1 to 5).""")

# --- payouts ----------------------------------------------------------------------------
money_transferred = _signals.signal("money_transferred", doc="""A balanced money transfer was posted.
kwargs: transfer_id, from_account, to_account, amount (minor units), currency, reason, key.""")
payout_requested = _signals.signal("payout_requested", doc="kwargs: payout_id, member_id, amount, currency.")
payout_paid = _signals.signal("payout_paid", doc="""kwargs: payout_id, member_id, amount, currency, provider_ref,
actor_id (the admin who recorded it; None when the provider reported it).""")
payout_failed = _signals.signal("payout_failed", doc="""kwargs: payout_id, member_id, amount, currency, reason,
actor_id (the admin who recorded it; None when the provider reported it).""")


def all_signals() -> dict[str, NamedSignal]:
    """Every signal by name: the ledger subscribes to each of them."""
    return {name: sig for name, sig in _signals.items()}


def send(signal: NamedSignal, sender: str, **payload) -> None:
    """Send ``signal`` from the ``sender`` domain with a payload of plain values."""
    payload.setdefault("occurred_at", isoformat(utcnow()))
    signal.send(sender, **payload)
