"""Shifts from the staffing plan, seat changes, claims, release cut-off, waitlist, check-in, no-shows."""

from datetime import timedelta

from flask_babel import force_locale
from sqlalchemy import select

from app.extensions import db
from app.notifications.models import Notification
from app.notifications.services import words
from app.timeutil import utcnow
from marketplace.members.profiles import reliability_score as reliability
from marketplace.models import Campaign, Claim, MemberProfile, Shift
from marketplace.shifts import attendance
from marketplace.shifts import services as shifts
from tests.marketplace.helpers import OUTBOUND, at, inbound, publish, shifts_of

CONFIRM = {"confirm": True}


def test_the_plan_becomes_shifts_with_the_rostered_seats(client, enterprise):
    created = client.post("/api/v1/campaigns", json=inbound(intervals=(100, 400, 250)), headers=enterprise["headers"])
    campaign_id = created.json["id"]
    planned = client.post(f"/api/v1/campaigns/{campaign_id}/shifts/plan", headers=enterprise["headers"])
    assert planned.status_code == 200, planned.json
    rows = shifts_of(client, enterprise, campaign_id)
    plan = client.post(f"/api/v1/campaigns/{campaign_id}/staffing-plan", headers=enterprise["headers"]).json
    assert [r["seats"] for r in rows] == [i["rostered"] for i in plan["intervals"]]
    assert rows[0]["seats"] == 20  # the Erlang oracle: 100 calls / 30 min, AHT 3 min → 14 agents, 20 rostered
    assert {r["state"] for r in rows} == {"planned"}
    assert planned.json["seats"] == sum(r["seats"] for r in rows) and planned.json["fill_rate"] == 0


def test_hour_long_shifts_take_the_peak_of_their_intervals(client, enterprise):
    body = inbound(intervals=(100, 400, 250), slot_minutes=60)
    campaign_id = client.post("/api/v1/campaigns", json=body, headers=enterprise["headers"]).json["id"]
    client.post(f"/api/v1/campaigns/{campaign_id}/shifts/plan", headers=enterprise["headers"])
    rows = shifts_of(client, enterprise, campaign_id)
    plan = client.post(f"/api/v1/campaigns/{campaign_id}/staffing-plan", headers=enterprise["headers"]).json
    rostered = [i["rostered"] for i in plan["intervals"]]
    assert [r["seats"] for r in rows] == [max(rostered[:2]), rostered[2]]
    assert rows[0]["ends_at"].startswith("2099-11-10T17:00:00")  # 2099-11-11 00:00+08 → 16:00Z, an hour long


def test_slot_length_must_span_whole_intervals(client, enterprise):
    body = inbound(slot_minutes=15)
    response = client.post("/api/v1/campaigns", json=body, headers=enterprise["headers"])
    assert response.status_code == 422 and "slot_minutes" in response.json["error"]["fields"]


def test_a_short_outbound_list_rosters_its_seat_hours_not_every_calling_hour(client, enterprise):
    # 90 contacts × 1 attempt × 4 min = 6 agent-hours; after 25 % shrinkage 8 seat-hours = 16 half-hour
    # seats. Rounding each of the 220 calling-window shifts up to one agent rostered 220 seats (110 h).
    body = {**OUTBOUND, "outbound": {**OUTBOUND["outbound"], "expected_contacts": 90, "contact_rate": 1.0,
                                     "max_attempts": 1, "handle_seconds": 240, "shrinkage": 0.25}}
    campaign_id = client.post("/api/v1/campaigns", json=body, headers=enterprise["headers"]).json["id"]
    plan = client.post(f"/api/v1/campaigns/{campaign_id}/staffing-plan", headers=enterprise["headers"]).json
    assert plan["agent_hours"] == 6 and plan["slots"] == 220
    assert plan["rostered_hours"] == 8 and plan["shift_count"] == 16 and plan["rostered_per_slot"] == 1
    client.post(f"/api/v1/campaigns/{campaign_id}/shifts/plan", headers=enterprise["headers"])
    rows = shifts_of(client, enterprise, campaign_id)
    assert len(rows) == 16 and {r["seats"] for r in rows} == {1}
    starts = [r["starts_at"] for r in rows]
    assert len({start[:10] for start in starts}) > 5  # spread over the fortnight, not bunched on day one


def test_outbound_plan_spreads_agent_hours_over_the_calling_windows(client, enterprise):
    body = {**OUTBOUND, "outbound": {**OUTBOUND["outbound"], "expected_contacts": 6000, "contact_rate": 0.5,
                                     "max_attempts": 2, "handle_seconds": 300}}
    campaign_id = client.post("/api/v1/campaigns", json=body, headers=enterprise["headers"]).json["id"]
    plan = client.post(f"/api/v1/campaigns/{campaign_id}/staffing-plan", headers=enterprise["headers"])
    assert plan.status_code == 200, plan.json
    # 6000 contacts × 1.5 expected attempts × 5 min = 750 agent-hours over 10 weekdays × 11 h = 220 slots
    assert plan.json["model"] == "outbound_workload"
    assert plan.json["agent_hours"] == 750 and plan.json["attempts_per_contact"] == 1.5
    assert plan.json["slots"] == 10 * 22 and plan.json["agents_per_slot"] == 7  # ceil(750 / 110)
    # 750 / 0.7 = 1,071.43 seat-hours → 2,143 half-hour seats over 220 shifts: 163 of 10 seats, 57 of 9
    assert plan.json["rostered_hours"] == 1071.5 and plan.json["rostered_per_slot"] == 10
    client.post(f"/api/v1/campaigns/{campaign_id}/shifts/plan", headers=enterprise["headers"])
    rows = shifts_of(client, enterprise, campaign_id)
    assert len(rows) == 220 and {r["seats"] for r in rows} == {9, 10}
    assert sum(r["seats"] for r in rows) == 2143
    assert "T01:00:00" in rows[0]["starts_at"]  # 09:00 in Shanghai


def test_seats_can_change_but_never_below_the_claims(client, enterprise, member):
    _campaign, rows = publish(client, enterprise, inbound(), seats={0: 2})
    assert rows[0]["seats"] == 2 and rows[0]["planned_seats"] > 2 and rows[0]["state"] == "open"
    _uid, headers = member()
    assert client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers).status_code == 201
    lower = client.patch(f"/api/v1/shifts/{rows[0]['id']}", json={"seats": 0}, headers=enterprise["headers"])
    assert lower.status_code == 409 and lower.json["error"]["code"] == "below_claimed"
    for bad in ({"seats": -1}, {"seats": "3"}, {"seats": 2, "extra": 1}, {}):
        response = client.patch(f"/api/v1/shifts/{rows[0]['id']}", json=bad, headers=enterprise["headers"])
        assert response.status_code == 422, bad
    assert client.patch(f"/api/v1/shifts/{rows[0]['id']}", json={"seats": 1},
                        headers=enterprise["headers"]).status_code == 200


def test_planning_is_for_drafts_and_shifts_are_the_tenants_own(client, enterprise, create_user, auth, user_email):
    campaign, rows = publish(client, enterprise, inbound())
    again = client.post(f"/api/v1/campaigns/{campaign['id']}/shifts/plan", headers=enterprise["headers"])
    assert again.status_code == 409 and again.json["error"]["code"] == "not_a_draft"
    other = auth.headers(user_email(create_user("enterprise")))
    assert client.get(f"/api/v1/campaigns/{campaign['id']}/shifts", headers=other).status_code == 404
    assert client.patch(f"/api/v1/shifts/{rows[0]['id']}", json={"seats": 9}, headers=other).status_code == 404
    assert client.get(f"/api/v1/shifts/{rows[0]['id']}/roster", headers=other).status_code == 404


def test_claim_and_release_before_the_cutoff(client, enterprise, member, app):
    _campaign, rows = publish(client, enterprise, inbound())
    uid, headers = member()
    claim = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers)
    assert claim.status_code == 201, claim.json
    assert claim.json["state"] == "claimed" and claim.json["can_release"] and not claim.json["release_is_late"]
    twice = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers)
    assert twice.status_code == 409 and twice.json["error"]["code"] == "already_claimed"
    mine = client.get("/api/v1/claims", headers=headers).json["items"]
    assert [c["id"] for c in mine] == [claim.json["id"]]
    roster = client.get(f"/api/v1/shifts/{rows[0]['id']}/roster", headers=enterprise["headers"]).json["items"]
    assert [r["member_id"] for r in roster] == [uid]
    released = client.delete(f"/api/v1/claims/{claim.json['id']}", headers=headers)
    assert released.status_code == 200 and released.json["state"] == "released"
    assert released.json["late_release"] is False
    again = client.delete(f"/api/v1/claims/{claim.json['id']}", headers=headers)
    assert again.status_code == 409 and again.json["error"]["code"] == "not_releasable"
    assert again.json["error"]["message"].endswith("(Released).")  # the label, not the code "released"
    zh = client.delete(f"/api/v1/claims/{claim.json['id']}", headers={**headers, "Accept-Language": "zh-CN"})
    assert zh.json["error"]["message"] == "无法释放此席位：该认领已失效（已释放）。"
    with app.app_context():
        assert db.session.get(Shift, rows[0]["id"]).claimed == 0
        assert db.session.get(MemberProfile, uid).reliability == 100
    past = client.get("/api/v1/claims?when=past", headers=headers).json["items"]
    assert [c["state"] for c in past] == ["released"]


def test_overlapping_seats_are_refused(client, enterprise, member):
    _c1, first = publish(client, enterprise, inbound())
    _c2, second = publish(client, enterprise, inbound())  # the same times
    _uid, headers = member()
    assert client.post(f"/api/v1/shifts/{first[0]['id']}/claims", headers=headers).status_code == 201
    overlap = client.post(f"/api/v1/shifts/{second[0]['id']}/claims", headers=headers)
    assert overlap.status_code == 409 and overlap.json["error"]["code"] == "overlapping_claim"
    assert client.post(f"/api/v1/shifts/{second[1]['id']}/claims", headers=headers).status_code == 201


def test_full_cancelled_draft_and_unknown_shifts(client, enterprise, member):
    campaign, rows = publish(client, enterprise, inbound(), seats={0: 1})
    _u1, first = member()
    _u2, second = member()
    assert client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=first).status_code == 201
    full = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=second)
    assert full.status_code == 409 and full.json["error"]["code"] == "shift_full"
    assert client.post("/api/v1/shifts/999999/claims", headers=second).status_code == 404
    draft = client.post("/api/v1/campaigns", json=inbound(), headers=enterprise["headers"]).json
    client.post(f"/api/v1/campaigns/{draft['id']}/shifts/plan", headers=enterprise["headers"])
    draft_shift = shifts_of(client, enterprise, draft["id"])[0]
    assert client.post(f"/api/v1/shifts/{draft_shift['id']}/claims", headers=second).status_code == 404
    client.post(f"/api/v1/campaigns/{campaign['id']}/transitions", json={"to": "cancelled"},
                headers=enterprise["headers"])
    cancelled = client.post(f"/api/v1/shifts/{rows[1]['id']}/claims", headers=second)
    assert cancelled.status_code == 409 and cancelled.json["error"]["code"] == "shift_cancelled"
    held = client.get("/api/v1/claims?when=past", headers=first).json["items"]
    assert held[0]["state"] == "released" and held[0]["late_release"] is False  # no penalty for a cancellation


def test_only_members_claim_and_only_their_own(client, enterprise, member):
    _campaign, rows = publish(client, enterprise, inbound())
    assert client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=enterprise["headers"]).status_code == 403
    _u1, first = member()
    _u2, second = member()
    claim = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=first).json
    assert client.delete(f"/api/v1/claims/{claim['id']}", headers=second).status_code == 404
    assert client.post(f"/api/v1/claims/{claim['id']}/check-in", headers=second).status_code == 404


def test_a_late_release_lowers_reliability_and_the_waitlist_gets_the_seat(client, enterprise, member, app):
    start = at(60)  # inside the default 2 h cut-off
    _campaign, rows = publish(client, enterprise, inbound(start), seats={0: 1})
    holder, holder_headers = member()
    waiter, waiter_headers = member()
    claim = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", json=CONFIRM, headers=holder_headers).json
    assert claim["release_is_late"] is True
    early = client.post(f"/api/v1/shifts/{rows[1]['id']}/waitlist", headers=waiter_headers)
    assert early.status_code == 409 and early.json["error"]["code"] == "seats_available"
    joined = client.post(f"/api/v1/shifts/{rows[0]['id']}/waitlist", headers=waiter_headers)
    assert joined.status_code == 201 and joined.json["position"] == 1
    twice = client.post(f"/api/v1/shifts/{rows[0]['id']}/waitlist", headers=waiter_headers)
    assert twice.status_code == 409 and twice.json["error"]["code"] == "already_waiting"
    released = client.delete(f"/api/v1/claims/{claim['id']}", json=CONFIRM, headers=holder_headers)
    assert released.status_code == 200 and released.json["late_release"] is True
    with app.app_context():
        assert db.session.get(MemberProfile, holder).reliability == reliability(0, 0, 1)
        # Inside the cut-off the seat is not handed over: the waiter is told and chooses.
        assert db.session.query(Claim).filter_by(shift_id=rows[0]["id"], member_id=waiter).count() == 0
        assert db.session.get(Shift, rows[0]["id"]).claimed == 0
        told = db.session.scalars(select(Notification).where(Notification.user_id == waiter)).one()
        assert told.kind == "waitlist.seat_free" and told.link == "/work/"
    taken = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", json=CONFIRM, headers=waiter_headers)
    assert taken.status_code == 201
    assert client.delete(f"/api/v1/shifts/{rows[0]['id']}/waitlist", headers=waiter_headers).status_code == 404


def test_outside_the_cutoff_the_waitlist_gets_the_seat_and_is_told(client, enterprise, member, app):
    _campaign, rows = publish(client, enterprise, inbound(), seats={0: 1})  # in 2099: far outside the cut-off
    _holder, holder_headers = member()
    waiter, waiter_headers = member()
    claim = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=holder_headers).json
    assert client.post(f"/api/v1/shifts/{rows[0]['id']}/waitlist", headers=waiter_headers).status_code == 201
    assert client.delete(f"/api/v1/claims/{claim['id']}", headers=holder_headers).status_code == 200
    upcoming = client.get("/api/v1/claims", headers=waiter_headers).json["items"]
    assert upcoming[0]["shift_id"] == rows[0]["id"] and upcoming[0]["from_waitlist"]
    with app.test_request_context():
        told = db.session.scalars(select(Notification).where(Notification.user_id == waiter)).one()
        assert told.kind == "waitlist.seat_given"
        title, body = words(told)
        assert "Double 11 peak" in title and "free of charge until Tue, Nov 10 14:00 UTC." in body
        with force_locale("zh"):
            assert "11月10日周二 14:00 UTC" in words(told)[1]  # the reader's language, days named in it


def test_a_seat_freed_too_close_to_the_cutoff_to_decide_is_offered_not_assigned(client, enterprise, member, app):
    """Outside the cut-off, but with less than the decision window left before it: handing the seat
    over would leave the member no time to give it back free, so it is offered like one inside it."""
    from marketplace.shifts.claims import WAITLIST_DECISION_WINDOW

    start = at(120 + WAITLIST_DECISION_WINDOW.total_seconds() / 60 - 20)  # the default cut-off is 2 h
    _campaign, rows = publish(client, enterprise, inbound(start), seats={0: 1})
    _holder, holder_headers = member()
    waiter, waiter_headers = member()
    claim = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=holder_headers)
    assert claim.status_code == 201 and claim.json["release_is_late"] is False
    assert client.post(f"/api/v1/shifts/{rows[0]['id']}/waitlist", headers=waiter_headers).status_code == 201
    released = client.delete(f"/api/v1/claims/{claim.json['id']}", headers=holder_headers)
    assert released.status_code == 200 and released.json["late_release"] is False
    assert client.get("/api/v1/claims", headers=waiter_headers).json["items"] == []  # nothing handed over
    with app.test_request_context():
        told = db.session.scalars(select(Notification).where(Notification.user_id == waiter)).one()
        assert told.kind == "waitlist.seat_free" and told.link == "/work/"
        assert "It starts in less than 1" in words(told)[1] and "not given to you automatically" in words(told)[1]
    taken = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", json=CONFIRM, headers=waiter_headers)
    assert taken.status_code == 201


def test_inside_the_cutoff_a_claim_and_a_release_say_their_cost_and_wait_for_confirmation(client, enterprise,
                                                                                          member, app):
    # A fresh member: reliability 100 = (0 + 5) / 5. A late release makes it 5 / 5.5 → 91; a no-show 5 / 6 → 83.
    _campaign, rows = publish(client, enterprise, inbound(at(60)))  # the default cut-off is 2 h
    uid, headers = member()
    asked = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers)
    assert asked.status_code == 409 and asked.json["error"]["code"] == "confirmation_required"
    assert asked.json["error"]["fields"]["cost"] == {
        "action": "claim_inside_cutoff", "reliability": 100, "reliability_after_late_release": 91,
        "reliability_after_no_show": 83, "release_cutoff_minutes": 120}
    assert "from 100 to 91" in asked.json["error"]["message"] and "to 83" in asked.json["error"]["message"]
    zh = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers={**headers, "Accept-Language": "zh-CN"})
    assert zh.json["error"]["code"] == "confirmation_required" and "91" in zh.json["error"]["message"]
    assert not any("a" <= ch <= "z" for ch in zh.json["error"]["message"].split("91")[0])
    bad = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", json={"confirm": "maybe"}, headers=headers)
    assert bad.status_code == 422 and "confirm" in bad.json["error"]["fields"]
    with app.app_context():
        assert db.session.query(Claim).filter_by(member_id=uid).count() == 0  # nothing happened
    claim = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", json=CONFIRM, headers=headers)
    assert claim.status_code == 201

    release = client.delete(f"/api/v1/claims/{claim.json['id']}", headers=headers)
    assert release.status_code == 409 and release.json["error"]["code"] == "confirmation_required"
    assert release.json["error"]["fields"]["cost"] == {"action": "late_release", "reliability": 100,
                                                       "reliability_after": 91, "release_cutoff_minutes": 120}
    with app.app_context():
        assert db.session.get(Claim, claim.json["id"]).state == "claimed"
    done = client.delete(f"/api/v1/claims/{claim.json['id']}?confirm=true", headers=headers)
    assert done.status_code == 200 and done.json["late_release"] is True
    with app.app_context():
        assert db.session.get(MemberProfile, uid).reliability == 91
    spec = client.get("/api/v1/openapi.json").json
    claim_doc = spec["paths"]["/api/v1/shifts/{shift_id}/claims"]["post"]
    assert "confirmation_required" in claim_doc["description"]
    assert any(p["name"] == "confirm" for p in claim_doc["parameters"])
    assert "confirmation_required" in spec["paths"]["/api/v1/claims/{claim_id}"]["delete"]["description"]


def test_check_in_window_and_no_shows(client, enterprise, member, app):
    start = at(10)
    _campaign, rows = publish(client, enterprise, inbound(start))
    uid, headers = member()
    other, other_headers = member()
    soon = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", json=CONFIRM, headers=headers).json
    later = client.post(f"/api/v1/shifts/{rows[1]['id']}/claims?confirm=true", headers=headers).json
    missed = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", json=CONFIRM, headers=other_headers).json
    assert soon["can_check_in"] is True and later["can_check_in"] is False
    not_yet = client.post(f"/api/v1/claims/{later['id']}/check-in", headers=headers)
    assert not_yet.status_code == 409 and not_yet.json["error"]["code"] == "check_in_not_open"
    checked = client.post(f"/api/v1/claims/{soon['id']}/check-in", headers=headers)
    assert checked.status_code == 200 and checked.json["state"] == "checked_in"
    assert client.post(f"/api/v1/claims/{soon['id']}/check-in", headers=headers).status_code == 200  # idempotent
    cannot = client.delete(f"/api/v1/claims/{soon['id']}", headers=headers)
    assert cannot.status_code == 409
    with app.app_context():
        swept = attendance.mark_no_shows(now=utcnow() + timedelta(minutes=30))
        db.session.commit()
        assert swept == 1
        assert db.session.get(Claim, missed["id"]).state == "no_show"
        assert db.session.get(MemberProfile, other).reliability == reliability(0, 1, 0)
        assert db.session.get(MemberProfile, uid).reliability == 100
        assert db.session.get(MemberProfile, uid).shifts_attended == 1
        assert attendance.checked_in_members(_campaign["id"], now=start + timedelta(minutes=5)) == [uid]
    late = client.post(f"/api/v1/claims/{missed['id']}/check-in", headers=other_headers)
    assert late.status_code == 409


def test_campaign_listing_shows_the_fill_rate(client, enterprise, member):
    campaign, rows = publish(client, enterprise, inbound(), seats={0: 2, 1: 2})
    _uid, headers = member()
    client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers)
    body = client.get(f"/api/v1/campaigns/{campaign['id']}", headers=enterprise["headers"]).json
    assert body["fill"] == {"seats": 4, "claimed": 1, "fill_rate": 0.25}



def test_the_no_show_sweep_is_a_periodic_job(app, client, enterprise, member):
    from app.schedule import SCHEDULE
    from marketplace.shifts import tasks

    assert SCHEDULE["marketplace-no-shows"].func is tasks.sweep_no_shows
    _campaign, rows = publish(client, enterprise, inbound(at(10)))
    _uid, headers = member()
    claim = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", json=CONFIRM, headers=headers).json
    with app.app_context():
        assert tasks.sweep_no_shows() == 0  # the grace period has not passed
        db.session.get(Claim, claim["id"]).starts_at = utcnow() - timedelta(minutes=20)
        db.session.commit()
        assert tasks.sweep_no_shows() == 1
        assert tasks.sweep_no_shows() == 0  # a retried sweep marks nothing twice
        assert db.session.get(Claim, claim["id"]).state == "no_show"


def test_claims_page_by_start_time(client, enterprise, member):
    _campaign, rows = publish(client, enterprise, inbound(intervals=(40, 40, 40)))
    _uid, headers = member()
    for row in reversed(rows):  # claimed latest first: the list still runs by start
        assert client.post(f"/api/v1/shifts/{row['id']}/claims", headers=headers).status_code == 201
    seen, cursor = [], None
    while True:
        page = client.get("/api/v1/claims?limit=1" + (f"&cursor={cursor}" if cursor else ""), headers=headers).json
        seen.extend(c["shift_id"] for c in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [row["id"] for row in sorted(rows, key=lambda r: r["starts_at"])]
    assert client.get("/api/v1/claims?cursor=bad", headers=headers).status_code == 422


def test_editing_a_draft_follows_the_new_plan_unless_seats_were_set_by_hand(client, enterprise, app):
    body = inbound(intervals=(100, 400))
    campaign_id = client.post("/api/v1/campaigns", json=body, headers=enterprise["headers"]).json["id"]
    client.post(f"/api/v1/campaigns/{campaign_id}/shifts/plan", headers=enterprise["headers"])
    assert shifts_of(client, enterprise, campaign_id)[0]["seats"] == 20
    busier = inbound(intervals=(200, 400))
    edited = client.put(f"/api/v1/campaigns/{campaign_id}", json=busier, headers=enterprise["headers"])
    assert edited.status_code == 200, edited.json
    first, second = shifts_of(client, enterprise, campaign_id)
    assert first["seats"] > 20  # planned again from the new forecast
    # A seat count set by hand is kept when the plan moves; the campaign page says so.
    client.patch(f"/api/v1/shifts/{second['id']}", json={"seats": 3}, headers=enterprise["headers"])
    client.put(f"/api/v1/campaigns/{campaign_id}", json=body, headers=enterprise["headers"])
    kept = shifts_of(client, enterprise, campaign_id)
    assert kept[0]["seats"] == first["seats"] and kept[1]["seats"] == 3
    with app.app_context():
        assert shifts.plan_outdated(db.session.get(Campaign, campaign_id))
    client.post(f"/api/v1/campaigns/{campaign_id}/shifts/plan", headers=enterprise["headers"])
    with app.app_context():
        assert not shifts.plan_outdated(db.session.get(Campaign, campaign_id))
    assert shifts_of(client, enterprise, campaign_id)[0]["seats"] == 20
