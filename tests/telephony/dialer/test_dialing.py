"""The checks at the moment of dialing, retry delays and max attempts, and answering-machine outcomes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app import database
from app.database import commit
from app.extensions import db
from tests.marketplace.contacts.helpers import CN_1
from tests.telephony.dialer.conftest import contact, set_settings

# Wednesday 2099-12-02 02:00 UTC: 10:00 in Shanghai and Hong Kong, 21:00 (Tuesday) in New York.
ASIA_MORNING = datetime(2099, 12, 2, 2, 0, tzinfo=UTC)


def _dial(app, contact_id, now, **kwargs):
    from telephony.dialer import hopper

    with app.test_request_context():
        dialed = hopper.dial_contact(contact_id, now=now, **kwargs)
        # Placing the provider call (after commit) is the carrier tests' business: not here.
        db.session.info.pop(database._AFTER_COMMIT, None)
        commit()
        return dialed


def _interactions(app, campaign_id):
    from telephony.models import Interaction

    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Interaction).where(
            Interaction.campaign_id == campaign_id))


def test_windows_are_read_in_each_callees_zone_across_a_dst_change(app, outbound):
    run = outbound(starts_at=datetime(2027, 3, 1, tzinfo=UTC), ends_at=datetime(2027, 4, 30, tzinfo=UTC))
    ids = run["ids"]
    from telephony.dialer import compliance

    with app.test_request_context():
        # Friday 12 March 2027, 13:30 UTC: 08:30 in New York (EST, UTC-5) — closed; 21:30 in Shanghai — closed.
        friday = datetime(2027, 3, 12, 13, 30, tzinfo=UTC)
        assert compliance.check(ids["New York"], friday) == (False, "outside_calling_window")
        assert compliance.check(ids["Shanghai"], friday) == (False, "outside_calling_window")
        # Monday 15 March, the same 13:30 UTC: 09:30 in New York, now on EDT (UTC-4) — open.
        monday = datetime(2027, 3, 15, 13, 30, tzinfo=UTC)
        assert compliance.check(ids["New York"], monday) == (True, "ok")
        # 02:00 UTC on a weekday: 10:00 in Shanghai and Hong Kong (no DST there), 22:00 in New York.
        asia = datetime(2027, 3, 16, 2, 0, tzinfo=UTC)
        assert compliance.check(ids["Shanghai"], asia) == (True, "ok")
        assert compliance.check(ids["Hong Kong"], asia) == (True, "ok")
        assert compliance.check(ids["New York"], asia) == (False, "outside_calling_window")
    dialed = _dial(app, ids["New York"], datetime(2027, 3, 12, 13, 30, tzinfo=UTC))
    assert not dialed.placed and dialed.reason == "outside_calling_window"
    assert contact(app, ids["New York"])["dial_refusal"] == "outside_calling_window"
    assert _interactions(app, run["campaign_id"]) == 0


def test_a_number_put_on_the_dnc_list_after_it_was_loaded_is_not_dialed(app, client, outbound):
    run = outbound()
    from marketplace.contacts import dialing

    with app.app_context():
        hopper = [c.id for c in dialing.contacts_due(run["campaign_id"], ASIA_MORNING, limit=10)]
    assert run["ids"]["Shanghai"] in hopper
    added = client.post("/api/v1/dnc", json={"numbers": [CN_1]}, headers=run["headers"])
    assert added.status_code in (200, 201), added.json
    dialed = _dial(app, run["ids"]["Shanghai"], ASIA_MORNING)
    assert (dialed.placed, dialed.reason) == (False, "dnc")
    found = contact(app, run["ids"]["Shanghai"])
    assert found["dial_refusal"] == "dnc" and found["attempts"] == 0
    assert _interactions(app, run["campaign_id"]) == 0
    listed = client.get(f"/api/v1/campaigns/{run['campaign_id']}/dialer", headers=run["headers"]).json
    assert listed["refusals"] == {"dnc": 1}
    # Hong Kong is still dialed.
    assert _dial(app, run["ids"]["Hong Kong"], ASIA_MORNING).placed


def test_retry_delays_per_outcome_and_max_attempts(app, outbound):
    run = outbound()
    shanghai = run["ids"]["Shanghai"]
    from telephony.dialer import outcomes
    from telephony.models import Interaction

    def ring_out(dialed, status, at):
        with app.test_request_context():
            outcomes.not_answered(db.session.get(Interaction, dialed.interaction_id), status, at)
            commit()

    first = _dial(app, shanghai, ASIA_MORNING)
    assert first.placed and contact(app, shanghai)["state"] == "in_progress"
    ring_out(first, "busy", ASIA_MORNING)
    after_busy = contact(app, shanghai)
    assert after_busy["state"] == "pending" and after_busy["attempts"] == 1
    assert after_busy["next_attempt_at"] == ASIA_MORNING + timedelta(minutes=30)  # the dialer's busy delay
    too_soon = _dial(app, shanghai, ASIA_MORNING + timedelta(minutes=29))
    assert too_soon.reason == "retry_later" and contact(app, shanghai)["dial_refusal"] == "retry_later"

    second_at = ASIA_MORNING + timedelta(minutes=30)
    second = _dial(app, shanghai, second_at)
    assert second.placed and contact(app, shanghai)["dial_refusal"] is None
    ring_out(second, "no-answer", second_at)
    after_no_answer = contact(app, shanghai)
    # The campaign's own "no_answer" disposition says 120 minutes.
    assert after_no_answer["next_attempt_at"] == second_at + timedelta(minutes=120)
    assert after_no_answer["last_disposition"] == "no_answer"

    third_at = second_at + timedelta(minutes=120)
    third = _dial(app, shanghai, third_at)
    assert third.placed
    ring_out(third, "failed", third_at)
    done = contact(app, shanghai)
    assert done["state"] == "done" and done["attempts"] == 3  # max_attempts 3
    assert _dial(app, shanghai, third_at + timedelta(days=1)).reason == "done"


@pytest.mark.parametrize(("action", "state", "document"), [
    ("drop", "done", "<Hangup"), ("retry", "pending", "<Hangup"), ("message", "done", "Please call us back"),
])
def test_a_machine_gets_the_campaigns_treatment(app, outbound, action, state, document):
    run = outbound(dialer={"amd": action, "amd_message": "Please call us back at your convenience.",
                           "amd_retry_minutes": 240})
    shanghai = run["ids"]["Shanghai"]
    from telephony.dialer import answering
    from telephony.models import Interaction

    dialed = _dial(app, shanghai, ASIA_MORNING)
    with app.test_request_context():
        twiml = answering.answer_outbound(dialed.interaction_id, {"AnsweredBy": "machine_end_beep"})
        interaction = db.session.get(Interaction, dialed.interaction_id)
        assert (interaction.state, interaction.failure_reason) == ("failed", f"machine_{action}")
        assert interaction.answered_by == "machine_end_beep"
        commit()
    assert document in twiml
    found = contact(app, shanghai)
    assert found["state"] == state and found["last_disposition"] == "machine"
    if action == "retry":
        assert found["next_attempt_at"] is not None


def test_the_provider_is_asked_for_machine_detection_and_a_15_second_ring(app, outbound):
    from telephony.dialer.hopper import AMD_MODES
    from telephony.dialer.settings import dialer_settings

    assert AMD_MODES == {"drop": "Enable", "retry": "Enable", "message": "DetectMessageEnd"}
    assert dialer_settings({"dialer": {"ring_seconds": 10}})["ring_seconds"] == 15


def test_a_person_answered_with_no_agent_free_hears_the_message_at_once(app, outbound):
    run = outbound()
    shanghai = run["ids"]["Shanghai"]
    from telephony.dialer import answering
    from telephony.models import Interaction

    dialed = _dial(app, shanghai, ASIA_MORNING)
    with app.test_request_context():
        twiml = answering.answer_outbound(dialed.interaction_id, {"AnsweredBy": "human"})
        interaction = db.session.get(Interaction, dialed.interaction_id)
        assert (interaction.state, interaction.answered_by) == ("abandoned", "human")
        commit()
    assert "<Say" in twiml and "<Hangup" in twiml and "<Conference" not in twiml
    found = contact(app, shanghai)
    assert found["state"] == "pending" and found["last_disposition"] == "abandoned"


def test_a_person_answered_with_an_agent_free_waits_for_them(app, outbound, create_user):
    run = outbound()
    from telephony.dialer import answering
    from telephony.distributor import distributor

    member_id = create_user("member")
    with app.test_request_context():
        acd = distributor()
        acd.set_agent_campaigns(member_id, primary=[run["campaign_id"]])
        acd.set_available(member_id)
    dialed = _dial(app, run["ids"]["Shanghai"], ASIA_MORNING)
    with app.test_request_context():
        twiml = answering.answer_outbound(dialed.interaction_id, {})  # no AMD asked: a person
    assert "<Conference" in twiml


def test_the_campaign_must_be_running_and_funded(app, outbound):
    run = outbound()
    set_settings(app, run["campaign_id"], state="paused")
    assert _dial(app, run["ids"]["Shanghai"], ASIA_MORNING).reason == "campaign_not_running"
    set_settings(app, run["campaign_id"], state="running")
    from marketplace.models import Campaign
    from telephony.models import RoutingHold

    with app.app_context():
        found = db.session.get(Campaign, run["campaign_id"])
        db.session.add(RoutingHold(campaign_id=found.id, org_id=found.org_id, reason="escrow_exhausted",
                                   shortfall=100, currency="CNY"))
        commit()
    assert _dial(app, run["ids"]["Shanghai"], ASIA_MORNING).reason == "escrow_exhausted"


def test_the_contact_lists_page_shows_why_contacts_were_not_dialed(app, client, outbound, user_email):
    from tests.helpers.web import in_chinese, sign_in

    run = outbound()
    client.post("/api/v1/dnc", json={"numbers": [CN_1]}, headers=run["headers"])
    _dial(app, run["ids"]["Shanghai"], ASIA_MORNING)
    _dial(app, run["ids"]["New York"], ASIA_MORNING)
    listed = client.get(f"/api/v1/campaigns/{run['campaign_id']}/contacts", headers=run["headers"]).json["items"]
    assert {c["name"]: c["dial_refusal"] for c in listed} == {
        "Shanghai": "dnc", "New York": "outside_calling_window", "Hong Kong": None}
    sign_in(client, user_email(run["owner"]["admin_id"]))
    page = client.get(f"/contacts/campaigns/{run['campaign_id']}").get_data(as_text=True)
    assert 'data-testid="dial-refusals"' in page
    assert "The number is on a Do-Not-Call list.: 1" in page
    assert "outside the calling hours in the callee" in page
    zh = client.get(f"/contacts/campaigns/{run['campaign_id']}", headers={"Accept-Language": "zh-CN"})
    assert in_chinese(app, "Contacts the dialer did not call") in zh.get_data(as_text=True)


def test_the_predictive_pass_opens_lines_from_the_measured_rates(app, outbound, create_user):
    run = outbound(dialer={"mode": "predictive", "max_lines_per_agent": 3})
    from telephony import services
    from telephony.dialer import hopper
    from telephony.distributor import distributor
    from telephony.models import Interaction

    with app.test_request_context():
        acd = distributor()
        for _ in range(2):
            member_id = create_user("member")
            acd.set_agent_campaigns(member_id, primary=[run["campaign_id"]])
            acd.set_available(member_id)
        for index in range(200):  # 200 placed, 60 answered by a person (30 %), none abandoned
            made = services.create_interaction(run["campaign_id"], "outbound", at=ASIA_MORNING)
            made.answered_by = "human" if index < 60 else None
            made.state = "failed" if index >= 60 else "queued"
            made.ended_at = ASIA_MORNING if index >= 60 else None
        db.session.flush()
        db.session.execute(Interaction.__table__.update().where(Interaction.campaign_id == run["campaign_id"],
                                                                Interaction.answered_by == "human")
                           .values(state="completed", member_id=member_id, ended_at=ASIA_MORNING,
                                   wrapup_ended_at=ASIA_MORNING))
        found = db.session.get(hopper.Campaign, run["campaign_id"])
        assert hopper.lines_for(found, ASIA_MORNING) == 6  # 2 free agents x min(1 / 0.3, 3)
        db.session.execute(Interaction.__table__.update().where(Interaction.id.in_(
            select(Interaction.id).where(Interaction.campaign_id == run["campaign_id"],
                                         Interaction.answered_by == "human").limit(2)))
                           .values(state="abandoned", member_id=None, wrapup_ended_at=None))
        assert hopper.lines_for(found, ASIA_MORNING) == 2  # 2 of 60 = 3.3 % abandoned: one line per agent
