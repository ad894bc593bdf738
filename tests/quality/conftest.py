"""Fixtures for the QA tests: funded campaigns, members, and completed calls with transcripts."""

from __future__ import annotations

import pytest

from app.database import commit
from app.extensions import db
from tests.telephony import conftest as telephony_fixtures
from tests.telephony.conftest import at

# The telephony tests' fixtures, shared: enterprises, members, funded campaigns, handled calls.
ctx, enterprise, member = telephony_fixtures.ctx, telephony_fixtures.enterprise, telephony_fixtures.member
campaign, handled = telephony_fixtures.campaign, telephony_fixtures.handled

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
def completed_call(app, ctx, handled):
    """``completed_call(campaign_id, member_id, utterances=GOOD_EN)`` → the id of a completed,
    dispositioned call whose transcript is kept and whose pay accrued (pending QA)."""
    from telephony import services
    from telephony.transcripts import save_transcript

    def _make(campaign_id, member_id, utterances=GOOD_EN, language="en"):
        interaction_id = handled(campaign_id, member_id, talk=90)
        if utterances is not None:
            ref = save_transcript(interaction_id, {"language": language, "utterances": utterances})
            services.attach_media(interaction_id, transcript_ref=ref)
        services.set_disposition(interaction_id, member_id, "resolved")
        services.complete_interaction(interaction_id, at=at(200))
        commit()
        return interaction_id

    return _make


@pytest.fixture
def world(enterprise, member, campaign):
    """An enterprise with a published campaign and one member: ``(owner, campaign_id, member_id, headers)``."""
    owner = enterprise()
    campaign_id = campaign(owner)
    member_id, headers = member()
    return owner, campaign_id, member_id, headers


def balances(member_id: int, campaign_id: int) -> dict:
    from payouts.postings import find_balance

    return {"pending": find_balance("member", member_id, "pending", "CNY"),
            "available": find_balance("member", member_id, "available", "CNY"),
            "escrow": find_balance("campaign", campaign_id, "escrow", "CNY")}


def money_is_sound() -> list[str]:
    from payouts.postings import check_invariants

    return check_invariants()


def result_of(interaction_id: int):
    from quality.queries import result_of_interaction

    db.session.expire_all()
    return result_of_interaction(interaction_id)
