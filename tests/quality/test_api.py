"""The QA API: the dry run, reviews and who may make them, transcripts uploaded after the call,
scorecards, CSAT — and bad input answered with the error contract, changing nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from tests.quality.conftest import GOOD_EN, RUDE_EN, balances, result_of
from tests.telephony.conftest import T0

pytestmark = pytest.mark.usefixtures("app_ctx")


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_the_dry_run_scores_a_pasted_transcript(client, world):
    owner, _campaign_id, _member_id, member_headers = world
    answer = client.post("/api/v1/qa/score", json={"template": "standard", "language": "en", "transcript": GOOD_EN},
                         headers=owner["headers"])
    assert answer.status_code == 200, answer.json
    assert answer.json["decision"] in ("approve", "review", "reject") and 0 <= answer.json["score"] <= 100
    assert {"key", "passed", "points", "evidence"} <= set(answer.json["items"][0])
    assert client.post("/api/v1/qa/score", json={"template": "standard", "transcript": GOOD_EN},
                       headers=member_headers).status_code == 403


def test_bad_transcripts_are_refused_naming_the_utterance(client, world):
    owner, _campaign_id, _member_id, _headers = world
    cases = {
        "empty": [],
        "backwards": [{"speaker": "agent", "text": "Hello", "start": 5.0, "end": 6.0},
                      {"speaker": "customer", "text": "Hi", "start": 2.0, "end": 3.0}],
        "speaker": [{"speaker": "robot", "text": "Hello", "start": 0.0, "end": 1.0}],
        "huge": [{"speaker": "agent", "text": "a", "start": float(i), "end": i + 0.5} for i in range(2001)],
    }
    for name, transcript in cases.items():
        answer = client.post("/api/v1/qa/score", json={"template": "standard", "transcript": transcript},
                             headers=owner["headers"])
        assert answer.status_code == 422, (name, answer.json)
        error = answer.json["error"]
        assert error["fields"] and "{" not in error["message"], (name, error)
    malformed = client.post("/api/v1/qa/score", json={"template": "standard", "transcript": "not a list"},
                            headers=owner["headers"])
    assert malformed.status_code == 422


def test_a_review_decides_a_held_call_and_only_reviewers_may(client, world, completed_call, create_user, user_email,
                                                            auth, enterprise):
    from quality.tasks import score_interaction

    owner, campaign_id, member_id, member_headers = world
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    score_interaction(interaction_id)
    result_id = result_of(interaction_id).id
    body = {"decision": "reject", "reason": "No greeting at all."}
    assert client.post(f"/api/v1/qa/{result_id}/review", json=body, headers=member_headers).status_code == 403
    unknown_item = {**body, "items": [{"key": "telepathy", "passed": True, "reason": "?"}]}
    assert client.post(f"/api/v1/qa/{result_id}/review", json=unknown_item,
                       headers=owner["headers"]).status_code == 422
    stranger = enterprise()
    assert client.post(f"/api/v1/qa/{result_id}/review", json=body, headers=stranger["headers"]).status_code == 404
    assert client.get(f"/api/v1/interactions/{interaction_id}/qa", headers=stranger["headers"]).status_code == 404
    assert client.post(f"/api/v1/qa/{result_id}/review", json={"decision": "maybe", "reason": "x"},
                       headers=owner["headers"]).status_code == 422
    assert result_of(interaction_id).state == "in_review"  # nothing changed
    supervisor = auth.headers(user_email(create_user("enterprise_supervisor", org_id=owner["org_id"])))
    before = balances(member_id, campaign_id)
    done = client.post(f"/api/v1/qa/{result_id}/review", json=body, headers=supervisor)
    assert done.status_code == 200, done.json
    assert (done.json["decision"], done.json["state"]) == ("reject", "final")
    assert balances(member_id, campaign_id)["pending"] == before["pending"] - 730
    assert client.post(f"/api/v1/qa/{result_id}/review", json=body, headers=owner["headers"]).status_code == 409
    mine = client.get(f"/api/v1/interactions/{interaction_id}/qa", headers=member_headers)
    assert mine.status_code == 200 and mine.json["reviews"][0]["reason"] == "No greeting at all."


def test_the_reviewer_of_a_call_may_not_decide_its_dispute(client, world, completed_call, create_user, user_email,
                                                          auth):
    from quality.tasks import score_interaction

    owner, campaign_id, member_id, member_headers = world
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    score_interaction(interaction_id)
    result_id = result_of(interaction_id).id
    client.post(f"/api/v1/qa/{result_id}/review", json={"decision": "reject", "reason": "Rude."},
                headers=owner["headers"])
    filed = client.post(f"/api/v1/qa/{result_id}/dispute", json={"comment": "It was fine."}, headers=member_headers)
    assert filed.status_code == 201, filed.json
    own = client.post(f"/api/v1/qa/disputes/{filed.json['id']}/resolve",
                      json={"outcome": "upheld", "reason": "ok"}, headers=owner["headers"])
    assert own.status_code == 403
    other = auth.headers(user_email(create_user("trainer")))
    decided = client.post(f"/api/v1/qa/disputes/{filed.json['id']}/resolve",
                          json={"outcome": "rejected", "reason": "The rejection stands."}, headers=other)
    assert decided.status_code == 200 and decided.json["state"] == "rejected"
    assert result_of(interaction_id).decision == "reject"


def test_an_approved_call_with_a_good_score_cannot_be_disputed(client, world, completed_call):
    from quality.tasks import score_interaction

    _owner, campaign_id, member_id, member_headers = world
    interaction_id = completed_call(campaign_id, member_id, GOOD_EN)
    score_interaction(interaction_id)
    result = result_of(interaction_id)
    answer = client.post(f"/api/v1/qa/{result.id}/dispute", json={"comment": "?"}, headers=member_headers)
    assert answer.status_code == 409 and answer.json["error"]["code"] == "not_disputable"
    ack = client.post(f"/api/v1/qa/{result.id}/acknowledge", headers=member_headers)
    assert ack.status_code == 200 and ack.json["acknowledged_at"]


def test_uploading_a_transcript_scores_a_call_that_had_none(client, world, completed_call, enterprise):
    from quality.tasks import score_interaction

    owner, campaign_id, member_id, _headers = world
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    score_interaction(interaction_id)
    stranger = enterprise()
    url = f"/api/v1/interactions/{interaction_id}/transcript"
    assert client.post(url, json={"transcript": RUDE_EN}, headers=stranger["headers"]).status_code == 404
    assert client.post("/api/v1/interactions/999999/transcript", json={"transcript": RUDE_EN},
                       headers=owner["headers"]).status_code == 404
    bad = client.post(url, json={"transcript": [{"speaker": "agent", "text": "x", "start": 3, "end": 1}]},
                      headers=owner["headers"])
    assert bad.status_code == 422
    assert result_of(interaction_id).problem == "no_transcript"  # nothing changed
    stored = client.post(url, json={"language": "en", "transcript": RUDE_EN}, headers=owner["headers"])
    assert stored.status_code == 201, stored.json
    assert stored.json["scoring"] == "rescored"
    result = result_of(interaction_id)
    assert (result.problem, result.decision, result.state) == (None, "reject", "final")
    assert balances(member_id, campaign_id)["pending"] == 0


def test_scorecards_are_versioned_and_invalid_ones_refused(client, app_ctx, world, create_user, user_email, auth):
    from quality import scoring
    from quality.models import Scorecard

    owner, campaign_id, _member_id, member_headers = world
    url = f"/api/v1/campaigns/{campaign_id}/scorecard"
    assert client.get(url, headers=owner["headers"]).json["version"] == 0
    spec = scoring.STANDARD
    broken = {**spec, "sections": [{**section, "items": [{**item, "points": (item.get("points") or 0) + 1}
                                                          for item in section["items"]]}
                                   for section in spec["sections"]]}
    refused = client.post(url, json={"spec": broken}, headers=owner["headers"])
    assert refused.status_code == 422 and refused.json["error"]["fields"]
    unknown = {**spec, "sections": [{**spec["sections"][0], "items": [
        {**spec["sections"][0]["items"][0], "type": "telepathy"}, *spec["sections"][0]["items"][1:]]},
        *spec["sections"][1:]]}
    assert client.post(url, json={"spec": unknown}, headers=owner["headers"]).status_code == 422
    assert client.post(url, json={"spec": spec}, headers=member_headers).status_code == 403
    assert _count(Scorecard) == 0
    first = client.post(url, json={"spec": spec, "note": "copy"}, headers=owner["headers"])
    assert first.status_code == 201 and first.json["version"] == 1
    trainer = auth.headers(user_email(create_user("trainer")))
    second = client.post(url, json={"spec": spec}, headers=trainer)
    assert second.status_code == 201 and second.json["version"] == 2
    dry = client.post("/api/v1/qa/score", json={"scorecard_id": second.json["id"], "transcript": GOOD_EN},
                      headers=owner["headers"])
    assert dry.status_code == 200


def test_csat_is_stored_once_and_aggregated(client, world, completed_call):
    owner, campaign_id, member_id, _headers = world
    interaction_id = completed_call(campaign_id, member_id)
    url = f"/api/v1/interactions/{interaction_id}/csat"
    assert client.post(url, json={"rating": 6}, headers=owner["headers"]).status_code == 422
    assert client.post(url, json={"rating": 4}, headers=owner["headers"]).status_code == 201
    assert client.post(url, json={"rating": 2}, headers=owner["headers"]).status_code == 409
    summary = client.get(f"/api/v1/campaigns/{campaign_id}/csat", headers=owner["headers"]).json
    assert summary["responses"] == 1 and summary["average"] == 4
    assert summary["members"] == [{"member_id": member_id, "responses": 1, "average": 4}]
    # the campaign's report counts the rating once (the refused second answer is not counted);
    # the call happened on the telephony tests' fixed day, whatever today is
    from datetime import timedelta
    day = T0.date()
    span = {"from": (day - timedelta(days=1)).isoformat(), "to": (day + timedelta(days=1)).isoformat(),
            "by": "day", "tz": "UTC"}
    report = client.get(f"/api/v1/campaigns/{campaign_id}/report", query_string=span,
                        headers=owner["headers"]).json
    assert report["totals"]["csat"] == 4 and report["totals"]["csat_responses"] == 1
