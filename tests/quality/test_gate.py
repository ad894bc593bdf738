"""The payout gate end to end: a completed call with a transcript → the QA job → the earning
approved, held or reversed, balances checked with the money ledger's own check; scoring is
idempotent; a call left in review is approved after its window; an upheld dispute pays a rejected
call after all."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.database import commit
from app.extensions import db
from app.job_outbox import OutboxJob
from app.jobs import get_queue
from app.timeutil import utcnow
from tests.quality.conftest import RUDE_EN, balances, money_is_sound, result_of

PAY = 350 + 180 + 200  # per call, 90 s of talk at 120 a minute, the success bonus
FEE = PAY // 10  # the campaign's platform fee, 10%

pytestmark = pytest.mark.usefixtures("app_ctx")


def _profile(member_id):
    from marketplace.models import MemberProfile

    db.session.expire_all()
    return db.session.get(MemberProfile, member_id)


def _settlements(interaction_id):
    from payouts.models import Transfer

    return sorted(db.session.scalars(select(Transfer.reason).where(
        Transfer.interaction_id == interaction_id)).all())


def test_completion_queues_the_scoring_job_on_the_qa_queue(app, world, completed_call):
    from app.config import QUEUES
    from quality.tasks import score_interaction

    _owner, campaign_id, member_id, _headers = world
    interaction_id = completed_call(campaign_id, member_id)
    waiting = db.session.scalars(select(OutboxJob).where(OutboxJob.name == "quality.tasks.score_interaction")).all()
    queued = [job for job in get_queue("qa").jobs if job.func_name.endswith("score_interaction")]
    assert [list(job.args) for job in queued] + [job.args for job in waiting] == [[interaction_id]]
    assert score_interaction.queue_name == "qa" and "qa" in QUEUES
    from app.schedule import SCHEDULE

    assert SCHEDULE["quality-reviews"].func.queue_name == "qa"  # the review-window sweep


def test_an_approved_call_pays_the_member_less_the_fee(app, client, world, completed_call):
    from quality.tasks import score_interaction

    owner, campaign_id, member_id, _headers = world
    before = balances(member_id, campaign_id)
    interaction_id = completed_call(campaign_id, member_id)
    assert balances(member_id, campaign_id)["pending"] == PAY
    assert score_interaction(interaction_id) == "approve"
    result = result_of(interaction_id)
    assert (result.decision, result.state, result.scorecard_version) == ("approve", "final", 0)
    assert all(item["evidence"] for item in result.items if item["key"] == "greeting")
    assert balances(member_id, campaign_id) == {"pending": 0, "available": PAY - FEE,
                                               "escrow": before["escrow"] - PAY}
    assert _profile(member_id).qa_average == result.score and _profile(member_id).qa_count == 1
    assert money_is_sound() == []
    shown = client.get(f"/api/v1/interactions/{interaction_id}", headers=owner["headers"]).json
    assert shown["qa"]["decision"] == "approve" and shown["earning"]["state"] == "approved"


def test_scoring_twice_decides_and_pays_once(app, world, completed_call):
    from quality.models import QAResult
    from quality.tasks import score_interaction

    _owner, campaign_id, member_id, _headers = world
    interaction_id = completed_call(campaign_id, member_id)
    for _ in range(3):  # a retried job, a replayed completion
        score_interaction(interaction_id)
    assert db.session.scalar(select(func.count()).select_from(QAResult).where(
        QAResult.interaction_id == interaction_id)) == 1
    assert _settlements(interaction_id) == ["earning_accrued", "earning_approved"]
    assert balances(member_id, campaign_id)["available"] == PAY - FEE
    assert _profile(member_id).qa_count == 1
    assert money_is_sound() == []


def test_a_rejected_call_goes_back_to_the_escrow(app, world, completed_call):
    from quality.tasks import score_interaction

    _owner, campaign_id, member_id, _headers = world
    before = balances(member_id, campaign_id)
    interaction_id = completed_call(campaign_id, member_id, RUDE_EN)
    assert score_interaction(interaction_id) == "reject"
    result = result_of(interaction_id)
    assert result.score == 0 and result.auto_failed
    failed = next(item for item in result.items if item["key"] == "forbidden_language")
    assert failed["passed"] is False and "idiot" in failed["evidence"][0]["text"]
    assert balances(member_id, campaign_id) == {"pending": 0, "available": 0, "escrow": before["escrow"]}
    assert money_is_sound() == []
    from app.notifications.services import latest

    told = latest(member_id)
    assert [n.kind for n in told] == ["qa.rejected"] and told[0].link == f"/qa/calls/{result.id}"


def test_a_call_in_review_stays_pending_then_is_approved_after_the_window(app, world, completed_call):
    from quality.services import gate
    from quality.tasks import score_interaction

    _owner, campaign_id, member_id, _headers = world
    interaction_id = completed_call(campaign_id, member_id, utterances=None)  # nothing for the scorer to judge
    assert score_interaction(interaction_id) == "review"
    result = result_of(interaction_id)
    assert result.problem == "no_transcript" and result.state == "in_review"
    assert result.review_due_at - result.scored_at == timedelta(hours=72)
    assert balances(member_id, campaign_id)["pending"] == PAY
    assert gate.approve_overdue_reviews(now=utcnow() + timedelta(hours=71)) == 0
    commit()
    assert gate.approve_overdue_reviews(now=utcnow() + timedelta(hours=73)) == 1
    commit()
    assert result_of(interaction_id).decision == "approve"
    assert balances(member_id, campaign_id)["pending"] == 0
    assert balances(member_id, campaign_id)["available"] == PAY - FEE
    assert gate.approve_overdue_reviews(now=utcnow() + timedelta(hours=100)) == 0  # once
    assert money_is_sound() == []


def test_a_dispute_upheld_pays_a_rejected_call_and_corrects_the_average(app, world, completed_call, create_user,
                                                                       user_email, auth, client):
    from quality.tasks import score_interaction

    _owner, campaign_id, member_id, headers = world
    before = balances(member_id, campaign_id)
    interaction_id = completed_call(campaign_id, member_id, RUDE_EN)
    score_interaction(interaction_id)
    result_id = result_of(interaction_id).id
    assert _profile(member_id).qa_average == 0

    filed = client.post(f"/api/v1/qa/{result_id}/dispute", json={"comment": "I was quoting the customer."},
                        headers=headers)
    assert filed.status_code == 201, filed.json
    again = client.post(f"/api/v1/qa/{result_id}/dispute", json={"comment": "Again"}, headers=headers)
    assert again.status_code == 409 and again.json["error"]["code"] == "already_disputed"

    trainer = auth.headers(user_email(create_user("trainer")))
    resolved = client.post(f"/api/v1/qa/disputes/{filed.json['id']}/resolve",
                           json={"outcome": "upheld", "reason": "Quoted, not said.", "score": 90}, headers=trainer)
    assert resolved.status_code == 200, resolved.json
    assert resolved.json["state"] == "upheld"
    qa = client.get(f"/api/v1/interactions/{interaction_id}/qa", headers=headers).json
    assert (qa["decision"], qa["score"], qa["dispute"]["state"]) == ("approve", 90, "upheld")
    from ledger.models import QueuedEntry

    kinds = db.session.scalars(select(QueuedEntry.kind)).all()
    assert {"qa_decided", "qa_disputed", "dispute_resolved"} <= set(kinds)  # each one an audit entry
    assert balances(member_id, campaign_id) == {"pending": 0, "available": PAY - FEE,
                                               "escrow": before["escrow"] - PAY}
    assert _profile(member_id).qa_average == 90 and _profile(member_id).qa_count == 1
    assert client.get("/api/v1/earnings", headers=headers).status_code == 200
    assert money_is_sound() == []
    # Resolving again changes nothing.
    twice = client.post(f"/api/v1/qa/disputes/{filed.json['id']}/resolve",
                        json={"outcome": "upheld", "reason": "again"}, headers=trainer)
    assert twice.status_code == 409
    assert _settlements(interaction_id).count("earning_reinstated") == 1


def test_a_dispute_after_seven_days_is_refused(app, world, completed_call):
    from quality.models import Dispute, QAResult
    from quality.tasks import score_interaction

    _owner, campaign_id, member_id, headers = world
    interaction_id = completed_call(campaign_id, member_id, RUDE_EN)
    score_interaction(interaction_id)
    result = db.session.scalar(select(QAResult).where(QAResult.interaction_id == interaction_id))
    result.decided_at = utcnow() - timedelta(days=7, minutes=1)
    commit()
    refused = app.test_client().post(f"/api/v1/qa/{result.id}/dispute", json={"comment": "Too late?"},
                                     headers=headers)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "dispute_window_closed"
    assert db.session.scalar(select(func.count()).select_from(Dispute)) == 0


def test_a_new_scorecard_version_never_rescores_past_calls(app, client, world, completed_call):
    from quality import scoring
    from quality.tasks import score_interaction

    owner, campaign_id, member_id, _headers = world
    url = f"/api/v1/campaigns/{campaign_id}/scorecard"
    first = client.post(url, json={"spec": scoring.STANDARD}, headers=owner["headers"]).json
    interaction_id = completed_call(campaign_id, member_id)
    score_interaction(interaction_id)
    assert (result_of(interaction_id).scorecard_id, result_of(interaction_id).scorecard_version) == (first["id"], 1)
    assert client.post(url, json={"spec": scoring.STANDARD}, headers=owner["headers"]).json["version"] == 2
    score_interaction(interaction_id)
    assert result_of(interaction_id).scorecard_version == 1


def test_a_review_scores_the_items_again_as_the_scorer_does():
    from quality.services.reviews import rescore

    items = [{"key": "a", "passed": True, "points": 60, "section": "s1", "auto_fail": None},
             {"key": "b", "passed": False, "points": 40, "section": "s2", "auto_fail": None},
             {"key": "c", "passed": None, "points": 0, "section": "s2", "auto_fail": None},
             {"key": "x", "passed": True, "points": 0, "section": "s1", "auto_fail": "card"}]
    assert rescore(items) == 60
    assert rescore([*items[:3], {**items[3], "passed": False}]) == 0  # a card-wide automatic fail
    assert rescore([*items[:3], {**items[3], "passed": False, "auto_fail": "section"}]) == 0  # s1's 60 gone
    assert rescore([{**items[0], "passed": None}, items[1]]) == 0
    assert rescore([{**items[0], "passed": None}]) == 100  # nothing applicable


def test_an_earning_accrued_after_its_decision_is_settled_by_the_sweep(app, enterprise, member, campaign,
                                                                      completed_call):
    from payouts.services import hold_escrow
    from quality.services import gate
    from quality.tasks import score_interaction
    from telephony import earnings

    owner = enterprise()
    campaign_id = campaign(owner, budget=500)  # less than one call's pay: the escrow runs short
    member_id, _headers = member()
    interaction_id = completed_call(campaign_id, member_id)
    assert score_interaction(interaction_id) == "approve"
    assert _settlements(interaction_id) == []  # nothing accrued, nothing to settle yet
    owner["fund"](1000)
    hold_escrow(campaign_id, owner["org_id"], 1000, "CNY", key=f"test:{campaign_id}:more")
    assert earnings.resume_campaign_routing(campaign_id)
    commit()
    assert balances(member_id, campaign_id)["pending"] == PAY
    assert gate.settle_stragglers() == 1
    commit()
    assert balances(member_id, campaign_id)["available"] == PAY - FEE
    assert gate.settle_stragglers() == 0
    assert money_is_sound() == []


def test_the_simulator_s_calls_are_scored_in_both_languages(app, world, completed_call):
    """A good simulated conversation is approved and a bad one is not, in Chinese and in English."""
    from quality.tasks import score_interaction
    from telephony.simulator.transcripts import generate

    _owner, campaign_id, member_id, _headers = world
    decisions = {}
    for language in ("zh", "en"):
        for quality in ("good", "bad"):
            company = "城南燃气" if language == "zh" else "Acme"
            call = generate(language=language, quality=quality, seed=7, company=company)
            interaction_id = completed_call(campaign_id, member_id, call.to_dict()["utterances"], language=language)
            decisions[(language, quality)] = score_interaction(interaction_id)
    assert decisions[("zh", "good")] == decisions[("en", "good")] == "approve", decisions
    assert decisions[("zh", "bad")] != "approve" and decisions[("en", "bad")] != "approve", decisions
    assert money_is_sound() == []


def test_the_campaign_sets_its_review_window(app, enterprise, member, campaign, completed_call):
    from quality.tasks import score_interaction
    from tests.telephony.conftest import INBOUND

    owner = enterprise()
    campaign_id = campaign(owner, inbound={**INBOUND["inbound"], "qa_review_window_hours": 24})
    member_id, _headers = member()
    interaction_id = completed_call(campaign_id, member_id, utterances=None)
    score_interaction(interaction_id)
    result = result_of(interaction_id)
    assert result.review_due_at - result.scored_at == timedelta(hours=24)


def test_the_deployment_chooses_the_matcher_and_each_result_keeps_it(app, world, completed_call, monkeypatch,
                                                                     caplog):
    import sys
    import types

    from quality.scoring import matching
    from quality.tasks import score_interaction

    _owner, campaign_id, member_id, _headers = world
    # embedding asked for but no model here: the call is still scored, lexically, and the log says why
    monkeypatch.setitem(app.config, "QA_MATCHER", "embedding")
    monkeypatch.delenv("QA_EMBEDDING_MODEL", raising=False)
    first = completed_call(campaign_id, member_id)
    assert score_interaction(first) == "approve"
    assert result_of(first).matcher == "lexical"
    assert "cannot run on this deployment" in caplog.text

    # a model that loads (a stand-in encoder, installed as a module of its own): the embedding matcher scores
    module = types.ModuleType("qa_gate_encoder")

    class Encoder:
        def encode(self, texts):
            return [[t.count(ch) for ch in "abcdefghijklmnopqrstuvwxyz"] or [1] for t in texts]
    module.load = Encoder
    monkeypatch.setitem(sys.modules, "qa_gate_encoder", module)
    monkeypatch.setenv("QA_EMBEDDING_MODEL", "qa_gate_encoder:load")
    second = completed_call(campaign_id, member_id)
    score_interaction(second)
    assert result_of(second).matcher == "embedding"
    matching.get_matcher.cache_clear()  # the stand-in must not outlive this test
