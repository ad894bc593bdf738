"""Scorecards per campaign, versioned: saving a spec adds a version (past calls keep the one they
were scored with); the spec is checked by the scorer's own validator first."""

from __future__ import annotations

import logging

from flask_babel import gettext as _
from sqlalchemy import func, select

from app.auth.models import User
from app.errors import Forbidden, NotFound, ValidationError
from app.extensions import db
from app.numbers import is_id
from quality import scoring
from quality.models import Scorecard
from telephony import campaigns
from telephony.campaigns import Campaign

logger = logging.getLogger(__name__)
EDITOR_ROLES = ("trainer", "enterprise_admin", "admin")


def _messages() -> dict:
    """The validator's codes (``quality.scoring.validate_card``) in words."""
    return {
        "weights_sum": _("The items' points must add up to 100."),
        "unknown_type": _("Not an item type the scorer knows."),
        "duplicate_key": _("Each key may appear only once."),
        "missing_key": _("Each section and item needs a key."),
        "no_sections": _("A scorecard needs at least one section."),
        "no_items": _("A section needs at least one item."),
        "bad_points": _("Points are a whole number from 0 to 100."),
        "auto_fail_points": _("An automatic-fail item has no points."),
        "bad_auto_fail": _("An automatic fail applies to the whole card or to its section."),
        "bad_param": _("This item's settings are not valid for its type."),
        "bad_thresholds": _("The thresholds are the approval and review scores."),
        "bad_threshold": _("A whole number from 0 to 100."),
        "thresholds_order": _("Human review must start at or below the approval score."),
        "bad_rule": _("This not-applicable rule is not valid."),
    }


def problem_fields(problems) -> dict:
    """The validator's problems as the error contract's fields: ``{path: message}``."""
    messages, fields = _messages(), {}
    for problem in problems:
        message = messages.get(problem.code) or _("This part of the scorecard is not valid.")
        fields.setdefault(str(problem.path or "spec"), message)
    return fields


def editable_campaign(user: User, campaign_id: int) -> Campaign:
    """The campaign whose scorecard ``user`` may edit: 403 for a role that may not, 404 for another tenant's."""
    if not user.has_role(*EDITOR_ROLES):
        raise Forbidden()
    found = campaigns.campaign(campaign_id) if is_id(campaign_id) else None
    if found is None or not (user.has_role("trainer", "admin") or found.org_id == user.org_id):
        raise NotFound()
    return found


def readable_campaign(user: User, campaign_id: int) -> Campaign:
    found = campaigns.campaign(campaign_id) if is_id(campaign_id) else None
    if found is None or not (user.has_role("trainer", "admin", "member") or found.org_id == user.org_id):
        raise NotFound()
    return found


def check_spec(spec) -> None:
    if not isinstance(spec, dict):
        raise ValidationError(fields={"spec": _("A scorecard with sections and items is expected here.")})
    problems = scoring.validate_card(spec)
    if problems:
        raise ValidationError(_("The scorecard is not valid."), fields=problem_fields(problems))


def save_scorecard(user: User, campaign_id: int, spec: dict, note: str | None = None) -> Scorecard:
    """Add a version of the campaign's scorecard (422 naming the fields when the spec is invalid)."""
    found = editable_campaign(user, campaign_id)
    check_spec(spec)
    db.session.execute(select(Campaign.id).where(Campaign.id == found.id).with_for_update())  # versions in order
    version = (db.session.scalar(select(func.max(Scorecard.version)).where(Scorecard.campaign_id == found.id))
               or 0) + 1
    card = Scorecard(org_id=found.org_id, campaign_id=found.id, version=version, spec=spec,
                     note=(note or "").strip()[:200] or None, created_by_id=user.id)
    db.session.add(card)
    db.session.flush()
    logger.info("Campaign %s scorecard version %s saved by %s", found.id, version, user.id)
    return card


def card_for_scoring(user: User, scorecard_id: int) -> Scorecard:
    card = db.session.get(Scorecard, scorecard_id)
    if card is None:
        raise NotFound()
    readable_campaign(user, card.campaign_id)
    return card
