"""Customer satisfaction: the customer's 1–5 answer after a call (the provider's keypad survey,
the customer phone page's buttons, or the API), one per call, and its averages per call, member
and campaign."""

from __future__ import annotations

import logging

from flask_babel import gettext as _
from sqlalchemy import func, select

from app import events
from app.database import insert
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from quality.models import CSAT_SOURCES, CsatResponse
from telephony.models import Interaction

logger = logging.getLogger(__name__)


def record_csat(interaction_id: int, rating, source: str) -> CsatResponse:
    """Store the customer's answer, once: a second answer for the call is refused (409)."""
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationError(fields={"rating": _("A whole number from 1 to 5.")})
    if source not in CSAT_SOURCES:
        raise ValidationError(fields={"source": _("One of: %(values)s.", values=", ".join(CSAT_SOURCES))})
    interaction = db.session.get(Interaction, interaction_id)
    if interaction is None:
        raise NotFound()
    if interaction.answered_at is None:
        raise Conflict(_("Nobody answered this call, so there is nothing to rate."), code="not_answered")
    added = db.session.execute(insert(CsatResponse).values(
        interaction_id=interaction.id, org_id=interaction.org_id, campaign_id=interaction.campaign_id,
        member_id=interaction.member_id, rating=rating, source=source).on_conflict_do_nothing()).rowcount
    stored = db.session.get(CsatResponse, interaction.id)
    if stored.rating != rating or stored.source != source:
        raise Conflict(_("This call was already rated."), code="already_rated")
    if added:  # the reports count a rating once, however often the same answer is sent
        events.send(events.csat_recorded, "quality", interaction_id=interaction.id,
                    campaign_id=interaction.campaign_id, member_id=interaction.member_id, score=rating)
    logger.info("Interaction %s rated %s (%s)", interaction.id, rating, source)
    return stored


def campaign_csat(campaign_id: int) -> dict:
    """Responses, average and distribution for a campaign, and the average per member."""
    rows = db.session.execute(select(CsatResponse.rating, func.count()).where(
        CsatResponse.campaign_id == campaign_id).group_by(CsatResponse.rating)).all()
    distribution = {str(n): 0 for n in range(1, 6)}
    for rating, count in rows:
        distribution[str(rating)] = count
    total = sum(distribution.values())
    average = round(sum(int(k) * v for k, v in distribution.items()) / total, 2) if total else None
    members = [{"member_id": member_id, "responses": count, "average": round(float(avg), 2)}
               for member_id, count, avg in db.session.execute(
                   select(CsatResponse.member_id, func.count(), func.avg(CsatResponse.rating)).where(
                       CsatResponse.campaign_id == campaign_id, CsatResponse.member_id.is_not(None))
                   .group_by(CsatResponse.member_id).order_by(CsatResponse.member_id))]
    return {"campaign_id": campaign_id, "responses": total, "average": average, "distribution": distribution,
            "members": members}


def member_csat(member_id: int) -> dict:
    count, avg = db.session.execute(select(func.count(), func.avg(CsatResponse.rating)).where(
        CsatResponse.member_id == member_id)).one()
    return {"responses": count, "average": round(float(avg), 2) if avg is not None else None}
