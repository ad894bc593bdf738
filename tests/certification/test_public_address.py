"""Signed artefacts take the platform's address from PUBLIC_BASE_URL, never from the request's Host."""

import pytest

from app import create_app
from app.database import commit
from app.extensions import db
from app.urls import PublicAddressMissing, public_url

FIN = "finance_callback_l2"


def test_a_credential_signed_under_a_forged_host_points_at_the_platform(app, content, create_user, user_email,
                                                                        auth, client):
    from app.auth import services as accounts
    from certification import services
    from certification.models import CertificationGrant

    member_id = create_user("member")
    with app.app_context():
        cert = services.get_certification(content["certs"][FIN])
        services.grant(cert, accounts.get_user(member_id), actor_id=None, check=False)
        commit()
        grant_id = db.session.query(CertificationGrant).filter_by(member_id=member_id).one().id
    headers = auth.headers(user_email(member_id))
    app.config["PUBLIC_BASE_URL"] = "https://crowdline.example/"
    try:
        response = client.get(f"/api/v1/members/me/certifications/{grant_id}/credential",
                              headers={**headers, "Host": "evil.example"})
    finally:
        app.config["PUBLIC_BASE_URL"] = None
    assert response.status_code == 200
    credential = response.json
    assert credential["credentialStatus"]["id"].startswith("https://crowdline.example/api/v1/")
    assert credential["issuer"]["url"] == "https://crowdline.example"
    assert "evil.example" not in response.get_data(as_text=True)


def test_production_refuses_to_sign_without_a_public_address(app):
    with app.test_request_context("/", base_url="http://evil.example"):
        app.config["ENVIRONMENT"], app.testing = "production", False
        try:
            with pytest.raises(PublicAddressMissing) as refused:
                public_url("payouts.wallet")
        finally:
            app.config["ENVIRONMENT"], app.testing = "testing", True
    assert refused.value.status == 503 and "PUBLIC_BASE_URL" in refused.value.message


def test_public_urls_are_built_without_a_request(app):
    app.config["PUBLIC_BASE_URL"] = "https://crowdline.example"
    try:
        with app.app_context():
            assert public_url("payouts.wallet") == "https://crowdline.example/payouts/wallet"
    finally:
        app.config["PUBLIC_BASE_URL"] = None


def test_production_serves_only_the_allowed_hosts(tmp_path):
    production = create_app({"TESTING": True, "ENVIRONMENT": "production", "INSTANCE_PATH": str(tmp_path),
                             "SQLALCHEMY_DATABASE_URI": "sqlite://", "PUBLIC_BASE_URL": "https://crowdline.example"})
    client = production.test_client()
    assert client.get("/api/v1/nothing", headers={"Host": "crowdline.example"}).status_code == 404
    forged = client.get("/api/v1/nothing", headers={"Host": "evil.example"})
    assert forged.status_code == 400 and forged.json["error"]["code"] == "bad_request"
    listed = create_app({"TESTING": True, "ENVIRONMENT": "production", "INSTANCE_PATH": str(tmp_path),
                         "SQLALCHEMY_DATABASE_URI": "sqlite://", "ALLOWED_HOSTS": ["a.example", "b.example"]})
    assert listed.test_client().get("/api/v1/nothing", headers={"Host": "b.example"}).status_code == 404
    assert listed.test_client().get("/api/v1/nothing", headers={"Host": "evil.example"}).status_code == 400
