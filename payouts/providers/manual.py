"""The offline provider: a simulated checkout page for top-ups, payout details typed in by the
member, and payouts an admin settles by hand. Its balance lines are its own records."""

from __future__ import annotations

from datetime import datetime

from flask import url_for
from sqlalchemy import select

from app.extensions import db
from payouts.models import Payout, Topup
from payouts.providers.base import BalanceLine, Checkout, PayoutProvider


class ManualProvider(PayoutProvider):
    name = "manual"
    settles_immediately = False

    def create_checkout(self, topup, success_url: str, cancel_url: str) -> Checkout:
        return Checkout(f"local_cs_{topup.id}", url_for("payouts.checkout", topup_id=topup.id))

    def onboarding_link(self, destination, member_email: str, refresh_url: str, return_url: str) -> str:
        return url_for("payouts.payout_account")

    def pay(self, payout, destination) -> str | None:
        return None  # an admin pays it by hand and marks it settled

    def balance_lines(self, start: datetime, end: datetime) -> list[BalanceLine]:
        lines = [BalanceLine(f"topup_{t.id}", "topup", t.amount, t.currency, t.id, t.paid_at)
                 for t in db.session.scalars(select(Topup).where(
                     Topup.paid_at >= start, Topup.paid_at < end, Topup.provider == self.name))]
        lines += [BalanceLine(f"payout_{p.id}", "payout", -p.amount, p.currency, p.id, p.settled_at)
                  for p in db.session.scalars(select(Payout).where(
                      Payout.status == "paid", Payout.settled_at >= start, Payout.settled_at < end,
                      Payout.provider == self.name))]
        return lines
