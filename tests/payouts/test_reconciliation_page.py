"""The admin's reconciliation report speaks words and money: what crossed the provider boundary and
what differs by name, amounts in major units with the currency, in both languages."""

from datetime import UTC, datetime

from app.database import commit
from app.extensions import db
from tests.helpers.web import sign_in


def test_the_report_names_kinds_and_problems_and_shows_money(app, client, create_user, user_email):
    from payouts.models import Reconciliation

    with app.app_context():
        report = Reconciliation(provider="local", period_from=datetime(2026, 12, 1, tzinfo=UTC),
                                period_to=datetime(2026, 12, 2, tzinfo=UTC), differences=1, result={
                                    "matched": 3, "totals": {"topup:CNY": {"ledger": 500000, "provider": 400000}},
                                    "differences": [{"kind": "payout", "currency": "CNY", "ref": 7, "ledger": 12345,
                                                     "provider": None, "problem": "missing_at_provider"}]})
        db.session.add(report)
        commit()
        report_id = report.id
    sign_in(client, user_email(create_user("admin")))
    page = client.get(f"/payouts/admin/reconciliations/{report_id}").get_data(as_text=True)
    assert "Top-ups" in page and "5,000.00 CNY" in page and "4,000.00 CNY" in page
    assert "Payouts" in page and "123.45 CNY" in page and "Not at the provider" in page
    assert "missing_at_provider" not in page and "topup:CNY" not in page and "500000" not in page
    zh = client.get(f"/payouts/admin/reconciliations/{report_id}",
                    headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert "支付服务商没有记录" in zh and "123.45 元" in zh and "missing_at_provider" not in zh
