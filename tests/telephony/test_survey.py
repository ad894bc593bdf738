"""Survey answers as data: the member's answers to a campaign's survey questions go with the
disposition, are checked against the campaign's questions (a question it does not ask is a 422
naming it, and nothing changes), are stored on the interaction, read back by the API, shown on
the enterprise's interaction page and exported one column per question."""

from __future__ import annotations

import copy
import csv
import io

import pytest
from flask_babel import refresh

from app.database import commit
from app.extensions import db
from tests.helpers.web import in_chinese, sign_in
from tests.telephony.conftest import OUTBOUND

QUESTIONS = ["How satisfied are you with the delivery (1-5)?", "Would you recommend us?", "What should we improve?"]
SURVEYED = {**copy.deepcopy(OUTBOUND), "outbound": {**OUTBOUND["outbound"], "survey_questions": QUESTIONS}}


@pytest.fixture
def survey_world(app, ctx, enterprise, member, campaign, handled):
    owner = enterprise()
    campaign_id = campaign(owner, SURVEYED)
    member_id, headers = member()
    interaction_id = handled(campaign_id, member_id)
    commit()
    return {"owner": owner, "campaign_id": campaign_id, "member_id": member_id, "headers": headers,
            "interaction_id": interaction_id, "url": f"/api/v1/interactions/{interaction_id}/disposition"}


def _stored(interaction_id):
    from telephony.models import Interaction

    db.session.expire_all()
    found = db.session.get(Interaction, interaction_id)
    return found.state, found.disposition, found.survey_answers, found.disposition_notes


def test_answers_by_question_are_stored_in_the_campaigns_order(survey_world):
    from telephony import services

    w = survey_world
    services.set_disposition(w["interaction_id"], w["member_id"], "completed", None, [
        {"question": QUESTIONS[2], "answer": "  Faster delivery "},
        {"question": QUESTIONS[0], "answer": "5"},
        {"question": QUESTIONS[1], "answer": "   "},  # blank: no answer
    ])
    assert _stored(w["interaction_id"])[2] == [{"index": 0, "question": QUESTIONS[0], "answer": "5"},
                                               {"index": 2, "question": QUESTIONS[2], "answer": "Faster delivery"}]
    # again during wrap-up, by position: the new answers replace the earlier ones; left out, they stay
    services.set_disposition(w["interaction_id"], w["member_id"], "completed", None, {"1": "Yes", 0: 4})
    expected = [{"index": 0, "question": QUESTIONS[0], "answer": "4"},
                {"index": 1, "question": QUESTIONS[1], "answer": "Yes"}]
    assert _stored(w["interaction_id"])[2] == expected
    services.set_disposition(w["interaction_id"], w["member_id"], "completed", "Nice customer")
    assert _stored(w["interaction_id"])[2:] == (expected, "Nice customer")


@pytest.mark.parametrize(("answers", "words"), [
    ([{"question": "What is your favourite colour?", "answer": "blue"}], "“What is your favourite colour?”"),
    ({"3": "yes"}, "no question number 3"),
    ({"first": "yes"}, "“first”"),
    ([{"question": QUESTIONS[0], "answer": "x" * 1001}], "at most 1000 characters"),
    ([{"question": QUESTIONS[0], "answer": "1"}, {"question": QUESTIONS[0], "answer": "2"}], "answered twice"),
    ([{"question": QUESTIONS[0], "answer": {"nested": 1}}], "must be text"),
    ([{"answer": "5"}], "its question and its answer"),
    ("5 stars", "list of questions and answers"),
])
def test_answers_that_do_not_fit_are_refused_and_change_nothing(client, survey_world, answers, words):
    w = survey_world
    response = client.post(w["url"], json={"code": "completed", "survey_answers": answers}, headers=w["headers"])
    assert response.status_code == 422, response.json
    error = response.json["error"]
    assert error["code"] == "validation_error" and words in error["fields"]["survey_answers"]
    assert error["message"] == error["fields"]["survey_answers"]  # the one problem, said as the message
    assert "{" not in error["message"] and "[" not in error["message"]
    assert _stored(w["interaction_id"])[:3] == ("wrapup", None, None)


def test_the_api_takes_and_returns_the_answers(client, survey_world):
    w = survey_world
    body = {"code": "completed", "notes": "Called back", "survey_answers": {"0": "5", "2": "Nothing"}}
    done = client.post(w["url"], json=body, headers=w["headers"])
    assert done.status_code == 200, done.json
    assert done.json["state"] == "completed" and done.json["disposition"]["notes"] == "Called back"
    assert done.json["survey_answers"] == [{"index": 0, "question": QUESTIONS[0], "answer": "5"},
                                           {"index": 2, "question": QUESTIONS[2], "answer": "Nothing"}]
    shown = client.get(f"/api/v1/interactions/{w['interaction_id']}", headers=w["owner"]["headers"]).json
    assert shown["survey_answers"] == done.json["survey_answers"]
    listed = client.get(f"/api/v1/interactions?campaign_id={w['campaign_id']}", headers=w["owner"]["headers"]).json
    assert listed["items"][0]["survey_answers"] == done.json["survey_answers"]
    # the disposition is final now: a second one is refused as before, the answers stay
    again = client.post(w["url"], json={"code": "completed", "survey_answers": {"0": "1"}}, headers=w["headers"])
    assert again.status_code == 409 and again.json["error"]["code"] == "not_in_wrapup"
    assert _stored(w["interaction_id"])[2][0]["answer"] == "5"


def test_without_answers_the_list_is_empty(client, survey_world):
    w = survey_world
    done = client.post(w["url"], json={"code": "completed"}, headers=w["headers"])
    assert done.status_code == 200 and done.json["survey_answers"] == []


def test_a_campaign_without_questions_takes_none(client, enterprise, member, campaign, handled):
    owner = enterprise()
    campaign_id = campaign(owner)  # an inbound peak: no survey
    member_id, headers = member()
    interaction_id = handled(campaign_id, member_id)
    commit()
    url = f"/api/v1/interactions/{interaction_id}/disposition"
    refused = client.post(url, json={"code": "resolved", "survey_answers": {"0": "5"}}, headers=headers)
    assert refused.status_code == 422 and "no survey questions" in refused.json["error"]["message"]
    assert client.post(url, json={"code": "resolved", "survey_answers": []}, headers=headers).status_code == 200


def test_the_refusal_speaks_chinese(client, survey_world):
    w = survey_world
    response = client.post(w["url"], json={"code": "completed", "survey_answers": [{"question": "Colour?",
                                                                                     "answer": "blue"}]},
                           headers={**w["headers"], "Accept-Language": "zh-CN"})
    assert response.status_code == 422 and response.json["error"]["message"] == "“Colour?”不是本活动的调查问题。"


def test_the_page_and_the_export_show_the_answers(app, client, survey_world, user_email):
    w = survey_world
    answers = {"survey_answers": [{"question": QUESTIONS[0], "answer": "5"},
                                  {"question": QUESTIONS[2], "answer": "call 13812345678 sooner"}]}
    assert client.post(w["url"], json={"code": "completed", **answers}, headers=w["headers"]).status_code == 200

    rows = list(csv.reader(io.StringIO(client.get(
        f"/api/v1/campaigns/{w['campaign_id']}/report.csv?from=2026-12-04&to=2026-12-04&tz=UTC&rows=interaction",
        headers=w["owner"]["headers"]).get_data(as_text=True).lstrip("\ufeff"))))
    header, row = rows[0], rows[1]
    assert header[-3:] == [f"survey_1: {QUESTIONS[0]}", f"survey_2: {QUESTIONS[1]}", f"survey_3: {QUESTIONS[2]}"]
    assert row[-3] == "5" and row[-2] == "" and "sooner" in row[-1] and "13812345678" not in row[-1]

    sign_in(client, user_email(w["owner"]["admin_id"]))
    page = client.get(f"/telephony/interactions/{w['interaction_id']}").get_data(as_text=True)
    assert "Survey answers" in page and QUESTIONS[0] in page and "sooner" in page
    from app.auth.models import User

    db.session.get(User, w["owner"]["admin_id"]).locale = "zh"
    commit()
    refresh()  # the test's own request context holds the locale it read first
    chinese = client.get(f"/telephony/interactions/{w['interaction_id']}").get_data(as_text=True)
    assert in_chinese(app, "Survey answers") in chinese
