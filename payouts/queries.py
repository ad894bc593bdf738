"""Reads for the money pages and API: member balances and earnings, wallets with their escrow."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from payouts.models import MoneyAccount, Posting, Transfer
from payouts.postings import find_balance


def settlement_of(interaction_id: int) -> Transfer | None:
    """The transfer that settled an interaction's earning (approved or reversed), if any."""
    return db.session.scalar(select(Transfer).where(
        Transfer.interaction_id == interaction_id,
        Transfer.reason.in_(("earning_approved", "earning_reversed"))))


def member_balances(member_id: int) -> dict[str, dict[str, int]]:
    """``{currency: {purpose: balance}}`` of a member's accounts."""
    result: dict[str, dict[str, int]] = {}
    for acc in db.session.scalars(select(MoneyAccount).where(
            MoneyAccount.owner_kind == "member", MoneyAccount.owner_id == member_id)):
        result.setdefault(acc.currency, {})[acc.purpose] = acc.balance
    return result


def earnings_summary(member_id: int) -> dict:
    """Totals by state (pending QA, available, in transit, paid) and the member's lines, one per interaction."""
    balances = member_balances(member_id)
    totals = [{"currency": cur, "pending": b.get("pending", 0), "available": b.get("available", 0),
               "in_transit": b.get("in_transit", 0), "paid": b.get("paid_out", 0)}
              for cur, b in sorted(balances.items())]
    return {"totals": totals}


def earning_lines_query(member_id: int):
    """The member's accruals with their state (pending / approved / reversed), newest first."""
    return select(Transfer).where(Transfer.member_id == member_id, Transfer.reason == "earning_accrued")


def earning_state(accrual: Transfer) -> dict:
    if accrual.interaction_id is not None:
        settled = settlement_of(accrual.interaction_id)
    else:  # pay per shift hour: settled under its accrual's key (services.earnings.approval_key)
        settled = db.session.scalar(select(Transfer).where(Transfer.key == f"{accrual.key}:approved"))
    state, net = "pending", None
    if settled is not None and settled.reason == "earning_approved":
        state = "approved"
        net = int(db.session.scalar(select(func.sum(Posting.amount)).join(
            MoneyAccount, MoneyAccount.id == Posting.account_id).where(
            Posting.transfer_id == settled.id, MoneyAccount.purpose == "available")) or 0)
    elif settled is not None:
        state = "reversed"
        reinstated = db.session.scalar(select(Transfer.id).where(
            Transfer.interaction_id == accrual.interaction_id, Transfer.reason == "earning_reinstated"))
        if reinstated is not None:  # an upheld dispute paid it after all
            state = "approved"
            net = int(db.session.scalar(select(func.sum(Posting.amount)).join(
                MoneyAccount, MoneyAccount.id == Posting.account_id).where(
                Posting.transfer_id == reinstated, MoneyAccount.purpose == "available")) or 0)
    return {"id": accrual.id, "interaction_id": accrual.interaction_id, "campaign_id": accrual.campaign_id,
            "amount": accrual.amount, "net_amount": net, "currency": accrual.currency, "state": state,
            "created_at": accrual.created_at}


def wallet_summary(org_id: int) -> dict:
    """The organization's wallet balances per currency and what its campaigns hold in escrow."""
    wallets = db.session.scalars(select(MoneyAccount).where(
        MoneyAccount.owner_kind == "org", MoneyAccount.owner_id == org_id, MoneyAccount.purpose == "wallet")).all()
    escrow_ids = select(Transfer.campaign_id).where(Transfer.org_id == org_id, Transfer.reason == "escrow_hold")
    escrows = db.session.scalars(select(MoneyAccount).where(
        MoneyAccount.owner_kind == "campaign", MoneyAccount.purpose == "escrow",
        MoneyAccount.owner_id.in_(escrow_ids))).all()
    currencies = sorted({a.currency for a in wallets} | {a.currency for a in escrows})
    return {"org_id": org_id, "balances": [
        {"currency": cur, "available": find_balance("org", org_id, "wallet", cur),
         "in_escrow": sum(a.balance for a in escrows if a.currency == cur)} for cur in currencies]}
