"""The whole-book check behind ``flask payouts check``."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from payouts.models import MoneyAccount, Posting


def check_invariants() -> list[str]:
    """Problems found in all the money accounts (empty when sound): unbalanced transfers, per-currency
    sums other than zero, cached balances that differ from the sum of postings, negative guarded accounts."""
    problems: list[str] = []
    unbalanced = db.session.execute(
        select(Posting.transfer_id, func.sum(Posting.amount)).group_by(Posting.transfer_id)
        .having(func.sum(Posting.amount) != 0)).all()
    problems += [f"transfer {tid} does not balance (sum {total})" for tid, total in unbalanced]
    per_currency = db.session.execute(
        select(MoneyAccount.currency, func.sum(Posting.amount)).join(Posting, Posting.account_id == MoneyAccount.id)
        .group_by(MoneyAccount.currency)).all()
    problems += [f"{cur} sums to {total}, not 0" for cur, total in per_currency if total != 0]
    sums = dict(db.session.execute(
        select(Posting.account_id, func.sum(Posting.amount)).group_by(Posting.account_id)).all())
    for acc in db.session.scalars(select(MoneyAccount).order_by(MoneyAccount.id)):
        derived = int(sums.get(acc.id, 0))
        if acc.balance != derived:
            problems.append(f"account {acc.id} ({acc.label}) caches {acc.balance}, postings sum to {derived}")
        if acc.guarded and derived < 0:
            problems.append(f"account {acc.id} ({acc.label}) is negative: {derived}")
    return problems

