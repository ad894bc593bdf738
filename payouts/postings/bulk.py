"""Many transfers in a handful of statements (the payout batch), each exactly as ``post`` writes it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import Text, any_, bindparam, cast, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm.util import identity_key

from app.bulk import insert_rows, parts
from app.database import on_postgresql
from app.errors import ValidationError
from app.extensions import db
from app.timeutil import utcnow
from payouts.models import MoneyAccount, Posting, Transfer
from payouts.postings.accounts import _lock
from payouts.postings.transfers import _REFS, InsufficientFunds, Leg, _announce, _deltas


@dataclass(frozen=True)
class Planned:
    """One transfer of a bulk posting: what ``post`` takes, as a value."""

    key: str
    reason: str
    legs: tuple[Leg, ...]
    refs: dict



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
    for part in ([moves] if on_postgresql() else parts(moves, 500)):
        if on_postgresql():
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
        loaded = session.identity_map.get(identity_key(MoneyAccount, account_id))
        if loaded is not None:
            session.expire(loaded, ["balance"])
    for item in done:
        _announce(created[item.key], item.key, item.reason, item.legs)
    return created



def _keys_in(keys: list[str]):
    if on_postgresql():
        return Transfer.key == any_(cast(bindparam(None, keys, type_=postgresql.ARRAY(Text)), postgresql.ARRAY(Text)))
    return Transfer.key.in_(keys)



def _check_guards(locked: dict, items, deltas: dict[str, dict[int, int]]) -> None:
    total: dict[int, int] = defaultdict(int)
    for item in items:
        for account_id, delta in deltas[item.key].items():
            total[account_id] += delta
    if any(locked[a].guarded and locked[a].balance + delta < 0 for a, delta in total.items()):
        raise InsufficientFunds(_("Not enough money in the account for this transfer."),
                                fields={"amount": _("Exceeds the available balance.")})

