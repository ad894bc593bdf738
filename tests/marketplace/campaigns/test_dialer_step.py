"""The wizard's dialer settings on an outbound campaign: prefilled with the defaults, saved where the
dialer reads them, refused with the dialer's own limits (every field at once, in English and Chinese),
kept by the API's draft edits, and shown on the campaign's page."""

from tests.helpers.web import in_chinese, sign_in
from tests.marketplace.campaigns.test_pages import OUTBOUND_FORM, campaigns, count, post_wizard

DIALER = {"dialer_mode": "predictive", "abandon_cap": "2.5", "ring_seconds": "25", "amd": "message",
          "amd_message": "请回电 400-800-1234。", "amd_retry_minutes": "90"}


def _error(html: str, field: str) -> str:
    assert f'data-testid="error-{field}"' in html, field
    return html.split(f'data-testid="error-{field}">', 1)[1].split("</small>", 1)[0]


def test_the_step_is_prefilled_with_the_dialers_defaults(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    html = client.get("/campaigns/new").get_data(as_text=True)
    assert 'value="progressive" checked' in html and 'name="abandon_cap" type="text" value="3"' in html
    assert 'name="ring_seconds" type="text" value="20"' in html
    assert 'name="amd_retry_minutes" type="text" value="240"' in html
    assert "Progressive: one line per free agent" in html and "Hang up (the contact is done)" in html
    zh = client.get("/campaigns/new", headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    for text in ("Dialing mode", "Abandonment cap", "Ring time", "When an answering machine picks up",
                 "Predictive: lines per agent from the answer rate, within the abandonment cap"):
        assert in_chinese(app, text) in zh, text


def test_the_wizard_saves_the_dialer_settings_where_the_dialer_reads_them(app, client, enterprise, user_email):
    from telephony.dialer.settings import dialer_settings

    sign_in(client, user_email(enterprise["admin_id"]))
    response = post_wizard(client, {**OUTBOUND_FORM, **DIALER})
    assert response.status_code == 302, response.get_data(as_text=True)
    [campaign] = campaigns(app)
    chosen = dialer_settings(campaign.settings)
    assert (chosen["mode"], chosen["abandon_cap"], chosen["ring_seconds"]) == ("predictive", 0.025, 25)
    assert (chosen["amd"], chosen["amd_message"]) == ("message", "请回电 400-800-1234。")
    assert chosen["amd_retry_minutes"] == 90
    assert chosen["cps"] is None and chosen["max_lines_per_agent"] == 3.0  # not on the wizard: the defaults
    # The review: the campaign's page shows them, by name, in both languages.
    html = client.get(f"/campaigns/{campaign.id}").get_data(as_text=True)
    review = html.split('data-testid="dialer-settings"', 1)[1].split("</dl>", 1)[0]
    assert "Predictive: lines per agent" in review and "2.5 %" in review and "25 seconds" in review
    assert "请回电 400-800-1234。" in review
    zh = client.get(f"/campaigns/{campaign.id}", headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert in_chinese(app, "Leave the message below (the contact is done)") in zh
    # Editing the draft shows them again, the cap in percent.
    edit = client.get(f"/campaigns/{campaign.id}/edit").get_data(as_text=True)
    assert 'value="predictive" checked' in edit and 'name="abandon_cap" type="text" value="2.5"' in edit


def test_left_untouched_the_defaults_are_saved(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    defaults = {"dialer_mode": "progressive", "abandon_cap": "3", "ring_seconds": "20", "amd": "drop",
                "amd_message": "", "amd_retry_minutes": "240"}
    assert post_wizard(client, {**OUTBOUND_FORM, **defaults}).status_code == 302
    [campaign] = campaigns(app)
    assert campaign.settings["dialer"] == {"mode": "progressive", "abandon_cap": 0.03, "ring_seconds": 20,
                                           "amd": "drop", "amd_message": "", "amd_retry_minutes": 240}


def test_bad_dialer_values_are_named_all_at_once_in_both_languages(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    bad = {"dialer_mode": "turbo", "abandon_cap": "5", "ring_seconds": "10", "amd": "message", "amd_message": " ",
           "amd_retry_minutes": "soon", "max_attempts": "0"}
    response = post_wizard(client, {**OUTBOUND_FORM, **bad})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert _error(html, "dialer_mode") == "One of preview, progressive or predictive."
    assert _error(html, "abandon_cap") == "Enter a percentage above 0, at most 3."
    assert _error(html, "ring_seconds") == "A whole number from 15 to 120."
    assert _error(html, "amd_message") == "Write the message to leave on answering machines."
    assert _error(html, "amd_retry_minutes") == "Enter a whole number."
    assert 'data-testid="error-max_attempts"' in html and 'data-start-step="workload"' in html
    assert 'value="10"' in html  # what was typed is kept
    zh = post_wizard(client, {**OUTBOUND_FORM, **bad}, headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert _error(zh, "dialer_mode") == in_chinese(app, "One of preview, progressive or predictive.")
    assert _error(zh, "abandon_cap") == "请输入大于 0、不超过 3 的百分比。"
    assert _error(zh, "ring_seconds") == "请输入 15 到 120 之间的整数。"
    assert _error(zh, "amd_message") == in_chinese(app, "Write the message to leave on answering machines.")
    for change, field in (({"abandon_cap": "0"}, "abandon_cap"), ({"abandon_cap": "3.01"}, "abandon_cap"),
                          ({"ring_seconds": "121"}, "ring_seconds"), ({"amd_retry_minutes": "0"}, "amd_retry_minutes"),
                          ({"amd": "shout"}, "amd"), ({"amd_message": "x" * 501}, "amd_message")):
        refused = post_wizard(client, {**OUTBOUND_FORM, **DIALER, **change})
        assert refused.status_code == 422, change
        assert f'data-testid="error-{field}"' in refused.get_data(as_text=True), change
    assert count(app) == 0


def test_the_api_takes_the_same_settings_with_the_same_limits(app, client, enterprise):
    from tests.marketplace.contacts.helpers import outbound_body

    body = outbound_body()
    body["outbound"]["dialer"] = {"mode": "turbo", "abandon_cap": 0.05, "ring_seconds": 5}
    refused = client.post("/api/v1/campaigns", json=body, headers=enterprise["headers"])
    assert refused.status_code == 422 and count(app) == 0
    body["outbound"]["dialer"] = {"mode": "preview", "ring_seconds": 30}
    created = client.post("/api/v1/campaigns", json=body, headers=enterprise["headers"])
    assert created.status_code == 201, created.json
    assert created.json["settings"]["dialer"] == {"mode": "preview", "ring_seconds": 30}
    # A draft edited without dialer settings keeps them; with some, changes only those.
    url = f"/api/v1/campaigns/{created.json['id']}"
    del body["outbound"]["dialer"]
    assert client.put(url, json=body, headers=enterprise["headers"]).json["settings"]["dialer"]["mode"] == "preview"
    body["outbound"]["dialer"] = {"ring_seconds": 40}
    kept = client.put(url, json=body, headers=enterprise["headers"]).json["settings"]["dialer"]
    assert kept == {"mode": "preview", "ring_seconds": 40}


def test_the_hints_name_the_dialers_limits(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    html = client.get("/campaigns/new").get_data(as_text=True)
    assert "may reach no agent; at most 3%." in html and "At least 15 seconds, at most 120." in html
    zh = client.get("/campaigns/new", headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert "最多 3%。" in zh and "至少 15 秒，最多 120 秒。" in zh
