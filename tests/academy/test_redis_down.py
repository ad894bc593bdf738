"""A 503 means nothing changed: work that only follows a committed change never turns it into an error."""

from sqlalchemy import select

from app.extensions import db
from app.job_outbox import OutboxJob
from tests.conftest import redis_down


def test_completing_a_lesson_while_redis_is_down_succeeds_and_its_follow_up_waits(client, content, member, app):
    """The completion and its XP commit; the skill-tag recompute it asks for waits in the job outbox."""
    _uid, headers = member()
    lesson_id = content["lessons"]["customer_service_fundamentals"][0]
    with redis_down(app):
        done = client.post(f"/api/v1/academy/lessons/{lesson_id}/complete", headers=headers)
    assert done.status_code == 200, done.json
    assert done.json["xp_awarded"] == 10
    assert client.get("/api/v1/academy/me", headers=headers).json["xp"] == 10
    if not app.config["RQ_INLINE"]:
        with app.app_context():
            waiting = db.session.scalars(select(OutboxJob.name)).all()
        assert "certification.tasks.recompute_member_tags" in waiting
