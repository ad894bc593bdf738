"""A small simulated day on an inbound campaign, every figure of its report checked against values
computed by hand; the aggregates equal the raw computation and count a replay once."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import events
from app.extensions import db
from telephony.campaigns import Campaign
from telephony.reports.models import ReportBucket

# 2026-12-04 16:00 in Shanghai (UTC+8).
DAY_START = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
PHONE_A, PHONE_B = "+8613812345678", "+8613912345679"
REPORT = "/api/v1/campaigns/{}/report?from=2026-12-04&to=2026-12-04&by={}&tz=Asia/Shanghai"


def t(minutes: float, seconds: float = 0) -> datetime:
    return DAY_START + timedelta(minutes=minutes, seconds=seconds)


@pytest.fixture
def day(app, ctx, enterprise, member, campaign):
    """Five calls between 16:00 and 17:11 local time, handled by two members:

    A 16:00:00 answered after 10 s by M1, 120 s talk, 30 s wrap-up, resolved (success)
    B 16:05:00 answered after 30 s by M2, 120 s on the line of which 20 s on hold, 20 s wrap-up, follow-up
    C 16:20:00 abandoned after 3 s (short, within target)
    D 16:40:00 abandoned after 40 s
    E 17:10:00 the customer of A again, answered after 5 s by M1, 60 s talk, no wrap-up, resolved
    M1 reachable 16:00–17:30, M2 16:00–16:30. QA: A 90 approve, B 55 reject. CSAT: A 4, E 5."""
    from telephony import earnings, services

    owner = enterprise()
    campaign_id = campaign(owner)
    m1, _ = member()
    m2, _ = member()
    earnings.record_presence(m1, "available", at=t(0))
    earnings.record_presence(m2, "available", at=t(0))

    def call(minute, phone, wait, member_id=None, talk=0, hold=0, wrapup=0, code="resolved", abandon=False):
        interaction = services.create_interaction(campaign_id, "inbound", customer_phone=phone, at=t(minute))
        if abandon:
            services.mark_abandoned(interaction.id, at=t(minute, wait))
            return interaction.id
        services.record_offer(interaction.id, member_id, offer_id=f"o{interaction.id}", at=t(minute, wait - 2))
        services.mark_answered(interaction.id, member_id, at=t(minute, wait))
        if hold:
            services.mark_held(interaction.id, at=t(minute, wait + 30))
            services.mark_resumed(interaction.id, at=t(minute, wait + 30 + hold))
        services.begin_wrapup(interaction.id, at=t(minute, wait + talk + hold))
        services.set_disposition(interaction.id, member_id, code)
        services.complete_interaction(interaction.id, at=t(minute, wait + talk + hold + wrapup))
        return interaction.id

    a = call(0, PHONE_A, 10, m1, talk=120, wrapup=30)
    b = call(5, PHONE_B, 30, m2, talk=100, hold=20, wrapup=20, code="follow_up")
    call(20, "+8613700000001", 3, abandon=True)
    call(40, "+8613700000002", 40, abandon=True)
    e = call(70, PHONE_A, 5, m1, talk=60)
    earnings.record_presence(m2, "offline", at=t(30))
    earnings.record_presence(m1, "offline", at=t(90))
    for interaction_id, score, decision in ((a, 90, "approve"), (b, 55, "reject"), (a, 90, "approve")):  # A replayed
        events.send(events.qa_decided, "quality", interaction_id=interaction_id, campaign_id=campaign_id,
                    member_id=m1, score=score, decision=decision, scorecard_id=1, scorecard_version=1)
    for interaction_id, score in ((a, 4), (e, 5)):
        events.send(events.csat_recorded, "quality", interaction_id=interaction_id, campaign_id=campaign_id,
                    member_id=m1, score=score)
    db.session.flush()
    return {"owner": owner, "campaign_id": campaign_id, "m1": m1, "m2": m2, "ids": (a, b, e)}


def test_the_day_by_hand(client, day):
    body = client.get(REPORT.format(day["campaign_id"], "day"), headers=day["owner"]["headers"])
    assert body.status_code == 200, body.json
    assert len(body.json["rows"]) == 1
    row = body.json["rows"][0]
    assert row["period_start"] == "2026-12-04T00:00:00+08:00"
    expected = {
        "offered": 5, "answered": 3, "abandoned": 2, "abandoned_short": 1,
        "service_level": round(2 / 3, 4),  # A (10 s) and E (5 s) within 20 s; B (30 s) not
        "sl2": 0.6,  # (2 answered + C abandoned within target) / (3 + 2)
        "asa_seconds": 15.0,  # (10 + 30 + 5) / 3
        "handled": 3, "aht_seconds": 116.7,  # (150 + 140 + 60) / 3
        "aht_talk_seconds": 93.3, "aht_hold_seconds": 6.7, "aht_wrapup_seconds": 16.7,
        "occupancy": round(350 / 7200, 4),  # handle 350 s of 5,400 + 1,800 s reachable
        "abandon_rate": 0.4,
        "fcr": round(2 / 3, 4),  # A's customer called again (E) within 7 days
        "qa_average": 72.5, "qa_scored": 2, "qa_approve": 1, "qa_review": 0, "qa_reject": 1,
        "csat": 4.5, "csat_responses": 2,
        # A: 350 + 240 talk + 200 bonus; B rejected (refunded); E: 350 + 120 + 200
        "earnings": 790 + 670, "fees": 146, "cost": 1606, "cost_per_handled": 535,
    }
    assert {key: row[key] for key in expected} == expected
    totals = body.json["totals"]
    assert {key: totals[key] for key in expected} == expected
    assert totals["budget"] == 1_000_000 and totals["budget_used"] == round(1606 / 1_000_000, 4)
    assert totals["over_abandon_cap"] is True
    from marketplace.staffing.plans import staffing_plan

    planned = staffing_plan(db.session.get(Campaign, day["campaign_id"]))["estimated_cost"]
    assert totals["planned_cost"] == planned and totals["cost_against_plan"] == round(1606 / planned, 4)
    assert totals["forecast_calls"] is None  # the forecast is for another day


def test_the_day_by_half_hour(client, day):
    body = client.get(REPORT.format(day["campaign_id"], "interval"), headers=day["owner"]["headers"]).json
    assert [(r["period_start"], r["offered"], r["answered"], r["abandoned"]) for r in body["rows"]] == [
        ("2026-12-04T16:00:00+08:00", 3, 2, 1), ("2026-12-04T16:30:00+08:00", 1, 0, 1),
        ("2026-12-04T17:00:00+08:00", 1, 1, 0)]
    quarter = client.get(REPORT.format(day["campaign_id"], "interval") + "&interval_minutes=15",
                         headers=day["owner"]["headers"]).json
    assert [r["period_start"][11:16] for r in quarter["rows"]] == ["16:00", "16:15", "16:30", "17:00"]


def _claim(campaign_id, member_id, start, end, state):
    from marketplace.models import Claim, Shift

    shift = db.session.scalar(select(Shift).where(Shift.campaign_id == campaign_id).limit(1))
    db.session.add(Claim(shift_id=shift.id, campaign_id=campaign_id, member_id=member_id, starts_at=start,
                         ends_at=end, state=state, checked_in_at=start if state == "checked_in" else None))
    db.session.flush()


def test_per_member_and_own_figures(client, day, user_email, auth):
    # M1 checked in to 16:00–17:30 and missed 18:00–19:00; M2 claimed 16:00–16:30 and never checked in.
    _claim(day["campaign_id"], day["m1"], t(0), t(90), "checked_in")
    _claim(day["campaign_id"], day["m1"], t(120), t(180), "no_show")
    _claim(day["campaign_id"], day["m2"], t(0), t(30), "claimed")
    body = client.get(f"/api/v1/campaigns/{day['campaign_id']}/report/members?from=2026-12-04&to=2026-12-04"
                      "&tz=Asia/Shanghai", headers=day["owner"]["headers"]).json
    rows = {r["member_id"]: r for r in body["rows"]}
    assert rows[day["m1"]]["calls"] == 2 and rows[day["m1"]]["talk_seconds"] == 180
    assert rows[day["m1"]]["occupancy"] == round(210 / 5400, 4)
    assert rows[day["m1"]]["qa_average"] == 90.0 and rows[day["m1"]]["csat"] == 4.5
    assert rows[day["m1"]]["earnings"] == 1460
    assert rows[day["m2"]]["calls"] == 1 and rows[day["m2"]]["earnings"] == 0  # rejected
    assert (rows[day["m1"]]["shifts_checked_in"], rows[day["m1"]]["shifts_claimed"], rows[day["m1"]]["adherence"]) \
        == (1, 2, 0.5)
    assert rows[day["m2"]]["adherence"] == 0.0
    assert body["totals"]["calls"] == 3 and body["totals"]["adherence"] == round(1 / 3, 4)
    mine = client.get("/api/v1/reports/me?from=2026-12-04&to=2026-12-04&tz=Asia/Shanghai",
                      headers=auth.headers(user_email(day["m2"])))
    assert mine.status_code == 200 and mine.json["totals"]["calls"] == 1
    assert mine.json["totals"]["talk_seconds"] == 100


def test_aggregates_equal_the_raw_computation_and_count_a_replay_once(client, day):
    from telephony import services
    from telephony.reports import queries
    from telephony.reports.services import rebuild_campaign

    campaign = db.session.get(Campaign, day["campaign_id"])
    win = queries.window("2026-12-04", "2026-12-04", "interval", "Asia/Shanghai", 15)
    keys = ("offered", "answered", "abandoned", "abandoned_short", "service_level", "sl2", "asa_seconds", "handled",
            "aht_seconds", "aht_talk_seconds", "aht_hold_seconds", "aht_wrapup_seconds", "abandon_rate")

    def figures(report):
        return [{k: r[k] for k in ("period_start", *keys)} for r in report["rows"]]

    before = queries.campaign_report(campaign, win)
    assert figures(before) == figures(queries.campaign_report(campaign, win, raw=True))
    buckets = [tuple(getattr(b, k) for k in ("bucket", "offered", "handled", "earnings"))
               for b in db.session.scalars(select(ReportBucket).where(ReportBucket.campaign_id == campaign.id)
                                           .order_by(ReportBucket.bucket))]
    a, _b, _e = day["ids"]
    services.complete_interaction(a, at=t(5))  # a replayed completion
    events.send(events.interaction_completed, "telephony", interaction_id=a, campaign_id=campaign.id,
                member_id=day["m1"], disposition="resolved", talk_seconds=120, handle_seconds=150, outcome="success")
    rebuild_campaign(campaign.id)  # and a repair over everything
    db.session.expire_all()
    again = [tuple(getattr(b, k) for k in ("bucket", "offered", "handled", "earnings"))
             for b in db.session.scalars(select(ReportBucket).where(ReportBucket.campaign_id == campaign.id)
                                         .order_by(ReportBucket.bucket))]
    assert again == buckets
    assert queries.campaign_report(campaign, win) == before


def test_csv_and_xlsx_carry_the_same_figures(client, day):
    url = REPORT.format(day["campaign_id"], "day").replace("/report?", "/report.{}?")
    csv = client.get(url.format("csv"), headers=day["owner"]["headers"])
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    lines = csv.get_data(as_text=True).lstrip("\ufeff").splitlines()
    header = lines[0].split(",")
    day_row = dict(zip(header, lines[1].split(","), strict=True))
    assert day_row["period"] == "2026-12-04" and day_row["offered"] == "5" and day_row["sl2"] == "0.6"
    assert lines[2].startswith("Total,")
    xlsx = client.get(url.format("xlsx"), headers=day["owner"]["headers"])
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == header
    found = dict(zip(rows[0], rows[1], strict=True))
    assert found["offered"] == 5 and found["answered"] == 3 and found["service_level"] == round(2 / 3, 4)
    assert found["asa_seconds"] == 15.0 and found["cost"] == 1606
    assert rows[2][0] == "Total"
    calls = client.get(url.format("xlsx") + "&rows=interaction", headers=day["owner"]["headers"])
    rows = list(load_workbook(io.BytesIO(calls.data)).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 5
    assert rows[1][1] == "2026-12-04T16:00:00+08:00" and rows[1][2] == "inbound"
    assert not any(PHONE_A[3:] in str(cell) for row in rows for cell in row)  # never a number
