"""Money accounts as posting sees them: found or created race-safe, cached per session, locked in id order."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import bindparam, event, func, select, text, true
from sqlalchemy.orm import Session

from app.bulk import insert_rows, owners_in, parts
from app.database import insert, on_postgresql
from app.errors import ValidationError
from app.extensions import db
from app.money import MoneyError, check_currency
from app.timeutil import utcnow
from payouts.models import GUARDED_PURPOSES, MoneyAccount, Posting

PLATFORM = 0  # owner id of the platform's own accounts


def check_amount(amount, field: str = "amount") -> int:
    """A positive whole number of minor units, or a 422 naming the field."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError(fields={field: _("Must be a positive whole number of minor units.")})
    return amount


def valid_currency(currency, field: str = "currency") -> str:
    try:
        return check_currency(currency if isinstance(currency, str) else "")
    except MoneyError as exc:
        raise ValidationError(fields={field: _("Unknown currency.")}) from exc


@dataclass(frozen=True)
class AccountRef:
    """What posting needs of an account; accounts never change identity, so these are cached."""

    id: int
    owner_kind: str
    owner_id: int
    purpose: str
    currency: str
    guarded: bool

    @property
    def label(self) -> str:
        return f"{self.owner_kind}:{self.owner_id}:{self.purpose}:{self.currency}"


_CACHE = "payouts_accounts"


def without_autoflush(fn):
    """Run ``fn`` without flushing the session's pending objects before each statement.

    Posting's statements need no flush: accounts, transfers, postings and balances are never
    written through the unit of work, so nothing pending can change what they read. What is
    pending is mostly the signals' outbox rows, which are then flushed together (at the latest
    when the transaction commits) instead of one statement each.
    """

    @functools.wraps(fn)
    def run(*args, **kwargs):
        with db.session.no_autoflush:
            return fn(*args, **kwargs)

    return run


@event.listens_for(Session, "after_soft_rollback")
def _forget_accounts(session, previous_transaction) -> None:
    session.info.pop(_CACHE, None)  # an account created in the rolled-back work may be gone


@without_autoflush
def account(owner_kind: str, owner_id: int, purpose: str, currency: str) -> AccountRef:
    """The account for an owner, purpose and currency, created on first use (race-safe)."""
    cache = db.session.info.setdefault(_CACHE, {})
    wanted = (owner_kind, owner_id, purpose, currency)
    if wanted in cache:
        return cache[wanted]
    currency = valid_currency(currency)
    stmt = select(MoneyAccount.id, MoneyAccount.guarded).where(
        MoneyAccount.owner_kind == owner_kind, MoneyAccount.owner_id == owner_id,
        MoneyAccount.purpose == purpose, MoneyAccount.currency == currency)
    found = db.session.execute(stmt).first()
    if found is None:
        values = {"owner_kind": owner_kind, "owner_id": owner_id, "purpose": purpose, "currency": currency,
                  "guarded": purpose in GUARDED_PURPOSES, "balance": 0}
        db.session.execute(insert(MoneyAccount).values(**values).on_conflict_do_nothing(
            index_elements=["owner_kind", "owner_id", "purpose", "currency"]))
        found = db.session.execute(stmt).first()
    ref = AccountRef(found.id, owner_kind, owner_id, purpose, currency, bool(found.guarded))
    cache[(owner_kind, owner_id, purpose, currency)] = ref
    return ref



def accounts_of(owner_kind: str, owner_ids, purpose: str, currency: str) -> dict[int, AccountRef]:
    """``{owner_id: account}`` for many owners at once, creating the missing accounts (race-safe):
    ``account`` for a batch, in a few statements instead of a few per owner."""
    cache = db.session.info.setdefault(_CACHE, {})
    currency = valid_currency(currency)
    found = {o: cache[(owner_kind, o, purpose, currency)] for o in owner_ids
             if (owner_kind, o, purpose, currency) in cache}
    missing = sorted({o for o in owner_ids if o not in found})
    for attempt in range(2):
        if not missing:
            break
        for part in parts(missing):
            wanted, matches = owners_in(MoneyAccount.owner_id, part)
            stmt = select(MoneyAccount.id, MoneyAccount.owner_id, MoneyAccount.guarded).where(
                MoneyAccount.owner_kind == owner_kind, MoneyAccount.purpose == purpose,
                MoneyAccount.currency == currency, matches)
            if wanted is not None:
                # LATERAL with LIMIT 1: one lookup on the unique index per wanted owner, whatever
                # the statistics say. Without the LIMIT the planner flattens the subquery into a
                # plain join, and on a stale or generic plan that join scans every account of the
                # purpose once per owner (quadratic in a payout batch).
                found_one = stmt.limit(1).lateral()
                stmt = select(found_one.c.id, found_one.c.owner_id, found_one.c.guarded).select_from(
                    wanted).join(found_one, true())
            rows = db.session.execute(stmt)
            for account_id, owner_id, guarded in rows:
                ref = AccountRef(account_id, owner_kind, owner_id, purpose, currency, bool(guarded))
                cache[(owner_kind, owner_id, purpose, currency)] = found[owner_id] = ref
        missing = [o for o in missing if o not in found]
        if missing and attempt == 0:
            insert_rows(MoneyAccount.__table__, [
                {"owner_kind": owner_kind, "owner_id": o, "purpose": purpose, "currency": currency,
                 "guarded": purpose in GUARDED_PURPOSES, "balance": 0, "created_at": utcnow()} for o in missing],
                skip_conflicts=True)
    return found


_LOCK = text("SELECT id, guarded, balance FROM money_accounts WHERE id IN :ids ORDER BY id").bindparams(
    bindparam("ids", expanding=True))


def lock_balances(account_ids) -> dict[int, int]:
    """Lock the accounts (``FOR UPDATE`` on PostgreSQL, in ascending id order, as ``post`` does)
    and return their balances: the truth to decide amounts on until the transaction ends."""
    return {account_id: row.balance for account_id, row in _lock(account_ids).items()}


def _lock(account_ids) -> dict:
    ids = sorted(set(account_ids))
    balances = {}
    if on_postgresql():
        balances.update((row.id, row) for row in db.session.execute(_LOCK_PG_ANY, {"ids": ids}))
    for part in ([] if on_postgresql() else parts(ids)):  # ascending slices keep the global lock order
        balances.update((row.id, row) for row in db.session.execute(_LOCK, {"ids": part}))
    if len(balances) != len(ids):
        db.session.info.pop(_CACHE, None)
        raise RuntimeError("a money account disappeared; retry the operation")
    return balances


_LOCK_PG_ANY = text("SELECT id, guarded, balance FROM money_accounts WHERE id = ANY(CAST(:ids AS BIGINT[])) "
                    "ORDER BY id FOR UPDATE")


def balance(account_or_id) -> int:
    """The account's balance derived from its postings (the truth the cache must equal)."""
    account_id = account_or_id if isinstance(account_or_id, int) else account_or_id.id
    return int(db.session.scalar(select(func.coalesce(func.sum(Posting.amount), 0))
                                 .where(Posting.account_id == account_id)))


def find_balance(owner_kind: str, owner_id: int, purpose: str, currency: str) -> int:
    """The cached balance of an account, 0 if it does not exist yet (reads create nothing)."""
    value = db.session.scalar(select(MoneyAccount.balance).where(
        MoneyAccount.owner_kind == owner_kind, MoneyAccount.owner_id == owner_id,
        MoneyAccount.purpose == purpose, MoneyAccount.currency == currency))
    return int(value or 0)

