"""The checks made at the moment of dialing — not when the contact was loaded — and the refusal
recorded on the contact when one fails.

``contacts.dialing.dialable`` reads the campaign's state and dates, the enterprise's and the
platform's DNC lists, the contact's state, attempts and retry time, and the calling window in the
callee's own time zone (DST included: the zone's rules, not a fixed offset); the escrow is checked
here (a campaign whose escrow ran out is held from routing, and so from dialing).
"""

from __future__ import annotations

from datetime import datetime

from app.extensions import db
from app.timeutil import as_utc, utcnow
from marketplace.contacts import dialing
from marketplace.models import Contact
from telephony import earnings


def reason_text(reason: str | None) -> str:
    return str(dialing.REFUSAL_REASONS.get(reason or "", reason or ""))


def check(contact_id: int, now: datetime | None = None) -> tuple[bool, str]:
    """May this contact be dialed now? ``(True, "ok")`` or ``(False, reason)``, a key of
    ``contacts.dialing.REFUSAL_REASONS``."""
    now = as_utc(now or utcnow())
    ok, reason = dialing.dialable(contact_id, now)
    if not ok:
        return False, reason
    contact = db.session.get(Contact, contact_id)
    if earnings.campaign_routing_paused(contact.campaign_id):
        return False, "escrow_exhausted"
    return True, "ok"


def check_and_record(contact_id: int, now: datetime | None = None) -> tuple[bool, str]:
    """``check``, and a refusal written on the contact (why, when) when it fails."""
    ok, reason = check(contact_id, now)
    if not ok and reason != "not_found":
        dialing.record_refusal(contact_id, reason, now)
    return ok, reason

