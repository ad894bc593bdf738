"""Payment providers behind one registry, chosen by ``PAYOUT_PROVIDER``.

A provider creates checkout pages for wallet top-ups, onboarding links for members' payout
accounts, pays payouts (with the payout's own idempotency key) and lists its balance
transactions for reconciliation. ``manual`` runs offline; ``stripe`` talks to Stripe.
"""

from __future__ import annotations

from flask import current_app

from payouts.providers.base import PayoutProvider, ProviderError, ProviderRejected
from payouts.providers.manual import ManualProvider
from payouts.providers.stripe import StripeProvider

PROVIDERS: dict[str, type[PayoutProvider]] = {"manual": ManualProvider, "stripe": StripeProvider}


def get_provider(name: str | None = None) -> PayoutProvider:
    """The configured provider (or the one named, e.g. the provider a payout was created with)."""
    name = name or current_app.config.get("PAYOUT_PROVIDER") or "manual"
    if name not in PROVIDERS:
        raise ValueError(f"unknown payout provider: {name}")
    return PROVIDERS[name](current_app.config)


__all__ = ["PROVIDERS", "PayoutProvider", "ProviderError", "ProviderRejected", "get_provider"]
