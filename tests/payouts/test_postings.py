"""The posting engine's rules: balanced transfers, idempotent keys, guarded accounts, immutable history."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from payouts import services
from payouts.models import Posting, Transfer
from payouts.postings import balance, check_invariants, find_balance


def _transfers(reason: str | None = None) -> int:
    stmt = sa.select(sa.func.count()).select_from(Transfer)
    if reason:
        stmt = stmt.where(Transfer.reason == reason)
    return db.session.scalar(stmt)


def test_escrow_accrue_approve_moves_money_and_keeps_invariants(app, enterprise, fund, create_user):
    _, org_id, _ = enterprise()
    member_id = create_user("member")
    fund(org_id, 100_00)
    with app.app_context():
        services.hold_escrow(7, org_id, 60_00, "CNY", key="campaign:7:publish")
        services.accrue_earning(7, 501, member_id, 20_00, "CNY", key="interaction:501:accrue", org_id=org_id)
        services.approve_earning(501, key="interaction:501:approve", fee_bps=1000)
        services.release_escrow(7, org_id, 40_00, "CNY", key="campaign:7:close")
        assert find_balance("org", org_id, "wallet", "CNY") == 80_00
        assert find_balance("campaign", 7, "escrow", "CNY") == 0
        assert find_balance("member", member_id, "pending", "CNY") == 0
        assert find_balance("member", member_id, "available", "CNY") == 18_00
        assert find_balance("platform", 0, "fees", "CNY") == 2_00
        assert check_invariants() == []


def test_same_key_has_one_effect(app, enterprise, fund):
    _, org_id, _ = enterprise()
    fund(org_id, 50_00)
    with app.app_context():
        first = services.hold_escrow(3, org_id, 10_00, "CNY", key="k-hold")
        again = services.hold_escrow(3, org_id, 10_00, "CNY", key="k-hold")
        assert first.id == again.id
        assert find_balance("campaign", 3, "escrow", "CNY") == 10_00
        assert _transfers("escrow_hold") == 1


def test_a_guarded_account_never_goes_negative(app, enterprise, fund):
    _, org_id, _ = enterprise()
    fund(org_id, 5_00)
    with app.app_context():
        with pytest.raises(Conflict) as caught:
            services.hold_escrow(3, org_id, 5_01, "CNY", key="too-much")
        assert caught.value.code == "insufficient_funds"
        assert find_balance("org", org_id, "wallet", "CNY") == 5_00
        assert db.session.scalar(sa.select(Transfer).where(Transfer.key == "too-much")) is None


@pytest.mark.parametrize("amount", [0, -5, 1.5, "10", True])
def test_bad_amounts_are_refused(app, amount):
    with app.app_context(), pytest.raises(ValidationError) as caught:
        services.hold_escrow(1, 1, amount, "CNY", key="bad")
    assert "amount" in caught.value.fields


def test_unknown_currency_is_refused(app):
    with app.app_context(), pytest.raises(ValidationError) as caught:
        services.hold_escrow(1, 1, 100, "XXX", key="bad")
    assert "currency" in caught.value.fields


def test_reversal_is_a_new_transfer_and_the_original_is_untouched(app, enterprise, fund, create_user):
    _, org_id, _ = enterprise()
    member_id = create_user("member")
    fund(org_id, 30_00)
    with app.app_context():
        services.hold_escrow(9, org_id, 30_00, "CNY", key="h9")
        accrual = services.accrue_earning(9, 77, member_id, 12_00, "CNY", key="a77", org_id=org_id)
        reversal = services.reverse_earning(77, key="r77")
        assert reversal.id != accrual.id and reversal.reverses_id == accrual.id
        assert db.session.get(Transfer, accrual.id).amount == 12_00
        assert find_balance("member", member_id, "pending", "CNY") == 0
        assert find_balance("campaign", 9, "escrow", "CNY") == 30_00
        # A settled earning cannot be approved afterwards, and the same key stays one effect.
        with pytest.raises(Conflict):
            services.approve_earning(77, key="approve-after-reject")
        assert services.reverse_earning(77, key="r77").id == reversal.id
        assert check_invariants() == []


def test_reverse_to_wallet_refunds_the_enterprise(app, enterprise, fund, create_user):
    _, org_id, _ = enterprise()
    member_id = create_user("member")
    fund(org_id, 10_00)
    with app.app_context():
        services.hold_escrow(4, org_id, 10_00, "CNY", key="h4")
        services.accrue_earning(4, 88, member_id, 10_00, "CNY", key="a88", org_id=org_id)
        services.reverse_earning(88, key="r88", to="wallet")
        assert find_balance("org", org_id, "wallet", "CNY") == 10_00


def test_approving_an_unknown_interaction_is_404(app):
    with app.app_context(), pytest.raises(NotFound):
        services.approve_earning(999_999, key="nope")


def test_the_database_refuses_to_edit_history(app, enterprise, fund):
    _, org_id, _ = enterprise()
    fund(org_id, 10_00)
    with app.app_context():
        transfer_id = db.session.scalar(sa.select(Transfer.id).where(Transfer.org_id == org_id))
        for statement in (sa.update(Transfer).where(Transfer.id == transfer_id).values(amount=1),
                          sa.delete(Posting).where(Posting.transfer_id == transfer_id)):
            savepoint = db.session.begin_nested()
            with pytest.raises(sa.exc.DatabaseError):
                db.session.execute(statement)
            savepoint.rollback()
        assert db.session.get(Transfer, transfer_id).amount == 10_00


def test_cached_balance_equals_the_sum_of_postings(app, enterprise, fund):
    _, org_id, _ = enterprise()
    fund(org_id, 10_00)
    fund(org_id, 2_50)
    with app.app_context():
        from payouts.models import MoneyAccount

        wallet = db.session.scalar(sa.select(MoneyAccount).where(MoneyAccount.owner_id == org_id,
                                                                  MoneyAccount.purpose == "wallet"))
        assert wallet.balance == balance(wallet) == 12_50


def test_every_transfer_sends_money_transferred(app, enterprise, fund):
    from app import events

    _, org_id, _ = enterprise()
    seen = []

    def _record(sender, **payload):
        seen.append((sender, payload))

    events.money_transferred.connect(_record)
    try:
        fund(org_id, 3_00)
        fund_again = len(seen)
        with app.app_context():
            services.hold_escrow(5, org_id, 1_00, "CNY", key="sig-hold")
            services.hold_escrow(5, org_id, 1_00, "CNY", key="sig-hold")
    finally:
        events.money_transferred.disconnect(_record)
    assert fund_again == 1
    assert len(seen) == 2
    sender, payload = seen[-1]
    assert sender == "payouts" and payload["amount"] == 1_00 and payload["key"] == "sig-hold"
    assert payload["reason"] == "escrow_hold" and payload["currency"] == "CNY"


def _outbox_rows(key: str) -> int:
    """Audit-ledger outbox rows of ``money_transferred`` naming ``key`` (a flush first, as any ORM read)."""
    db.session.flush()
    return db.session.scalar(sa.text("SELECT count(*) FROM ledger_queue WHERE kind = 'money_transferred' "
                                     "AND entry LIKE :pattern"), {"pattern": f'%"key":"{key}"%'})


def test_each_transfer_writes_its_outbox_row_in_its_own_transaction(app, enterprise, fund, create_user):
    _, org_id, _ = enterprise()
    member_id = create_user("member")
    fund(org_id, 10_00)
    with app.app_context():
        services.hold_escrow(8, org_id, 5_00, "CNY", key="outbox:hold")
        services.accrue_earning(8, 801, member_id, 3_00, "CNY", key="outbox:accrue", org_id=org_id)
        services.approve_earning(801, key="outbox:approve", fee_bps=1000)
        assert [_outbox_rows(k) for k in ("outbox:hold", "outbox:accrue", "outbox:approve")] == [1, 1, 1]
        db.session.rollback()
        assert [_outbox_rows(k) for k in ("outbox:hold", "outbox:accrue", "outbox:approve")] == [0, 0, 0]
        assert _transfers("earning_accrued") == 0


on_postgres = pytest.mark.skipif(not (os.environ.get("DATABASE_URL") or "").startswith("postgres"),
                                 reason="the single-statement write and the plans are PostgreSQL's")


@pytest.fixture
def statements(app):
    """The SQL statements sent to the database while the test runs, as ``(text, parameters)``."""
    seen: list[tuple[str, object]] = []

    def _record(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", _record)
    yield seen
    sa.event.remove(engine, "before_cursor_execute", _record)


@on_postgres
def test_a_transfer_is_two_statements_on_postgresql(app, enterprise, fund, create_user, statements):
    _, org_id, _ = enterprise()
    member_id = create_user("member")
    fund(org_id, 10_00)
    with app.app_context():
        services.hold_escrow(9, org_id, 5_00, "CNY", key="two:hold")
        for interaction in (900, 901):
            services.accrue_earning(9, interaction, member_id, 1_50, "CNY", key=f"two:accrue:{interaction}",
                                    org_id=org_id)
        services.approve_earning(900, key="two:approve:900", fee_bps=1000)  # the accounts are known now
        statements.clear()
        services.approve_earning(901, key="two:approve", fee_bps=1000)
        # The earning's transfers by key or interaction, the accounts' lock, then the write.
        assert len(statements) == 3, [s for s, _ in statements]
        assert statements[1][0].startswith("SELECT id, guarded, balance") and "FOR UPDATE" in statements[1][0]
        assert statements[2][0].startswith("WITH t AS (INSERT INTO money_transfers")
        assert find_balance("member", member_id, "available", "CNY") == 2 * 1_35
        assert _outbox_rows("two:approve") == 1
        assert check_invariants() == []


def _write(key: str, moves: dict[int, int], **refs):
    """The PostgreSQL write statement on its own, as ``post`` sends it after taking the locks."""
    from app.timeutil import utcnow
    from payouts.postings.transfers import _REFS, _WRITE_PG

    values = dict.fromkeys(_REFS)
    values.update(refs, key=key, reason="test", currency="CNY", amount=sum(d for d in moves.values() if d > 0),
                  created_at=utcnow(), ids=list(moves), deltas=list(moves.values()))
    return db.session.execute(_WRITE_PG, values).first()


@on_postgres
def test_the_write_statement_moves_nothing_when_the_key_is_taken(app, enterprise, fund):
    from payouts.postings import account

    _, org_id, _ = enterprise()
    fund(org_id, 10_00)
    with app.app_context():
        wallet, escrow = account("org", org_id, "wallet", "CNY"), account("campaign", 11, "escrow", "CNY")
        services.hold_escrow(11, org_id, 4_00, "CNY", key="taken")
        postings = db.session.scalar(sa.select(sa.func.count()).select_from(Posting))
        assert _write("taken", {wallet.id: -1_00, escrow.id: 1_00}) is None
        assert find_balance("org", org_id, "wallet", "CNY") == 6_00
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Posting)) == postings
        assert check_invariants() == []


@on_postgres
def test_the_write_statement_refuses_to_overdraw_a_guarded_account(app, enterprise, fund):
    from payouts.postings import account

    _, org_id, _ = enterprise()
    fund(org_id, 10_00)
    with app.app_context():
        wallet, escrow = account("org", org_id, "wallet", "CNY"), account("campaign", 12, "escrow", "CNY")
        written = _write("overdraw", {wallet.id: -10_01, escrow.id: 10_01})
        assert written.moved == 1  # only the escrow's credit: the wallet's guard refused (post raises then)
        assert find_balance("org", org_id, "wallet", "CNY") == 10_00


@on_postgres
def test_accounts_of_many_owners_are_one_index_lookup_each(app, create_user, statements):
    """Whatever the statistics (here: none), each owner's account is found on the unique index, not
    by scanning every account of the purpose once per owner."""
    from payouts.postings.accounts import _CACHE, accounts_of

    members = [create_user("member") for _ in range(5)]
    with app.app_context():
        accounts_of("member", members, "available", "CNY")
        db.session.info.pop(_CACHE, None)
        statements.clear()
        found = accounts_of("member", members, "available", "CNY")
        assert sorted(found) == sorted(members)
        (lookup, parameters), = statements
        plan = db.session.connection().exec_driver_sql("EXPLAIN (FORMAT JSON) " + lookup, parameters).scalar()
    nodes, todo = [], [plan[0]["Plan"]]
    while todo:
        node = todo.pop()
        nodes.append(node)
        todo += [dict(child, parent=node["Node Type"]) for child in node.get("Plans", [])]
    scans = [n for n in nodes if n.get("Relation Name") == "money_accounts"]
    assert len(scans) == 1 and "owner_id = " in scans[0].get("Index Cond", ""), scans
    assert scans[0]["parent"] == "Limit"
    assert not [n for n in nodes if n["Node Type"] in ("Hash Join", "Merge Join")]
