"""Reads of campaigns and their JSON."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from marketplace.campaigns import funding
from marketplace.campaigns.services import allowed_transitions
from marketplace.models import Campaign
from marketplace.shifts.queries import fill_rate


def campaign_ids_named(text: str, limit: int) -> list[int]:
    """Ids of the campaigns whose name contains ``text`` (the auditor console's search by name)."""
    return list(db.session.scalars(select(Campaign.id).where(Campaign.name.ilike(f"%{text.strip()}%"))
                                   .order_by(Campaign.id).limit(limit)))


def campaign_json(campaign: Campaign) -> dict:
    body = {name: getattr(campaign, name) for name in (
        "id", "org_id", "kind", "name", "state", "time_zone", "starts_at", "ends_at", "currency", "budget",
        "pay_per_call", "pay_per_talk_minute", "pay_per_shift_hour", "success_bonus", "qa_auto_approve",
        "qa_review_from", "industry", "slot_minutes", "release_cutoff_minutes", "requirements", "settings",
        "created_at", "published_at")}
    body["escrow_balance"] = funding.escrow_balance(campaign)
    body["allowed_transitions"] = allowed_transitions(campaign)
    body["fill"] = fill_rate(campaign.id)
    return body
