"""Rescoring, explicit and audited: a call, or a date range of calls, scored again against the
campaign's current scorecard; each call rescored a ``qa_rescored`` ledger entry; a changed decision
settles a pending earning once, while a call already settled keeps its score and decision."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.extensions import db
from tests.helpers.web import csrf_token, sign_in
from tests.quality.conftest import GOOD_EN, _context, balances, money_is_sound, result_of, run_scoring

NO_GREETING = GOOD_EN[1:]  # 75 with the standard card: review
NO_CLOSING = GOOD_EN[:-1]  # 90: approve


def _rescored_entries() -> list[dict]:
    from ledger.models import Leaf, QueuedEntry

    with _context():
        found = []
        for model in (QueuedEntry, Leaf):
            found += [json.loads(e) for e in db.session.scalars(select(model.entry).where(
                model.kind == "qa_rescored")).all()]
        return found


def _payload(entry: dict) -> dict:
    return entry.get("payload") or entry.get("data") or entry


def _run_jobs(app) -> None:
    """What a worker on the ``qa`` queue does, now."""
    from app.jobs import run_worker

    with app.app_context():
        if not app.config.get("RQ_INLINE"):
            run_worker(["qa"], burst=True)


def _thresholds(campaign_id: int, approve: int, review: int) -> None:
    from app.database import commit
    from marketplace.models import Campaign

    with _context():
        found = db.session.get(Campaign, campaign_id)
        found.qa_auto_approve, found.qa_review_from = approve, review
        commit()


def _new_version(client, owner, campaign_id):
    from quality import scoring

    saved = client.post(f"/api/v1/campaigns/{campaign_id}/scorecard",
                        json={"spec": scoring.STANDARD, "note": "Copy of the standard card"}, headers=owner["headers"])
    assert saved.status_code == 201, saved.json
    return saved.json["version"]


def test_a_range_rescores_pending_calls_and_keeps_settled_ones(app, client, world, completed_call):
    owner, campaign_id, member_id, _headers = world
    pending = completed_call(campaign_id, member_id, utterances=NO_GREETING)
    settled = completed_call(campaign_id, member_id, utterances=NO_CLOSING)
    run_scoring(pending), run_scoring(settled)
    assert (result_of(pending).decision, result_of(pending).state) == ("review", "in_review")
    assert result_of(settled).decision == "approve"
    before = balances(member_id, campaign_id)
    assert before["pending"] > 0  # the call in review waits
    version = _new_version(client, owner, campaign_id)
    _thresholds(campaign_id, 95, 80)  # now 75 is a reject and 90 a review

    started = client.post(f"/api/v1/campaigns/{campaign_id}/qa/rescore",
                          json={"from": "2026-12-01", "to": "2026-12-31"}, headers=owner["headers"])
    assert started.status_code == 202, started.json
    _run_jobs(app)
    status = client.get(started.json["status_url"], headers=owner["headers"]).json
    assert status["status"] == "finished" and status["result"]["rescored"] == 1, status
    assert status["result"]["kept_settled"] == 1

    rejected = result_of(pending)
    assert (rejected.decision, rejected.state, rejected.scorecard_version, rejected.score) == (
        "reject", "final", version, 75)
    kept = result_of(settled)
    assert (kept.decision, kept.score, kept.scorecard_version) == ("approve", 90, 0)
    after = balances(member_id, campaign_id)
    assert after["pending"] == 0 and after["available"] == before["available"]  # refunded, not paid
    assert after["escrow"] > before["escrow"]
    assert money_is_sound() == []

    entries = {(_payload(e)["interaction_id"], _payload(e)["outcome"]): _payload(e) for e in _rescored_entries()}
    audit = entries[(pending, "rescored")]
    assert audit["actor_id"] == owner["admin_id"]
    assert (audit["previous_score"], audit["score"], audit["previous_decision"], audit["decision"]) == (
        75, 75, "review", "reject")
    assert (audit["previous_version"], audit["scorecard_version"]) == (0, version)
    assert entries[(settled, "kept_settled")]["decision"] == "review"

    # a second rescoring changes nothing and settles nothing twice
    again = client.post(f"/api/v1/campaigns/{campaign_id}/qa/rescore",
                        json={"interaction_id": pending}, headers=owner["headers"])
    assert again.status_code == 202
    _run_jobs(app)
    assert client.get(again.json["status_url"], headers=owner["headers"]).json["result"]["unchanged"] == 1
    assert balances(member_id, campaign_id) == after and money_is_sound() == []


def test_a_trainer_rescores_one_call_into_approval_and_it_is_paid_once(app, client, world, completed_call,
                                                                      create_user, auth, user_email):
    _owner, campaign_id, member_id, _headers = world
    call = completed_call(campaign_id, member_id, utterances=NO_GREETING)
    run_scoring(call)
    before = balances(member_id, campaign_id)
    _thresholds(campaign_id, 70, 60)
    trainer = create_user("trainer")
    headers = auth.headers(user_email(trainer))
    started = client.post(f"/api/v1/campaigns/{campaign_id}/qa/rescore", json={"interaction_id": call},
                          headers=headers)
    assert started.status_code == 202, started.json
    _run_jobs(app)
    assert (result_of(call).decision, result_of(call).state) == ("approve", "final")
    paid = balances(member_id, campaign_id)
    assert paid["pending"] == 0 and paid["available"] > before["available"]
    again = client.post(f"/api/v1/campaigns/{campaign_id}/qa/rescore", json={"interaction_id": call},
                        headers=headers)
    _run_jobs(app)
    assert again.status_code == 202 and balances(member_id, campaign_id) == paid
    assert money_is_sound() == []
    assert [_payload(e)["actor_id"] for e in _rescored_entries()] == [trainer]


def test_bad_rescoring_requests_change_nothing(app, client, world, completed_call, enterprise, campaign):
    owner, campaign_id, member_id, member_headers = world
    call = completed_call(campaign_id, member_id, utterances=NO_GREETING)
    run_scoring(call)
    other = enterprise()
    other_campaign = campaign(other)
    url = f"/api/v1/campaigns/{campaign_id}/qa/rescore"
    cases = [
        (other["headers"], url, {"interaction_id": call}, 404),  # another tenant's campaign
        (member_headers, url, {"interaction_id": call}, 403),
        (owner["headers"], url, {"from": "2026-12-10", "to": "2026-12-01"}, 422),  # backwards
        (owner["headers"], url, {}, 422),  # nothing to rescore
        (owner["headers"], url, {"interaction_id": call, "from": "2026-12-01"}, 422),  # both
        (owner["headers"], url, {"from": "not a date"}, 422),
        (owner["headers"], f"/api/v1/campaigns/{other_campaign}/qa/rescore", {"interaction_id": call}, 404),
    ]
    for headers, path, body, status in cases:
        response = client.post(path, json=body, headers=headers)
        assert response.status_code == status, (body, response.json)
        assert "error" in response.json and response.json["error"]["message"]
    assert _rescored_entries() == []
    assert result_of(call).state == "in_review"


def test_the_scorecard_editor_has_a_confirmed_rescore_button(app, world, completed_call, user_email):
    owner, campaign_id, member_id, _headers = world
    call = completed_call(campaign_id, member_id, utterances=NO_GREETING)
    run_scoring(call)
    _thresholds(campaign_id, 70, 60)
    client = app.test_client()
    sign_in(client, user_email(owner["admin_id"]))
    page = client.get(f"/qa/scorecards/{campaign_id}").get_data(as_text=True)
    assert 'data-testid="rescore-form"' in page and 'data-confirm="' in page
    token = csrf_token(client, f"/qa/scorecards/{campaign_id}")
    backwards = client.post(f"/qa/scorecards/{campaign_id}", data={"csrf_token": token, "action": "rescore",
                                                                   "from": "2026-12-10", "to": "2026-12-01"})
    assert backwards.status_code == 422 and 'data-testid="rescore-error"' in backwards.get_data(as_text=True)
    assert result_of(call).decision == "review"
    done = client.post(f"/qa/scorecards/{campaign_id}", data={"csrf_token": token, "action": "rescore",
                                                              "from": "2026-12-04", "to": "2026-12-04"})
    assert done.status_code == 302
    _run_jobs(app)
    assert result_of(call).decision == "approve"
    assert len(_rescored_entries()) == 1


def test_a_call_a_person_reviewed_keeps_its_decision(app, client, world, completed_call):
    owner, campaign_id, member_id, _headers = world
    call = completed_call(campaign_id, member_id, utterances=NO_GREETING)
    run_scoring(call)
    reviewed = client.post(f"/api/v1/qa/{result_of(call).id}/review",
                           json={"decision": "reject", "reason": "No greeting.", "items": []}, headers=owner["headers"])
    assert reviewed.status_code == 200, reviewed.json
    settled = balances(member_id, campaign_id)
    _thresholds(campaign_id, 70, 60)  # the scorer alone would now approve it
    started = client.post(f"/api/v1/campaigns/{campaign_id}/qa/rescore", json={"interaction_id": call},
                          headers=owner["headers"])
    _run_jobs(app)
    assert client.get(started.json["status_url"], headers=owner["headers"]).json["result"]["kept_reviewed"] == 1
    assert result_of(call).decision == "reject" and balances(member_id, campaign_id) == settled
    assert _rescored_entries() == []


def _page(app, user_email, owner, campaign_id, language: str | None = None) -> str:
    client = app.test_client()
    sign_in(client, user_email(owner["admin_id"]))
    if language:
        with client.session_transaction() as session:
            session["lang"] = language
    return client, client.get(f"/qa/scorecards/{campaign_id}").get_data(as_text=True)


def test_the_scorecard_page_shows_each_run_its_progress_and_what_it_changed(app, client, world, completed_call,
                                                                           user_email):
    from app.auth.models import User

    owner, campaign_id, member_id, _headers = world
    pending = completed_call(campaign_id, member_id, utterances=NO_GREETING)
    settled = completed_call(campaign_id, member_id, utterances=NO_CLOSING)
    run_scoring(pending), run_scoring(settled)
    _thresholds(campaign_id, 95, 80)  # the call in review becomes a reject (refunded); the approved one is settled
    with _context():
        name = db.session.get(User, owner["admin_id"]).name
    _browser, empty = _page(app, user_email, owner, campaign_id)
    assert 'data-testid="no-rescorings"' in empty

    started = client.post(f"/api/v1/campaigns/{campaign_id}/qa/rescore",
                          json={"from": "2026-12-01", "to": "2026-12-31"}, headers=owner["headers"])
    assert started.status_code == 202, started.json
    browser, waiting = _page(app, user_email, owner, campaign_id)
    assert 'data-state="queued"' in waiting and "Waiting for a worker" in waiting
    assert f"started by {name}" in waiting and 'data-testid="rescoring-progress"' in waiting
    assert 'data-poll="' in waiting  # the page polls while the run waits or runs

    # while the job runs, the page and its poll show the job's own progress
    from rq.job import Job, JobStatus

    from app.extensions import redis_store

    with _context():
        job = Job.fetch(started.json["job_id"], connection=redis_store.connection)
        job.meta["progress"] = {"done": 1, "total": 2, "message": ""}
        job.save_meta()
        job.set_status(JobStatus.STARTED)
    running = browser.get(f"/qa/scorecards/{campaign_id}").get_data(as_text=True)
    assert 'data-state="running"' in running and "1 of 2 calls" in running
    polled = browser.get(f"/qa/scorecards/{campaign_id}/rescorings").json["items"]
    assert polled[0]["state"] == "running" and polled[0]["progress"] == {"done": 1, "total": 2}
    with _context():
        job.set_status(JobStatus.QUEUED)

    _run_jobs(app)
    done = browser.get(f"/qa/scorecards/{campaign_id}").get_data(as_text=True)
    assert 'data-state="done"' in done and 'data-poll="' not in done
    assert "1 of 2 calls rescored" in done
    assert "1 decision changed" in done
    assert "1 earning settled differently: 0 paid to the member, 1 refunded to the campaign" in done
    assert "1 call kept its decision: its earning was already settled" in done
    assert browser.get(f"/qa/scorecards/{campaign_id}/rescorings").json["items"][0]["summary"]["total"] == 2
    status = client.get(started.json["status_url"], headers=owner["headers"]).json
    assert status["result"]["decisions_changed"] == 1 and status["result"]["earnings_refunded"] == 1
    listed = client.get(f"/api/v1/campaigns/{campaign_id}/qa/rescorings", headers=owner["headers"])
    assert listed.status_code == 200, listed.json
    run = listed.json["items"][0]
    assert (run["state"], run["from"], run["to"], run["started_by_id"], run["job_id"]) == (
        "done", "2026-12-01", "2026-12-31", owner["admin_id"], started.json["job_id"])
    assert run["summary"]["earnings_paid"] == 0 and run["progress"] == {"done": 2, "total": 2}
    assert client.get(f"/api/v1/campaigns/{campaign_id}/qa/rescorings", headers=_headers).status_code == 403

    _zh_browser, chinese = _page(app, user_email, owner, campaign_id, "zh")
    assert "最近的重新评分" in chinese and "1 个决定发生变化" in chinese
    assert "1 笔收入的结算发生变化：0 笔支付给成员，1 笔退回活动" in chinese


def test_a_run_whose_job_was_lost_says_it_failed(app, client, world, completed_call, user_email, enterprise):
    from rq.job import Job

    from app.extensions import redis_store

    owner, campaign_id, member_id, _headers = world
    call = completed_call(campaign_id, member_id, utterances=NO_GREETING)
    run_scoring(call)
    started = client.post(f"/api/v1/campaigns/{campaign_id}/qa/rescore", json={"interaction_id": call},
                          headers=owner["headers"])
    with _context():
        Job.fetch(started.json["job_id"], connection=redis_store.connection).delete()  # a worker died, say
    _browser, page = _page(app, user_email, owner, campaign_id)
    assert 'data-state="failed"' in page and "did not finish and changed nothing" in page
    assert "call " + str(call) in page
    other = enterprise()  # another tenant neither sees the runs nor polls them
    stranger = app.test_client()
    sign_in(stranger, user_email(other["admin_id"]))
    assert stranger.get(f"/qa/scorecards/{campaign_id}/rescorings").status_code == 404
    assert client.get(f"/api/v1/campaigns/{campaign_id}/qa/rescorings", headers=other["headers"]).status_code == 404


def test_a_failing_job_marks_its_run_failed_and_changes_nothing(app, client, world, completed_call, user_email):
    from quality.models import Rescoring
    from telephony.models import Interaction
    from telephony.transcripts import _folder

    owner, campaign_id, member_id, _headers = world
    good = completed_call(campaign_id, member_id, utterances=NO_GREETING)
    broken = completed_call(campaign_id, member_id, utterances=NO_GREETING)
    run_scoring(good), run_scoring(broken)
    _thresholds(campaign_id, 70, 60)  # both would now be approved
    with _context():
        ref = db.session.get(Interaction, broken).transcript_ref
        (_folder() / ref.removeprefix("transcripts/")).write_text("{not json", encoding="utf-8")
    started = client.post(f"/api/v1/campaigns/{campaign_id}/qa/rescore",
                          json={"from": "2026-12-01", "to": "2026-12-31"}, headers=owner["headers"])
    assert started.status_code == 202
    _run_jobs(app)
    with _context():
        run = db.session.scalar(select(Rescoring).where(Rescoring.job_id == started.json["job_id"]))
        assert run.state == "failed" and run.summary is None and run.error
    assert result_of(good).decision == "review"  # rolled back with the run: nothing half-done
    assert _rescored_entries() == []
    _browser, page = _page(app, user_email, owner, campaign_id)
    assert 'data-state="failed"' in page and "did not finish and changed nothing" in page
