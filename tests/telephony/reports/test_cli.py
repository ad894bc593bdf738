"""The report commands: a rebuild that changes nothing when the aggregates are up to date."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from telephony.reports.models import ReportBucket
from tests.telephony.reports.test_report_day import day  # noqa: F401 - shared fixture


def test_rebuild_and_deliver_commands(app, day):  # noqa: F811
    before = [(b.bucket, b.offered, b.handled) for b in db.session.scalars(
        select(ReportBucket).where(ReportBucket.campaign_id == day["campaign_id"]).order_by(ReportBucket.bucket))]
    runner = app.test_cli_runner()
    result = runner.invoke(args=["telephony", "reports-rebuild", "--campaign", str(day["campaign_id"])])
    assert result.exit_code == 0, result.output
    assert "5 interactions applied" in result.output
    db.session.expire_all()
    after = [(b.bucket, b.offered, b.handled) for b in db.session.scalars(
        select(ReportBucket).where(ReportBucket.campaign_id == day["campaign_id"]).order_by(ReportBucket.bucket))]
    assert after == before
    delivered = runner.invoke(args=["telephony", "reports-deliver"])
    assert delivered.exit_code == 0 and "scheduled reports delivered" in delivered.output
