"""What takes a member out of routing at once: a released or no-show claim, a suspension, a revoked
certification, a paused campaign, the end of their shift; and a member on a call keeps it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app import events
from app.database import commit
from app.extensions import db
from app.timeutil import utcnow
from marketplace.models import Claim


@pytest.mark.parametrize("state,signal", [("released", "claim_released"), ("no_show", "claim_no_show")])
def test_a_released_or_missed_shift_takes_the_member_out_at_once(state, signal, routed, acd, presence, app):
    member_id, _headers, campaign_id, claim_id = routed()
    with app.test_request_context():
        claim = db.session.get(Claim, claim_id)
        claim.state = state
        db.session.flush()
        extra = {"late": False, "reason": "member"} if state == "released" else {}
        events.send(getattr(events, signal), "marketplace", claim_id=claim_id, shift_id=claim.shift_id,
                    campaign_id=campaign_id, member_id=member_id, **extra)
        assert acd.agent(member_id)["st"] == "available"  # Redis changes only once the change commits
        commit()
    assert acd.agent(member_id) is None and presence(member_id) is None


def test_a_rolled_back_change_leaves_routing_alone(routed, acd, presence, app):
    member_id, _headers, campaign_id, claim_id = routed()
    with app.test_request_context():
        events.send(events.claim_no_show, "marketplace", claim_id=claim_id, shift_id=0, campaign_id=campaign_id,
                    member_id=member_id)
        db.session.rollback()
    assert acd.agent(member_id)["st"] == "available"


def test_a_suspension_takes_the_member_out_even_mid_call(routed, acd, presence, app, client, create_user,
                                                         auth, user_email):
    member_id, _headers, campaign_id, _claim = routed()
    acd.enqueue(9001, campaign_id)
    assert acd.tick().offers and acd.accept(member_id, call_id=9001).ok
    admin = auth.headers(user_email(create_user("admin")))
    suspended = client.post(f"/api/v1/admin/users/{member_id}/suspend", json={"reason": "fraud"}, headers=admin)
    assert suspended.status_code == 200, suspended.json
    assert acd.agent(member_id) is None and acd.call(9001) is None and presence(member_id) is None


def test_a_revoked_certification_takes_the_member_out(enterprise, member, campaign, on_shift, acd, presence,
                                                      app, client, create_user):
    from app.auth.models import User
    from certification.models import Certification
    from certification.services import grants
    from tests.helpers.academy import load_fixture_content

    certs = load_fixture_content(app)["certs"]
    key = "ecommerce_after_sales_l1"
    owner = enterprise()
    campaign_id = campaign(owner, requirements={"certifications": [key]})
    member_id, headers = member()
    trainer_id = create_user("trainer")
    with app.test_request_context():
        grant = grants.grant(db.session.get(Certification, certs[key]), db.session.get(User, member_id),
                             actor_id=trainer_id, check=False)
        commit()
        grant_id = grant.id
    on_shift(campaign_id, member_id)
    assert client.put("/api/v1/agents/me/presence", json={"status": "available"}, headers=headers).status_code == 200
    assert acd.agent_campaigns(member_id)[0] == [campaign_id]
    with app.test_request_context():
        grants.revoke(grant_id, actor=db.session.get(User, trainer_id), reason="Shared answers")
        commit()
    assert acd.agent(member_id) is None and presence(member_id) is None
    refused = client.put("/api/v1/agents/me/presence", json={"status": "available"}, headers=headers)
    assert refused.status_code == 403 and refused.json["error"]["code"] == "not_eligible"
    assert "Needs certification" in refused.json["error"]["message"]


def test_pausing_the_campaign_takes_its_members_out(routed, acd, presence, app, client, enterprise):
    from telephony import tasks

    owner = enterprise()
    member_id, _headers, campaign_id, _claim = routed(owner)
    paused = client.post(f"/api/v1/campaigns/{campaign_id}/transitions", json={"to": "paused"},
                         headers=owner["headers"])
    assert paused.status_code == 200, paused.json
    with app.app_context():
        assert tasks.refresh_campaign_agents(campaign_id) == 1
    assert acd.agent(member_id) is None and presence(member_id) is None


def test_the_sweep_takes_out_members_whose_shift_ended_and_lets_a_call_finish(routed, acd, presence, app):
    from telephony import tasks

    member_id, _headers, campaign_id, claim_id = routed()
    idle_id, _idle_headers, _other, idle_claim = routed()
    acd.enqueue(9002, campaign_id)
    offered = acd.tick().offers
    busy_id = offered[0]["agent"]
    assert acd.accept(busy_id, call_id=9002).ok
    with app.app_context():
        for cid in (claim_id, idle_claim):
            db.session.get(Claim, cid).ends_at = utcnow() - timedelta(seconds=5)
        commit()
        tasks.sweep_presence()
    assert acd.agent(idle_id) is None and presence(idle_id) is None
    assert acd.agent(member_id)["st"] == "busy" and acd.agent_campaigns(member_id) == ([], [])
    assert presence(member_id) is not None  # still on the call
    acd.end_call(member_id)
    with app.app_context():
        tasks.sweep_presence()
    assert acd.agent(member_id) is None and presence(member_id) is None


def test_the_sweep_records_a_missed_heartbeat_as_offline(routed, acd, presence, app):
    from telephony import tasks
    from telephony.routing.acd import wall_clock_ms

    member_id, _headers, _campaign, _claim = routed()
    acd.tick(now_ms=wall_clock_ms() + 30_000)
    assert acd.agent(member_id)["st"] == "offline" and presence(member_id) == "available"
    with app.app_context():
        assert tasks.sweep_presence() == 1
    assert presence(member_id) is None


def test_the_sweep_runs_every_minute():
    from app.schedule import SCHEDULE
    from telephony import tasks

    assert SCHEDULE["telephony-presence"].func is tasks.sweep_presence
    assert SCHEDULE["telephony-presence"].every == timedelta(minutes=1)
