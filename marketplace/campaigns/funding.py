"""Every call from the marketplace into the money ledger goes through here."""

from __future__ import annotations

from payouts import services as money
from payouts.postings import find_balance


def escrow_balance(campaign) -> int:
    return find_balance("campaign", campaign.id, "escrow", campaign.currency)


def hold_budget(campaign) -> None:
    """Move the campaign's budget from the enterprise wallet into its escrow (409 if the wallet is short)."""
    money.hold_escrow(campaign.id, campaign.org_id, campaign.budget, campaign.currency,
                      key=f"campaign:{campaign.id}:budget")


def release_unspent(campaign) -> int:
    """Return whatever escrow the campaign still holds to the wallet; the amount released."""
    remaining = escrow_balance(campaign)
    if remaining > 0:
        money.release_escrow(campaign.id, campaign.org_id, remaining, campaign.currency,
                             key=f"campaign:{campaign.id}:release:{campaign.state}")
    return remaining
