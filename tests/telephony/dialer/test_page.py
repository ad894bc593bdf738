"""The dialer's page: an outbound campaign's settings and figures, in English and Chinese."""

from __future__ import annotations

from tests.helpers.web import csrf_token, in_chinese, sign_in


def _page(client, campaign_id, **headers):
    return client.get(f"/dialer/campaigns/{campaign_id}", headers=headers)


def test_the_admin_sets_the_dialer_on_the_campaigns_page(app, client, outbound, user_email):
    run = outbound()
    sign_in(client, user_email(run["owner"]["admin_id"]))
    detail = client.get(f"/campaigns/{run['campaign_id']}").get_data(as_text=True)
    assert 'data-testid="dialer-link"' in detail
    page = _page(client, run["campaign_id"])
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'data-testid="dialer-form"' in html and "Progressive: one line per free agent" in html
    saved = client.post(f"/dialer/campaigns/{run['campaign_id']}", data={
        "csrf_token": csrf_token(client, f"/dialer/campaigns/{run['campaign_id']}"), "mode": "predictive",
        "abandon_cap_percent": "2.5", "ring_seconds": "25", "cps": "", "amd": "message",
        "amd_message": "Please call us back.", "amd_retry_minutes": "240", "abandon_message": ""})
    assert saved.status_code == 302
    got = client.get(f"/api/v1/campaigns/{run['campaign_id']}/dialer", headers=run["headers"]).json["settings"]
    assert (got["mode"], got["abandon_cap"], got["ring_seconds"], got["amd"]) == ("predictive", 0.025, 25, "message")
    zh = _page(client, run["campaign_id"], **{"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert in_chinese(app, "Dialing mode") in zh


def test_bad_settings_on_the_page_are_named_and_change_nothing(app, client, outbound, user_email, enterprise):
    run = outbound()
    sign_in(client, user_email(run["owner"]["admin_id"]))
    url = f"/dialer/campaigns/{run['campaign_id']}"
    refused = client.post(url, data={"csrf_token": csrf_token(client, url), "mode": "progressive",
                                     "abandon_cap_percent": "5", "ring_seconds": "10", "cps": "999",
                                     "amd": "drop", "amd_retry_minutes": "soon"},
                          headers={"Accept-Language": "zh-CN"})
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    assert "运营商每秒最多接受" in html and in_chinese(app, "A share above 0 and at most 0.03 (3 %).") in html
    got = client.get(f"/api/v1/campaigns/{run['campaign_id']}/dialer", headers=run["headers"]).json["settings"]
    assert got["abandon_cap"] == 0.03 and got["ring_seconds"] == 20
    other = enterprise()
    client.get("/signout")
    sign_in(client, user_email(other["admin_id"]))
    assert _page(client, run["campaign_id"]).status_code == 404
