"""Sign-up, sign-in, tokens and the caller's profile through the HTTP API."""

import pytest

from tests.conftest import PASSWORD


def register(client, **overrides):
    body = {"email": "new@example.test", "password": PASSWORD, "name": "New Person", "role": "member"}
    body.update(overrides)
    return client.post("/api/v1/auth/register", json=body)


def test_member_registers_and_gets_tokens(client):
    response = register(client, email="Mei@Example.TEST")
    assert response.status_code == 201
    body = response.json
    assert body["user"]["email"] == "mei@example.test"
    assert body["user"]["roles"] == ["member"]
    assert "password" not in body["user"] and "password_hash" not in body["user"]
    me = client.get("/api/v1/me", headers={"Authorization": "Bearer " + body["access_token"]})
    assert me.status_code == 200
    assert me.json["roles"] == ["member"]
    assert me.json["org"] is None
    assert "member_since" in me.json["member"]


def test_enterprise_registers_with_its_organization(client):
    response = register(client, role="enterprise", org_name="Lumen Mall", email="ops@lumen.test")
    assert response.status_code == 201
    token = response.json["access_token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json
    assert me["roles"] == ["enterprise_admin"]
    assert me["org"]["name"] == "Lumen Mall"
    assert me["member"] is None


def test_enterprise_needs_an_organization_name(client):
    response = register(client, role="enterprise")
    assert response.status_code == 422
    assert response.json["error"]["fields"] == {"org_name": "Enter your organization's name."}


@pytest.mark.parametrize("role", ["admin", "trainer", "auditor", "enterprise_admin", ""])
def test_privileged_roles_cannot_be_self_assigned(client, role):
    response = register(client, role=role)
    assert response.status_code == 422
    assert "role" in response.json["error"]["fields"]


def test_duplicate_email_is_a_conflict_and_changes_nothing(client, create_user, user_email):
    existing = user_email(create_user("member"))
    response = register(client, email=existing.upper())
    assert response.status_code == 409
    assert response.json["error"]["code"] == "email_taken"


@pytest.mark.parametrize("password", ["short", "password123", "aaaaaaaaaaaa", "x" * 129])
def test_weak_passwords_are_refused(client, password):
    response = register(client, password=password)
    assert response.status_code == 422
    assert "password" in response.json["error"]["fields"]


def test_invalid_email_is_refused(client):
    response = register(client, email="not-an-email")
    assert response.status_code == 422
    assert "email" in response.json["error"]["fields"]


def test_login_returns_the_token_pair(client, create_user, user_email):
    email = user_email(create_user("member"))
    response = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200
    body = response.json
    assert set(body) == {"access_token", "refresh_token", "token_type", "expires_in"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 15 * 60


def test_wrong_password_and_unknown_email_fail_the_same_way(client, create_user, user_email):
    email = user_email(create_user("member"))
    wrong = client.post("/api/v1/auth/login", json={"email": email, "password": "wrong-password!"})
    unknown = client.post("/api/v1/auth/login", json={"email": "nobody@example.test", "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json == unknown.json
    assert wrong.json["error"]["code"] == "invalid_credentials"


def test_account_is_locked_after_repeated_failures(client, create_user, user_email):
    email = user_email(create_user("member"))
    for _ in range(5):
        failed = client.post("/api/v1/auth/login", json={"email": email, "password": "wrong-password!"})
        assert failed.status_code == 401
    locked = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert locked.status_code == 429
    assert locked.json["error"]["code"] == "rate_limited"
    assert "Retry-After" in locked.headers
    # Another account from the same address is not locked by this one.
    other = user_email(create_user("member"))
    assert client.post("/api/v1/auth/login", json={"email": other, "password": PASSWORD}).status_code == 200


def test_successful_logins_do_not_lock_the_account(client, create_user, user_email):
    email = user_email(create_user("member"))
    for _ in range(8):
        assert client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).status_code == 200


def test_logins_are_limited_per_address(app, client, create_user, user_email):
    email = user_email(create_user("member"))
    app.config["LOGIN_LIMIT_PER_IP"] = "3 per minute"
    try:
        statuses = [client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).status_code
                    for _ in range(4)]
    finally:
        app.config["LOGIN_LIMIT_PER_IP"] = "30 per minute"
    assert statuses == [200, 200, 200, 429]


def test_suspended_user_cannot_sign_in(app, client, create_user, user_email):
    from app.auth import services
    from app.database import commit

    user_id = create_user("member")
    with app.app_context():
        services.set_active(services.get_user(user_id), False, actor_id=None, reason="fraud")
        commit()
    response = client.post("/api/v1/auth/login", json={"email": user_email(user_id), "password": PASSWORD})
    assert response.status_code == 403
    assert response.json["error"]["code"] == "account_suspended"


def test_update_profile_and_language(client, auth, create_user, user_email):
    headers = auth.headers(user_email(create_user("member")))
    response = client.patch("/api/v1/me", json={"name": "Chen Mei", "locale": "zh", "timezone": "Asia/Shanghai"},
                            headers=headers)
    assert response.status_code == 200
    assert response.json["user"]["locale"] == "zh"
    assert response.json["user"]["timezone"] == "Asia/Shanghai"
    bad = client.patch("/api/v1/me", json={"timezone": "Mars/Olympus"}, headers=headers)
    assert bad.status_code == 422
    assert bad.json["error"]["fields"] == {"timezone": "Unknown time zone."}
    assert client.get("/api/v1/me", headers=headers).json["user"]["timezone"] == "Asia/Shanghai"


def test_change_password_revokes_refresh_tokens(client, auth, create_user, user_email):
    email = user_email(create_user("member"))
    pair = auth.login(email)
    headers = {"Authorization": "Bearer " + pair["access_token"]}
    wrong = client.put("/api/v1/me/password", json={"current_password": "nope", "new_password": "another-good-one"},
                       headers=headers)
    assert wrong.status_code == 422
    ok = client.put("/api/v1/me/password", json={"current_password": PASSWORD, "new_password": "another-good-one"},
                    headers=headers)
    assert ok.status_code == 204
    assert client.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}).status_code == 401
    assert auth.login(email, "another-good-one")["access_token"]
