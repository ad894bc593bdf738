"""The member's home page: the "claim a shift" step and the next shift with its countdown and check-in."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.timeutil import as_utc, utcnow
from app.web.home import Section, Step
from marketplace.models import ACTIVE_CLAIM_STATES, Campaign, Claim
from marketplace.shifts.attendance import CHECK_IN_GRACE, CHECK_IN_OPENS


def claim_step(user) -> Step:
    claimed = db.session.scalar(select(Claim.id).where(Claim.member_id == user.id).limit(1)) is not None
    return Step(_("Claim a shift in Work"), claimed, url_for("work.index"))


def next_shift(user) -> Section:
    now = utcnow()
    row = db.session.execute(
        select(Claim, Campaign.name).join(Campaign, Campaign.id == Claim.campaign_id)
        .where(Claim.member_id == user.id, Claim.state.in_(ACTIVE_CLAIM_STATES), Claim.ends_at > now)
        .order_by(Claim.starts_at, Claim.id).limit(1)).first()
    if row is None:
        return Section("marketplace/home_next_shift.html", {"claim": None})
    claim, campaign_name = row
    start = as_utc(claim.starts_at)
    minutes = max(int((start - now).total_seconds() // 60), 0)
    can_check_in = claim.state == "claimed" and start - CHECK_IN_OPENS <= now <= start + CHECK_IN_GRACE
    return Section("marketplace/home_next_shift.html", {
        "claim": claim, "campaign_name": campaign_name, "hours": minutes // 60, "minutes": minutes % 60,
        "started": start <= now, "can_check_in": can_check_in,
        "check_in_opens": start - CHECK_IN_OPENS})
