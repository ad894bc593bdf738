"""The aggregates follow a transfer between members, count an outbound attempt that never
connected, and count a repeat contact only within 7 days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.extensions import db
from telephony.reports.models import MemberReportBucket, ReportBucket, ReportFact
from tests.telephony.conftest import OUTBOUND

T = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)


def _member_calls(campaign_id):
    return {b.member_id: b.handled for b in db.session.scalars(
        select(MemberReportBucket).where(MemberReportBucket.campaign_id == campaign_id))}


def test_a_transfer_moves_the_call_to_the_second_member(app, ctx, enterprise, member, campaign):
    from telephony import services

    campaign_id = campaign(enterprise())
    first, _ = member()
    second, _ = member()
    call = services.create_interaction(campaign_id, "inbound", customer_phone="+8613812345678", at=T)
    services.record_offer(call.id, first, offer_id="o1", at=T + timedelta(seconds=2))
    services.mark_answered(call.id, first, at=T + timedelta(seconds=4))
    assert _member_calls(campaign_id) == {first: 0}
    services.mark_transferred(call.id, second, at=T + timedelta(seconds=30))
    services.begin_wrapup(call.id, at=T + timedelta(seconds=90))
    services.set_disposition(call.id, second, "resolved")
    services.complete_interaction(call.id, at=T + timedelta(seconds=95))
    assert _member_calls(campaign_id) == {first: 0, second: 1}
    bucket = db.session.scalars(select(MemberReportBucket).where(MemberReportBucket.member_id == first)).one()
    assert (bucket.answered, bucket.offered) == (0, 0)  # nothing of the call is left with the first member


def test_an_outbound_attempt_that_never_connected(app, ctx, enterprise, campaign):
    from telephony import services

    campaign_id = campaign(enterprise(), OUTBOUND)
    call = services.create_interaction(campaign_id, "outbound", at=T)
    services.mark_failed(call.id, "busy", at=T + timedelta(seconds=20))
    bucket = db.session.scalars(select(ReportBucket).where(ReportBucket.campaign_id == campaign_id)).one()
    assert (bucket.attempted, bucket.reached, bucket.offered, bucket.abandoned) == (1, 0, 0, 0)


def test_a_repeat_contact_counts_within_seven_days_only(app, ctx, enterprise, member, campaign):
    from telephony import services

    campaign_id = campaign(enterprise())
    agent, _ = member()

    def handled_call(at, phone):
        call = services.create_interaction(campaign_id, "inbound", customer_phone=phone, at=at)
        services.record_offer(call.id, agent, offer_id=f"o{call.id}", at=at + timedelta(seconds=1))
        services.mark_answered(call.id, agent, at=at + timedelta(seconds=2))
        services.begin_wrapup(call.id, at=at + timedelta(seconds=60))
        services.set_disposition(call.id, agent, "resolved")
        services.complete_interaction(call.id, at=at + timedelta(seconds=61))
        return call.id

    early = handled_call(T, "+8613812345678")
    other = handled_call(T, "+8613912345679")
    handled_call(T + timedelta(days=8), "+8613812345678")  # the same caller, after 8 days: resolved
    again = handled_call(T + timedelta(days=8, hours=1), "+8613912345679")
    handled_call(T + timedelta(days=10), "+8613912345679")  # within 7 days of `again`
    repeated = {fact.interaction_id: fact.contribution.get("repeated", 0)
                for fact in db.session.scalars(select(ReportFact).where(ReportFact.campaign_id == campaign_id))}
    assert repeated[early] == 0 and repeated[other] == 0 and repeated[again] == 1
    assert sum(repeated.values()) == 1


def test_a_failed_update_of_the_figures_never_fails_the_change(app, ctx, enterprise, campaign, caplog):
    from app import events
    from telephony import services

    campaign_id = campaign(enterprise())
    call = services.create_interaction(campaign_id, "inbound", customer_phone="+8613812345678", at=T)
    events.send(events.csat_recorded, "quality", interaction_id=call.id, campaign_id=campaign_id, member_id=None,
                score=10**6)  # out of the column's range: the update fails in its savepoint
    assert "Report figures not updated" in caplog.text
    services.mark_abandoned(call.id, at=T + timedelta(seconds=9))  # the transaction goes on
    db.session.expire_all()
    fact = db.session.get(ReportFact, call.id)
    assert fact.csat_score is None and fact.contribution.get("abandoned") == 1
