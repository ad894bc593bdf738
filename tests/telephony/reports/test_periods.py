"""Periods in the viewer's zone across a clock change and ISO weeks; the contribution of one call;
the spreadsheet guard; the request checks."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.errors import ValidationError
from app.textfile import spreadsheet_safe
from telephony.reports import exports, figures, queries

BERLIN = ZoneInfo("Europe/Berlin")  # clocks go back 2026-10-25 03:00 → 02:00


def _buckets(start: datetime, end: datetime):
    while start < end:
        yield start
        start += timedelta(minutes=15)


def test_a_day_in_a_dst_zone_has_23_or_25_hours():
    start, end = figures.local_range(date(2026, 10, 25), date(2026, 10, 25), BERLIN)
    assert (end - start) == timedelta(hours=25)
    days = {figures.period_key(figures.period_of(b, "day", BERLIN)) for b in _buckets(start, end)}
    assert len(days) == 1
    spring_start, spring_end = figures.local_range(date(2026, 3, 29), date(2026, 3, 29), BERLIN)
    assert spring_end - spring_start == timedelta(hours=23)


def test_the_repeated_hour_is_two_intervals_told_apart_by_the_offset():
    start, end = figures.local_range(date(2026, 10, 25), date(2026, 10, 25), BERLIN)
    periods = {}
    for b in _buckets(start, end):
        p = figures.period_of(b, "interval", BERLIN, 30)
        periods.setdefault(figures.period_key(p), p)
    assert len(periods) == 50  # 25 hours of half hours
    labels = sorted(p.isoformat() for p in periods.values() if p.hour == 2 and p.minute == 0)
    assert labels == ["2026-10-25T02:00:00+01:00", "2026-10-25T02:00:00+02:00"]


def test_iso_weeks_start_on_monday_and_cross_the_year():
    tz = ZoneInfo("Asia/Shanghai")
    # Thursday 2026-12-31 23:45 Shanghai is in ISO week 2026-W53, which starts on Monday 28 December.
    bucket = datetime(2026, 12, 31, 15, 45, tzinfo=UTC)
    week = figures.period_of(bucket, "week", tz)
    assert week.isoformat() == "2026-12-28T00:00:00+08:00"
    assert figures.period_label(week, "week") == "2026-W53"
    # Friday 2027-01-01 00:00 Shanghai is still the same ISO week, but January for the month.
    after = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
    assert figures.period_of(after, "week", tz) == week
    assert figures.period_label(figures.period_of(after, "month", tz), "month") == "2027-01"
    # The same instant in UTC is still Thursday 31 December.
    assert figures.period_of(after, "day", ZoneInfo("UTC")).date() == date(2026, 12, 31)


def test_a_zone_with_a_quarter_hour_offset_cuts_half_hours_on_its_own_clock():
    kathmandu = ZoneInfo("Asia/Kathmandu")  # UTC+05:45
    bucket = datetime(2026, 12, 4, 4, 30, tzinfo=UTC)  # 10:15 local
    assert figures.period_of(bucket, "interval", kathmandu, 30).isoformat() == "2026-12-04T10:00:00+05:45"
    assert figures.period_of(bucket, "interval", kathmandu, 15).isoformat() == "2026-12-04T10:15:00+05:45"


def test_one_calls_contribution():
    rules = figures.Rules(target_seconds=20, short_abandon_seconds=5, pay_per_call=100, pay_per_talk_minute=60,
                          success_bonus=10)
    done = figures.contribution(direction="outbound", state="completed", answered=True, wait_seconds=4,
                                talk_seconds=90, hold_seconds=10, wrapup_seconds=5, disposition="ok",
                                outcome="success", member_id=1, rules=rules, qa_score=80, qa_decision="approve")
    assert done == {"offered": 1, "answered": 1, "answered_in_target": 1, "wait_seconds": 4, "attempted": 1,
                    "reached": 1, "handled": 1, "talk_seconds": 90, "hold_seconds": 10, "wrapup_seconds": 5,
                    "handle_seconds": 105, "succeeded": 1, "earnings": 100 + 90 + 10, "qa_count": 1,
                    "qa_score_sum": 80, "qa_approve": 1}
    unanswered = figures.contribution(direction="outbound", state="failed", answered=False, wait_seconds=30,
                                      talk_seconds=None, hold_seconds=0, wrapup_seconds=None, disposition=None,
                                      outcome=None, member_id=None, rules=rules)
    assert unanswered == {"attempted": 1}
    assert figures.difference({"offered": 1, "answered": 1}, {"offered": 1, "abandoned": 1}) == {
        "answered": 1, "abandoned": -1}


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_looking_text_is_kept_as_text(text):
    assert spreadsheet_safe(text) == "'" + text
    assert spreadsheet_safe("Refund issued") == "Refund issued" and spreadsheet_safe(-5) == -5
    csv_text = "".join(exports.as_csv([["notes"], [text]])).lstrip("\ufeff")
    assert list(csv.reader(io.StringIO(csv_text, newline="")))[1] == ["'" + text]


def test_xlsx_cells_are_not_formulas():
    from openpyxl import load_workbook

    data = exports.as_xlsx([["notes", "count"], ["=1+1", 3], ["fine", None]], "t")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value == "'=1+1" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == 3 and sheet["B3"].value is None


@pytest.mark.parametrize(("args", "field"), [
    (("2026-12-05", "2026-12-04", "day", "UTC"), "to"),  # backwards
    (("2026-01-01", "2026-03-01", "interval", "UTC"), "to"),  # too long for intervals
    (("2024-01-01", "2026-03-01", "day", "UTC"), "to"),  # too long for days
    (("2026-12-01", "2026-12-04", "day", "Mars/Olympus"), "tz"),
    (("2026-13-01", "2026-12-04", "day", "UTC"), "from"),
    (("2026-12-01", "2026-12-04", "year", "UTC"), "by"),
])
def test_bad_requests_name_the_field(app, args, field):
    with app.test_request_context(), pytest.raises(ValidationError) as caught:
        queries.window(*args)
    assert field in caught.value.fields
    assert caught.value.status == 422
