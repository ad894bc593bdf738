"""``flask --app wsgi payouts …``: reconcile, check the money accounts, run or schedule the payout batch."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import click
from flask.cli import with_appcontext

from app.database import commit


@click.group(help="Money: account checks, reconciliation and payout batches.")
def payouts() -> None:
    pass


def _date(_ctx, _param, value):
    if value is None:
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d")
    except ValueError as exc:
        raise click.BadParameter("use YYYY-MM-DD") from exc
    return day.replace(tzinfo=UTC)


@payouts.command("reconcile", help="Compare our transfers with the provider's balance transactions for a period.")
@click.option("--from", "start", required=True, callback=_date, help="First day (YYYY-MM-DD, UTC).")
@click.option("--to", "end", required=True, callback=_date, help="Last day, included (YYYY-MM-DD, UTC).")
@with_appcontext
def reconcile_command(start, end) -> None:
    from payouts.services.reconciliation import reconcile

    if end < start:
        raise click.BadParameter("--to is before --from")
    report = reconcile(start, end + timedelta(days=1))
    commit()
    click.echo(json.dumps({"reconciliation_id": report.id, "provider": report.provider, **report.result},
                          indent=2, default=str))
    if report.differences:
        raise SystemExit(1)


@payouts.command("check", help="Verify the money accounts: balanced transfers, zero sums, caches equal to postings.")
@with_appcontext
def check_command() -> None:
    from payouts.postings import check_invariants

    problems = check_invariants()
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise SystemExit(1)
    click.echo("ledger ok")


@payouts.command("batch", help="Run the payout batch now (it also runs weekly from the scheduler).")
@with_appcontext
def batch_command() -> None:
    from app.jobs import enqueue
    from payouts.tasks import payout_batch

    job_id = enqueue(payout_batch, description="payout batch")
    commit()
    click.echo(f"queued payout batch job {job_id}")


@payouts.command("seed-demo", help="Fund the demo enterprise's wallet through the offline checkout (idempotent).")
@with_appcontext
def seed_demo_command() -> None:
    from flask import current_app
    from sqlalchemy import select

    from app.auth.models import Organization
    from app.cli import DEMO_ORG
    from app.extensions import db
    from payouts.models import Topup
    from payouts.services import provider_events, topups

    org = db.session.scalar(select(Organization).where(Organization.name == DEMO_ORG))
    if org is None:
        click.echo("No demo organization: run seed-demo first.")
        return
    if db.session.scalar(select(Topup).where(Topup.org_id == org.id, Topup.status == "paid")) is not None:
        click.echo(f"{DEMO_ORG} already has a funded wallet.")
        return
    admin = next((m.user for m in org.memberships if m.role == "enterprise_admin"), None)
    with current_app.test_request_context(base_url="http://127.0.0.1:5000"):
        topup = topups.create_topup(org.id, admin.id if admin else None, 5_000_000, "CNY")
        if topup.provider == "manual":
            provider_events.confirm_simulated_checkout(topup.id, org.id)
    commit()
    click.echo(f"{DEMO_ORG}: wallet funded with 50,000.00 CNY through the offline checkout.")
