"""The enterprise's campaign pages: the wizard (inbound and outbound, requirements, pay in money, forecast
pasted or uploaded), editing a draft, publishing, the staffing and workload plans."""

import io

from sqlalchemy import func, select

from tests.helpers.web import csrf_token, sign_in
from tests.marketplace.helpers import wallet

FORM = {"kind": "inbound", "name": "Singles' Day", "industry": "ecommerce", "time_zone": "Asia/Shanghai",
        "starts_at": "2099-11-11T00:00", "ends_at": "2099-11-12T00:00", "budget": "5000.00", "currency": "CNY",
        "pay_per_call": "3.00", "qa_auto_approve": "85", "qa_review_from": "60",
        "aht_seconds": "180", "interval_minutes": "30", "target_service_level": "80", "target_answer_seconds": "20",
        "max_occupancy": "85", "shrinkage": "30", "slot_minutes": "30", "release_cutoff_minutes": "120",
        "forecast": "2099-11-11 09:00, 100\n2099-11-11 09:30, 400\n2099-11-11 10:00, 250"}
OUTBOUND_FORM = {
    "kind": "outbound", "name": "After-sales callbacks", "time_zone": "Asia/Shanghai",
    "starts_at": "2099-12-01T00:00", "ends_at": "2099-12-15T00:00", "budget": "2000", "currency": "CNY",
    "pay_per_call": "1.20", "success_bonus": "0.50", "purpose": "satisfaction_callback",
    "script": "您好，我是……的客服，想了解您最近一次购物的体验。",
    "survey_questions": "How satisfied were you?\n\nWould you buy again?",
    "dispositions.0.code": "completed", "dispositions.0.label": "Survey completed", "dispositions.0.outcome": "success",
    "dispositions.1.code": "no_answer", "dispositions.1.label": "No answer", "dispositions.1.outcome": "retry",
    "dispositions.1.retry_delay_minutes": "120",
    "dispositions.2.code": "", "dispositions.2.label": "", "dispositions.2.outcome": "success",  # a blank row
    "calling_windows.0.days": ["0", "1", "2", "3", "4"], "calling_windows.0.start": "09:00",
    "calling_windows.0.end": "20:00", "max_attempts": "2", "handle_seconds": "300", "contact_rate": "50",
    "expected_contacts": "6000", "outbound_shrinkage": "30", "slot_minutes": "30", "release_cutoff_minutes": "60",
}


def campaigns(app):
    from app.extensions import db
    from marketplace.models import Campaign

    with app.app_context():
        return list(db.session.scalars(select(Campaign).order_by(Campaign.id)))


def count(app):
    from app.extensions import db
    from marketplace.models import Campaign

    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Campaign))


def post_wizard(client, data, path="/campaigns/new", **extra):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, path)}, **extra)


def test_create_publish_and_see_the_plan(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    enterprise["fund"](600_000)
    assert 'data-testid="new-campaign"' in client.get("/campaigns/").get_data(as_text=True)
    created = post_wizard(client, FORM)
    assert created.status_code == 302, created.get_data(as_text=True)
    detail_url = created.headers["Location"]
    html = client.get(detail_url).get_data(as_text=True)
    assert 'data-testid="plan-chart"' in html and "Singles&#39; Day" in html
    assert 'data-testid="to-published"' in html and 'data-testid="plan-shifts"' in html
    assert "01:30 UTC" in html and "Times in UTC" in html  # the plan's intervals in the viewer's zone, named
    client.post(detail_url, data={"to": "published", "csrf_token": csrf_token(client, detail_url)})
    html = client.get(detail_url).get_data(as_text=True)
    assert 'data-testid="campaign-escrow">5,000.00<' in html
    assert 'data-testid="plan-shifts"' not in html and 'data-testid="edit-draft"' not in html
    assert wallet(app, enterprise["org_id"]) == 100_000


def test_the_wizard_makes_an_inbound_peak_with_requirements_and_exact_pay(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    form = {**FORM, "budget": "12,345.67", "pay_per_call": "3.50", "pay_per_talk_minute": "0.1",
            "success_bonus": "0.05", "certifications": ["ecommerce_after_sales_l1"],
            "tags.0.name": "ecommerce.after_sales", "tags.0.min": "60", "tags.1.name": "", "tags.1.min": "",
            "min_tier": "silver", "languages": "zh, en", "regions": "CN-GD，CN-SH", "min_qa_average": "75",
            "min_reliability": "90", "patience_seconds": "60", "target_service_level": "90", "shrinkage": "25"}
    assert post_wizard(client, form).status_code == 302
    [campaign] = campaigns(app)
    assert campaign.kind == "inbound" and campaign.industry == "ecommerce"
    assert (campaign.budget, campaign.pay_per_call, campaign.pay_per_talk_minute, campaign.success_bonus) == \
        (1_234_567, 350, 10, 5)
    assert campaign.qa_auto_approve == 85 and campaign.qa_review_from == 60
    assert campaign.requirements == {"certifications": ["ecommerce_after_sales_l1"],
                                     "tags": {"ecommerce.after_sales": 60}, "min_tier": "silver",
                                     "languages": ["zh", "en"], "regions": ["CN-GD", "CN-SH"], "min_qa_average": 75,
                                     "min_reliability": 90}
    settings = campaign.settings
    assert settings["target_service_level"] == 0.9 and settings["shrinkage"] == 0.25
    assert settings["patience_seconds"] == 60 and settings["max_occupancy"] == 0.85
    assert [f["calls"] for f in settings["forecast"]] == [100, 400, 250]
    assert settings["forecast"][0]["start"] == "2099-11-11T01:00:00Z"  # 09:00 in Shanghai
    assert campaign.starts_at.isoformat().startswith("2099-11-10T16:00")
    html = client.get(f"/campaigns/{campaign.id}").get_data(as_text=True)
    assert 'data-testid="pay-pay_per_call">3.50 CNY<' in html and "ecommerce.after_sales ≥ 60" in html
    assert "Erlang A" in html


def test_the_wizard_makes_an_outbound_campaign_and_shows_its_workload(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    response = post_wizard(client, OUTBOUND_FORM)
    assert response.status_code == 302, response.get_data(as_text=True)
    [campaign] = campaigns(app)
    assert campaign.kind == "outbound" and campaign.budget == 200_000
    assert campaign.pay_per_call == 120 and campaign.success_bonus == 50 and campaign.release_cutoff_minutes == 60
    settings = campaign.settings
    assert settings["dispositions"] == [
        {"code": "completed", "label": "Survey completed", "outcome": "success", "retry_delay_minutes": None},
        {"code": "no_answer", "label": "No answer", "outcome": "retry", "retry_delay_minutes": 120}]
    assert settings["calling_windows"] == [{"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "20:00"}]
    assert settings["survey_questions"] == ["How satisfied were you?", "Would you buy again?"]
    assert settings["contact_rate"] == 0.5 and settings["shrinkage"] == 0.3 and settings["expected_contacts"] == 6000
    assert settings["script"].startswith("您好")
    html = client.get(f"/campaigns/{campaign.id}").get_data(as_text=True)
    # 6000 contacts × 1.5 attempts × 5 min = 750 agent-hours; 10 seats per shift (see test_shifts)
    assert 'data-testid="workload-plan"' in html and 'data-testid="plan-agent-hours">750.0<' in html
    assert 'data-testid="plan-seat-hours">1,071.5<' in html and 'data-testid="plan-contacts">6,000<' in html
    assert "no_answer" in html and "09:00–20:00" in html


def test_field_errors_are_shown_with_422_and_nothing_is_created(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    broken = {**FORM, "forecast": "2099-11-11 09:00, 100\n2099-11-11 10:30, 400", "pay_per_call": "-5"}
    response = post_wizard(client, broken)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'data-testid="error-forecast"' in html and 'data-testid="error-pay_per_call"' in html
    assert 'data-testid="form-errors"' in html and 'data-start-step="pay"' in html
    assert "2099-11-11 10:30, 400" in html  # what was typed is kept
    bad_line = post_wizard(client, {**FORM, "forecast": "tomorrow, lots"})
    assert bad_line.status_code == 422 and "Line 1" in bad_line.get_data(as_text=True)
    cases = [
        ({"pay_per_call": "3.505"}, "pay_per_call", "at most 2 decimal places"),
        ({"budget": "lots"}, "budget", "Enter an amount"),
        ({"name": ""}, "name", "Required."),
        ({"ends_at": "2099-11-10T00:00"}, "ends_at", "must end after it starts"),
        ({"qa_review_from": "90"}, "qa_review_from", "at or below the auto-approve"),
        ({"pay_per_call": ""}, "pay_per_call", "above zero"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Unknown time zone."),
        ({"target_service_level": "120"}, "target_service_level", "percentage"),
        ({"aht_seconds": "abc"}, "aht_seconds", "whole number"),
        ({"interval_minutes": "20"}, "interval_minutes", "Choose one of"),
        ({"slot_minutes": "15"}, "slot_minutes", "whole forecast intervals"),
        ({"min_tier": "platinum"}, "min_tier", "Choose one of"),
        ({"tags.0.name": "x", "tags.0.min": "150"}, "tags", "100"),
        ({"starts_at": "soon"}, "starts_at", "date and time"),
    ]
    for change, field, words in cases:
        response = post_wizard(client, {**FORM, **change})
        assert response.status_code == 422, change
        html = response.get_data(as_text=True)
        assert f'data-testid="error-{field}"' in html, (change, html[:200])
        error = html.split(f'data-testid="error-{field}">', 1)[1].split("</small>", 1)[0]
        assert words in error, (change, error)
    assert count(app) == 0


def test_outbound_errors_name_the_row(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    broken = {**OUTBOUND_FORM, "dispositions.0.code": "Done!", "dispositions.1.outcome": "success",
              "dispositions.1.retry_delay_minutes": "soon", "calling_windows.0.end": "08:00", "contact_rate": "0"}
    response = post_wizard(client, broken)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    for field in ("dispositions.0.code", "dispositions.1.retry_delay_minutes", "calling_windows.0.end",
                  "contact_rate"):
        assert f'data-testid="error-{field}"' in html, field
    no_success = post_wizard(client, {**OUTBOUND_FORM, "dispositions.0.outcome": "final"}).get_data(as_text=True)
    assert 'data-testid="error-dispositions">At least one disposition must be a success.<' in no_success
    html = post_wizard(client, {**OUTBOUND_FORM, "script": " ", "purpose": "spam"}).get_data(as_text=True)
    assert 'data-testid="error-script">Required.<' in html and 'data-testid="error-purpose"' in html
    assert count(app) == 0


def test_the_forecast_can_be_uploaded_as_csv(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    csv_text = "时间,来电量\r\n2099-11-11 09:00,120\r\n2099/11/11 09:30,480\r\n2099-11-11 10:00:00,300\r\n"
    upload = (io.BytesIO(csv_text.encode("gb18030")), "forecast.csv")
    response = post_wizard(client, {**FORM, "forecast": "", "forecast_file": upload},
                           content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)
    [campaign] = campaigns(app)
    assert [f["calls"] for f in campaign.settings["forecast"]] == [120, 480, 300]
    assert campaign.settings["forecast"][1]["start"] == "2099-11-11T01:30:00Z"

    bad = (io.BytesIO(b"2099-11-11 09:00,120\n2099-11-11 09:30,many\n"), "forecast.csv")
    response = post_wizard(client, {**FORM, "forecast_file": bad}, content_type="multipart/form-data")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'data-testid="error-forecast_file"' in html and "Row 2" in html
    empty = (io.BytesIO("\ufeffstart,calls\n".encode()), "forecast.csv")
    response = post_wizard(client, {**FORM, "forecast_file": empty}, content_type="multipart/form-data")
    assert response.status_code == 422 and "no forecast rows" in response.get_data(as_text=True)
    assert count(app) == 1


def test_a_draft_is_edited_with_the_same_form(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    post_wizard(client, {**FORM, "pay_per_call": "3.50", "tags.0.name": "ecommerce.after_sales", "tags.0.min": "60"})
    [campaign] = campaigns(app)
    edit_url = f"/campaigns/{campaign.id}/edit"
    html = client.get(edit_url).get_data(as_text=True)
    assert 'name="pay_per_call" type="text" value="3.50"' in html
    assert 'name="budget" type="text" value="5000.00"' in html
    assert "2099-11-11 09:30, 400" in html and 'value="2099-11-11T00:00"' in html
    assert 'value="ecommerce.after_sales"' in html and 'name="target_service_level" type="text" value="80"' in html
    bad = post_wizard(client, {**FORM, "pay_per_call": "x"}, path=edit_url)
    assert bad.status_code == 422
    assert campaigns(app)[0].pay_per_call == 350  # unchanged
    saved = post_wizard(client, {**FORM, "name": "Singles' Day v2", "pay_per_call": "4"}, path=edit_url)
    assert saved.status_code == 302
    [campaign] = campaigns(app)
    assert campaign.name == "Singles' Day v2" and campaign.pay_per_call == 400
    assert campaign.requirements["tags"] == {}  # the form replaces every setting, as PUT does
    enterprise["fund"](600_000)
    detail_url = f"/campaigns/{campaign.id}"
    client.post(detail_url, data={"to": "published", "csrf_token": csrf_token(client, detail_url)})
    refused = client.get(edit_url)
    assert refused.status_code == 302 and refused.headers["Location"].endswith(detail_url)
    assert "Only a draft can be edited" in client.get(detail_url).get_data(as_text=True)


def test_other_tenants_and_members_are_kept_out(app, client, enterprise, user_email, create_user, auth):
    created = auth.client.post("/api/v1/campaigns", headers=enterprise["headers"], json={
        "kind": "outbound", "name": "Callbacks", "time_zone": "Asia/Shanghai", "starts_at": "2099-12-01T00:00:00Z",
        "ends_at": "2099-12-02T00:00:00Z", "currency": "CNY", "budget": 1000, "pay_per_call": 100,
        "outbound": {"purpose": "survey", "script": "Hi", "dispositions": [
            {"code": "done", "label": "Done", "outcome": "success"}],
            "calling_windows": [{"days": [0], "start": "09:00", "end": "18:00"}]}}).json
    sign_in(client, user_email(create_user("enterprise")))
    assert client.get(f"/campaigns/{created['id']}").status_code == 404
    assert client.get(f"/campaigns/{created['id']}/edit").status_code == 404
    assert client.post(f"/campaigns/{created['id']}/shifts/plan",
                       data={"csrf_token": csrf_token(client, "/campaigns/")}).status_code == 404
    member_client = client.application.test_client()
    sign_in(member_client, user_email(create_user("member")))
    assert member_client.get("/campaigns/").status_code == 403
    supervisor = client.application.test_client()
    sign_in(supervisor, user_email(create_user("enterprise_supervisor", org_id=enterprise["org_id"])))
    html = supervisor.get(f"/campaigns/{created['id']}").get_data(as_text=True)
    assert 'data-testid="calendar-link"' in html and 'data-testid="plan-shifts"' not in html
    assert 'data-testid="new-campaign"' not in supervisor.get("/campaigns/").get_data(as_text=True)
    assert supervisor.get("/campaigns/new").status_code == 403
    assert count(app) == 1


def test_the_pages_render_in_chinese(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    post_wizard(client, FORM)
    post_wizard(client, OUTBOUND_FORM)
    zh = {"Accept-Language": "zh-CN"}
    for campaign in campaigns(app):
        for path in (f"/campaigns/{campaign.id}", f"/campaigns/{campaign.id}/edit"):
            response = client.get(path, headers=zh)
            assert response.status_code == 200, path
            assert 'lang="zh-Hans"' in response.get_data(as_text=True)
    for path in ("/campaigns/", "/campaigns/new"):
        assert client.get(path, headers=zh).status_code == 200
    assert post_wizard(client, {**FORM, "name": ""}, headers=zh).status_code == 422


def test_the_page_says_when_hand_set_seats_keep_the_old_plan(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    post_wizard(client, FORM)
    [campaign] = campaigns(app)
    detail_url, edit_url = f"/campaigns/{campaign.id}", f"/campaigns/{campaign.id}/edit"
    client.post(f"{detail_url}/shifts/plan", data={"csrf_token": csrf_token(client, detail_url)})
    assert 'data-testid="plan-outdated"' not in client.get(detail_url).get_data(as_text=True)
    post_wizard(client, {**FORM, "forecast": FORM["forecast"].replace("100", "300")}, path=edit_url)
    assert 'data-testid="plan-outdated"' not in client.get(detail_url).get_data(as_text=True)  # planned again
    shift = client.get(f"/api/v1/campaigns/{campaign.id}/shifts", headers=enterprise["headers"]).json["items"][0]
    client.patch(f"/api/v1/shifts/{shift['id']}", json={"seats": 1}, headers=enterprise["headers"])
    post_wizard(client, FORM, path=edit_url)
    assert 'data-testid="plan-outdated"' in client.get(detail_url).get_data(as_text=True)


def test_the_wizard_lists_every_steps_problems_at_once(app, client, enterprise, user_email):
    # A field refused on one step used to hide the rules across fields on the others until it was fixed.
    sign_in(client, user_email(enterprise["admin_id"]))
    broken = {**FORM, "name": "", "ends_at": "2099-11-10T00:00", "qa_review_from": "90", "aht_seconds": "abc",
              "slot_minutes": "45"}
    for headers in ({}, {"Accept-Language": "zh-CN"}):
        response = post_wizard(client, broken, headers=headers)
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        for field in ("name", "ends_at", "qa_review_from", "aht_seconds", "slot_minutes"):
            assert f'data-testid="error-{field}"' in html, field
        summary = html.split('data-testid="error-summary"', 1)[1].split("</ul>", 1)[0]
        assert [step for step in ("basics", "pay", "workload", "shifts") if f'data-error-step="{step}"' in summary] \
            == ["basics", "pay", "workload", "shifts"]
    assert count(app) == 0


def test_the_campaign_page_weighs_the_plans_cost_against_the_budget(app, client, enterprise, user_email):
    from tests.helpers.web import in_chinese

    sign_in(client, user_email(enterprise["admin_id"]))
    # 750 forecast calls × 3.00 = 2,250.00 CNY within 5,000.00
    html = client.get(post_wizard(client, FORM).headers["Location"]).get_data(as_text=True)
    assert "Estimated cost of the plan: 2,250.00 CNY against a budget of 5,000.00 CNY." in html
    assert 'data-testid="budget-short"' not in html
    # 6,000 contacts × 1.5 attempts × 1.20 + 4,500 reached × 0.50 = 13,050.00 CNY against 2,000.00
    detail = post_wizard(client, OUTBOUND_FORM).headers["Location"]
    html = client.get(detail).get_data(as_text=True)
    assert "13,050.00 CNY" in html and 'data-testid="budget-short"' in html
    assert "short by 11,050.00 CNY" in html
    zh = client.get(detail, headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert in_chinese(app, "Estimated cost of the plan: %(cost)s %(currency)s against a budget of %(budget)s "
                           "%(currency)s.") % {"cost": "13,050.00", "currency": "CNY", "budget": "2,000.00"} in zh


def test_moves_that_move_money_ask_first_and_say_what_happened(app, client, enterprise, user_email):
    from tests.helpers.web import in_chinese

    sign_in(client, user_email(enterprise["admin_id"]))
    enterprise["fund"](600_000)
    detail_url = post_wizard(client, FORM).headers["Location"]
    html = client.get(detail_url).get_data(as_text=True)
    publish_button = html.split('data-testid="to-published"', 1)[1].split(">", 1)[0]
    assert 'data-confirm="Publish this campaign? 5,000.00 CNY move from your wallet into escrow' in publish_button
    assert "data-confirm=" in html.split('data-testid="to-cancelled"', 1)[1].split(">", 1)[0]
    assert "/static/confirm.js" in html
    published = client.post(detail_url, data={"to": "published", "csrf_token": csrf_token(client, detail_url)},
                            follow_redirects=True, headers={"Accept-Language": "zh-CN"})
    expected = in_chinese(app, "Published; %(amount)s %(currency)s held in escrow. Members can claim its seats now.")
    assert expected % {"amount": "5,000.00", "currency": "CNY"} in published.get_data(as_text=True)
    cancelled = client.post(detail_url, data={"to": "cancelled", "csrf_token": csrf_token(client, detail_url)},
                            follow_redirects=True).get_data(as_text=True)
    assert "Cancelled; every seat is released and 5,000.00 CNY went back to your wallet." in cancelled
    assert wallet(app, enterprise["org_id"]) == 600_000


def test_the_plans_times_are_in_the_viewers_zone_named_and_localised(app, client, enterprise, user_email):
    from app.auth import services as accounts
    from app.database import commit

    with app.app_context():
        accounts.update_profile(accounts.get_user(enterprise["admin_id"]), timezone="America/New_York")
        commit()
    sign_in(client, user_email(enterprise["admin_id"]))
    detail_url = post_wizard(client, FORM).headers["Location"]
    # 09:30 in Shanghai (the campaign's zone) is 20:30 the evening before in New York (the viewer's).
    html = client.get(detail_url).get_data(as_text=True)
    table = html[html.index('data-testid="plan-intervals"'):]
    assert "Wed, Nov 11" not in table and "Nov 10" in table and "20:30 UTC-5" in table
    assert "2099-11-11 09:30" not in html and 'data-testid="plan-zone">Times in UTC-5<' in html
    zh = client.get(detail_url, headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    table = zh[zh.index('data-testid="plan-intervals"'):]
    assert "11月10日周二 20:30 UTC-5" in table and "Tue" not in table
