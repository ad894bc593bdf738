"""Scheduled reports: each ended period written once as a file kept in the app, announced to its
owner, downloadable by them only; set up from the report page."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.errors import NotFound
from app.extensions import db
from app.notifications.models import Notification
from telephony.campaigns import Campaign
from telephony.reports import schedules
from telephony.reports.models import ReportFile
from tests.helpers.web import csrf_token, sign_in
from tests.telephony.reports.test_report_day import day  # noqa: F401 - shared fixture


def test_the_last_ended_periods():
    today = date(2027, 1, 4)  # a Monday
    assert schedules.last_ended_period("daily", today) == (date(2027, 1, 3), date(2027, 1, 3))
    assert schedules.last_ended_period("weekly", today) == (date(2026, 12, 28), date(2027, 1, 3))
    assert schedules.last_ended_period("monthly", today) == (date(2026, 12, 1), date(2026, 12, 31))


def test_a_daily_report_is_delivered_once(client, day, user_email, enterprise):  # noqa: F811
    owner_id = day["owner"]["admin_id"]
    campaign = db.session.get(Campaign, day["campaign_id"])
    schedules.schedule_report(campaign, owner_id, "daily", "xlsx")
    next_morning = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)
    assert schedules.deliver_due(next_morning) == 1
    assert schedules.deliver_due(next_morning) == 0  # a second run writes nothing more
    found = db.session.scalars(select(ReportFile).where(ReportFile.user_id == owner_id)).one()
    assert (found.first_day, found.last_day) == (date(2026, 12, 4), date(2026, 12, 4))
    rows = list(load_workbook(io.BytesIO(found.content)).active.iter_rows(values_only=True))
    totals = dict(zip(rows[0], rows[-1], strict=True))
    assert totals["period"] == "Total" and totals["offered"] == 5 and totals["answered"] == 3
    note = db.session.scalars(select(Notification).where(Notification.user_id == owner_id,
                                                         Notification.kind == "report_ready")).one()
    assert note.link == f"/reports/files/{found.id}"

    sign_in(client, user_email(owner_id))
    download = client.get(note.link)
    assert download.status_code == 200 and download.data == found.content
    page = client.get(f"/reports/campaigns/{campaign.id}?from=2026-12-04&to=2026-12-04").get_data(as_text=True)
    assert found.filename in page
    with pytest.raises(NotFound):  # another user's file (the page answers 404)
        schedules.own_file(found.id, enterprise()["admin_id"])


def test_scheduling_from_the_page(client, enterprise, campaign, user_email):
    owner = enterprise()
    campaign_id = campaign(owner)
    sign_in(client, user_email(owner["admin_id"]))
    page = f"/reports/campaigns/{campaign_id}"
    made = client.post(f"{page}/schedules", data={"frequency": "weekly", "file_format": "csv",
                                                  "csrf_token": csrf_token(client, page)})
    assert made.status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert 'data-testid="schedule-list"' in html and "CSV" in html
    bad = client.post(f"{page}/schedules", data={"frequency": "hourly", "file_format": "csv",
                                                 "csrf_token": csrf_token(client, page)}, follow_redirects=True)
    assert bad.status_code == 200 and html.count("<li>") == bad.get_data(as_text=True).count("<li>")
