"""Everything telephony needs of the marketplace goes through here: campaigns and their pay rules
and dispositions, contacts (masked), sealing a caller's number, and who attended which shift."""

from __future__ import annotations

import functools
from datetime import datetime

from sqlalchemy import select

from app.auth.models import User
from app.errors import AppError
from app.extensions import db
from app.pii import mask_digits
from marketplace.contacts.phones import PhoneNormalizer, mask_input
from marketplace.contacts.vault import vault
from marketplace.members import eligibility
from marketplace.models import Campaign, Claim, Contact
from marketplace.shifts.attendance import checked_in_members
from marketplace.shifts.queries import claim_json
from marketplace.staffing.plans import staffing_plan
from telephony.lifecycle import DEFAULT_DISPOSITIONS

__all__ = ["Campaign", "Claim", "attended_claims", "campaign", "checked_in_members", "claim_json", "contact_of",
           "dispositions_of", "member_claims", "member_fit", "missing_in_words", "next_claim", "planned_cost",
           "running_campaigns", "seal_phone"]


def campaign(campaign_id: int) -> Campaign | None:
    return db.session.get(Campaign, campaign_id)


def dispositions_of(found: Campaign) -> list[dict]:
    """The campaign's dispositions (``code``, ``label``, ``outcome``): an outbound campaign's own,
    the defaults for an inbound peak, which defines none."""
    return list((found.settings or {}).get("dispositions") or DEFAULT_DISPOSITIONS)


def planned_cost(found: Campaign) -> int | None:
    """What the campaign's staffing plan estimates it will cost (minor units), or None without a plan."""
    try:
        return staffing_plan(found)["estimated_cost"]
    except (AppError, KeyError, TypeError, ValueError):
        return None


def contact_of(contact_id: int, campaign_id: int) -> Contact | None:
    """The campaign's contact (an outbound callee), or None if it is another campaign's."""
    contact = db.session.get(Contact, contact_id)
    return contact if contact is not None and contact.campaign_id == campaign_id else None


@functools.lru_cache(maxsize=1)
def _normalizer() -> PhoneNormalizer:
    return PhoneNormalizer("CN")


def seal_phone(number: str) -> tuple[str | None, bytes | None, str]:
    """``(hash, ciphertext, masked)`` of a caller's number as the provider gave it (E.164), with the
    contacts' keys (so a caller's hash matches their contact and Do-Not-Call entries) and their mask
    of the national number (``138****5678``). A caller without a valid number (withheld, a SIP or
    client address) keeps no number, only a mask of whatever digits it had."""
    found = _normalizer().normalize(number)
    if isinstance(found, str):
        return None, None, mask_input(number)
    sealer = vault()
    phone_hash = sealer.phone_hash(found.e164)
    return phone_hash, sealer.encrypt(found.e164, phone_hash), mask_digits(found.national)


def attended_claims(ended_after: datetime, ended_by: datetime) -> list[Claim]:
    """Checked-in claims whose shift ended in ``(ended_after, ended_by]``: the shifts to pay by the hour."""
    return list(db.session.scalars(select(Claim).where(
        Claim.state == "checked_in", Claim.ends_at > ended_after, Claim.ends_at <= ended_by).order_by(Claim.id)))


# --- who may take calls: the member's shifts and the campaigns whose requirements they meet --------

ROUTABLE_CAMPAIGN_STATES = ("running",)


def member_claims(member_id: int, now: datetime) -> list[tuple[Claim, Campaign]]:
    """The member's checked-in claims that have not ended, with their campaigns, soonest first."""
    return [tuple(row) for row in db.session.execute(
        select(Claim, Campaign).join(Campaign, Campaign.id == Claim.campaign_id).where(
            Claim.member_id == member_id, Claim.state == "checked_in", Claim.ends_at > now)
        .order_by(Claim.starts_at, Claim.id))]


def next_claim(member_id: int, now: datetime) -> Claim | None:
    """The member's next (or current) shift still to work: claimed or checked in, not ended."""
    return db.session.scalar(select(Claim).where(
        Claim.member_id == member_id, Claim.state.in_(("claimed", "checked_in")), Claim.ends_at > now)
        .order_by(Claim.starts_at, Claim.id).limit(1))


def running_campaigns(now: datetime) -> list[Campaign]:
    """Campaigns taking calls now: running and within their dates."""
    return list(db.session.scalars(select(Campaign).where(
        Campaign.state.in_(ROUTABLE_CAMPAIGN_STATES), Campaign.starts_at <= now, Campaign.ends_at > now)
        .order_by(Campaign.id)))


def member_fit(member_id: int, candidates: list[Campaign]) -> dict[int, tuple[int, list]]:
    """``{campaign_id: (fit 0..100, the requirements the member misses)}`` for each candidate (the
    member's facts are loaded once; requirements are checked in memory)."""
    if not candidates:
        return {}
    facts = eligibility.member_facts(member_id)
    return {found.id: (eligibility.fit(facts, found)[0], eligibility.check(facts, found)) for found in candidates}


def missing_in_words(member_id: int, missing: list) -> str:
    """The first missing requirement, in the member's words (``Needs certification …``)."""
    member = db.session.get(User, member_id)
    return eligibility.explain(member, missing[:1])[0].message if missing and member else ""
