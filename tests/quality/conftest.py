"""Fixtures for the QA tests: funded campaigns, members, and completed calls with transcripts."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from flask import has_app_context

from app.database import commit
from app.extensions import db
from tests.telephony import conftest as telephony_fixtures
from tests.telephony.conftest import at

# The telephony tests' fixtures, shared: enterprises, members, funded and published campaigns.
enterprise, member, campaign = telephony_fixtures.enterprise, telephony_fixtures.member, telephony_fixtures.campaign

GOOD_EN = [
    {"speaker": "agent", "text": "Hello, thank you for calling Acme, this is Dana. This call is recorded.",
     "start": 0.5, "end": 4.0},
    {"speaker": "customer", "text": "Hi, my parcel is late and I am worried.", "start": 4.5, "end": 7.0},
    {"speaker": "agent", "text": "I'm so sorry to hear that. Could you confirm your order number?", "start": 7.5,
     "end": 10.0},
    {"speaker": "customer", "text": "It is A1234.", "start": 10.5, "end": 11.5},
    {"speaker": "agent", "text": "It arrives tomorrow. Is there anything else I can help with?", "start": 12.0,
     "end": 15.0},
    {"speaker": "customer", "text": "No, thanks.", "start": 15.5, "end": 16.0},
    {"speaker": "agent", "text": "Thank you for calling, goodbye!", "start": 16.5, "end": 18.0},
]
RUDE_EN = [
    {"speaker": "agent", "text": "What.", "start": 20.0, "end": 21.0},
    {"speaker": "customer", "text": "My parcel is late.", "start": 21.5, "end": 23.0},
    {"speaker": "agent", "text": "Are you an idiot? Read the tracking page.", "start": 40.0, "end": 42.0},
    {"speaker": "customer", "text": "...", "start": 60.0, "end": 61.0},
]


@pytest.fixture
def completed_call(app):
    """``completed_call(campaign_id, member_id, utterances=GOOD_EN)`` → the id of a completed,
    dispositioned call whose transcript is kept and whose pay accrued (pending QA): queued at T0,
    answered at 14 s, 90 s of talk. Made in a request context of its own, so the pages a test
    then opens have theirs."""
    from telephony import services
    from telephony.transcripts import save_transcript

    def _make(campaign_id, member_id, utterances=GOOD_EN, language="en"):
        with app.test_request_context():
            call = services.create_interaction(campaign_id, "inbound", customer_phone="+8613812345678", at=at(0))
            services.record_offer(call.id, member_id, offer_id="r1", at=at(10))
            services.mark_answered(call.id, member_id, at=at(14))
            services.begin_wrapup(call.id, at=at(104))
            if utterances is not None:
                ref = save_transcript(call.id, {"language": language, "utterances": utterances})
                services.attach_media(call.id, transcript_ref=ref)
            services.set_disposition(call.id, member_id, "resolved")
            services.complete_interaction(call.id, at=at(200))
            commit()
            return call.id

    return _make


@pytest.fixture
def world(enterprise, member, campaign):
    """An enterprise with a published campaign and one member: ``(owner, campaign_id, member_id, headers)``."""
    owner = enterprise()
    campaign_id = campaign(owner)
    member_id, headers = member()
    return owner, campaign_id, member_id, headers


_APP = {}


@pytest.fixture(autouse=True)
def _remember_app(app):
    _APP["app"] = app


@contextmanager
def _context():
    """The test's app context, or one of its own (page tests keep none open: a request of the test
    client would then share the test's ``g``, CSRF token included)."""
    if has_app_context():
        yield
    else:
        with _APP["app"].app_context():
            yield


def balances(member_id: int, campaign_id: int) -> dict:
    from payouts.postings import find_balance

    with _context():
            return {"pending": find_balance("member", member_id, "pending", "CNY"),
                "available": find_balance("member", member_id, "available", "CNY"),
                "escrow": find_balance("campaign", campaign_id, "escrow", "CNY")}


def money_is_sound() -> list[str]:
    from payouts.postings import check_invariants

    with _context():
        return check_invariants()


def result_of(interaction_id: int):
    from quality.queries import result_of_interaction

    with _context():
        db.session.expire_all()
        return result_of_interaction(interaction_id)


def run_scoring(interaction_id: int):
    """The QA job, run now (as a worker would, in the test's database)."""
    from quality.tasks import score_interaction

    with _context():
        return score_interaction(interaction_id)
