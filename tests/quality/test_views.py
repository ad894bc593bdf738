"""The QA pages through the HTML forms: a reviewer decides a held call item by item, the scorecard
editor saves versions and scores a pasted transcript, calibration publishes Cohen's kappa, and
the pages refuse the roles they are not for."""

from __future__ import annotations

import re

from app.extensions import db
from tests.helpers.web import csrf_token, sign_in
from tests.quality.conftest import GOOD_EN, balances, result_of, run_scoring


def _token(client, path):
    return csrf_token(client, path)


def test_a_reviewer_decides_a_held_call_on_the_review_page(app, world, completed_call, create_user, user_email):
    owner, campaign_id, member_id, _headers = world
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    run_scoring(interaction_id)
    result_id = result_of(interaction_id).id
    client = app.test_client()
    sign_in(client, user_email(owner["admin_id"]))
    queue = client.get("/qa/review")
    assert queue.status_code == 200 and f"/qa/review/{result_id}" in queue.get_data(as_text=True)
    page = client.get(f"/qa/review/{result_id}")
    assert page.status_code == 200 and 'data-testid="review-form"' in page.get_data(as_text=True)
    token = _token(client, f"/qa/review/{result_id}")
    refused = client.post(f"/qa/review/{result_id}", data={"csrf_token": token, "action": "review",
                                                           "decision": "approve", "reason": ""})
    assert refused.status_code == 200 and result_of(interaction_id).state == "in_review"
    done = client.post(f"/qa/review/{result_id}", data={"csrf_token": token, "action": "review",
                                                        "decision": "approve", "reason": "Fine call."})
    assert done.status_code == 302
    assert result_of(interaction_id).decision == "approve"
    assert balances(member_id, campaign_id)["pending"] == 0

    member = app.test_client()
    sign_in(member, user_email(member_id))
    assert member.get("/qa/review").status_code == 403
    mine = member.get(f"/qa/calls/{result_id}")
    assert mine.status_code == 200 and "Fine call." in mine.get_data(as_text=True)
    other = create_user("member")
    stranger = app.test_client()
    sign_in(stranger, user_email(other))
    assert stranger.get(f"/qa/calls/{result_id}").status_code == 404


def test_the_scorecard_editor_saves_versions_and_tries_a_transcript(app, world, user_email):
    from quality.models import Scorecard

    owner, campaign_id, member_id, _headers = world
    client = app.test_client()
    sign_in(client, user_email(owner["admin_id"]))
    page = client.get(f"/qa/scorecards/{campaign_id}")
    assert page.status_code == 200 and 'data-testid="scorecard-items"' in page.get_data(as_text=True)
    spec = re.search(r'data-testid="spec"[^>]*>(.*?)</textarea>', page.get_data(as_text=True), re.S).group(1)
    import html

    spec = html.unescape(spec)
    token = _token(client, f"/qa/scorecards/{campaign_id}")
    pasted = "\n".join(f"[{u['start']}] {u['speaker']}: {u['text']}" for u in GOOD_EN)
    tried = client.post(f"/qa/scorecards/{campaign_id}", data={"csrf_token": token, "action": "try", "spec": spec,
                                                               "transcript": pasted, "language": "en"})
    assert tried.status_code == 200 and 'data-testid="try-result"' in tried.get_data(as_text=True)
    bad = client.post(f"/qa/scorecards/{campaign_id}", data={"csrf_token": token, "action": "save",
                                                             "spec": "{not json"})
    assert bad.status_code == 422
    with app.app_context():
        assert db.session.query(Scorecard).count() == 0
    saved = client.post(f"/qa/scorecards/{campaign_id}", data={"csrf_token": token, "action": "save", "spec": spec,
                                                               "note": "First"})
    assert saved.status_code == 302
    with app.app_context():
        assert [c.version for c in db.session.query(Scorecard).filter_by(campaign_id=campaign_id)] == [1]
    member = app.test_client()
    sign_in(member, user_email(member_id))
    assert member.get(f"/qa/scorecards/{campaign_id}").status_code == 403


def test_calibration_publishes_agreement_per_item(app, world, completed_call, create_user, user_email, auth):
    from quality.services.calibration import agreement, cohen_kappa
    assert cohen_kappa([(True, True), (False, False)]) == 1.0
    assert cohen_kappa([(True, False), (False, True)]) == -1.0
    assert cohen_kappa([]) is None
    owner, campaign_id, member_id, _headers = world
    interaction_id = completed_call(campaign_id, member_id, GOOD_EN)
    run_scoring(interaction_id)
    result = result_of(interaction_id)
    keys = [item["key"] for item in result.items]
    for reviewer in (owner["admin_id"], create_user("trainer")):
        client = app.test_client()
        sign_in(client, user_email(reviewer))
        url = f"/qa/calibration/{campaign_id}?call={result.id}"
        page = client.get(url)
        assert page.status_code == 200 and 'data-testid="calibration-form"' in page.get_data(as_text=True)
        assert "<mark" not in page.get_data(as_text=True)  # blind: the scorer's evidence is not shown
        data = {"csrf_token": _token(client, url), "result_id": result.id,
                **{f"item-{key}": "pass" for key in keys}}
        assert client.post(f"/qa/calibration/{campaign_id}", data=data).status_code == 302
    with app.app_context():
        figures = {row["key"]: row for row in agreement(campaign_id)}
    assert set(figures) == set(keys)
    assert all(row["people_pairs"] == 1 and row["auto_pairs"] == 2 for row in figures.values())
    client = app.test_client()
    sign_in(client, user_email(owner["admin_id"]))
    assert 'data-testid="agreement"' in client.get(f"/qa/scorecards/{campaign_id}").get_data(as_text=True)
    member = app.test_client()
    sign_in(member, user_email(member_id))
    assert 'data-testid="agreement"' in member.get(f"/qa/calls/{result.id}").get_data(as_text=True)
