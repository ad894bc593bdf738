"""What every payout provider does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


class ProviderError(Exception):
    """A temporary failure (network, rate limit, provider outage): the job retries."""


class ProviderRejected(Exception):
    """The provider refused for good (e.g. the destination cannot receive transfers): the payout fails."""


@dataclass(frozen=True)
class Checkout:
    checkout_id: str
    url: str


@dataclass(frozen=True)
class BalanceLine:
    """One money movement as the provider records it. ``kind`` is ``topup``, ``refund`` or ``payout``;
    ``ref`` is our topup or payout id the provider carried in its metadata (None if unknown)."""

    id: str
    kind: str
    amount: int
    currency: str
    ref: int | None
    created: datetime


class PayoutProvider:
    name = "base"
    settles_immediately = True  # False: payouts wait for someone to mark them settled

    def __init__(self, config) -> None:
        self.config = config

    def create_checkout(self, topup, success_url: str, cancel_url: str) -> Checkout:
        raise NotImplementedError

    def onboarding_link(self, destination, member_email: str, refresh_url: str, return_url: str) -> str:
        raise NotImplementedError

    def dashboard_link(self, destination) -> str | None:
        """A one-time link to the provider's own dashboard for a connected account (where the member
        changes their bank details), or None when the provider has none."""
        return None

    def pay(self, payout, destination) -> str | None:
        """Send the payout; return the provider's reference, or None when it awaits manual settlement."""
        raise NotImplementedError

    def balance_lines(self, start: datetime, end: datetime) -> list[BalanceLine]:
        raise NotImplementedError
