"""The call flow end to end: an app that commits for real (the local carrier's legs call its
webhooks from their own threads), the carrier in-process at 20× speed, members put into routing
directly, and helpers that wait for an interaction to reach a state."""

from __future__ import annotations

import copy
import itertools
import time

import pytest

from app.extensions import db
from tests.conftest import PASSWORD, separate_app
from tests.telephony.conftest import INBOUND

SPEED = 20.0
CALLER = "+8613812345678"
_counter = itertools.count(1)


@pytest.fixture(scope="package")
def flow_app(tmp_path_factory):
    yield from separate_app(tmp_path_factory, "teleflow",
                            postgres_only="the call flow runs webhooks from several threads at once")


@pytest.fixture
def carrier(flow_app, real_sessions):
    from telephony.carrier import start_local_carrier

    flow_app.extensions.pop("local_carrier", None)
    found = start_local_carrier(flow_app, speed=SPEED)
    yield found
    found.shutdown()
    flow_app.extensions.pop("local_carrier", None)


class Flow:
    """Drives one app: a funded inbound campaign, members in routing, API calls, waits."""

    def __init__(self, app):
        self.app = app
        self.client = app.test_client()

    def campaign(self, **routing) -> tuple[int, str, dict]:
        """A published campaign (its id, its number, its admin's headers)."""
        from app.auth import services as auth
        from app.database import commit
        from marketplace.campaigns import services
        from marketplace.campaigns.schemas import CampaignIn
        from payouts.services import confirm_simulated_checkout, create_topup
        from telephony import numbers

        n = next(_counter)
        with self.app.test_request_context():
            admin = auth.register_user(email=f"boss{n}-{time.time_ns()}@example.test", password=PASSWORD,
                                       name="Boss", role="enterprise", org_name=f"Flow Org {n} {time.time_ns()}")
            commit()
            topup = create_topup(admin.org_id, admin.id, 1_000_000, "CNY")
            confirm_simulated_checkout(topup.id, admin.org_id)
            body = copy.deepcopy(INBOUND)
            campaign = services.create_campaign(admin.org_id, admin.id, CampaignIn().load(body))
            services.change_state(campaign, "published", admin.id)
            commit()
            number = numbers.number_of(campaign.id).number
            email = admin.email
            campaign_id = campaign.id
            db.session.remove()
        headers = self.headers(email)
        if routing:
            reply = self.client.put(f"/api/v1/campaigns/{campaign_id}/routing", json=routing, headers=headers)
            assert reply.status_code == 200, reply.json
        return campaign_id, number, headers

    def headers(self, email: str) -> dict:
        reply = self.client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
        assert reply.status_code == 200, reply.json
        return {"Authorization": "Bearer " + reply.json["access_token"]}

    def member(self, campaign_id: int, available: bool = True) -> tuple[int, dict]:
        """A member in the campaign's routing (available), and their API headers."""
        from app.auth import services as auth
        from app.database import commit
        from telephony import earnings
        from telephony.distributor import distributor

        with self.app.test_request_context():
            user = auth.create_user(email=f"agent{next(_counter)}-{time.time_ns()}@example.test", password=PASSWORD,
                                    name="Agent", role="member")
            distributor().set_agent_campaigns(user.id, primary=[campaign_id])
            if available:
                distributor().set_available(user.id)
                earnings.record_presence(user.id, "available")
            commit()
            user_id, email = user.id, user.email
            db.session.remove()
        return user_id, self.headers(email)

    def dispatch(self, now_ms: int | None = None):
        from telephony import dispatcher

        with self.app.test_request_context():
            try:
                return dispatcher.run_once(now_ms)
            finally:
                db.session.remove()

    def interaction(self, call_sid: str):
        """The interaction of a customer call (a detached copy of its row), or None."""
        from telephony.queries import find_by_call_sid

        with self.app.app_context():
            try:
                found = find_by_call_sid("local", call_sid)
                if found is not None:
                    db.session.expunge(found)
                return found
            finally:
                db.session.remove()

    def wait_for(self, call_sid: str, *states: str, timeout: float = 8.0):
        deadline = time.monotonic() + timeout
        found = None
        while time.monotonic() < deadline:
            found = self.interaction(call_sid)
            if found is not None and found.state in states:
                return found
            time.sleep(0.02)
        raise AssertionError(f"interaction of {call_sid} is {found and found.state}, not {states}")

    @staticmethod
    def until(probe, timeout: float = 5.0):
        """``probe()``'s first truthy answer, polled (work after commit runs a moment later)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = probe()
            if found:
                return found
            time.sleep(0.02)
        raise AssertionError(f"{probe} never held")

    def queue_call(self, carrier, number: str, party):
        """A caller dials ``number``: their call and its interaction once the ACD queues it."""
        call = carrier.inbound_call(from_=CALLER, to=number, party=party)
        queued = self.wait_for(call.sid, "queued")
        self.until(lambda: self.acd().call(queued.id))
        return call, queued

    def offer(self, carrier, number: str, party, member_id: int):
        """A caller dials ``number`` and a dispatcher pass offers the call to ``member_id``."""
        call, queued = self.queue_call(carrier, number, party)
        self.dispatch()
        offered = self.wait_for(call.sid, "offered")
        assert offered.member_id == member_id
        return call, queued

    def hang_up(self, carrier, *calls) -> None:
        """The callers hang up; back once their interactions are over and out of the ACD."""
        for call in calls:
            carrier.hangup(call.sid)
        for call in calls:
            assert carrier.wait_for(call.sid)
            ended = self.wait_for(call.sid, "abandoned", "failed", "wrapup", "completed")
            self.until(lambda ended=ended: self.acd().call(ended.id) is None)

    def acd(self):
        from telephony.distributor import distributor

        with self.app.app_context():
            return distributor()


@pytest.fixture
def flow(flow_app, carrier):
    return Flow(flow_app)
