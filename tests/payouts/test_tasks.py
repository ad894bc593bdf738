"""Jobs and commands: the scheduled payout batch, reconciliation as a job, the ledger check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.extensions import db
from payouts.ledger import find_balance
from payouts.models import Payout, Reconciliation
from payouts.tasks import RETRY, payout_batch, process_payout, reconcile_period


def test_payout_jobs_have_retries_and_run_on_the_payouts_queue():
    for fn in (process_payout, payout_batch, reconcile_period):
        assert fn.queue_name == "payouts" and fn.retry is not None
    assert RETRY.max >= 3


def test_weekly_batch_pays_eligible_members_once(app, enterprise, fund, earn, create_user, payout_details, drain):
    _, org_id, _ = enterprise()
    fund(org_id, 100_00)
    paid, small, no_account = create_user("member"), create_user("member"), create_user("member")
    earn(org_id, paid, 40_00, interaction_id=1)
    earn(org_id, small, 5_00, interaction_id=2)  # below the minimum
    earn(org_id, no_account, 30_00, interaction_id=3)
    payout_details(paid)
    payout_details(small)
    with app.app_context():
        assert payout_batch() == {"payouts": 1}
    drain()
    with app.app_context():
        assert payout_batch() == {"payouts": 0}  # nothing left to pay: a second run is harmless
        payouts = db.session.scalars(sa.select(Payout)).all()
        assert [(p.member_id, p.amount, p.scheduled) for p in payouts] == [(paid, 40_00, True)]
        assert find_balance("member", paid, "in_transit", "CNY") == 40_00  # awaiting the admin (manual)
        assert find_balance("member", small, "available", "CNY") == 5_00


def test_reconciliation_job_with_the_manual_provider_matches(app, runner, enterprise, fund):
    _, org_id, _ = enterprise()
    fund(org_id, 12_00)
    today = datetime.now(UTC).date()
    with app.app_context():
        result = reconcile_period(today.isoformat(), (today + timedelta(days=1)).isoformat())
        assert result["differences"] == 0
        assert db.session.get(Reconciliation, result["reconciliation_id"]).result["matched"] == 1
    cli = runner.invoke(args=["payouts", "reconcile", "--from", today.isoformat(), "--to", today.isoformat()])
    assert cli.exit_code == 0, cli.output
    assert '"differences": []' in cli.output
    bad = runner.invoke(args=["payouts", "reconcile", "--from", "2026-13-01", "--to", today.isoformat()])
    assert bad.exit_code == 2


def test_ledger_check_command(runner, enterprise, fund):
    _, org_id, _ = enterprise()
    fund(org_id, 1_00)
    result = runner.invoke(args=["payouts", "check"])
    assert result.exit_code == 0 and "ledger ok" in result.output


def test_the_payout_batch_is_a_weekly_periodic_job(app):
    from app.schedule import SCHEDULE

    periodic = SCHEDULE["payout-batch"]
    assert periodic.func is payout_batch and periodic.every == timedelta(days=7)
