"""Certification jobs: the batch recompute of tags and the nightly expiry."""

from app.extensions import db
from certification.models import MemberTag
from tests.helpers.academy import finish_course


def test_batch_recompute_matches_single_recompute(client, content, member, app):
    from certification import services

    uid, headers = member()
    other, _ = member()
    finish_course(client, headers, content, app, "customer_service_fundamentals")
    with app.app_context():
        services.recompute_tags([uid, other])
        batch = {(t.tag, t.score) for t in db.session.query(MemberTag).filter_by(member_id=uid)}
        services.recompute_tags([uid])
        single = {(t.tag, t.score) for t in db.session.query(MemberTag).filter_by(member_id=uid)}
        assert batch == single and batch  # training alone gives a (small) score
        assert db.session.query(MemberTag).filter_by(member_id=other).count() == 0
        db.session.rollback()


def test_nightly_batch_expires_and_recomputes(app, content, member, runner):
    from app.schedule import SCHEDULE
    from certification import tasks

    _uid, _headers = member()
    assert SCHEDULE["certification-nightly"].func is tasks.nightly
    assert SCHEDULE["certification-nightly"].every == tasks.NIGHTLY
    result = runner.invoke(args=["certification", "recompute"])
    assert result.exit_code == 0 and "Recomputed" in result.output
