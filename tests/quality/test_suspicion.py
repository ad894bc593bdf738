"""A suspicion of rudeness: the rudeness classifier quotes an agent's sentence it suspects without
being sure (``classifier.SUSPICIONS`` up to its threshold); the score and the dry run's decision do
not change, but a campaign with ``qa_review_suspected`` holds such a call for a person instead of
approving it, with the reason and the sentence marked on the review page."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.database import commit
from app.timeutil import utcnow
from quality.scoring import STANDARD, classifier, parse_transcript, score
from quality.scoring.matching import unquoted
from quality.scoring.text import fold
from tests.helpers.web import sign_in
from tests.quality.conftest import GOOD_EN, balances, money_is_sound, result_of
from tests.telephony.conftest import INBOUND

# An agent's sentence the classifier suspects and the rules do not catch: a question that may be
# asked in scorn or in earnest.
SUSPECT = "Right, so you just ignored the reminders?"
SUSPECTED_CALL = [*GOOD_EN[:4],
                  {"speaker": "agent", "text": SUSPECT, "start": 12.0, "end": 14.0},
                  {"speaker": "customer", "text": "Okay.", "start": 14.5, "end": 15.0},
                  *[{**u, "start": u["start"] + 3.5, "end": u["end"] + 3.5} for u in GOOD_EN[4:]]]


def _forbidden(result):
    return next(r for r in result.items if r.key == "forbidden_language")


def test_the_sentence_is_suspected_not_sure():
    p = classifier.probability("forbidden", unquoted(fold(SUSPECT)))
    assert classifier.SUSPICIONS["forbidden"] <= p < classifier.threshold("forbidden", "en"), p


def test_a_suspicion_is_quoted_and_changes_neither_the_score_nor_the_decision():
    result = score(STANDARD, parse_transcript(SUSPECTED_CALL), "en")
    forbidden = _forbidden(result)
    assert (result.score, result.decision) == (100, "approve")
    assert forbidden.passed is True and forbidden.evidence == []
    assert [e.text for e in forbidden.suspected] == [SUSPECT] and result.suspected == ["forbidden_language"]
    body = result.as_dict()
    item = next(i for i in body["items"] if i["key"] == "forbidden_language")
    assert item["suspected"] == [{"utterance": 4, "text": SUSPECT, "start": 12.0}]
    assert all(i["suspected"] == [] for i in body["items"] if i["key"] != "forbidden_language")
    clean = score(STANDARD, parse_transcript(GOOD_EN), "en")
    assert clean.suspected == [] and _forbidden(clean).suspected == []


def test_a_rude_call_fails_and_carries_no_suspicion():
    rude = [*SUSPECTED_CALL[:6], {"speaker": "agent", "text": "Are you an idiot? Read the tracking page.",
                                  "start": 15.1, "end": 15.4}, *SUSPECTED_CALL[6:]]
    result = score(STANDARD, parse_transcript(rude), "en")
    assert _forbidden(result).passed is False and _forbidden(result).suspected == [] and result.suspected == []


def test_switched_off_the_classifier_suspects_nothing():
    card = {**STANDARD, "sections": [
        {**section, "items": [{**item, "params": {**(item.get("params") or {}), "classifier": False}}
                              if item["key"] == "forbidden_language" else item for item in section["items"]]}
        for section in STANDARD["sections"]]}
    result = score(card, parse_transcript(SUSPECTED_CALL), "en")
    assert result.suspected == [] and result.decision == "approve"


@pytest.mark.usefixtures("app_ctx")
def test_without_the_setting_the_score_decides_and_the_suspicion_is_kept(app, world, completed_call):
    from quality.tasks import score_interaction

    _owner, campaign_id, member_id, _headers = world
    interaction_id = completed_call(campaign_id, member_id, utterances=SUSPECTED_CALL)
    assert score_interaction(interaction_id) == "approve"
    result = result_of(interaction_id)
    assert result.problem is None and result.state == "final"
    item = next(i for i in result.items if i["key"] == "forbidden_language")
    assert item["passed"] is True and [e["text"] for e in item["suspected"]] == [SUSPECT]


@pytest.mark.usefixtures("app_ctx")
def test_a_campaign_that_asks_holds_a_suspected_call_for_a_person(app, enterprise, member, campaign, completed_call,
                                                                 user_email):
    from quality.services import gate, rescoring
    from quality.tasks import score_interaction

    owner = enterprise()
    campaign_id = campaign(owner, inbound={**INBOUND["inbound"], "qa_review_suspected": True})
    member_id, _headers = member()
    interaction_id = completed_call(campaign_id, member_id, utterances=SUSPECTED_CALL)
    pending = balances(member_id, campaign_id)["pending"]
    assert score_interaction(interaction_id) == "review"
    result = result_of(interaction_id)
    assert (result.score, result.decision, result.problem, result.state) == (100, "review", "suspected_rudeness",
                                                                             "in_review")
    assert balances(member_id, campaign_id)["pending"] == pending  # held, not paid

    admin = app.test_client()
    sign_in(admin, user_email(owner["admin_id"]))
    page = admin.get(f"/qa/review/{result.id}").get_data(as_text=True)
    assert 'data-testid="qa-problem"' in page and "suspects a sentence" in page
    assert 'data-testid="evidence-4"' in page and "No forbidden language: suspected" in page

    # an explicit rescoring reads the suspicion the same way (it still holds the call)
    assert rescoring.rescore_result(None, result.id) == "unchanged"
    # nobody reviews it: the window approves it, as any call in review
    assert gate.approve_overdue_reviews(now=utcnow() + timedelta(hours=73)) == 1
    commit()
    assert result_of(interaction_id).decision == "approve"
    assert balances(member_id, campaign_id)["pending"] == 0
    assert money_is_sound() == []

    # a clean call of the same campaign is approved at once
    clean_id = completed_call(campaign_id, member_id)
    assert score_interaction(clean_id) == "approve" and result_of(clean_id).problem is None


@pytest.mark.usefixtures("app_ctx")
def test_the_setting_is_true_or_false(app, client, enterprise):
    from sqlalchemy import func, select

    from app.extensions import db
    from telephony.campaigns import Campaign

    owner = enterprise()
    before = db.session.scalar(select(func.count()).select_from(Campaign))
    body = {**INBOUND, "inbound": {**INBOUND["inbound"], "qa_review_suspected": "sometimes"}}
    refused = client.post("/api/v1/campaigns", json=body, headers=owner["headers"])
    assert refused.status_code == 422, refused.json
    assert "qa_review_suspected" in str(refused.json)
    assert db.session.scalar(select(func.count()).select_from(Campaign)) == before
