"""Work profiles: reliability, and a profile read that writes nothing."""

from sqlalchemy import func, select

from marketplace.members.profiles import reliability_score as reliability
from tests.helpers.web import sign_in


def test_reliability_formula():
    assert reliability(0, 0, 0) == 100
    assert reliability(0, 1, 0) == 83  # 5 / 6
    assert reliability(10, 0, 2) == 94  # 15 / 16
    assert reliability(20, 5, 0) == 83  # 25 / 30


def test_reading_a_profile_writes_nothing(app, client, member, user_email):
    from app.extensions import db
    from marketplace.models import MemberProfile

    uid, headers = member()
    with app.app_context():
        db.session.execute(MemberProfile.__table__.delete().where(MemberProfile.member_id == uid))
        db.session.commit()
    shown = client.get("/api/v1/members/me/profile", headers=headers)
    assert shown.status_code == 200 and shown.json["reliability"] == 100 and shown.json["languages"] == []
    sign_in(client, user_email(uid))
    for page in ("/work/shifts", "/work/profile"):
        assert client.get(page).status_code == 200
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(MemberProfile)
                                 .where(MemberProfile.member_id == uid)) == 0
    saved = client.put("/api/v1/members/me/profile", json={"languages": ["zh"], "region": "Shanghai"},
                       headers=headers)
    assert saved.status_code == 200 and saved.json["languages"] == ["zh"]
    with app.app_context():
        assert db.session.get(MemberProfile, uid).region == "Shanghai"
