"""What the shifts tell members in the notification centre (and by e-mail): the kinds and their words."""

from __future__ import annotations

import math

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from app.auth.models import User
from app.extensions import db
from app.formatting import when
from app.notifications import notify, register_kind
from app.timeutil import as_utc
from marketplace.models import Campaign, Claim

LANGUAGES = ("en", "zh")
MY_SHIFTS = "/work/shifts"  # paths, not url_for: jobs and CLI commands notify outside any request
FEED = "/work/"
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
register_kind("waitlist.seat_given", title=_l("A seat on %(campaign)s is yours"),
              body=_l("A seat freed up on the shift at %(starts)s and went to you from the waitlist. You can "
                      "release it free of charge until %(free_until)s."))
register_kind("waitlist.seat_free", title=_l("A seat is free on %(campaign)s"),
              body=_l("A seat freed up on the shift at %(starts)s. It starts in less than %(minutes)s minutes, so "
                      "it was not given to you automatically: claim it now if you can take it (releasing it "
                      "later would lower your reliability). You stay on the waitlist until you claim or leave."))


def member_time(member_id: int, value) -> dict[str, str]:
    """A time as the member reads it, in each UI language (the notification centre and the e-mail
    pick the reader's): their zone, named, the days and months in that language."""
    user = db.session.get(User, member_id)
    tz_name = (user.timezone if user else None) or "UTC"
    texts = {}
    for language in LANGUAGES:
        with force_locale(language):
            texts[language] = when(value, tz=tz_name)
    return texts


def seat_removed(claim: Claim, campaign: Campaign, reason: str, certification: dict | None = None) -> None:
    notify(claim.member_id, f"seat_removed.{reason}",
           {"campaign": campaign.name, "starts": member_time(claim.member_id, claim.starts_at),
            "certification": certification or ""},
           link=MY_SHIFTS)


def seat_given(claim: Claim, campaign: Campaign, free_until) -> None:
    """The waitlist gave the member a seat (outside the release cut-off, so it costs nothing to give back)."""
    notify(claim.member_id, "waitlist.seat_given",
           {"campaign": campaign.name, "starts": member_time(claim.member_id, claim.starts_at),
            "free_until": member_time(claim.member_id, free_until)}, link=MY_SHIFTS)


def seat_free(member_id: int, shift, campaign: Campaign, now) -> None:
    """A seat freed up inside (or just before) the release cut-off: the member is told and chooses,
    nothing is assigned."""
    minutes = max(math.ceil((as_utc(shift.starts_at) - as_utc(now)).total_seconds() / 60), 1)
    notify(member_id, "waitlist.seat_free",
           {"campaign": campaign.name, "starts": member_time(member_id, shift.starts_at), "minutes": minutes},
           link=FEED)
