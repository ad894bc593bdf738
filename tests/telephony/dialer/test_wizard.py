"""Dialer settings chosen in the campaign wizard are the ones the dialer dials with: its API and page
read them, preview mode offers the campaign's contacts, and the dialer's API keeps the same limits."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from tests.helpers.web import csrf_token, sign_in
from tests.marketplace.campaigns.test_pages import OUTBOUND_FORM
from tests.marketplace.contacts.helpers import CN_1, csv_bytes, import_file
from tests.telephony.dialer.conftest import ALL_DAY, set_settings


def test_the_wizards_dialer_settings_are_the_dialers(app, client, enterprise, user_email, member, on_shift):
    from marketplace.models import Campaign

    owner = enterprise()
    sign_in(client, user_email(owner["admin_id"]))
    created = client.post("/campaigns/new", data={
        **OUTBOUND_FORM, "csrf_token": csrf_token(client, "/campaigns/new"), "dialer_mode": "preview",
        "abandon_cap": "2", "ring_seconds": "30", "amd": "retry", "amd_message": "", "amd_retry_minutes": "60"})
    assert created.status_code == 302, created.get_data(as_text=True)
    with app.app_context():
        campaign_id = db.session.scalars(select(Campaign.id).where(Campaign.org_id == owner["org_id"])).one()
    url = f"/api/v1/campaigns/{campaign_id}/dialer"
    got = client.get(url, headers=owner["headers"]).json["settings"]
    assert (got["mode"], got["abandon_cap"], got["ring_seconds"]) == ("preview", 0.02, 30)
    assert (got["amd"], got["amd_retry_minutes"]) == ("retry", 60)
    page = client.get(f"/dialer/campaigns/{campaign_id}").get_data(as_text=True)
    assert 'name="ring_seconds" inputmode="numeric" value="30"' in page
    # Preview mode, as chosen in the wizard: a checked-in member is offered the campaign's contact.
    import_file(app, client, owner["headers"], campaign_id, csv_bytes([[CN_1, "Shanghai", ""]]))
    set_settings(app, campaign_id, calling_windows=ALL_DAY)
    member_id, headers = member()
    on_shift(campaign_id, member_id)
    with app.app_context():
        from telephony import numbers

        numbers.allocate_local_number(campaign_id)
        db.session.commit()
    card = client.get("/api/v1/dialer/preview", headers=headers).json["contact"]
    assert card is not None and card["campaign_id"] == campaign_id
    # The dialer's API refuses what the wizard refuses, with the same message.
    refused = client.put(url, json={"ring_seconds": 10}, headers=owner["headers"])
    assert refused.status_code == 422
    assert "A whole number from 15 to 120." in refused.get_data(as_text=True)
