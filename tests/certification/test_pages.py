"""Certification pages: a member sends a role-play from the phone page, a trainer grades it against the
rubric, the member downloads the credential, the trainer revokes it with a reason."""

import re

from app.extensions import db
from certification.models import CertificationGrant, PracticalAssessment
from tests.helpers.academy import answers_of
from tests.helpers.web import csrf_token, sign_in

FIN = "finance_callback_l2"


def test_practical_grading_and_revocation_from_the_pages(app, content, create_user, user_email, member):
    member_id = create_user("member")
    member_client = app.test_client()
    sign_in(member_client, user_email(member_id))
    headers = {"Authorization": "Bearer " + member_client.post(
        "/api/v1/auth/login", json={"email": user_email(member_id), "password": "correct-horse-battery"}
    ).json["access_token"]}
    for lesson_id in content["lessons"]["customer_service_fundamentals"]:
        member_client.post(f"/api/v1/academy/lessons/{lesson_id}/complete", headers=headers)
    for quiz_key in ("customer_service_fundamentals", f"exam:{FIN}"):
        attempt = member_client.post(f"/api/v1/academy/quizzes/{content['quizzes'][quiz_key]}/attempts",
                                     headers=headers).json
        member_client.post(f"/api/v1/academy/attempts/{attempt['id']}/submit", headers=headers,
                           json={"answers": answers_of(app, attempt["id"])})
    answers = {str(n): 3 for n in range(1, 11)}
    member_client.post("/api/v1/academy/assessments/ipip50", headers=headers, json={"answers": answers})

    page = member_client.get("/certifications/").get_data(as_text=True)
    assert "Role-play transcript" in page and 'data-testid="next-tier"' in page
    token = csrf_token(member_client, "/certifications/")
    member_client.post("/certifications/", data={"csrf_token": token, "certification_id": content["certs"][FIN],
                                                 "transcript": "Agent: This call is recorded. How can I help?"})
    with app.app_context():
        practical = db.session.query(PracticalAssessment).filter_by(member_id=member_id).one()
        practical_id = practical.id

    trainer_client = app.test_client()
    sign_in(trainer_client, user_email(create_user("trainer")))
    queue = trainer_client.get("/certifications/manage").get_data(as_text=True)
    assert f"/certifications/manage/practicals/{practical_id}" in queue
    grade_url = f"/certifications/manage/practicals/{practical_id}"
    grade_page = trainer_client.get(grade_url).get_data(as_text=True)
    assert "This call is recorded" in grade_page and "Disclosure read in full" in grade_page
    token = csrf_token(trainer_client, grade_url)
    bad = trainer_client.post(grade_url, data={"csrf_token": token, "score-disclosure": "9", "score-empathy": "4"})
    assert bad.headers["Location"].endswith(grade_url)  # refused, back to the form
    trainer_client.post(grade_url, data={"csrf_token": token, "score-disclosure": "5", "score-empathy": "4",
                                         "feedback": "Clear disclosure"})
    with app.app_context():
        assert db.session.get(PracticalAssessment, practical_id).status == "passed"
        grant = db.session.query(CertificationGrant).filter_by(member_id=member_id).one()
        grant_id = grant.id

    mine = member_client.get("/certifications/").get_data(as_text=True)
    assert 'data-testid="download-credential"' in mine
    download = member_client.get(f"/certifications/grants/{grant_id}/credential.json")
    assert download.status_code == 200 and download.json["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert "attachment" in download.headers["Content-Disposition"]
    stranger = app.test_client()
    sign_in(stranger, user_email(create_user("member")))
    assert stranger.get(f"/certifications/grants/{grant_id}/credential.json").status_code == 404

    manage = trainer_client.get("/certifications/manage").get_data(as_text=True)
    assert "data-confirm=" in manage.split(f'data-testid="revoke-{grant_id}"', 1)[1].split(">", 1)[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', manage).group(1)
    trainer_client.post("/certifications/manage", data={"csrf_token": token, "action": "revoke",
                                                        "grant_id": grant_id, "reason": ""})
    with app.app_context():
        assert db.session.get(CertificationGrant, grant_id).status == "active"  # a reason is required
    done = trainer_client.post("/certifications/manage", data={"csrf_token": token, "action": "revoke",
                                                               "grant_id": grant_id, "reason": "Script not followed"},
                               follow_redirects=True)
    assert "Certification revoked: " in done.get_data(as_text=True)
    with app.app_context():
        revoked = db.session.get(CertificationGrant, grant_id)
        assert (revoked.status, revoked.revoke_reason) == ("revoked", "Script not followed")
    assert "Script not followed" in member_client.get("/certifications/").get_data(as_text=True)
    assert member_client.get("/certifications/manage").status_code == 403
