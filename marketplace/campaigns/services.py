"""Campaign operations: create and edit drafts, publish, run, pause, complete or cancel."""

from __future__ import annotations

import logging

from flask_babel import gettext as _

from app import events
from app.errors import Conflict, ValidationError
from app.extensions import db
from app.money import MoneyError, check_currency
from app.timeutil import as_utc, isoformat, utcnow, zone
from marketplace.campaigns import funding
from marketplace.labels import CAMPAIGN_STATE_LABELS
from marketplace.models import Campaign
from marketplace.shifts import services as shifts

logger = logging.getLogger(__name__)

# The lifecycle: which state may follow which. Publishing holds the budget; completing or
# cancelling releases what is left of it.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("published", "cancelled"),
    "published": ("running", "paused", "cancelled"),
    "running": ("paused", "completed", "cancelled"),
    "paused": ("running", "completed", "cancelled"),
    "completed": (),
    "cancelled": (),
}
FIELDS = ("kind", "name", "time_zone", "starts_at", "ends_at", "currency", "budget", "pay_per_call",
          "pay_per_talk_minute", "pay_per_shift_hour", "success_bonus", "qa_auto_approve", "qa_review_from")


def _plain(value):
    """Settings as JSON (datetimes as UTC text)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "tzinfo") and hasattr(value, "isoformat"):
        return isoformat(value)
    return value


SET_ELSEWHERE = ("routing", "dialer")


def _apply(campaign: Campaign, data: dict) -> None:
    try:
        zone(data["time_zone"])
    except ValueError as exc:
        raise ValidationError(fields={"time_zone": _("Unknown time zone.")}) from exc
    try:
        data["currency"] = check_currency(data["currency"])
    except MoneyError as exc:
        raise ValidationError(fields={"currency": _("Unknown currency.")}) from exc
    for name in FIELDS:
        setattr(campaign, name, data[name])
    campaign.industry = data.get("industry")
    campaign.slot_minutes = data.get("slot_minutes", 30)
    campaign.release_cutoff_minutes = data.get("release_cutoff_minutes", 120)
    campaign.requirements = _plain(data.get("requirements") or {})
    # Settings telephony keeps in the campaign (its routing, its dialer) are set on their own pages:
    # editing the draft keeps them (the dialer's settings the wizard sends change those it names).
    kept = {key: value for key, value in (campaign.settings or {}).items() if key in SET_ELSEWHERE}
    given = _plain(data.get(data["kind"]) or {})
    if "dialer" in given:  # the wizard's dialer settings, over those set on the dialer's page
        given["dialer"] = {**(kept.get("dialer") or {}), **given["dialer"]}
    campaign.settings = {**kept, **given}


def create_campaign(org_id: int, actor_id: int, data: dict) -> Campaign:
    campaign = Campaign(org_id=org_id, created_by_id=actor_id, state="draft")
    _apply(campaign, data)
    db.session.add(campaign)
    db.session.flush()
    events.send(events.campaign_changed, "marketplace", campaign_id=campaign.id, org_id=org_id, from_state=None,
                to_state="draft", actor_id=actor_id)
    logger.info("Campaign %s created by %s", campaign.id, actor_id)
    return campaign


def update_draft(campaign: Campaign, data: dict) -> Campaign:
    if campaign.state != "draft":
        raise Conflict(_("Only a draft can be edited; this campaign is not one (%(state)s).",
                         state=CAMPAIGN_STATE_LABELS[campaign.state]),
                       code="not_a_draft")
    _apply(campaign, data)
    db.session.flush()
    shifts.follow_plan(campaign)
    return campaign


def allowed_transitions(campaign: Campaign) -> list[str]:
    return list(TRANSITIONS[campaign.state])


def change_state(campaign: Campaign, to_state: str, actor_id: int) -> Campaign:
    """Move the campaign, enforcing the lifecycle; publishing escrows the budget, ending releases it."""
    # Lock the row so two admins cannot publish (and escrow) the same campaign twice.
    db.session.refresh(campaign, with_for_update=True)
    from_state = campaign.state
    if to_state not in TRANSITIONS[from_state]:
        allowed = ", ".join(str(CAMPAIGN_STATE_LABELS[state]) for state in TRANSITIONS[from_state]) or "-"
        raise Conflict(_("A campaign in the state “%(from_state)s” cannot move to “%(to_state)s”.",
                         from_state=CAMPAIGN_STATE_LABELS[from_state],
                         to_state=CAMPAIGN_STATE_LABELS.get(to_state, _("an unknown state"))),
                       code="invalid_transition", fields={"to": _("Allowed: %(allowed)s", allowed=allowed)})
    if to_state == "published":
        if as_utc(campaign.ends_at) <= utcnow():
            raise Conflict(_("The campaign has already ended."), code="campaign_over")
        funding.hold_budget(campaign)
        campaign.published_at = utcnow()
        shifts.open_shifts(campaign)
    campaign.state = to_state
    if to_state in ("completed", "cancelled"):
        shifts.close_shifts(campaign)
        if from_state != "draft":
            funding.release_unspent(campaign)
    db.session.flush()
    events.send(events.campaign_changed, "marketplace", campaign_id=campaign.id, org_id=campaign.org_id,
                from_state=from_state, to_state=to_state, actor_id=actor_id)
    logger.info("Campaign %s: %s -> %s by %s", campaign.id, from_state, to_state, actor_id)
    return campaign


def publish_campaign(campaign: Campaign, actor_id: int) -> Campaign:
    """Offer the draft to members: hold its budget in escrow and open its shifts."""
    return change_state(campaign, "published", actor_id)


def run_campaign(campaign: Campaign, actor_id: int) -> Campaign:
    return change_state(campaign, "running", actor_id)


def pause_campaign(campaign: Campaign, actor_id: int) -> Campaign:
    return change_state(campaign, "paused", actor_id)


def complete_campaign(campaign: Campaign, actor_id: int) -> Campaign:
    """End the campaign: its future shifts close and the unspent escrow returns to the wallet."""
    return change_state(campaign, "completed", actor_id)


def cancel_campaign(campaign: Campaign, actor_id: int) -> Campaign:
    """Call the campaign off: its future shifts close and the unspent escrow returns to the wallet."""
    return change_state(campaign, "cancelled", actor_id)


VERBS = {"published": publish_campaign, "running": run_campaign, "paused": pause_campaign,
         "completed": complete_campaign, "cancelled": cancel_campaign}


def transition(campaign: Campaign, to_state: str, actor_id: int) -> Campaign:
    """The verb for ``to_state`` (the API and pages name the state the enterprise chose)."""
    verb = VERBS.get(to_state)
    if verb is None:
        return change_state(campaign, to_state, actor_id)  # refused by the lifecycle with its message
    return verb(campaign, actor_id)
