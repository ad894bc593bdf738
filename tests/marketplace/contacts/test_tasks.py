"""Contact jobs: imports whose job was lost or whose worker died are resumed by the sweep, and an
import run twice imports nothing twice."""


import pytest
from sqlalchemy import text

from tests.helpers.academy import real_sessions  # noqa: F401 - a shared fixture
from tests.marketplace.contacts.helpers import (
    CN_1,
    CN_2,
    csv_bytes,
    import_file,
    outbound_body,
    phone,
    run_jobs,
    upload,
)
from tests.marketplace.contacts.helpers import count_rows as _count

# --- imports that no job will finish ------------------------------------------------------------

def _age(app, list_id: int, **changes) -> None:
    """Move a list's upload back in time (and change its state), as if its job had been lost then."""
    from datetime import timedelta

    from app.database import commit
    from app.extensions import db
    from app.timeutil import utcnow
    from marketplace.models import ContactList

    with app.app_context():
        contact_list = db.session.get(ContactList, list_id)
        contact_list.created_at = utcnow() - timedelta(minutes=20)
        for name, value in changes.items():
            setattr(contact_list, name, value)
        commit()


def _lose_job(app, job_id: str, started: bool = False) -> None:
    """The job never reached the queue (Redis was down), or its worker died while running it."""
    from rq import Queue
    from rq.job import Job, JobStatus

    from app.extensions import redis_store

    with app.app_context():
        job = Job.fetch(job_id, connection=redis_store.connection)
        if started:
            Queue(job.origin, connection=redis_store.connection).remove(job)
            job.set_status(JobStatus.STARTED)
        else:
            job.delete()


def _sweep(app) -> int:
    from marketplace.contacts import tasks

    with app.app_context():
        return tasks.resume_stalled_imports()


def test_an_import_whose_job_was_lost_is_queued_again_by_the_sweep(app, client, enterprise, campaign):
    from marketplace.models import Contact

    if app.config["RQ_INLINE"]:
        pytest.skip("an inline job runs at once and cannot be lost")
    headers = enterprise["headers"]
    rows = [[phone(f"1391111{i:04d}"), f"n{i}", "x"] for i in range(12)]
    lost = upload(client, headers, campaign["id"], csv_bytes(rows), region="cn").json
    others = [[phone(f"1392222{i:04d}"), f"m{i}", "y"] for i in range(3)]
    waiting = upload(client, headers, campaign["id"], csv_bytes(others), region="cn").json
    _lose_job(app, lost["job_id"])
    assert _sweep(app) == 0  # a fresh upload is given time
    _age(app, lost["id"])
    _age(app, waiting["id"])  # its job is still queued: it is left to it
    assert _sweep(app) == 1
    resumed = client.get(f"/api/v1/contact-lists/{lost['id']}", headers=headers).json
    assert resumed["state"] == "queued" and resumed["job_id"] != lost["job_id"]
    run_jobs(app)
    report = client.get(f"/api/v1/contact-lists/{lost['id']}", headers=headers).json
    assert report["state"] == "done" and report["accepted"] == 12, report
    assert client.get(f"/api/v1/contact-lists/{waiting['id']}", headers=headers).json["accepted"] == 3
    assert _sweep(app) == 0 and _count(app, Contact) == 15


def test_an_import_whose_worker_died_is_resumed_where_postgresql_can_tell(app, client, enterprise, campaign):
    if app.config["RQ_INLINE"]:
        pytest.skip("an inline job runs at once and cannot be lost")
    headers = enterprise["headers"]
    died = upload(client, headers, campaign["id"], csv_bytes([[CN_1, "a", ""], [CN_2, "b", ""]]), region="cn").json
    _lose_job(app, died["job_id"], started=True)
    _age(app, died["id"], state="running")
    postgres = app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql")
    # On PostgreSQL a live run holds its list's row, so a "running" list nobody holds has no run. SQLite
    # cannot tell a dead worker from a slow one: its job stays "started" until RQ gives it up.
    assert _sweep(app) == (1 if postgres else 0)
    if postgres:
        run_jobs(app)
        assert client.get(f"/api/v1/contact-lists/{died['id']}", headers=headers).json["accepted"] == 2


def test_running_an_import_again_imports_nothing_twice(app, client, enterprise, campaign):
    from marketplace.contacts.tasks import import_contact_list
    from marketplace.models import Contact

    report = import_file(app, client, enterprise["headers"], campaign["id"], csv_bytes([[CN_1, "a", ""]]),
                         region="cn")
    with app.app_context():
        again = import_contact_list(report["id"])
    assert again["state"] == "done" and again["accepted"] == 1 and _count(app, Contact) == 1
    assert client.get(f"/api/v1/contact-lists/{report['id']}", headers=enterprise["headers"]).json == report


@pytest.fixture(scope="module")
def sweep_app(tmp_path_factory):
    from tests.conftest import separate_app

    yield from separate_app(tmp_path_factory, "importsweep",
                            postgres_only="a live import's row lock is a PostgreSQL property")


def test_the_sweep_leaves_an_import_that_is_still_running_alone(sweep_app, real_sessions):  # noqa: F811
    """A run that is only slow holds its list's row; the sweep skips it and takes it once it is free."""
    from datetime import timedelta

    from rq.job import Job

    from app.auth import services as auth
    from app.database import commit, rollback
    from app.extensions import db, redis_store
    from app.timeutil import utcnow
    from marketplace.campaigns import services
    from marketplace.campaigns.schemas import CampaignIn
    from marketplace.contacts import lists as contact_lists
    from marketplace.models import ContactList
    from tests.conftest import PASSWORD

    with sweep_app.test_request_context():
        admin = auth.register_user(email="sweeper@example.test", password=PASSWORD, name="Sweeper",
                                   role="enterprise", org_name="Sweep Org")
        commit()
        campaign = services.create_campaign(admin.org_id, admin.id, CampaignIn().load(outbound_body()))
        commit()
        running = ContactList(campaign_id=campaign.id, org_id=admin.org_id, filename="slow.csv", default_region="CN",
                              state="running", uploaded_by_id=admin.id, created_at=utcnow() - timedelta(hours=1))
        db.session.add(running)
        commit()
        list_id, engine = running.id, db.engine
    with engine.connect() as run:  # the slow import's own transaction
        run.execute(text("SELECT id FROM contact_lists WHERE id = :id FOR UPDATE"), {"id": list_id})
        with sweep_app.app_context():
            assert contact_lists.resume_stalled_imports(timedelta(minutes=15)) == []
            rollback()
        run.rollback()
    with sweep_app.app_context():
        assert contact_lists.resume_stalled_imports(timedelta(minutes=15)) == [list_id]
        commit()
        Job.fetch(db.session.get(ContactList, list_id).job_id, connection=redis_store.connection).delete()


def test_the_import_job_names_the_sweep_that_finds_its_work(app):
    from app.schedule import SCHEDULE
    from marketplace.contacts import tasks
    from marketplace.contacts.tasks import import_contact_list

    periodic = SCHEDULE[import_contact_list.swept_by]
    assert periodic.func is tasks.resume_stalled_imports and periodic.every == tasks.STALLED_IMPORTS_EVERY
