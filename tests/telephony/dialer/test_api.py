"""The dialer's API: settings and their bad input, preview mode's card and dial action."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from tests.marketplace.contacts.helpers import CN_1
from tests.telephony.dialer.conftest import ALL_DAY, contact, set_settings


def _interactions(app, campaign_id):
    from telephony.models import Interaction

    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Interaction).where(
            Interaction.campaign_id == campaign_id))


def test_dialer_settings_are_read_and_set(client, outbound):
    run = outbound()
    url = f"/api/v1/campaigns/{run['campaign_id']}/dialer"
    got = client.get(url, headers=run["headers"])
    assert got.status_code == 200, got.json
    assert got.json["settings"]["mode"] == "progressive" and got.json["settings"]["abandon_cap"] == 0.03
    assert got.json["provider"] == "local" and got.json["campaign"]["abandon_rate"] == 0
    changed = client.put(url, json={"mode": "predictive", "abandon_cap": 0.02, "amd": "retry", "cps": 2,
                                    "ring_seconds": 25}, headers=run["headers"])
    assert changed.status_code == 200, changed.json
    assert changed.json["settings"] | {} == changed.json["settings"]
    settings = client.get(url, headers=run["headers"]).json["settings"]
    assert (settings["mode"], settings["abandon_cap"], settings["amd"], settings["cps"], settings["ring_seconds"]) == (
        "predictive", 0.02, "retry", 2, 25)


def test_bad_dialer_settings_change_nothing(app, client, outbound, enterprise):
    run = outbound()
    url = f"/api/v1/campaigns/{run['campaign_id']}/dialer"
    limit = client.get(url, headers=run["headers"]).json["provider_cps_limit"]
    refused = client.put(url, json={"mode": "turbo", "abandon_cap": 0.05, "ring_seconds": 5, "cps": limit + 1,
                                    "amd": "shout"}, headers=run["headers"])
    assert refused.status_code == 422
    fields = refused.json["error"]["fields"]
    assert set(fields) == {"mode", "abandon_cap", "ring_seconds", "cps", "amd"}
    assert f"at most {limit:g} calls per second" in fields["cps"]
    zh = client.put(url, json={"cps": limit + 1}, headers={**run["headers"], "Accept-Language": "zh-CN"})
    assert zh.status_code == 422 and "运营商每秒最多接受" in zh.json["error"]["fields"]["cps"]
    assert client.put(url, json={"cps": "fast"}, headers=run["headers"]).status_code == 422
    assert client.get(url, headers=run["headers"]).json["settings"]["mode"] == "progressive"
    other = enterprise()
    assert client.get(url, headers=other["headers"]).status_code == 404
    assert client.put(url, json={"mode": "preview"}, headers=other["headers"]).status_code == 404


def test_preview_shows_the_masked_card(app, client, outbound, member, on_shift):
    run = outbound(dialer={"mode": "preview"}, calling_windows=ALL_DAY)
    member_id, headers = member()
    on_shift(run["campaign_id"], member_id)
    preview = client.get("/api/v1/dialer/preview", headers=headers)
    assert preview.status_code == 200, preview.json
    card = preview.json["contact"]
    assert card["campaign_id"] == run["campaign_id"] and "****" in card["phone_masked"]
    assert card["script"].startswith("Hello") and {d["code"] for d in card["dispositions"]} >= {"completed"}
    assert CN_1.replace(" ", "")[-8:] not in preview.get_data(as_text=True)  # never the full number
    # The dial itself, through the carrier, is in test_carrier.py.


def test_preview_refuses_a_dnc_number_and_a_closed_window_and_dials_nothing(app, client, outbound, member,
                                                                              on_shift):
    run = outbound(dialer={"mode": "preview"}, calling_windows=ALL_DAY)
    member_id, headers = member()
    on_shift(run["campaign_id"], member_id)
    shanghai = run["ids"]["Shanghai"]
    client.post("/api/v1/dnc", json={"numbers": [CN_1]}, headers=run["headers"])
    refused = client.post(f"/api/v1/dialer/preview/{shanghai}/dial", headers=headers)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "dnc"
    assert refused.json["error"]["message"] == "The number is on a Do-Not-Call list."
    assert contact(app, shanghai)["dial_refusal"] == "dnc"
    set_settings(app, run["campaign_id"], calling_windows=[{"days": [0], "start": "00:00", "end": "00:01"},
                                                           {"days": [6], "start": "23:58", "end": "23:59"}])
    closed = client.post(f"/api/v1/dialer/preview/{run['ids']['Hong Kong']}/dial",
                         headers={**headers, "Accept-Language": "zh-CN"})
    assert closed.status_code == 409 and closed.json["error"]["code"] == "outside_calling_window"
    assert "时区" in closed.json["error"]["message"]
    assert _interactions(app, run["campaign_id"]) == 0


def test_preview_is_only_for_the_members_campaigns(app, client, outbound, member, on_shift):
    run = outbound(dialer={"mode": "preview"}, calling_windows=ALL_DAY)
    _member_id, headers = member()  # not checked in to it
    assert client.get("/api/v1/dialer/preview", headers=headers).json == {"contact": None}
    assert client.get(f"/api/v1/dialer/preview?campaign_id={run['campaign_id']}", headers=headers).status_code == 404
    assert client.post(f"/api/v1/dialer/preview/{run['ids']['Shanghai']}/dial", headers=headers).status_code == 404
    assert client.post("/api/v1/dialer/preview/99999999999/dial", headers=headers).status_code == 404
    assert client.get("/api/v1/dialer/preview", headers=run["headers"]).status_code == 403
    assert _interactions(app, run["campaign_id"]) == 0


def test_editing_the_draft_keeps_the_dialer_settings(app, client, enterprise):
    from tests.marketplace.contacts.helpers import create_campaign, outbound_body

    owner = enterprise()
    campaign = create_campaign(client, owner["headers"])
    url = f"/api/v1/campaigns/{campaign['id']}/dialer"
    assert client.put(url, json={"mode": "preview"}, headers=owner["headers"]).status_code == 200
    edited = client.put(f"/api/v1/campaigns/{campaign['id']}", json=outbound_body(name="Renamed"),
                        headers=owner["headers"])
    assert edited.status_code == 200, edited.json
    assert client.get(url, headers=owner["headers"]).json["settings"]["mode"] == "preview"
