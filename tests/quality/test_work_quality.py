"""QA decisions and customer ratings reach the member's skill-tag figures through the signals only:
a rejected call, then its upheld dispute, counts once with the corrected score; a rating counts once
however often it is sent; the tags are recomputed after each."""

from __future__ import annotations

import pytest

from app.extensions import db
from certification.models import WorkScore
from certification.services import work_quality
from tests.helpers.academy import run_jobs
from tests.quality.conftest import RUDE_EN, result_of

pytestmark = pytest.mark.usefixtures("app_ctx")


def _figures(member_id):
    db.session.expire_all()
    return work_quality.figures([member_id])[member_id]


def test_a_rejected_call_then_its_upheld_dispute_count_once(app, client, world, completed_call, create_user,
                                                            user_email, auth):
    from quality.tasks import score_interaction

    owner, campaign_id, member_id, headers = world
    interaction_id = completed_call(campaign_id, member_id, RUDE_EN)
    for _ in range(2):  # a retried job decides once
        score_interaction(interaction_id)
    assert (_figures(member_id).qa_calls, _figures(member_id).qa_average) == (1, 0)

    filed = client.post(f"/api/v1/qa/{result_of(interaction_id).id}/dispute", json={"comment": "I quoted them."},
                        headers=headers)
    assert filed.status_code == 201, filed.json
    trainer = auth.headers(user_email(create_user("trainer")))
    resolved = client.post(f"/api/v1/qa/disputes/{filed.json['id']}/resolve",
                           json={"outcome": "upheld", "reason": "Quoted, not said.", "score": 90}, headers=trainer)
    assert resolved.status_code == 200, resolved.json
    assert (_figures(member_id).qa_calls, _figures(member_id).qa_average) == (1, 90)
    row = db.session.get(WorkScore, interaction_id)
    assert (row.member_id, row.qa_score, row.qa_decision) == (member_id, 90, "approve")

    url = f"/api/v1/interactions/{interaction_id}/csat"
    assert client.post(url, json={"rating": 5}, headers=owner["headers"]).status_code == 201
    assert client.post(url, json={"rating": 5}, headers=owner["headers"]).status_code == 201  # the same answer again
    figures = _figures(member_id)
    assert (figures.csat_ratings, figures.csat_average) == (1, 5)
    run_jobs(app)
    body = client.get("/api/v1/members/me/tags", headers=headers).json
    assert body["work_quality"]["qa_calls"] == 1 and body["work_quality"]["csat_ratings"] == 1
    assert body["work_quality"]["level"] == "unrated"  # one call is too few to judge


def test_the_upgrade_copies_the_calls_decided_and_rated_before_it(app, client, world, completed_call):
    """The migration that adds the table fills it from the QA results and ratings already stored."""
    import importlib.util
    from pathlib import Path

    from sqlalchemy import delete, text

    from quality.tasks import score_interaction

    path = Path(__file__).resolve().parents[2] / "migrations" / "versions" / "0100_certification_work_scores.py"
    spec = importlib.util.spec_from_file_location("work_scores_migration", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)

    owner, campaign_id, member_id, _headers = world
    rated, decided = completed_call(campaign_id, member_id), completed_call(campaign_id, member_id, RUDE_EN)
    score_interaction(decided)
    assert client.post(f"/api/v1/interactions/{rated}/csat", json={"rating": 3},
                       headers=owner["headers"]).status_code == 201
    score_interaction(rated)
    db.session.expire_all()
    before = _figures(member_id)
    assert (before.qa_calls, before.csat_ratings) == (2, 1)
    db.session.execute(delete(WorkScore).where(WorkScore.member_id == member_id))
    assert _figures(member_id).qa_calls == 0
    for statement in migration.BACKFILL:
        db.session.execute(text(statement))
    assert _figures(member_id) == before
    assert db.session.get(WorkScore, decided).qa_decision == "reject"
