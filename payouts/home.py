"""The member's home page: the "connect a payout account" step and the earnings pending QA and available."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from app.web.home import Section, Step
from payouts.queries import earnings_summary
from payouts.services.payouts import destination_of


def payout_account_step(user) -> Step:
    destination = destination_of(user.id)
    return Step(_("Connect a payout account"), destination is not None and destination.status == "enabled",
                url_for("payouts.payout_account"))


def earnings(user) -> Section:
    return Section("payouts/home_earnings.html", {"totals": earnings_summary(user.id)["totals"]})
