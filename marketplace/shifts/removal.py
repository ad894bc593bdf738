"""Seats the platform takes back: when a member stops meeting a shift's requirements (a certification
revoked or expired, skills recomputed lower) or their account is suspended.

The member loses the upcoming seats they no longer qualify for at no cost to their reliability, is
told why (a notification), and each seat goes to the next member on the shift's waitlist. The claim
stays on the roster as ``bumped`` with its ``removed_reason``, so the enterprise sees what happened.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select

from app.database import after_commit
from app.extensions import db
from app.timeutil import utcnow
from marketplace.members import eligibility
from marketplace.members.profiles import locked_profile
from marketplace.models import Campaign, Claim, Shift
from marketplace.shifts import notices, seat_gate
from marketplace.shifts.claims import fill_from_waitlist, give_back, waitlist_heads

logger = logging.getLogger(__name__)


def remove_seats(member_id: int, reason: str, *, now: datetime | None = None, everything: bool = False,
                 certification: dict | None = None) -> list[Claim]:
    """Take back the member's upcoming seats whose requirements they no longer meet (every upcoming
    seat when ``everything``, as for a suspended account); the claims removed."""
    now = now or utcnow()
    held = list(db.session.scalars(select(Claim).where(
        Claim.member_id == member_id, Claim.state == "claimed", Claim.starts_at > now).order_by(Claim.starts_at)))
    if not held:
        return []
    locked_profile(member_id)
    facts = None if everything else eligibility.member_facts(member_id)
    removed = []
    for claim in held:
        campaign = db.session.get(Campaign, claim.campaign_id)
        if facts is not None and not eligibility.check(facts, campaign):
            continue
        waiting = waitlist_heads(claim.shift_id, 1)
        give_back(claim, now, late=False, reason=reason, state="bumped")
        claim.removed_reason = reason
        notices.seat_removed(claim, campaign, reason, certification)
        fill_from_waitlist(db.session.get(Shift, claim.shift_id), waiting, now)
        shift_id = claim.shift_id
        after_commit(lambda shift_id=shift_id: seat_gate.forget(shift_id))
        removed.append(claim)
        logger.info("Seat of member %s on shift %s taken back: %s", member_id, claim.shift_id, reason)
    return removed
