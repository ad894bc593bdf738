"""Settling an interaction's earning on a QA decision, once, and the member's QA average.

Each settlement carries a key of its own, so a retried job or a replayed signal pays nothing
twice: approve → ``interaction:{id}:qa-approve`` (pending → available, less the campaign's
platform fee); reject → ``interaction:{id}:qa-reverse`` (back to the campaign's escrow); an
upheld dispute of a rejected call → ``interaction:{id}:qa-reinstate`` (escrow → available, less
the fee). ``review`` leaves the earning pending."""

from __future__ import annotations

import logging

from sqlalchemy import select

from app.extensions import db
from marketplace.members.profiles import locked_profile
from marketplace.models import Campaign
from payouts import services as money
from payouts.models import Transfer

logger = logging.getLogger(__name__)


def approve_key(interaction_id: int) -> str:
    return f"interaction:{interaction_id}:qa-approve"


def reverse_key(interaction_id: int) -> str:
    return f"interaction:{interaction_id}:qa-reverse"


def reinstate_key(interaction_id: int) -> str:
    return f"interaction:{interaction_id}:qa-reinstate"


def _transfers(interaction_id: int) -> dict[str, Transfer]:
    rows = db.session.scalars(select(Transfer).where(Transfer.interaction_id == interaction_id)
                              .order_by(Transfer.id)).all()
    found: dict[str, Transfer] = {}
    for row in rows:
        found.setdefault(row.reason, row)
    return found


def settle_earning(interaction_id: int, decision: str) -> Transfer | None:
    """Settle the interaction's earning as QA decided; None when there is nothing (more) to do:
    no earning accrued (nothing paid, or the escrow was short), a ``review`` decision, or a
    settlement that already says the same thing."""
    if decision not in ("approve", "reject"):
        return None
    transfers = _transfers(interaction_id)
    accrual = transfers.get("earning_accrued")
    if accrual is None:
        return None
    approved, reversed_ = transfers.get("earning_approved"), transfers.get("earning_reversed")
    reinstated = transfers.get("earning_reinstated")
    campaign = db.session.get(Campaign, accrual.campaign_id) if accrual.campaign_id else None
    fee_bps = campaign.platform_fee_bps if campaign is not None else None
    if decision == "approve":
        if approved is not None or reinstated is not None:
            return None
        if reversed_ is not None:
            transfer = money.reinstate_earning(interaction_id, reinstate_key(interaction_id), fee_bps=fee_bps)
        else:
            transfer = money.approve_earning(interaction_id, approve_key(interaction_id), fee_bps=fee_bps)
    else:
        if reversed_ is not None:
            return None
        if approved is not None or reinstated is not None:  # paid out already: a later reject cannot claw it back
            logger.warning("Interaction %s rejected after its earning was approved; left as paid", interaction_id)
            return None
        transfer = money.reverse_earning(interaction_id, reverse_key(interaction_id))
    logger.info("Interaction %s: earning settled (%s)", interaction_id, decision)
    return transfer


def record_qa_score(member_id: int | None, score: int | None, previous: int | None = None) -> None:
    """Fold a call's score into the member's QA average; with ``previous``, replace that score
    (a review or a dispute corrected it)."""
    if member_id is None or score is None:
        return
    profile = locked_profile(member_id)
    count, average = profile.qa_count or 0, profile.qa_average
    if previous is not None and count > 0 and average is not None:
        profile.qa_average = round(average + (score - previous) / count, 2)
    else:
        profile.qa_average = round(((average or 0) * count + score) / (count + 1), 2)
        profile.qa_count = count + 1
    db.session.flush()
