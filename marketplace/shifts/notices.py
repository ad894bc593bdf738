"""What the shifts tell members in the notification centre (and by e-mail): the kinds and their words."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.auth.models import User
from app.extensions import db
from app.notifications import notify, register_kind
from app.timeutil import as_utc, zone
from marketplace.models import Campaign, Claim

MY_SHIFTS = "/work/shifts"  # a path, not url_for: jobs and CLI commands notify outside any request
SEAT_REMOVED = {
    "certification_revoked": _l("Your certification %(certification)s was revoked, so you no longer meet the "
                                "requirements of %(campaign)s. Your seat on the shift at %(starts)s was released "
                                "at no cost to your reliability, and went to the next member waiting."),
    "certification_expired": _l("Your certification %(certification)s expired, so you no longer meet the "
                                "requirements of %(campaign)s. Your seat on the shift at %(starts)s was released "
                                "at no cost to your reliability. Renew the certification to claim again."),
    "account_suspended": _l("Your account was suspended, so your seat on the %(campaign)s shift at %(starts)s was "
                            "released at no cost to your reliability."),
    "requirements_unmet": _l("You no longer meet the requirements of %(campaign)s, so your seat on the shift at "
                             "%(starts)s was released at no cost to your reliability."),
}
for _reason, _body in SEAT_REMOVED.items():
    register_kind(f"seat_removed.{_reason}", title=_l("Your seat on %(campaign)s was released"), body=_body)


def member_time(member_id: int, value) -> str:
    """A time as the member reads it: their zone, named."""
    user = db.session.get(User, member_id)
    tz_name = (user.timezone if user else None) or "UTC"
    return f"{as_utc(value).astimezone(zone(tz_name)).strftime('%Y-%m-%d %H:%M')} ({tz_name})"


def seat_removed(claim: Claim, campaign: Campaign, reason: str, certification: dict | None = None) -> None:
    notify(claim.member_id, f"seat_removed.{reason}",
           {"campaign": campaign.name, "starts": member_time(claim.member_id, claim.starts_at),
            "certification": certification or ""},
           link=MY_SHIFTS)
