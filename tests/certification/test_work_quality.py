"""Work quality reaches the skill tags through quality's signals: each call counts once however
often its signal comes, a corrected decision replaces the earlier one, and the tags, the tier,
the API and the page follow the member's QA decisions and customer ratings."""

from __future__ import annotations

from datetime import timedelta

from app import events
from app.database import commit
from app.extensions import db
from app.timeutil import isoformat, utcnow
from certification import tiers
from certification.models import MemberTag, WorkScore
from certification.services import work_quality
from tests.helpers.academy import finish_course, run_jobs
from tests.helpers.web import sign_in

ECOM = "ecommerce_after_sales_l1"
TAG = "ecommerce.after_sales"
SENDER = "quality"


def _decided(interaction_id, member_id, score, decision="approve", **extra):
    events.send(events.qa_decided, SENDER, interaction_id=interaction_id, campaign_id=1, member_id=member_id,
                score=score, decision=decision, scorecard_id=None, scorecard_version=0, **extra)


def _rated(interaction_id, member_id, score):
    events.send(events.csat_recorded, SENDER, interaction_id=interaction_id, campaign_id=1, member_id=member_id,
                score=score)


def _figures(member_id) -> tiers.WorkQuality:
    return work_quality.figures([member_id])[member_id]


def test_a_replayed_signal_counts_once(app, member):
    uid, _headers = member()
    with app.app_context():
        payload = {"occurred_at": isoformat(utcnow())}
        for _ in range(3):  # a retried job, a replayed signal
            _decided(9001, uid, 70, **payload)
            _rated(9001, uid, 4)
        _decided(9001, uid, 70)  # the same decision sent again later
        assert db.session.query(WorkScore).filter_by(member_id=uid).count() == 1
        assert _figures(uid) == tiers.WorkQuality(qa_calls=1, qa_average=70, csat_ratings=1, csat_average=4)
        db.session.rollback()


def test_a_corrected_decision_replaces_the_earlier_one(app, member):
    uid, _headers = member()
    with app.app_context():
        _decided(9101, uid, 30, "reject")
        _decided(9102, uid, None, "review")  # nothing to judge yet: not counted
        _decided(9103, uid, 62, "review")
        assert _figures(uid).qa_calls == 1 and _figures(uid).qa_average == 30
        # An upheld dispute approves the rejected call with a corrected score.
        events.send(events.dispute_resolved, SENDER, dispute_id=1, interaction_id=9101, resolver_id=2,
                    outcome="upheld", decision="approve", score=90, previous_score=30, member_id=uid)
        # A reviewer decides the call in review; a rejected dispute changes nothing.
        events.send(events.qa_reviewed, SENDER, interaction_id=9103, review_id=1, reviewer_id=2, score=50,
                    decision="reject", previous_score=62, member_id=uid, campaign_id=1, kind="review")
        events.send(events.dispute_resolved, SENDER, dispute_id=2, interaction_id=9103, resolver_id=3,
                    outcome="rejected", decision="reject", score=50, previous_score=50, member_id=uid)
        assert _figures(uid).qa_calls == 2 and _figures(uid).qa_average == 70
        # A rescoring replaces the score; one kept because its earning was settled does not.
        events.send(events.qa_rescored, SENDER, interaction_id=9103, campaign_id=1, member_id=uid, actor_id=2,
                    outcome="rescored", previous_score=50, score=70, previous_decision="reject",
                    decision="reject", previous_version=0, scorecard_version=1)
        events.send(events.qa_rescored, SENDER, interaction_id=9101, campaign_id=1, member_id=uid, actor_id=2,
                    outcome="kept_settled", previous_score=90, score=10, previous_decision="approve",
                    decision="reject", previous_version=0, scorecard_version=1)
        assert _figures(uid).qa_calls == 2 and _figures(uid).qa_average == 80
        # A late copy of the first decision (sent before the dispute) does not undo the correction.
        _decided(9101, uid, 30, "reject", occurred_at=isoformat(utcnow() - timedelta(hours=1)))
        assert not work_quality.record_qa(9101, uid, 30, "reject", utcnow() - timedelta(hours=1))
        row = db.session.get(WorkScore, 9101)
        assert (row.qa_score, row.qa_decision) == (90, "approve")
        db.session.rollback()


def test_the_quality_level_and_the_tag_score():
    assert tiers.WorkQuality().level() == "unrated"
    assert tiers.WorkQuality(qa_calls=9, qa_average=20).level() == "unrated"  # too few calls to judge
    assert tiers.WorkQuality(qa_calls=10, qa_average=59.9).level() == "suspended"
    assert tiers.WorkQuality(qa_calls=10, qa_average=60).level() == "standard"
    assert tiers.WorkQuality(qa_calls=30, qa_average=85).level() == "proven"
    assert tiers.WorkQuality(qa_calls=30, qa_average=90, csat_ratings=4, csat_average=2).level() == "proven"
    assert tiers.WorkQuality(qa_calls=30, qa_average=90, csat_ratings=5, csat_average=3.9).level() == "standard"
    assert tiers.WorkQuality(qa_calls=9, qa_average=90, csat_ratings=5, csat_average=5).inputs() == {"csat": 1.0}
    held = dict(tag="x", training=1.0, exam=1.0, certification="active")
    assert tiers.tag_score(tiers.TagInputs(**held)).quality == "unrated"
    assert tiers.tag_score(tiers.TagInputs(**held, work="proven", qa=0.9)).score == round(
        (0.25 + 0.35 + 0.40 + 0.30 * 0.9) / 1.30 * 100)
    suspended = tiers.tag_score(tiers.TagInputs(**held, work="suspended", qa=0.5))
    assert (suspended.score, suspended.quality) == (59, "suspended")
    unheld = tiers.tag_score(tiers.TagInputs("x", training=1.0, exam=1.0, work="proven", qa=0.9))
    assert (unheld.score, unheld.quality) == (59, None)


def _certified(client, content, member, app):
    uid, headers = member()
    for key in ("customer_service_fundamentals", "ecommerce_after_sales"):
        finish_course(client, headers, content, app, key)
    from tests.helpers.academy import take

    take(client, headers, app, content["quizzes"][f"exam:{ECOM}"])
    _tid, trainer = member("trainer")
    issued = client.post(f"/api/v1/certifications/{content['certs'][ECOM]}/grants", headers=trainer,
                         json={"member_id": uid})
    assert issued.status_code in (201, 409), issued.json  # 409: the exam granted it already
    run_jobs(app)
    return uid, headers


def _tags(client, headers):
    body = client.get("/api/v1/members/me/tags", headers=headers).json
    return body, {t["tag"]: t for t in body["items"]}


def test_the_tags_follow_qa_decisions_and_customer_ratings(client, content, member, app):
    uid, headers = _certified(client, content, member, app)
    body, tags = _tags(client, headers)
    assert (tags[TAG]["score"], tags[TAG]["quality"], body["tier"]) == (100, "unrated", "gold")
    assert body["work_quality"]["level"] == "unrated" and body["work_quality"]["qa_calls"] == 0
    assert body["work_quality"]["rule"]["qa_floor"] == tiers.QA_FLOOR
    assert all(t["quality"] is None for tag, t in tags.items() if tag != TAG)  # not certified: no level
    recomputed = []

    def _recomputed(sender, **payload):
        recomputed.append(payload)

    events.tags_recomputed.connect(_recomputed)

    with app.app_context():
        for n in range(tiers.QA_MIN_CALLS):
            _decided(10_000 + n, uid, 95)
        for n in range(tiers.CSAT_MIN_RATINGS):
            _rated(10_000 + n, uid, 5)
        commit()
    run_jobs(app)
    body, tags = _tags(client, headers)
    assert tags[TAG]["quality"] == "proven" and body["work_quality"]["level"] == "proven"
    assert body["work_quality"] | {"updated_at": None, "rule": None} == {
        "qa_calls": 10, "qa_average": 95.0, "csat_ratings": 5, "csat_average": 5.0, "level": "proven",
        "updated_at": None, "rule": None}
    assert tags[TAG]["score"] == round((0.25 + 0.35 + 0.40 + 0.30 * 0.95 + 0.15) / 1.45 * 100)
    assert {r["input"] for r in tags[TAG]["reasons"]} >= {"qa", "csat"}
    assert recomputed and recomputed[-1]["member_id"] == uid and recomputed[-1]["tier"] == "gold"

    # Twenty rejected calls: the last twenty average 20, below the floor; the tag is suspended.
    with app.app_context():
        for n in range(tiers.QA_WINDOW):
            _decided(20_000 + n, uid, 20, "reject")
        commit()
    run_jobs(app)
    body, tags = _tags(client, headers)
    assert (tags[TAG]["quality"], body["work_quality"]["qa_average"]) == ("suspended", 20.0)
    assert tags[TAG]["score"] == 59 and body["tier"] == "bronze"
    assert body["work_quality"]["qa_calls"] == 30
    assert recomputed[-1]["tags"][TAG] == 59 and recomputed[-1]["tier"] == "bronze"

    # Disputes upheld on enough of those calls bring the average back: the suspension lifts.
    with app.app_context():
        for n in range(12):
            events.send(events.dispute_resolved, SENDER, dispute_id=n + 1, interaction_id=20_000 + n,
                        resolver_id=1, outcome="upheld", decision="approve", score=90, previous_score=20,
                        member_id=uid)
        commit()
    run_jobs(app)
    body, tags = _tags(client, headers)
    assert body["work_quality"]["qa_average"] == (12 * 90 + 8 * 20) / 20 and body["work_quality"]["qa_calls"] == 30
    assert tags[TAG]["quality"] == "standard" and tags[TAG]["score"] > 59 and body["tier"] != "bronze"
    with app.app_context():
        assert db.session.query(MemberTag).filter_by(member_id=uid, tag=TAG).one().quality == "standard"
    events.tags_recomputed.disconnect(_recomputed)


def test_the_page_shows_the_figures_next_to_the_tags(app, client, content, member, user_email):
    uid, _headers = _certified(client, content, member, app)
    with app.app_context():
        for n in range(tiers.QA_MIN_CALLS):
            _decided(30_000 + n, uid, 88)
        _rated(30_000, uid, 4)
        commit()
    run_jobs(app)
    browser = app.test_client()
    sign_in(browser, user_email(uid))
    page = browser.get("/certifications/").get_data(as_text=True)
    assert 'data-testid="work-quality" data-level="proven"' in page
    assert "QA average 88.0 on your last 10 decided calls" in page
    assert "Customer satisfaction 4.0 / 5" in page and "1 rating" in page
    assert 'data-quality="proven"' in page and "Proven on calls" in page
    zh = browser.get("/certifications/", headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert "工作质量" in zh and "最近 10 通已判定通话的质检平均分 88.0" in zh and "通话表现已验证" in zh
    assert "客户满意度 4.0 / 5" in zh
