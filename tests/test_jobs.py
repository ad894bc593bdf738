"""Jobs: queued after commit, run with their own unit of work, report progress, visible to their owner."""

import pytest
from rq import Queue

from app import jobs


def test_account_export_job_runs_and_reports_progress(client, auth, create_user, user_email):
    email = user_email(create_user("member"))
    headers = auth.headers(email)
    accepted = client.post("/api/v1/me/export", headers=headers)
    assert accepted.status_code == 202
    status_url = accepted.json["status_url"]
    if not client.application.config["RQ_INLINE"]:
        from app.jobs import run_worker

        with client.application.app_context():
            run_worker(["default"], burst=True)
    status = client.get(status_url, headers=headers)
    assert status.status_code == 200
    body = status.json
    assert body["status"] == "finished"
    assert body["progress"] == {"done": 3, "total": 3, "message": "done"}
    assert body["result"]["account"]["email"] == email
    assert body["result"]["roles"][0]["role"] == "member"


def test_a_job_is_visible_only_to_its_owner(client, auth, create_user, user_email):
    owner = auth.headers(user_email(create_user("member")))
    other = auth.headers(user_email(create_user("member")))
    job_id = client.post("/api/v1/me/export", headers=owner).json["job_id"]
    assert client.get(f"/api/v1/jobs/{job_id}", headers=other).status_code == 404
    assert client.get("/api/v1/jobs/no-such-job", headers=owner).status_code == 404


def test_nothing_is_enqueued_when_the_transaction_rolls_back(app):
    from app.auth import tasks
    from app.database import rollback
    from app.extensions import redis_store

    with app.app_context():
        queue = Queue("default", connection=redis_store.connection)
        before = queue.count
        jobs.enqueue(tasks.export_account, 1)
        rollback()
        assert queue.count == before


def test_queues_are_named_and_unknown_ones_refused(app):
    assert jobs.QUEUES == ("default", "qa", "payouts", "ledger")
    with pytest.raises(ValueError):
        jobs.job("nope")
    with app.app_context(), pytest.raises(ValueError):
        jobs.get_queue("nope")


def test_worker_processes_queued_jobs(tmp_path_factory):
    """With a real queue (not inline), a burst worker picks the job up and stores its result."""
    from app.auth import tasks
    from app.database import commit
    from app.extensions import redis_store
    from tests.conftest import make_test_app

    application = make_test_app(tmp_path_factory, "worker", RQ_INLINE=False)
    with application.app_context():
        from app.auth import services

        user = services.create_user(email="w@example.test", password="a-good-password", name="W", role="member")
        commit()
        job_id = jobs.enqueue(tasks.export_account, user.id, owner_id=user.id)
        commit()
        queued = Queue("default", connection=redis_store.connection)
        assert job_id in queued.job_ids
        jobs.run_worker(["default"], burst=True)
        status = jobs.job_status(job_id, user_id=user.id)
        assert status["status"] == "finished"
        assert status["result"]["account"]["id"] == user.id


def test_a_job_is_enqueued_by_its_dotted_path(app):
    """Services name jobs instead of importing their package's tasks (which import the services)."""
    from app.auth import tasks

    assert jobs.registered("app.auth.tasks.export_account") is tasks.export_account
    with pytest.raises(LookupError):
        jobs.registered("app.auth.tasks.no_such_job")
    with pytest.raises(LookupError):
        jobs.registered("no_such_package.tasks.job")
    with app.app_context():
        job_id = jobs.enqueue("app.auth.tasks.export_account", 1)
    assert len(job_id) == 32


@pytest.fixture(scope="module")
def queued_app(tmp_path_factory):
    """An app whose jobs go through real queues (not inline), for the outbox."""
    from tests.conftest import make_test_app

    return make_test_app(tmp_path_factory, "outbox", RQ_INLINE=False)


def test_a_job_asked_for_while_redis_is_down_waits_in_the_outbox_and_is_relayed(queued_app):
    """The change commits without an error; the relay queues the job once Redis is back, once."""
    from datetime import timedelta

    from sqlalchemy import func, select

    from app.auth import services, tasks
    from app.database import commit
    from app.extensions import db, redis_store
    from app.job_outbox import OutboxJob
    from app.timeutil import utcnow
    from tests.conftest import redis_down

    with queued_app.app_context():
        user = services.create_user(email="outbox@example.test", password="a-good-password", name="O",
                                    role="member")
        commit()
        with redis_down(queued_app):
            job_id = jobs.enqueue(tasks.export_account, user.id, owner_id=user.id)
            commit()  # no error: the job is a committed row
        assert db.session.scalar(select(OutboxJob.job_id).where(OutboxJob.job_id == job_id)) == job_id
        queue = Queue("default", connection=redis_store.connection)
        assert job_id not in queue.job_ids
        assert jobs.relay_outbox() == 0  # too young: its request may still be handing it over
        later = utcnow() + timedelta(seconds=11)
        assert jobs.relay_outbox(now=later) == 1
        assert job_id in queue.job_ids
        assert db.session.scalar(select(func.count()).select_from(OutboxJob)) == 0
        assert jobs.relay_outbox(now=later) == 0
        jobs.run_worker(["default"], burst=True)
        assert jobs.job_status(job_id, user_id=user.id)["status"] == "finished"


def test_a_job_queued_after_commit_leaves_no_row_behind(queued_app):
    from sqlalchemy import func, select

    from app.auth import tasks
    from app.database import commit, rollback
    from app.extensions import db, redis_store
    from app.job_outbox import OutboxJob

    with queued_app.app_context():
        job_id = jobs.enqueue(tasks.export_account, 1)
        rollback()  # a rolled-back change asks for nothing
        assert db.session.scalar(select(func.count()).select_from(OutboxJob)) == 0
        job_id = jobs.enqueue(tasks.export_account, 1)
        commit()
        assert job_id in Queue("default", connection=redis_store.connection).job_ids
        assert db.session.scalar(select(func.count()).select_from(OutboxJob)) == 0


def test_the_relay_does_not_queue_twice_a_job_rq_already_has(queued_app):
    """A crash between queuing and deleting the row: the relay sees RQ knows the job and only deletes."""
    from datetime import timedelta

    from sqlalchemy import func, select

    from app.database import commit
    from app.extensions import db, redis_store
    from app.job_outbox import OutboxJob
    from app.timeutil import utcnow

    with queued_app.app_context():
        queue = Queue("default", connection=redis_store.connection)
        queue.empty()
        job_id = jobs.enqueue("app.auth.tasks.export_account", 1)
        db.session.flush()
        jobs._put(jobs.registered("app.auth.tasks.export_account"), job_id, [1], {}, None, None)
        db.session.info.clear()  # the process "died" before its after-commit work
        db.session.commit()
        assert jobs.relay_outbox(now=utcnow() + timedelta(seconds=11)) == 1
        assert queue.job_ids.count(job_id) == 1
        assert db.session.scalar(select(func.count()).select_from(OutboxJob)) == 0
        commit()


def _ledger_kinds(app, kind: str) -> list[str]:
    from sqlalchemy import select

    from app.extensions import db
    from ledger.models import Leaf, QueuedEntry

    with app.app_context():
        return [*db.session.scalars(select(QueuedEntry.entry).where(QueuedEntry.kind == kind)),
                *db.session.scalars(select(Leaf.entry).where(Leaf.kind == kind))]


def _finished_export(client, headers) -> str:
    job_id = client.post("/api/v1/me/export", headers=headers).json["job_id"]
    if not client.application.config["RQ_INLINE"]:
        with client.application.app_context():
            jobs.run_worker(["default"], burst=True)
    return job_id


def test_an_admin_sees_the_state_of_someone_elses_job_but_not_its_result(client, auth, create_user, user_email):
    """A member's data export is theirs: an admin's status read shows no result and leaves no trace."""
    member_email = user_email(create_user("member"))
    owner = auth.headers(member_email)
    admin = auth.headers(user_email(create_user("admin")))
    job_id = _finished_export(client, owner)

    seen = client.get(f"/api/v1/jobs/{job_id}", headers=admin)
    assert seen.status_code == 200
    assert seen.json["status"] == "finished" and seen.json["progress"]["done"] == 3
    assert seen.json["result"] is None and seen.json["result_withheld"] is True
    assert member_email not in seen.get_data(as_text=True)
    own = client.get(f"/api/v1/jobs/{job_id}", headers=owner).json
    assert own["result"]["account"]["email"] == member_email and own["result_withheld"] is False
    assert _ledger_kinds(client.application, "job_result_accessed") == []


def test_an_admin_reads_a_job_result_only_through_an_audited_access(client, auth, create_user, user_email):
    import json

    member_id = create_user("member")
    member_email = user_email(member_id)
    owner = auth.headers(member_email)
    admin_id = create_user("admin")
    admin = auth.headers(user_email(admin_id))
    job_id = _finished_export(client, owner)

    assert client.post(f"/api/v1/admin/jobs/{job_id}/access", json={}, headers=admin).status_code == 422
    blank = client.post(f"/api/v1/admin/jobs/{job_id}/access", json={"reason": "   "}, headers=admin)
    assert blank.status_code == 422 and "reason" in blank.json["error"]["fields"]
    assert client.post(f"/api/v1/admin/jobs/{job_id}/access", json={"reason": "x"},
                       headers=owner).status_code == 403  # owners read their own through GET
    assert client.post("/api/v1/admin/jobs/no-such-job/access", json={"reason": "x"},
                       headers=admin).status_code == 404
    assert _ledger_kinds(client.application, "job_result_accessed") == []

    read = client.post(f"/api/v1/admin/jobs/{job_id}/access", json={"reason": "GDPR request #12"}, headers=admin)
    assert read.status_code == 200
    assert read.json["result"]["account"]["email"] == member_email
    [entry] = _ledger_kinds(client.application, "job_result_accessed")
    payload = json.loads(entry)["payload"]
    assert {k: payload[k] for k in ("job_id", "owner_id", "actor_id", "reason")} == {
        "job_id": job_id, "owner_id": member_id, "actor_id": admin_id, "reason": "GDPR request #12"}
    assert member_email not in entry
    client.post(f"/api/v1/admin/jobs/{job_id}/access", json={"reason": "caller 13481770091 asked"}, headers=admin)
    assert "13481770091" not in str(_ledger_kinds(client.application, "job_result_accessed"))


def test_the_reason_to_read_a_job_result_is_asked_in_chinese_too(client, auth, create_user, user_email):
    admin = auth.headers(user_email(create_user("admin")))
    job_id = _finished_export(client, auth.headers(user_email(create_user("member"))))
    answer = client.post(f"/api/v1/admin/jobs/{job_id}/access", json={"reason": " "},
                         headers={**admin, "Accept-Language": "zh-CN"})
    assert answer.json["error"]["fields"]["reason"] == "请说明你需要查看此结果的原因。"
