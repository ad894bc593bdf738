"""Several dispatchers at once: each offer is applied once, no member holds two, and the database
agrees with the ACD afterwards (``flask telephony check``)."""

from __future__ import annotations

import threading

from sqlalchemy import select

from app.extensions import db
from telephony.carrier import Party
from tests.telephony.flow.conftest import CALLER

DISPATCHERS = 4


def test_several_dispatchers_offer_each_call_once(flow, carrier):
    from telephony.models import Interaction, InteractionEvent

    campaign_id, number, _boss = flow.campaign()
    members = [flow.member(campaign_id)[0] for _ in range(5)]
    calls = [carrier.inbound_call(from_=CALLER, to=number, party=Party(ring_seconds=0)) for _ in range(8)]
    ids = [flow.wait_for(call.sid, "queued").id for call in calls]
    flow.until(lambda: all(flow.acd().call(i) for i in ids))

    barrier = threading.Barrier(DISPATCHERS)
    failures = []

    def dispatch():
        barrier.wait()
        for _ in range(3):
            try:
                flow.dispatch()
            except Exception as exc:  # reported by the assertion below
                failures.append(exc)

    threads = [threading.Thread(target=dispatch) for _ in range(DISPATCHERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []

    with flow.app.app_context():
        offered = db.session.execute(select(Interaction.id, Interaction.member_id).where(
            Interaction.id.in_(ids), Interaction.state == "offered")).all()
        offers = db.session.scalars(select(InteractionEvent.interaction_id).where(
            InteractionEvent.interaction_id.in_(ids), InteractionEvent.kind == "offered")).all()
        db.session.remove()
    assert len(offered) == len(members) == len(offers)
    assert sorted(member for _id, member in offered) == sorted(members)
    checked = flow.app.test_cli_runner().invoke(args=["telephony", "check"])
    assert checked.exit_code == 0, checked.output
    flow.hang_up(carrier, *calls)


def test_the_dispatcher_loop_offers_within_a_second(flow, carrier):
    from telephony import dispatcher

    campaign_id, number, _boss = flow.campaign()
    member_id, _headers = flow.member(campaign_id)
    stop = threading.Event()
    loop = threading.Thread(target=dispatcher.run, args=(flow.app, stop))
    loop.start()
    try:
        call = carrier.inbound_call(from_=CALLER, to=number, party=Party(ring_seconds=0))
        assert flow.wait_for(call.sid, "offered", timeout=3).member_id == member_id
    finally:
        stop.set()
        loop.join()
    flow.hang_up(carrier, call)
