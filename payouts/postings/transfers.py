"""One balanced transfer, applied at most once under its idempotency key, never overdrawing a guarded account."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import Integer, bindparam, column, select, text
from sqlalchemy.orm.util import identity_key

from app import events
from app.database import UTCDateTime, on_postgresql
from app.errors import Conflict, ValidationError
from app.extensions import db
from app.timeutil import utcnow
from payouts.models import MoneyAccount, Posting, Transfer
from payouts.postings.accounts import _CACHE, AccountRef, check_amount, without_autoflush

logger = logging.getLogger(__name__)


class InsufficientFunds(Conflict):
    code = "insufficient_funds"


@dataclass(frozen=True)
class Leg:
    """``amount`` minor units leave ``source`` and arrive at ``target``."""

    source: AccountRef
    target: AccountRef
    amount: int



# The accounts a transfer touches, and the id of a transfer already posted under its key (or NULL).
_LOCK_KEYED = text("SELECT id, guarded, balance, "
                   "(SELECT t.id FROM money_transfers AS t WHERE t.key = :key) AS existing "
                   "FROM money_accounts WHERE id IN :ids ORDER BY id").bindparams(bindparam("ids", expanding=True))
_LOCK_KEYED_PG = text("SELECT id, guarded, balance, "
                      "(SELECT t.id FROM money_transfers AS t WHERE t.key = :key) AS existing "
                      "FROM money_accounts WHERE id = ANY(CAST(:ids AS BIGINT[])) ORDER BY id FOR UPDATE")
_MOVE = text("UPDATE money_accounts SET balance = balance + :delta "
             "WHERE id = :id AND (NOT guarded OR balance + :delta >= 0)")
_POSTING = text("INSERT INTO money_postings (transfer_id, account_id, amount) "
                "VALUES (:transfer_id, :account_id, :amount)")
_REFS = ("org_id", "campaign_id", "interaction_id", "member_id", "payout_id", "topup_id", "external_ref", "reverses_id")
_TRANSFER_VALUES = ("INSERT INTO money_transfers (key, reason, currency, amount, created_at, " + ", ".join(_REFS) + ") "
                    "VALUES (:key, :reason, :currency, :amount, :created_at, " + ", ".join(f":{r}" for r in _REFS)
                    + ") ON CONFLICT (key) DO NOTHING")
_TRANSFER_COLUMNS = ", ".join(c.name for c in Transfer.__table__.c)
# The new transfer comes back whole (RETURNING), so no second query loads it.
_INSERT_TRANSFER = select(Transfer).from_statement(text(_TRANSFER_VALUES + " RETURNING " + _TRANSFER_COLUMNS)
                                                   .bindparams(bindparam("created_at", type_=UTCDateTime))
                                                   .columns(*Transfer.__table__.c))
# PostgreSQL writes a transfer in one statement, after the accounts are locked: the transfer row
# (nothing else happens if its key is taken), its balance moves (each guarded one conditional, as
# _MOVE) and its postings. The row comes back whole with the number of balances moved; fewer than
# asked means a guard refused, and the caller raises (the transaction must then roll back).
_moved = column("moved", Integer)
# (The names put together here are our own table's columns, never input.)
_WRITE_PG_SQL = (
    f"WITH t AS ({_TRANSFER_VALUES} RETURNING {_TRANSFER_COLUMNS}), "  # noqa: S608
    "moves AS (SELECT * FROM unnest(CAST(:ids AS BIGINT[]), CAST(:deltas AS BIGINT[])) AS m (id, delta)), "
    "moved AS (UPDATE money_accounts SET balance = balance + moves.delta FROM t, moves "
    "WHERE money_accounts.id = moves.id AND (NOT guarded OR balance + moves.delta >= 0) RETURNING money_accounts.id), "
    "posted AS (INSERT INTO money_postings (transfer_id, account_id, amount) SELECT t.id, moves.id, moves.delta "
    "FROM t, moves) "
    f"SELECT {', '.join(f't.{c.name}' for c in Transfer.__table__.c)}, (SELECT count(*) FROM moved) AS moved FROM t")
_WRITE_PG = select(Transfer, _moved).from_statement(
    text(_WRITE_PG_SQL).bindparams(bindparam("created_at", type_=UTCDateTime)).columns(*Transfer.__table__.c, _moved))


@without_autoflush
def post(key: str, reason: str, legs: list[Leg], **refs) -> tuple[Transfer, bool]:
    """Apply ``legs`` as one transfer under ``key``; return ``(transfer, created)``.

    A key seen before returns the existing transfer and changes nothing. ``refs`` are the
    transfer's references (``org_id``, ``campaign_id``, ``interaction_id``, ``member_id``,
    ``payout_id``, ``topup_id``, ``external_ref``, ``reverses_id``). Raises ``InsufficientFunds``
    (409) when a guarded account would go below zero; nothing is written then.
    """
    if not key or len(key) > 200:
        raise ValidationError(fields={"key": _("An idempotency key of 1 to 200 characters is required.")})
    deltas = _deltas(legs)
    unknown = set(refs) - set(_REFS)
    if unknown:
        raise TypeError(f"unknown transfer references: {sorted(unknown)}")
    currency = legs[0].source.currency
    session = db.session
    ids = sorted(deltas)
    # Lock every account involved, in id order (no deadlocks), before deciding anything; the same
    # statement says whether the key was posted before.
    on_pg = on_postgresql()
    rows = session.execute(_LOCK_KEYED_PG if on_pg else _LOCK_KEYED, {"ids": ids, "key": key}).all()
    if rows and rows[0].existing is not None:
        return session.get(Transfer, rows[0].existing), False
    if len(rows) != len(ids):
        session.info.pop(_CACHE, None)
        raise RuntimeError("a money account disappeared; retry the operation")
    for account_id, guarded, balance_now, _existing in rows:
        if guarded and balance_now + deltas[account_id] < 0:
            raise InsufficientFunds(_("Not enough money in the account for this transfer."),
                                    fields={"amount": _("Exceeds the available balance.")})
    total = sum(leg.amount for leg in legs)
    values = dict.fromkeys(_REFS)
    values.update(refs, key=key, reason=reason, currency=currency, amount=total, created_at=utcnow())
    moves = [(account_id, deltas[account_id]) for account_id in ids if deltas[account_id] != 0]
    if on_pg:
        values.update(ids=[a for a, _ in moves], deltas=[d for _, d in moves])
        written = session.execute(_WRITE_PG, values).first()
        transfer = None if written is None else written[0]
        if written is not None and written.moved != len(moves):
            raise InsufficientFunds(_("Not enough money in the account for this transfer."))  # not under the lock
    else:
        transfer = session.scalars(_INSERT_TRANSFER, values).first()
    if transfer is None:  # the same key committed by a concurrent caller while we waited
        return session.scalar(select(Transfer).where(Transfer.key == key)), False
    transfer_id = transfer.id
    for account_id, delta in moves:
        if not on_pg and session.execute(_MOVE, {"delta": delta, "id": account_id}).rowcount != 1:
            raise InsufficientFunds(_("Not enough money in the account for this transfer."))  # not under the lock
        loaded = session.identity_map.get(identity_key(MoneyAccount, account_id))
        if loaded is not None:  # a loaded account object's cached balance is stale now
            session.expire(loaded, ["balance"])
    if not on_pg:
        session.execute(_POSTING, [{"transfer_id": transfer_id, "account_id": account_id, "amount": delta}
                                   for account_id, delta in moves])
    _announce(transfer_id, key, reason, legs)
    logger.debug("Transfer %s (%s) of %s %s posted", transfer_id, reason, total, currency)
    return transfer, True



def _deltas(legs) -> dict[int, int]:
    """Each account's signed change under ``legs`` (validated: positive amounts, one currency)."""
    if not legs:
        raise ValidationError(fields={"amount": _("A transfer needs at least one leg.")})
    currency = legs[0].source.currency
    deltas: dict[int, int] = defaultdict(int)
    for leg in legs:
        check_amount(leg.amount)
        if leg.source.currency != currency or leg.target.currency != currency:
            raise ValidationError(fields={"currency": _("A transfer moves one currency.")})
        deltas[leg.source.id] -= leg.amount
        deltas[leg.target.id] += leg.amount
    return deltas



def _announce(transfer_id: int, key: str, reason: str, legs) -> None:
    """The ``money_transferred`` signal of a transfer just posted (one payload shape for every path)."""
    events.send(events.money_transferred, "payouts", transfer_id=transfer_id,
                from_account="+".join(sorted({leg.source.label for leg in legs})),
                to_account="+".join(sorted({leg.target.label for leg in legs})),
                amount=sum(leg.amount for leg in legs), currency=legs[0].source.currency, reason=reason, key=key)


def reverse(original: Transfer, key: str, reason: str = "reversal", **refs) -> tuple[Transfer, bool]:
    """A new transfer with every posting of ``original`` negated; the original stays as it was."""
    postings = db.session.scalars(select(Posting).where(Posting.transfer_id == original.id)).all()
    accounts = {a.id: AccountRef(a.id, a.owner_kind, a.owner_id, a.purpose, a.currency, a.guarded)
                for a in db.session.scalars(
                    select(MoneyAccount).where(MoneyAccount.id.in_([p.account_id for p in postings])))}
    sources = [p for p in postings if p.amount > 0]  # what was credited is now debited
    targets = [p for p in postings if p.amount < 0]
    legs = _pair(sources, targets, accounts)
    refs.setdefault("reverses_id", original.id)
    for name in ("org_id", "campaign_id", "interaction_id", "member_id", "payout_id", "topup_id"):
        refs.setdefault(name, getattr(original, name))
    return post(key, reason, legs, **refs)


def _pair(sources: list[Posting], targets: list[Posting], accounts: dict) -> list[Leg]:
    """Split signed postings into source→target legs (greedy; amounts are already balanced)."""
    legs: list[Leg] = []
    need = [[p.account_id, p.amount] for p in sources]
    give = [[p.account_id, -p.amount] for p in targets]
    i = j = 0
    while i < len(need) and j < len(give):
        amount = min(need[i][1], give[j][1])
        legs.append(Leg(accounts[need[i][0]], accounts[give[j][0]], amount))
        need[i][1] -= amount
        give[j][1] -= amount
        if need[i][1] == 0:
            i += 1
        if give[j][1] == 0:
            j += 1
    return legs

