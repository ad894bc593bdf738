"""The posting engine: one balanced transfer, applied at most once, never overdrawing a guarded account.

``post`` is the only code that writes transfers, postings and balances. Its order of work is what
keeps the invariants under concurrency on PostgreSQL:

1. the accounts involved are locked (``SELECT … FOR UPDATE``) in ascending id order, so two
   transfers touching the same accounts queue behind each other and never deadlock;
2. the transfer row is inserted with ``ON CONFLICT (key) DO NOTHING``: a second caller with the
   same idempotency key gets no row back and returns the transfer that already exists;
3. each balance moves with ``UPDATE … SET balance = balance + :delta WHERE … balance + :delta >= 0``
   (for guarded accounts), the same statement that would refuse an overdraft, with the database's
   check constraint behind it.

On PostgreSQL steps 2 and 3 and the postings are one statement (data-modifying CTEs), so a
transfer costs two round trips: the lock, then the write.
"""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import Integer, Text, any_, bindparam, cast, column, event, func, select, text, true
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from app import events
from app.database import UTCDateTime
from app.errors import Conflict, ValidationError
from app.extensions import db
from app.money import MoneyError, check_currency
from app.timeutil import utcnow
from payouts.bulk import insert_rows, on_postgres, owners_in, parts
from payouts.models import GUARDED_PURPOSES, LedgerAccount, Posting, Transfer

logger = logging.getLogger(__name__)

PLATFORM = 0  # owner id of the platform's own accounts


class InsufficientFunds(Conflict):
    code = "insufficient_funds"


@dataclass(frozen=True)
class Leg:
    """``amount`` minor units leave ``source`` and arrive at ``target``."""

    source: AccountRef
    target: AccountRef
    amount: int


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

    The ledger's statements need no flush: accounts, transfers, postings and balances are never
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
    stmt = select(LedgerAccount.id, LedgerAccount.guarded).where(
        LedgerAccount.owner_kind == owner_kind, LedgerAccount.owner_id == owner_id,
        LedgerAccount.purpose == purpose, LedgerAccount.currency == currency)
    found = db.session.execute(stmt).first()
    if found is None:
        values = {"owner_kind": owner_kind, "owner_id": owner_id, "purpose": purpose, "currency": currency,
                  "guarded": purpose in GUARDED_PURPOSES, "balance": 0}
        db.session.execute(_insert(LedgerAccount).values(**values).on_conflict_do_nothing(
            index_elements=["owner_kind", "owner_id", "purpose", "currency"]))
        found = db.session.execute(stmt).first()
    ref = AccountRef(found.id, owner_kind, owner_id, purpose, currency, bool(found.guarded))
    cache[(owner_kind, owner_id, purpose, currency)] = ref
    return ref


def _insert(model):
    dialect = db.session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)


# The accounts a transfer touches, and the id of a transfer already posted under its key (or NULL).
_LOCK_KEYED = text("SELECT id, guarded, balance, "
                   "(SELECT t.id FROM money_transfers AS t WHERE t.key = :key) AS existing "
                   "FROM money_accounts WHERE id IN :ids ORDER BY id").bindparams(bindparam("ids", expanding=True))
_LOCK_KEYED_PG = text("SELECT id, guarded, balance, "
                      "(SELECT t.id FROM money_transfers AS t WHERE t.key = :key) AS existing "
                      "FROM money_accounts WHERE id = ANY(CAST(:ids AS BIGINT[])) ORDER BY id FOR UPDATE")
_LOCK = text("SELECT id, guarded, balance FROM money_accounts WHERE id IN :ids ORDER BY id").bindparams(
    bindparam("ids", expanding=True))
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
    if not legs:
        raise ValidationError(fields={"amount": _("A transfer needs at least one leg.")})
    unknown = set(refs) - set(_REFS)
    if unknown:
        raise TypeError(f"unknown transfer references: {sorted(unknown)}")
    currency = legs[0].source.currency
    deltas: dict[int, int] = defaultdict(int)
    for leg in legs:
        check_amount(leg.amount)
        if leg.source.currency != currency or leg.target.currency != currency:
            raise ValidationError(fields={"currency": _("A transfer moves one currency.")})
        deltas[leg.source.id] -= leg.amount
        deltas[leg.target.id] += leg.amount
    session = db.session
    ids = sorted(deltas)
    # Lock every account involved, in id order (no deadlocks), before deciding anything; the same
    # statement says whether the key was posted before.
    on_pg = on_postgres()
    rows = session.execute(_LOCK_KEYED_PG if on_pg else _LOCK_KEYED, {"ids": ids, "key": key}).all()
    if rows and rows[0].existing is not None:
        return session.get(Transfer, rows[0].existing), False
    if len(rows) != len(ids):
        session.info.pop(_CACHE, None)
        raise RuntimeError("a ledger account disappeared; retry the operation")
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
        loaded = session.identity_map.get(identity_key(LedgerAccount, account_id))
        if loaded is not None:  # a loaded account object's cached balance is stale now
            session.expire(loaded, ["balance"])
    if not on_pg:
        session.execute(_POSTING, [{"transfer_id": transfer_id, "account_id": account_id, "amount": delta}
                                   for account_id, delta in moves])
    _announce(transfer_id, key, reason, legs)
    logger.debug("Transfer %s (%s) of %s %s posted", transfer_id, reason, total, currency)
    return transfer, True


@dataclass(frozen=True)
class Planned:
    """One transfer of a bulk posting: what ``post`` takes, as a value."""

    key: str
    reason: str
    legs: tuple[Leg, ...]
    refs: dict


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
            wanted, matches = owners_in(LedgerAccount.owner_id, part)
            stmt = select(LedgerAccount.id, LedgerAccount.owner_id, LedgerAccount.guarded).where(
                LedgerAccount.owner_kind == owner_kind, LedgerAccount.purpose == purpose,
                LedgerAccount.currency == currency, matches)
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
            insert_rows(LedgerAccount.__table__, [
                {"owner_kind": owner_kind, "owner_id": o, "purpose": purpose, "currency": currency,
                 "guarded": purpose in GUARDED_PURPOSES, "balance": 0, "created_at": utcnow()} for o in missing],
                skip_conflicts=True)
    return found


def lock_balances(account_ids) -> dict[int, int]:
    """Lock the accounts (``FOR UPDATE`` on PostgreSQL, in ascending id order, as ``post`` does)
    and return their balances: the truth to decide amounts on until the transaction ends."""
    return {account_id: row.balance for account_id, row in _lock(account_ids).items()}


def _lock(account_ids) -> dict:
    ids = sorted(set(account_ids))
    balances = {}
    if on_postgres():
        balances.update((row.id, row) for row in db.session.execute(_LOCK_PG_ANY, {"ids": ids}))
    for part in ([] if on_postgres() else parts(ids)):  # ascending slices keep the global lock order
        balances.update((row.id, row) for row in db.session.execute(_LOCK, {"ids": part}))
    if len(balances) != len(ids):
        db.session.info.pop(_CACHE, None)
        raise RuntimeError("a ledger account disappeared; retry the operation")
    return balances


_LOCK_PG_ANY = text("SELECT id, guarded, balance FROM money_accounts WHERE id = ANY(CAST(:ids AS BIGINT[])) "
                    "ORDER BY id FOR UPDATE")
# Many balances in one statement: two array parameters on PostgreSQL, a VALUES list on SQLite.
_MOVE_MANY_PG = text("UPDATE money_accounts SET balance = balance + moves.delta "
                     "FROM unnest(CAST(:ids AS BIGINT[]), CAST(:deltas AS BIGINT[])) AS moves (id, delta) "
                     "WHERE money_accounts.id = moves.id AND (NOT guarded OR balance + moves.delta >= 0)")
_MOVE_MANY = ("UPDATE money_accounts SET balance = balance + moves.delta "
              "FROM (SELECT column1 AS id, column2 AS delta FROM (VALUES {rows}) AS v) AS moves "
              "WHERE money_accounts.id = moves.id AND (NOT guarded OR balance + moves.delta >= 0)")


def post_many(planned: list[Planned]) -> dict[str, int]:
    """Apply many transfers in a handful of statements; return ``{key: transfer_id}`` of those
    created now. Each keeps its own key, references, postings and ``money_transferred`` signal,
    exactly as ``post`` would write it; keys posted before are skipped. The accounts are locked in
    id order first, and if any guarded account would end below zero nothing is written
    (``InsufficientFunds``)."""
    if not planned:
        return {}
    session = db.session
    deltas: dict[str, dict[int, int]] = {}
    for item in planned:
        if not item.key or len(item.key) > 200 or item.key in deltas:
            raise ValidationError(fields={"key": _("An idempotency key of 1 to 200 characters is required.")})
        deltas[item.key] = _deltas(item.legs)
        unknown = set(item.refs) - set(_REFS)
        if unknown:
            raise TypeError(f"unknown transfer references: {sorted(unknown)}")
    locked = _lock({a for d in deltas.values() for a in d})
    existing = set()
    for part in parts(list(deltas)):
        existing.update(session.scalars(select(Transfer.key).where(_keys_in(part))))
    todo = [item for item in planned if item.key not in existing]
    _check_guards(locked, todo, deltas)
    now = utcnow()
    rows = []
    for item in todo:
        values = dict.fromkeys(_REFS)
        values.update(item.refs, key=item.key, reason=item.reason, currency=item.legs[0].source.currency,
                      amount=sum(leg.amount for leg in item.legs), created_at=now)
        rows.append(values)
    created = dict(insert_rows(Transfer.__table__, rows, returning=("key", "id"), skip_conflicts=True))
    done = [item for item in todo if item.key in created]
    if len(done) < len(todo):  # some keys were committed concurrently after our check: re-check what is left
        _check_guards(locked, done, deltas)
    moved: dict[int, int] = defaultdict(int)
    postings = []
    for item in done:
        for account_id, delta in deltas[item.key].items():
            if delta:
                moved[account_id] += delta
                postings.append({"transfer_id": created[item.key], "account_id": account_id, "amount": delta})
    moves = [(account_id, delta) for account_id, delta in sorted(moved.items()) if delta]
    for part in ([moves] if on_postgres() else parts(moves, 500)):
        if on_postgres():
            moved_rows = session.execute(_MOVE_MANY_PG, {"ids": [a for a, _ in part], "deltas": [d for _, d in part]})
        else:
            params = {}
            for i, (account_id, delta) in enumerate(part):
                params[f"i{i}"], params[f"d{i}"] = account_id, delta
            rows_sql = ", ".join(f"(CAST(:i{i} AS BIGINT), CAST(:d{i} AS BIGINT))" for i in range(len(part)))
            moved_rows = session.execute(text(_MOVE_MANY.format(rows=rows_sql)), params)
        if moved_rows.rowcount != len(part):
            raise InsufficientFunds(_("Not enough money in the account for this transfer."))  # not under the lock
    insert_rows(Posting.__table__, postings)
    for account_id, _delta in moves:
        loaded = session.identity_map.get(identity_key(LedgerAccount, account_id))
        if loaded is not None:
            session.expire(loaded, ["balance"])
    for item in done:
        _announce(created[item.key], item.key, item.reason, item.legs)
    return created


def _keys_in(keys: list[str]):
    if on_postgres():
        return Transfer.key == any_(cast(bindparam(None, keys, type_=postgresql.ARRAY(Text)), postgresql.ARRAY(Text)))
    return Transfer.key.in_(keys)


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


def _check_guards(locked: dict, items, deltas: dict[str, dict[int, int]]) -> None:
    total: dict[int, int] = defaultdict(int)
    for item in items:
        for account_id, delta in deltas[item.key].items():
            total[account_id] += delta
    if any(locked[a].guarded and locked[a].balance + delta < 0 for a, delta in total.items()):
        raise InsufficientFunds(_("Not enough money in the account for this transfer."),
                                fields={"amount": _("Exceeds the available balance.")})


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
                    select(LedgerAccount).where(LedgerAccount.id.in_([p.account_id for p in postings])))}
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


def balance(account_or_id) -> int:
    """The account's balance derived from its postings (the truth the cache must equal)."""
    account_id = account_or_id if isinstance(account_or_id, int) else account_or_id.id
    return int(db.session.scalar(select(func.coalesce(func.sum(Posting.amount), 0))
                                 .where(Posting.account_id == account_id)))


def find_balance(owner_kind: str, owner_id: int, purpose: str, currency: str) -> int:
    """The cached balance of an account, 0 if it does not exist yet (reads create nothing)."""
    value = db.session.scalar(select(LedgerAccount.balance).where(
        LedgerAccount.owner_kind == owner_kind, LedgerAccount.owner_id == owner_id,
        LedgerAccount.purpose == purpose, LedgerAccount.currency == currency))
    return int(value or 0)


def check_invariants() -> list[str]:
    """Problems found in the whole ledger (empty when sound): unbalanced transfers, per-currency
    sums other than zero, cached balances that differ from the sum of postings, negative guarded accounts."""
    problems: list[str] = []
    unbalanced = db.session.execute(
        select(Posting.transfer_id, func.sum(Posting.amount)).group_by(Posting.transfer_id)
        .having(func.sum(Posting.amount) != 0)).all()
    problems += [f"transfer {tid} does not balance (sum {total})" for tid, total in unbalanced]
    per_currency = db.session.execute(
        select(LedgerAccount.currency, func.sum(Posting.amount)).join(Posting, Posting.account_id == LedgerAccount.id)
        .group_by(LedgerAccount.currency)).all()
    problems += [f"{cur} sums to {total}, not 0" for cur, total in per_currency if total != 0]
    sums = dict(db.session.execute(
        select(Posting.account_id, func.sum(Posting.amount)).group_by(Posting.account_id)).all())
    for acc in db.session.scalars(select(LedgerAccount).order_by(LedgerAccount.id)):
        derived = int(sums.get(acc.id, 0))
        if acc.balance != derived:
            problems.append(f"account {acc.id} ({acc.label}) caches {acc.balance}, postings sum to {derived}")
        if acc.guarded and derived < 0:
            problems.append(f"account {acc.id} ({acc.label}) is negative: {derived}")
    return problems
