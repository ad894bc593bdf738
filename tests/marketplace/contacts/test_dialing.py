"""Dialing time: DNC checked again, opt-outs at once, calling windows in the callee's zone, attempts."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from tests.marketplace.contacts.helpers import (
    CN_1,
    HK_1,
    US_1,
    create_campaign,
    csv_bytes,
    import_file,
    leaks,
    set_campaign_state,
)

# Wednesday 2099-12-02 02:00 UTC: 10:00 in Shanghai and Hong Kong, 21:00 on Tuesday in New York.
ASIA_MORNING = datetime(2099, 12, 2, 2, 0, tzinfo=UTC)
# 22:30 in Shanghai, 09:30 in New York (Wednesday).
NEW_YORK_MORNING = datetime(2099, 12, 2, 14, 30, tzinfo=UTC)
SATURDAY = datetime(2099, 12, 5, 2, 0, tzinfo=UTC)


@pytest.fixture
def dialing(app, client, enterprise):
    """A running outbound campaign (windows Mon–Fri 09:00–20:00) with a Shanghai, a New York and a
    Hong Kong callee; ``ids`` maps the masked number to the contact id."""
    campaign = create_campaign(client, enterprise["headers"])
    rows = [[CN_1, "Shanghai", ""], [f"+1{US_1}", "New York", ""], [f"+852 {HK_1}", "Hong Kong", ""]]
    import_file(app, client, enterprise["headers"], campaign["id"], csv_bytes(rows))
    set_campaign_state(app, campaign["id"], "running")
    items = client.get(f"/api/v1/campaigns/{campaign['id']}/contacts", headers=enterprise["headers"]).json["items"]
    return {"campaign": campaign, "ids": {c["name"]: c["id"] for c in items},
            "zones": {c["name"]: c["time_zone"] for c in items}}


def _due(app, campaign_id, now):
    from marketplace.contacts import dialing as contacts

    with app.app_context():
        return sorted(c.name for c in contacts.contacts_due(campaign_id, now, limit=10))


def _dialable(app, contact_id, now):
    from marketplace.contacts import dialing as contacts

    with app.app_context():
        return contacts.dialable(contact_id, now)


def test_calling_windows_are_read_in_the_callees_time_zone(app, dialing):
    assert dialing["zones"] == {"Shanghai": "Asia/Shanghai", "New York": "America/New_York",
                                "Hong Kong": "Asia/Hong_Kong"}
    ids, campaign_id = dialing["ids"], dialing["campaign"]["id"]
    assert _dialable(app, ids["Shanghai"], ASIA_MORNING) == (True, "ok")
    assert _dialable(app, ids["New York"], ASIA_MORNING) == (False, "outside_calling_window")
    assert _due(app, campaign_id, ASIA_MORNING) == ["Hong Kong", "Shanghai"]
    assert _dialable(app, ids["Shanghai"], NEW_YORK_MORNING) == (False, "outside_calling_window")
    assert _due(app, campaign_id, NEW_YORK_MORNING) == ["New York"]
    assert _due(app, campaign_id, SATURDAY) == []


def test_the_campaign_must_be_running_and_in_its_dates(app, dialing):
    ids, campaign_id = dialing["ids"], dialing["campaign"]["id"]
    assert _dialable(app, ids["Shanghai"], datetime(2099, 12, 20, 2, 0, tzinfo=UTC)) == (
        False, "outside_campaign_dates")
    set_campaign_state(app, campaign_id, "paused")
    assert _dialable(app, ids["Shanghai"], ASIA_MORNING) == (False, "campaign_not_running")
    assert _due(app, campaign_id, ASIA_MORNING) == []
    assert _dialable(app, 10**9, ASIA_MORNING) == (False, "not_found")


def test_dnc_is_checked_again_when_dialing(app, client, enterprise, dialing, create_user, user_email, auth):
    ids, campaign_id = dialing["ids"], dialing["campaign"]["id"]
    client.post("/api/v1/dnc", json={"numbers": [CN_1]}, headers=enterprise["headers"])
    assert _dialable(app, ids["Shanghai"], ASIA_MORNING) == (False, "dnc")
    admin = auth.headers(user_email(create_user("admin")))
    client.post("/api/v1/admin/dnc", json={"numbers": [HK_1], "region": "HK"}, headers=admin)
    assert _dialable(app, ids["Hong Kong"], ASIA_MORNING) == (False, "dnc")
    assert _due(app, campaign_id, ASIA_MORNING) == []
    other = auth.headers(user_email(create_user("enterprise")))
    client.post("/api/v1/dnc", json={"numbers": [US_1], "region": "US"}, headers=other)  # another org's list
    assert _due(app, campaign_id, NEW_YORK_MORNING) == ["New York"]


def test_an_opt_out_takes_effect_at_once_across_the_enterprise(app, client, enterprise, dialing):
    from app.database import commit
    from app.extensions import db
    from ledger import services as ledger
    from ledger.models import Leaf
    from marketplace.models import DncEntry

    second = create_campaign(client, enterprise["headers"])
    import_file(app, client, enterprise["headers"], second["id"], csv_bytes([[CN_1, "Same callee", ""]]))
    set_campaign_state(app, second["id"], "running")
    other_id = client.get(f"/api/v1/campaigns/{second['id']}/contacts", headers=enterprise["headers"]).json[
        "items"][0]["id"]
    response = client.post(f"/api/v1/contacts/{dialing['ids']['Shanghai']}/opt-out", headers=enterprise["headers"])
    assert response.status_code == 200, response.json
    assert response.json["state"] == "dnc" and response.json["phone_masked"] == "138****5678"
    assert _dialable(app, dialing["ids"]["Shanghai"], ASIA_MORNING) == (False, "dnc")
    assert _dialable(app, other_id, ASIA_MORNING) == (False, "dnc")  # the other campaign, at once
    assert _due(app, second["id"], ASIA_MORNING) == []
    again = client.post(f"/api/v1/contacts/{dialing['ids']['Shanghai']}/opt-out", headers=enterprise["headers"])
    assert again.status_code == 200
    with app.app_context():
        entries = db.session.scalars(select(DncEntry)).all()
        assert [(e.org_id, e.source, e.phone_masked) for e in entries] == [
            (enterprise["org_id"], "opt_out", "138****5678")]
        number_hash = entries[0].phone_hash
        while ledger.integrate():
            commit()
        logged = db.session.scalars(select(Leaf.entry).where(Leaf.kind == "dnc_added")).all()
    assert len(logged) == 1 and "138****5678" in logged[0] and number_hash in logged[0]
    assert not leaks(logged[0])


def test_attempts_follow_the_campaigns_dispositions(app, dialing):
    from app.errors import ValidationError
    from app.extensions import db
    from marketplace.contacts import dialing as contacts
    from marketplace.models import Contact

    shanghai, hong_kong = dialing["ids"]["Shanghai"], dialing["ids"]["Hong Kong"]
    with app.app_context():
        assert contacts.begin_attempt(shanghai, ASIA_MORNING) is True
        assert contacts.begin_attempt(shanghai, ASIA_MORNING) is False
        assert contacts.dialable(shanghai, ASIA_MORNING) == (False, "in_progress")
        contact = contacts.record_attempt(shanghai, "no_answer", ASIA_MORNING)
        assert (contact.state, contact.attempts) == ("pending", 1)
        assert contact.next_attempt_at == ASIA_MORNING + timedelta(minutes=120)
        assert contacts.dialable(shanghai, ASIA_MORNING + timedelta(minutes=60)) == (False, "retry_later")
        assert contacts.dialable(shanghai, ASIA_MORNING + timedelta(minutes=121)) == (True, "ok")
        later = ASIA_MORNING + timedelta(minutes=121)
        due = contacts.contacts_due(dialing["campaign"]["id"], later)
        assert [c.id for c in due] == [shanghai, hong_kong]  # due retries first, then contacts never called
        assert [c.id for c in contacts.contacts_due(dialing["campaign"]["id"], ASIA_MORNING + timedelta(minutes=60))
                ] == [hong_kong]
        contacts.record_attempt(shanghai, "no_answer", later)
        contact = contacts.record_attempt(shanghai, "no_answer", later + timedelta(hours=3))
        assert (contact.state, contact.attempts, contact.next_attempt_at) == ("done", 3, None)  # max_attempts 3
        assert contacts.dialable(shanghai, later + timedelta(hours=6)) == (False, "done")
        assert contacts.record_attempt(hong_kong, "completed", ASIA_MORNING).state == "done"
        with pytest.raises(ValidationError):
            contacts.record_attempt(hong_kong, "no_such_code", ASIA_MORNING)
        new_york = db.session.get(Contact, dialing["ids"]["New York"])
        new_york.attempts = 3
        assert contacts.dialable(new_york.id, NEW_YORK_MORNING) == (False, "max_attempts")
        db.session.rollback()


def test_an_opt_out_during_a_call_keeps_the_contact_off_the_list(app, dialing):
    from marketplace.contacts import dialing as contacts

    shanghai = dialing["ids"]["Shanghai"]
    with app.app_context():
        assert contacts.begin_attempt(shanghai, ASIA_MORNING)
        contacts.record_opt_out(shanghai, None)
        contact = contacts.record_attempt(shanghai, "opt_out", ASIA_MORNING)
        assert contact.state == "dnc" and contact.attempts == 1
        assert contacts.dialable(shanghai, ASIA_MORNING) == (False, "dnc")
