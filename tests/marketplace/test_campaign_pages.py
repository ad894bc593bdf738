"""The enterprise's campaign pages: create an inbound peak from a pasted forecast, publish, see the plan."""

from tests.marketplace.test_campaigns import wallet
from tests.web.test_pages import csrf_token, sign_in

FORM = {"name": "Singles' Day", "time_zone": "Asia/Shanghai", "starts_at": "2099-11-11T00:00",
        "ends_at": "2099-11-12T00:00", "budget": "500000", "currency": "CNY", "pay_per_call": "300",
        "aht_seconds": "180", "interval_minutes": "30",
        "forecast": "2099-11-11 09:00, 100\n2099-11-11 09:30, 400\n2099-11-11 10:00, 250"}


def test_create_publish_and_see_the_plan(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    enterprise["fund"](600_000)
    created = client.post("/campaigns/", data={**FORM, "csrf_token": csrf_token(client, "/campaigns/")})
    assert created.status_code == 302
    detail_url = created.headers["Location"]
    html = client.get(detail_url).get_data(as_text=True)
    assert 'data-testid="plan-chart"' in html and "Singles&#39; Day" in html
    assert 'data-testid="to-published"' in html
    client.post(detail_url, data={"to": "published", "csrf_token": csrf_token(client, detail_url)})
    html = client.get(detail_url).get_data(as_text=True)
    assert 'data-testid="campaign-escrow">5,000.00<' in html
    assert wallet(app, enterprise["org_id"]) == 100_000


def test_form_errors_are_shown_and_nothing_is_created(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    broken = {**FORM, "forecast": "2099-11-11 09:00, 100\n2099-11-11 10:30, 400", "pay_per_call": "-5",
              "csrf_token": csrf_token(client, "/campaigns/")}
    response = client.post("/campaigns/", data=broken)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'data-testid="error-forecast"' in html and 'data-testid="error-pay_per_call"' in html
    assert 'data-testid="no-campaigns"' in html
    bad_line = client.post("/campaigns/", data={**FORM, "forecast": "tomorrow, lots",
                                                "csrf_token": csrf_token(client, "/campaigns/")})
    assert bad_line.status_code == 422 and "Line 1" in bad_line.get_data(as_text=True)


def test_other_tenants_and_members_are_kept_out(client, enterprise, user_email, create_user, auth):
    created = auth.client.post("/api/v1/campaigns", headers=enterprise["headers"], json={
        "kind": "outbound", "name": "Callbacks", "time_zone": "Asia/Shanghai", "starts_at": "2099-12-01T00:00:00Z",
        "ends_at": "2099-12-02T00:00:00Z", "currency": "CNY", "budget": 1000, "pay_per_call": 100,
        "outbound": {"purpose": "survey", "script": "Hi", "dispositions": [
            {"code": "done", "label": "Done", "outcome": "success"}],
            "calling_windows": [{"days": [0], "start": "09:00", "end": "18:00"}]}}).json
    sign_in(client, user_email(create_user("enterprise")))
    assert client.get(f"/campaigns/{created['id']}").status_code == 404
    member_client = client.application.test_client()
    sign_in(member_client, user_email(create_user("member")))
    assert member_client.get("/campaigns/").status_code == 403
