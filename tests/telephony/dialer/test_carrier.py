"""The dialer end to end on the local carrier: calls placed after commit with AMD, the callee's
outcomes (a person, a machine, busy, the outcome matrix) coming back through the signed webhooks,
and a preview call that rings the member once the callee answers."""

from __future__ import annotations

import copy
import itertools
import time
from datetime import timedelta

import pytest
from sqlalchemy.orm.attributes import flag_modified

from app.extensions import db
from app.timeutil import utcnow
from telephony.carrier import Party
from tests.conftest import PASSWORD, separate_app
from tests.telephony.conftest import OUTBOUND
from tests.telephony.dialer.conftest import ALL_DAY

SPEED = 20.0
_counter = itertools.count(1)


@pytest.fixture(scope="module")
def dialer_app(tmp_path_factory):
    yield from separate_app(tmp_path_factory, "dialer", postgres_only="the carrier calls webhooks from its threads")


@pytest.fixture
def carrier(dialer_app, real_sessions):
    from telephony.carrier import start_local_carrier

    dialer_app.extensions.pop("local_carrier", None)
    found = start_local_carrier(dialer_app, speed=SPEED)
    yield found
    found.shutdown()
    dialer_app.extensions.pop("local_carrier", None)


class Dialer:
    def __init__(self, app):
        self.app = app
        self.client = app.test_client()

    def campaign(self, numbers: list[str], **dialer) -> tuple[int, list[int], dict]:
        """A running outbound campaign dialing all day with one contact per number."""
        from app.auth import services as auth
        from app.database import commit
        from marketplace.campaigns import services
        from marketplace.campaigns.schemas import CampaignIn
        from marketplace.contacts.phones import mask_digits
        from marketplace.contacts.vault import vault
        from marketplace.models import Contact
        from payouts.services import confirm_simulated_checkout, create_topup

        n = next(_counter)
        with self.app.test_request_context():
            admin = auth.register_user(email=f"dial{n}-{time.time_ns()}@example.test", password=PASSWORD,
                                       name="Boss", role="enterprise", org_name=f"Dial Org {n} {time.time_ns()}")
            commit()
            topup = create_topup(admin.org_id, admin.id, 1_000_000, "CNY")
            confirm_simulated_checkout(topup.id, admin.org_id)
            campaign = services.create_campaign(admin.org_id, admin.id, CampaignIn().load(copy.deepcopy(OUTBOUND)))
            services.change_state(campaign, "published", admin.id)
            services.change_state(campaign, "running", admin.id)
            now = utcnow()
            campaign.starts_at, campaign.ends_at = now - timedelta(days=1), now + timedelta(days=1)
            campaign.settings = {**campaign.settings, "calling_windows": ALL_DAY, "dialer": dialer}
            flag_modified(campaign, "settings")
            ids = []
            for row, number in enumerate(numbers, start=1):
                phone_hash = vault().phone_hash(number)
                contact = Contact(campaign_id=campaign.id, org_id=admin.org_id, list_id=0, row_number=row,
                                  phone_hash=phone_hash, phone_encrypted=vault().encrypt(number, phone_hash),
                                  phone_masked=mask_digits(number[3:]), region="CN", time_zone="Asia/Shanghai",
                                  name=f"Callee {row}", attributes={}, state="pending", attempts=0)
                db.session.add(contact)
                db.session.flush()
                ids.append(contact.id)
            commit()
            campaign_id, email = campaign.id, admin.email
            db.session.remove()
        return campaign_id, ids, self.headers(email)

    def headers(self, email: str) -> dict:
        reply = self.client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
        assert reply.status_code == 200, reply.json
        return {"Authorization": "Bearer " + reply.json["access_token"]}

    def agent(self, campaign_id: int, carrier, on_shift: bool = False) -> tuple[int, dict]:
        """A member available for the campaign, with a softphone that answers."""
        from app.auth import services as auth
        from app.database import commit
        from marketplace.models import Claim, Shift
        from telephony import earnings
        from telephony.distributor import distributor

        with self.app.test_request_context():
            user = auth.create_user(email=f"agent{next(_counter)}-{time.time_ns()}@example.test", password=PASSWORD,
                                    name="Agent", role="member")
            if on_shift:
                now = utcnow()
                shift = Shift(campaign_id=campaign_id, org_id=self._org(campaign_id),
                              starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(minutes=30),
                              seats=5, claimed=1, state="open")
                db.session.add(shift)
                db.session.flush()
                db.session.add(Claim(shift_id=shift.id, campaign_id=campaign_id, member_id=user.id,
                                     starts_at=shift.starts_at, ends_at=shift.ends_at, state="checked_in",
                                     checked_in_at=now))
            distributor().set_agent_campaigns(user.id, primary=[campaign_id])
            distributor().set_available(user.id)
            earnings.record_presence(user.id, "available")
            commit()
            user_id, email = user.id, user.email
            db.session.remove()
        carrier.register_client(f"member-{user_id}", Party(ring_seconds=1, talk_seconds=5))
        return user_id, self.headers(email)

    def _org(self, campaign_id: int) -> int:
        from marketplace.models import Campaign

        return db.session.get(Campaign, campaign_id).org_id

    def tick(self) -> int:
        from telephony.dialer import hopper

        with self.app.test_request_context():
            try:
                return hopper.tick()
            finally:
                db.session.remove()

    def interactions(self, campaign_id: int) -> list:
        from sqlalchemy import select

        from telephony.models import Interaction

        with self.app.app_context():
            try:
                found = list(db.session.scalars(select(Interaction).where(Interaction.campaign_id == campaign_id)
                                                .order_by(Interaction.id)))
                for row in found:
                    db.session.expunge(row)
                return found
            finally:
                db.session.remove()

    def contact(self, contact_id: int):
        from marketplace.models import Contact

        with self.app.app_context():
            try:
                found = db.session.get(Contact, contact_id)
                db.session.expunge(found)
                return found
            finally:
                db.session.remove()

    @staticmethod
    def until(probe, timeout: float = 8.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = probe()
            if found:
                return found
            time.sleep(0.05)
        raise AssertionError(f"{probe} never held")


@pytest.fixture
def dialer(dialer_app, carrier):
    with dialer_app.app_context():
        from app.extensions import redis_store

        redis_store.connection.flushdb()
    return Dialer(dialer_app)


def _ended(dialer, campaign_id, count=1):
    return dialer.until(lambda: [i for i in dialer.interactions(campaign_id)
                                 if i.state in ("failed", "abandoned", "wrapup", "completed")][:count]
                        if len([i for i in dialer.interactions(campaign_id)
                                if i.state in ("failed", "abandoned", "wrapup", "completed")]) >= count else None)


def test_a_machine_is_detected_and_dropped(dialer, carrier):
    number = "+8613800000101"
    carrier.register_party(number, Party(ring_seconds=1, machine=True))
    campaign_id, [contact_id], _ = dialer.campaign([number], amd="drop")
    dialer.agent(campaign_id, carrier)
    assert dialer.tick() == 1
    [ended] = _ended(dialer, campaign_id)
    assert (ended.state, ended.failure_reason, ended.answered_by) == ("failed", "machine_drop", "machine_start")
    placed = carrier.get(ended.customer_call_sid)
    assert placed.machine_detection == "Enable" and placed.async_amd_callback.endswith(f"/amd?interaction={ended.id}")
    assert dialer.until(lambda: carrier.get(ended.customer_call_sid).ended)  # hung up on the machine
    assert placed.timeout == 20  # the campaign's ring, at least 15 s
    found = dialer.contact(contact_id)
    assert (found.state, found.last_disposition, found.attempts) == ("done", "machine", 1)


def test_a_machine_gets_the_campaigns_message_after_the_beep(dialer, carrier):
    number = "+8613800000110"
    carrier.register_party(number, Party(ring_seconds=1, machine=True))
    campaign_id, [contact_id], _ = dialer.campaign([number], amd="message", amd_message="Please call us back.")
    dialer.agent(campaign_id, carrier)
    assert dialer.tick() == 1
    [ended] = _ended(dialer, campaign_id)
    assert (ended.failure_reason, ended.answered_by) == ("machine_message", "machine_end_beep")
    assert carrier.get(ended.customer_call_sid).machine_detection == "DetectMessageEnd"
    said = dialer.until(lambda: [e for e in carrier.events(ended.customer_call_sid) if e.kind == "say"])
    assert said[-1].detail["text"] == "Please call us back."
    assert dialer.contact(contact_id).state == "done"


def test_a_busy_callee_is_retried_after_the_busy_delay(dialer, carrier):
    number = "+8613800000102"
    carrier.register_party(number, Party(busy=True))
    campaign_id, [contact_id], _ = dialer.campaign([number])
    dialer.agent(campaign_id, carrier)
    assert dialer.tick() == 1
    [ended] = _ended(dialer, campaign_id)
    assert (ended.state, ended.failure_reason) == ("failed", "dial_busy")
    found = dialer.until(lambda: (c := dialer.contact(contact_id)).state == "pending" and c)
    assert found.attempts == 1 and found.next_attempt_at is not None
    assert timedelta(minutes=29) < found.next_attempt_at - utcnow() <= timedelta(minutes=30)


def test_a_person_with_no_agent_free_is_abandoned_with_the_message(dialer, carrier):
    number = "+8613800000103"
    carrier.register_party(number, Party(ring_seconds=1, talk_seconds=30))
    campaign_id, _ids, _ = dialer.campaign([number], mode="progressive")
    member_id, _headers = dialer.agent(campaign_id, carrier)
    assert dialer.tick() == 1
    with dialer.app.app_context():  # the agent leaves between the dial and the answer
        from telephony.distributor import distributor

        distributor().set_away(member_id)
    [ended] = _ended(dialer, campaign_id)
    assert (ended.state, ended.answered_by) == ("abandoned", "human")
    # the carrier plays the message as it reads the answer's TwiML, which may finish just after the
    # interaction was recorded abandoned
    said = dialer.until(lambda: [e for e in carrier.events(ended.customer_call_sid) if e.kind == "say"])
    # Said within 2 s of the answer: real seconds (the carrier's clock runs SPEED times faster).
    assert said and (said[0].at - carrier.get(ended.customer_call_sid).answered_at) / carrier.clock.speed < 2


def test_no_agent_free_means_no_call_placed(dialer, carrier):
    campaign_id, _ids, _ = dialer.campaign(["+8613800000104"])
    assert dialer.tick() == 0
    assert dialer.interactions(campaign_id) == []


def test_the_outcome_matrix_drives_unscripted_callees(dialer, carrier):
    carrier.directory.set_outcomes({"fail": 1.0}, seed=3)
    try:
        campaign_id, _ids, _ = dialer.campaign(["+8613800000105"])
        dialer.agent(campaign_id, carrier)
        assert dialer.tick() == 1
        [ended] = _ended(dialer, campaign_id)
        assert ended.failure_reason == "dial_failed"
    finally:
        carrier.directory.set_outcomes(None)


def test_a_preview_call_rings_the_member_once_the_callee_answers(dialer, carrier):
    number = "+8613800000106"
    carrier.register_party(number, Party(ring_seconds=1, talk_seconds=3))
    campaign_id, [contact_id], _ = dialer.campaign([number], mode="preview")
    member_id, headers = dialer.agent(campaign_id, carrier, on_shift=True)
    assert dialer.tick() == 0  # preview never dials on its own
    card = dialer.client.get("/api/v1/dialer/preview", headers=headers).json["contact"]
    assert card["contact_id"] == contact_id
    dialed = dialer.client.post(f"/api/v1/dialer/preview/{contact_id}/dial", headers=headers)
    assert dialed.status_code == 201, dialed.json
    answered = dialer.until(lambda: [i for i in dialer.interactions(campaign_id)
                                     if i.member_id == member_id and i.answered_at is not None])
    assert answered[0].direction == "outbound" and answered[0].contact_id == contact_id
    again = dialer.client.post(f"/api/v1/dialer/preview/{contact_id}/dial", headers=headers)
    assert again.status_code == 409 and again.json["error"]["code"] == "in_progress"
    assert len(dialer.interactions(campaign_id)) == 1


def _callback_request(dialer, campaign_id: int, number: str) -> int:
    from app.database import commit
    from telephony import services
    from telephony.models import CallbackRequest, Interaction

    with dialer.app.test_request_context():
        waited = services.create_interaction(campaign_id, "inbound", customer_phone=number)
        services.mark_failed(waited.id, "callback_requested")
        found = db.session.get(Interaction, waited.id)
        request = CallbackRequest(campaign_id=campaign_id, interaction_id=found.id,
                                  phone_hash=found.customer_phone_hash, phone_encrypted=found.customer_phone_encrypted,
                                  phone_masked=found.customer_masked,
                                  state="open")
        db.session.add(request)
        commit()
        request_id = request.id
        db.session.remove()
    return request_id


def _request_state(dialer, request_id: int) -> str:
    from telephony.models import CallbackRequest

    with dialer.app.app_context():
        try:
            return db.session.get(CallbackRequest, request_id).state
        finally:
            db.session.remove()


def test_a_callback_request_is_dialed_before_the_contacts(dialer, carrier):
    callback_number, contact_number = "+8613800000107", "+8613800000108"
    for number in (callback_number, contact_number):
        carrier.register_party(number, Party(ring_seconds=1, talk_seconds=2))
    campaign_id, [contact_id], _ = dialer.campaign([contact_number])
    request_id = _callback_request(dialer, campaign_id, callback_number)
    dialer.agent(campaign_id, carrier)  # one free agent: one line
    assert dialer.tick() == 1
    assert _request_state(dialer, request_id) == "dialed"
    outbound = [i for i in dialer.interactions(campaign_id) if i.direction == "outbound"]
    assert len(outbound) == 1 and outbound[0].contact_id is None and outbound[0].customer_phone_hash
    assert dialer.contact(contact_id).state == "pending"  # the contact waits for the next free agent


def test_a_callback_to_a_dnc_number_is_closed_not_dialed(dialer, carrier):
    callback_number = "+8613800000109"
    campaign_id, _ids, headers = dialer.campaign([])
    request_id = _callback_request(dialer, campaign_id, callback_number)
    listed = dialer.client.post("/api/v1/dnc", json={"numbers": [callback_number]}, headers=headers)
    assert listed.status_code in (200, 201), listed.json
    dialer.agent(campaign_id, carrier)
    assert dialer.tick() == 0
    assert _request_state(dialer, request_id) == "closed"
    assert [i for i in dialer.interactions(campaign_id) if i.direction == "outbound"] == []
