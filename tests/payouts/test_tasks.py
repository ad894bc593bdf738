"""Jobs and commands: the scheduled payout batch, reconciliation as a job, the ledger check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.extensions import db
from payouts.models import Payout, Reconciliation
from payouts.postings import find_balance
from payouts.tasks import RETRY, payout_batch, process_payout, reconcile_period
from tests.conftest import redis_down


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


def test_a_withdrawal_whose_job_was_lost_is_picked_up_by_the_sweep(app, enterprise, fund, earn, create_user,
                                                                   payout_details):
    from app.database import commit
    from payouts import services
    from payouts.tasks import STALLED_AFTER, resume_stalled_payouts

    _, org_id, _ = enterprise()
    fund(org_id, 100_00)
    lost, recent = create_user("member"), create_user("member")
    for number, member in enumerate((lost, recent), 1):
        earn(org_id, member, 30_00, interaction_id=number)
        payout_details(member)
    with app.test_request_context():
        # Both committed without their job (as when Redis is down at that moment); one of them long ago.
        stalled = services.request_payout(lost, 30_00, "CNY", enqueue=False)
        fresh = services.request_payout(recent, 30_00, "CNY", enqueue=False)
        stalled.requested_at = datetime.now(UTC) - STALLED_AFTER - timedelta(minutes=1)
        commit()
        stalled_id, fresh_id = stalled.id, fresh.id
    with app.app_context():
        assert resume_stalled_payouts() == {"processing": 1}  # the manual provider: now an admin's to settle
        assert resume_stalled_payouts() == {}
        assert db.session.get(Payout, stalled_id).status == "processing"
        assert db.session.get(Payout, fresh_id).status == "requested"  # its own job may still be on the way


def test_the_stalled_payout_sweep_is_periodic(app):
    from app.schedule import SCHEDULE
    from payouts.tasks import STALLED_EVERY, resume_stalled_payouts

    periodic = SCHEDULE["payout-stalled"]
    assert periodic.func is resume_stalled_payouts and periodic.every == STALLED_EVERY
    assert resume_stalled_payouts.retry is not None


def test_a_withdrawal_while_redis_is_down_is_accepted_and_paid_by_the_sweep(app, client, auth, enterprise, fund, earn,
                                                                          create_user, user_email, payout_details):
    from app.database import commit
    from app.schedule import SCHEDULE
    from payouts.tasks import STALLED_AFTER, process_payout, resume_stalled_payouts

    assert SCHEDULE[process_payout.swept_by].func is resume_stalled_payouts
    _, org_id, _ = enterprise()
    fund(org_id, 100_00)
    member_id = create_user("member")
    earn(org_id, member_id, 30_00, interaction_id=1)
    payout_details(member_id)
    headers = auth.headers(user_email(member_id))
    with redis_down(app):  # when the job is to be queued
        created = client.post("/api/v1/payouts", json={"amount": 30_00, "currency": "CNY"}, headers=headers)
    if app.config["RQ_INLINE"]:
        assert created.status_code == 201  # an inline job needs no Redis
        return
    assert created.status_code == 201, created.json
    with app.app_context():
        payout = db.session.get(Payout, created.json["id"])
        assert payout.status == "requested"
        payout.requested_at = datetime.now(UTC) - STALLED_AFTER - timedelta(minutes=1)
        commit()
        assert resume_stalled_payouts() == {"processing": 1}  # the manual provider: now an admin's to settle
