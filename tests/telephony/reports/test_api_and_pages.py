"""The reports API's error contract and tenancy, and the pages in both languages."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tests.helpers.web import csrf_token, in_chinese, sign_in
from tests.telephony.reports.test_report_day import day  # noqa: F401 - shared fixture

BASE = "/api/v1/campaigns/{}/report"


@pytest.mark.parametrize(("query", "field"), [
    ("from=2026-12-05&to=2026-12-04", "to"),
    ("from=2026-01-01&to=2026-03-01&by=interval", "to"),
    ("from=2026-12-01&to=2026-12-04&tz=Not/AZone", "tz"),
    ("from=2026-12-01&to=yesterday", "to"),
    ("from=2026-12-01&to=2026-12-04&by=fortnight", "by"),
    ("to=2026-12-04", "from"),
])
def test_bad_input_is_a_422_naming_the_field(client, enterprise, campaign, query, field):
    owner = enterprise()
    campaign_id = campaign(owner)
    for ending in ("", ".csv", ".xlsx"):
        response = client.get(BASE.format(campaign_id) + f"{ending}?{query}", headers=owner["headers"])
        assert response.status_code == 422, response.data
        assert response.json["error"]["code"] == "validation_error"
        assert field in response.json["error"]["fields"]


def test_the_message_is_in_the_requests_language(client, enterprise, campaign):
    owner = enterprise()
    campaign_id = campaign(owner)
    response = client.get(BASE.format(campaign_id) + "?from=2026-12-05&to=2026-12-04",
                          headers={**owner["headers"], "Accept-Language": "zh-CN"})
    assert response.status_code == 422
    assert "开始" in response.json["error"]["fields"]["to"]


def test_another_tenants_campaign_is_not_found(client, enterprise, campaign, member):
    owner, other = enterprise(), enterprise()
    campaign_id = campaign(owner)
    for path in ("", ".csv", ".xlsx", "/members", "/members.csv"):
        response = client.get(BASE.format(campaign_id) + f"{path}?from=2026-12-01&to=2026-12-04",
                              headers=other["headers"])
        assert response.status_code == 404, path
    _member_id, member_headers = member()
    assert client.get(BASE.format(campaign_id) + "?from=2026-12-01&to=2026-12-04",
                      headers=member_headers).status_code == 403
    assert client.get(BASE.format(999_999) + "?from=2026-12-01&to=2026-12-04",
                      headers=owner["headers"]).status_code == 404


def test_an_empty_range_has_no_rows_and_zero_totals(client, enterprise, campaign):
    owner = enterprise()
    campaign_id = campaign(owner)
    body = client.get(BASE.format(campaign_id) + "?from=2026-12-01&to=2026-12-04&by=week",
                      headers=owner["headers"]).json
    assert body["rows"] == [] and body["totals"]["offered"] == 0 and body["totals"]["service_level"] is None


def test_formula_text_in_notes_is_neutralised_in_the_export(app, ctx, client, enterprise, member, campaign, handled):
    from telephony import services

    owner = enterprise()
    campaign_id = campaign(owner)
    member_id, _ = member()
    interaction_id = handled(campaign_id, member_id)
    services.set_disposition(interaction_id, member_id, "resolved", '=HYPERLINK("http://evil","call 13812345678")')
    services.complete_interaction(interaction_id)
    url = BASE.format(campaign_id) + ".{}?from=2026-12-04&to=2026-12-04&tz=UTC&rows=interaction"
    text = client.get(url.format("csv"), headers=owner["headers"]).get_data(as_text=True)
    assert "'=HYPERLINK" in text and "13812345678" not in text
    sheet = load_workbook(io.BytesIO(client.get(url.format("xlsx"), headers=owner["headers"]).data)).active
    notes = sheet.cell(row=2, column=13)
    assert notes.data_type == "s" and notes.value.startswith("'=HYPERLINK")


def test_the_pages_show_the_day(app, client, day, user_email):  # noqa: F811
    sign_in(client, user_email(day["owner"]["admin_id"]))
    url = f"/reports/campaigns/{day['campaign_id']}?from=2026-12-04&to=2026-12-04&by=interval&tz=Asia/Shanghai"
    html = client.get(url).get_data(as_text=True)
    assert 'data-testid="report-chart"' in html and html.count("<rect") == 6
    assert 'data-testid="total-offered">5<' in html and "Service level (SL2)" in html
    assert "data-download-status" in html and html.count("data-progress download") == 4
    assert client.get("/reports/static/reports.js").status_code == 200
    csv = client.get(f"/reports/campaigns/{day['campaign_id']}/download.csv?from=2026-12-04&to=2026-12-04"
                     "&tz=Asia/Shanghai&what=members")
    assert csv.status_code == 200 and "member_id" in csv.get_data(as_text=True)
    members = client.get(f"/reports/campaigns/{day['campaign_id']}/members?from=2026-12-04&to=2026-12-04")
    assert members.status_code == 200 and 'data-testid="members-table"' in members.get_data(as_text=True)
    bad = client.get(f"/reports/campaigns/{day['campaign_id']}?from=2026-12-05&to=2026-12-04")
    assert bad.status_code == 422 and 'data-testid="error-to"' in bad.get_data(as_text=True)
    detail = client.get(f"/campaigns/{day['campaign_id']}").get_data(as_text=True)
    assert 'data-testid="report-link"' in detail


def test_a_member_sees_their_own_figures(client, day, user_email):  # noqa: F811
    sign_in(client, user_email(day["m1"]))
    html = client.get("/reports/me?from=2026-12-04&to=2026-12-04&tz=Asia/Shanghai").get_data(as_text=True)
    assert 'data-testid="my-calls">2<' in html
    assert 'data-testid="home-my-figures"' in client.get("/home").get_data(as_text=True)


def test_the_report_page_in_chinese(app, client, enterprise, campaign, user_email):
    owner = enterprise()
    campaign_id = campaign(owner)
    sign_in(client, user_email(owner["admin_id"]))
    client.post("/lang", data={"lang": "zh", "csrf_token": csrf_token(client)})
    zh = client.get(f"/reports/campaigns/{campaign_id}?from=2026-12-01&to=2026-12-04").get_data(as_text=True)
    for text in ("Service level (SL)", "Service level (SL2)", "No calls in this range.", "First contact resolution"):
        assert in_chinese(app, text) in zh
    member_page = client.get(f"/reports/campaigns/{campaign_id}/members?from=2026-12-01&to=2026-12-04")
    assert in_chinese(app, "Report per member") in member_page.get_data(as_text=True)
