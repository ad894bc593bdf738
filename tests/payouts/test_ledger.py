"""The ledger's rules: balanced transfers, idempotent keys, guarded accounts, immutable history."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from payouts import services
from payouts.ledger import balance, check_invariants, find_balance
from payouts.models import Posting, Transfer


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
        from payouts.models import LedgerAccount

        wallet = db.session.scalar(sa.select(LedgerAccount).where(LedgerAccount.owner_id == org_id,
                                                                  LedgerAccount.purpose == "wallet"))
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
def test_accounts_of_many_owners_are_one_index_lookup_each(app, create_user, statements):
    """Whatever the statistics (here: none), each owner's account is found on the unique index, not
    by scanning every account of the purpose once per owner."""
    from payouts.ledger import _CACHE, accounts_of

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
