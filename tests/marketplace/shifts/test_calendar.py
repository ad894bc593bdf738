"""The shift calendar: planned shifts as a week grid by day and time of day, fill-rate colours, totals,
seat changes (per cell and in bulk, never below the claims), rosters, read-only supervisors, tenancy."""

import re

from sqlalchemy import select

from app.extensions import db
from marketplace.models import Shift
from tests.helpers.web import csrf_token, sign_in
from tests.marketplace.helpers import OUTBOUND, inbound, publish


def draft(client, enterprise, body=None) -> int:
    response = client.post("/api/v1/campaigns", json=body or inbound(intervals=(100, 400, 250)),
                           headers=enterprise["headers"])
    assert response.status_code == 201, response.json
    return response.json["id"]


def seats_of(app, campaign_id) -> list[int]:
    with app.app_context():
        return [s.seats for s in db.session.scalars(select(Shift).where(Shift.campaign_id == campaign_id)
                                                    .order_by(Shift.starts_at))]


def shift_ids(app, campaign_id) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(Shift.id).where(Shift.campaign_id == campaign_id)
                                       .order_by(Shift.starts_at)))


def fills(html: str) -> dict[int, str]:
    return {int(i): band for i, band in re.findall(r'data-testid="cell-(\d+)" data-fill="([\w-]+)"', html)}


def flashes(html: str) -> list[str]:
    return re.findall(r'class="flash flash-error" role="status">([^<]*)<', html)


def save(client, url, data):
    return client.post(url, data={**data, "csrf_token": csrf_token(client, url)})


def test_plan_shifts_from_the_campaign_page_and_see_the_calendar(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    campaign_id = draft(client, enterprise)
    calendar = f"/campaigns/{campaign_id}/shifts"
    assert 'data-testid="no-shifts"' in client.get(calendar).get_data(as_text=True)
    detail = f"/campaigns/{campaign_id}"
    planned = client.post(f"{detail}/shifts/plan", data={"csrf_token": csrf_token(client, detail)})
    assert planned.status_code == 302 and planned.headers["Location"].endswith(calendar)
    html = client.get(calendar).get_data(as_text=True)
    assert "3 shifts planned." in html
    ids = shift_ids(app, campaign_id)
    assert fills(html) == dict.fromkeys(ids, "fill-none")
    assert f'data-testid="cell-count-{ids[0]}">0/20<' in html  # 100 calls → 20 rostered (see test_shifts)
    assert 'data-testid="calendar-chart"' in html and 'data-testid="calendar-legend"' in html
    for time in ("00:00", "00:30", "01:00"):  # rows are times of day in Shanghai
        assert f'<th scope="row">{time}</th>' in html
    assert html.count('<th scope="col">') == 2  # the time column and one day
    total = sum(seats_of(app, campaign_id))
    assert f'data-testid="total-seats">{total}<' in html and 'data-testid="total-fill">0.0%<' in html
    assert f'name="seats-{ids[0]}"' in html
    again = client.get(detail).get_data(as_text=True)
    assert "Plan shifts again" in again and 'data-testid="calendar-link"' in again


def test_planning_needs_a_forecast_and_a_draft(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    body = inbound()
    body["inbound"]["forecast"] = []
    campaign_id = draft(client, enterprise, body)
    detail = f"/campaigns/{campaign_id}"
    response = client.post(f"{detail}/shifts/plan", data={"csrf_token": csrf_token(client, detail)})
    assert response.status_code == 302 and response.headers["Location"].endswith(detail)
    html = client.get(detail).get_data(as_text=True)
    assert "Add a volume forecast first." in html and 'data-testid="no-forecast"' in html
    campaign, _rows = publish(client, enterprise, inbound())
    detail = f"/campaigns/{campaign['id']}"
    client.post(f"{detail}/shifts/plan", data={"csrf_token": csrf_token(client, detail)})
    assert any("while the campaign is a draft" in m for m in flashes(client.get(detail).get_data(as_text=True)))


def test_fill_rates_colour_the_cells_and_the_roster_lists_who_claimed(app, client, enterprise, user_email,
                                                                     create_user, auth):
    campaign, rows = publish(client, enterprise, inbound(intervals=(100, 100, 100, 100)),
                             seats={0: 2, 1: 4, 2: 2, 3: 5})
    mei = create_user("member", name="Mei Lin")
    wang = create_user("member", name="Wang Fang")
    mei_headers, wang_headers = auth.headers(user_email(mei)), auth.headers(user_email(wang))
    for shift, headers in ((0, mei_headers), (0, wang_headers), (1, mei_headers), (2, mei_headers)):
        assert client.post(f"/api/v1/shifts/{rows[shift]['id']}/claims", headers=headers).status_code == 201
    sign_in(client, user_email(enterprise["admin_id"]))
    calendar = f"/campaigns/{campaign['id']}/shifts"
    html = client.get(calendar).get_data(as_text=True)
    ids = [r["id"] for r in rows]
    assert fills(html) == {ids[0]: "fill-full", ids[1]: "fill-low", ids[2]: "fill-mid", ids[3]: "fill-none"}
    assert f'data-testid="cell-count-{ids[0]}">2/2<' in html and f'data-testid="cell-count-{ids[1]}">1/4<' in html
    assert 'data-testid="total-seats">13<' in html and 'data-testid="total-claimed">4<' in html
    assert 'data-testid="total-fill">30.8%<' in html
    assert "plan 20" in html  # seats changed from the plan are marked

    roster = client.get(f"{calendar}?shift={ids[0]}").get_data(as_text=True)
    assert 'data-testid="roster-table"' in roster and "Mei Lin" in roster and "Wang Fang" in roster
    table = roster.split('data-testid="roster-table"', 1)[1]
    assert table.count("<td>100</td>") == 2  # reliability
    assert "2 of 2 seats claimed (20 planned)." in roster and 'class="cell fill-full selected"' in roster
    api = client.get(f"/api/v1/shifts/{ids[0]}/roster", headers=enterprise["headers"]).json["items"]
    assert [r["member_name"] for r in api] == ["Mei Lin", "Wang Fang"]  # the same rows as the API
    empty = client.get(f"{calendar}?shift={ids[3]}").get_data(as_text=True)
    assert 'data-testid="roster-empty"' in empty


def test_seats_change_per_cell_and_in_bulk_on_a_draft(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    campaign_id = draft(client, enterprise)
    detail = f"/campaigns/{campaign_id}"
    client.post(f"{detail}/shifts/plan", data={"csrf_token": csrf_token(client, detail)})
    calendar = f"{detail}/shifts"
    ids = shift_ids(app, campaign_id)
    planned = seats_of(app, campaign_id)
    response = save(client, calendar, {"action": "cells", f"seats-{ids[0]}": "0", f"seats-{ids[1]}": "99",
                                       f"seats-{ids[2]}": str(planned[2])})
    assert response.status_code == 302
    assert seats_of(app, campaign_id) == [0, 99, planned[2]]
    html = client.get(calendar).get_data(as_text=True)
    assert "Seats saved on 2 shifts." in html and fills(html)[ids[0]] == "fill-empty"
    save(client, calendar, {"action": "bulk", "bulk_mode": "set", "bulk_seats": "10", "bulk_from": "00:30"})
    assert seats_of(app, campaign_id) == [0, 10, 10]
    save(client, calendar, {"action": "bulk", "bulk_mode": "add", "bulk_seats": "5"})
    assert seats_of(app, campaign_id) == [5, 15, 15]
    save(client, calendar, {"action": "bulk", "bulk_mode": "add", "bulk_seats": "-6"})  # 5 - 6 < 0: refused
    assert seats_of(app, campaign_id) == [5, 15, 15]
    assert "No seats were changed." in flashes(client.get(calendar).get_data(as_text=True))
    for bad in ("-1", "many", "100001"):
        save(client, calendar, {"action": "cells", f"seats-{ids[0]}": bad, f"seats-{ids[1]}": "1"})
        assert seats_of(app, campaign_id) == [5, 15, 15], bad
        assert any("whole number" in m for m in flashes(client.get(calendar).get_data(as_text=True)))


def test_seats_never_go_below_the_claims(app, client, enterprise, member, user_email):
    campaign, rows = publish(client, enterprise, inbound(), seats={0: 2, 1: 3})
    _uid, headers = member()
    assert client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers).status_code == 201
    sign_in(client, user_email(enterprise["admin_id"]))
    calendar = f"/campaigns/{campaign['id']}/shifts"
    response = save(client, calendar, {"action": "cells", f"seats-{rows[0]['id']}": "0",
                                       f"seats-{rows[1]['id']}": "6"})
    assert response.status_code == 302
    errors = flashes(client.get(calendar).get_data(as_text=True))
    assert any("1 seats are already claimed" in m and "00:00" in m for m in errors), errors
    assert seats_of(app, campaign["id"]) == [2, 3]  # all or nothing
    save(client, calendar, {"action": "cells", f"seats-{rows[0]['id']}": "1", f"seats-{rows[1]['id']}": "6"})
    assert seats_of(app, campaign["id"]) == [1, 6]


def test_supervisors_see_the_calendar_read_only(app, client, enterprise, create_user, user_email):
    campaign, rows = publish(client, enterprise, inbound(), seats={0: 2})
    sign_in(client, user_email(create_user("enterprise_supervisor", org_id=enterprise["org_id"])))
    calendar = f"/campaigns/{campaign['id']}/shifts"
    html = client.get(calendar).get_data(as_text=True)
    assert 'data-testid="shift-grid"' in html and 'data-testid="read-only"' in html
    assert 'name="seats-' not in html and 'data-testid="bulk-seats"' not in html
    assert client.get(f"{calendar}?shift={rows[0]['id']}").status_code == 200
    token = csrf_token(client, calendar)
    assert client.post(calendar, data={f"seats-{rows[0]['id']}": "9", "csrf_token": token}).status_code == 403
    assert seats_of(app, campaign["id"])[0] == 2


def test_another_organizations_calendar_is_not_found(app, client, enterprise, create_user, user_email, auth):
    campaign, rows = publish(client, enterprise, inbound())
    mine = draft(client, enterprise)
    sign_in(client, user_email(create_user("enterprise")))
    calendar = f"/campaigns/{campaign['id']}/shifts"
    assert client.get(calendar).status_code == 404
    token = csrf_token(client, "/campaigns/")
    assert client.post(calendar, data={f"seats-{rows[0]['id']}": "9", "csrf_token": token}).status_code == 404
    sign_in(client, user_email(enterprise["admin_id"]))
    assert client.get(f"/campaigns/{mine}/shifts?shift={rows[0]['id']}").status_code == 404  # not this campaign's


def test_long_campaigns_are_shown_a_week_at_a_time(app, client, enterprise, user_email):
    body = {**OUTBOUND, "outbound": {**OUTBOUND["outbound"], "expected_contacts": 6000}}
    campaign_id = draft(client, enterprise, body)
    sign_in(client, user_email(enterprise["admin_id"]))
    detail = f"/campaigns/{campaign_id}"
    assert 'data-testid="workload-plan"' in client.get(detail).get_data(as_text=True)
    client.post(f"{detail}/shifts/plan", data={"csrf_token": csrf_token(client, detail)})
    html = client.get(f"{detail}/shifts").get_data(as_text=True)
    assert html.count('<th scope="row">') == 22  # 09:00 … 19:30 in Shanghai
    assert html.count('<th scope="col">') == 1 + 5  # weekdays only
    later = re.search(r'href="([^"]+)" data-testid="week-next"', html)[1].replace("&amp;", "&")
    assert "from=2099-12-08" in later
    second = client.get(later).get_data(as_text=True)
    assert 'data-testid="week-previous"' in second and len(fills(second)) == 5 * 22
    assert client.get(f"{detail}/shifts?from=not-a-date").status_code == 200


def test_the_calendar_renders_in_chinese(app, client, enterprise, member, user_email):
    campaign, rows = publish(client, enterprise, inbound(), seats={0: 2})
    _uid, headers = member()
    client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers)
    sign_in(client, user_email(enterprise["admin_id"]))
    zh = {"Accept-Language": "zh-CN"}
    response = client.get(f"/campaigns/{campaign['id']}/shifts?shift={rows[0]['id']}", headers=zh)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'lang="zh-Hans"' in html and 'data-testid="roster-table"' in html
