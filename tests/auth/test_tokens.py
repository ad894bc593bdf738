"""Access tokens (expiry, signature, algorithm) and rotating refresh tokens (reuse detection)."""

import base64
import json
from datetime import timedelta

import jwt
import pytest

from app.timeutil import utcnow


@pytest.fixture
def member(create_user, user_email):
    user_id = create_user("member")
    return user_id, user_email(user_id)


def _me(client, token):
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})


def _claims(user_id, **changes):
    now = utcnow()
    claims = {"sub": str(user_id), "iss": "crowdline", "iat": now, "nbf": now,
              "exp": now + timedelta(minutes=15), "jti": "x", "typ": "access"}
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def test_a_valid_token_is_accepted(app, client, member):
    token = jwt.encode(_claims(member[0]), app.config["JWT_SECRET_KEY"], algorithm="HS256")
    assert _me(client, token).status_code == 200


def test_missing_token(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json["error"]["code"] in {"token_missing", "unauthorized"}
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_expired_token(app, client, member):
    token = jwt.encode(_claims(member[0], exp=utcnow() - timedelta(seconds=30)), app.config["JWT_SECRET_KEY"],
                       algorithm="HS256")
    response = _me(client, token)
    assert response.status_code == 401
    assert response.json["error"]["code"] == "token_expired"


def test_token_expires_after_its_lifetime(app, client, member):
    with app.app_context():
        from app.auth.tokens import encode_access_token

        token, _ttl = encode_access_token(member[0], ttl=timedelta(seconds=-10))
    assert _me(client, token).json["error"]["code"] == "token_expired"


def test_bad_signature(client, member):
    token = jwt.encode(_claims(member[0]), "some-other-secret-that-is-long-enough", algorithm="HS256")
    response = _me(client, token)
    assert response.status_code == 401
    assert response.json["error"]["code"] == "token_invalid"


def test_alg_none_is_refused(client, member):
    def b64(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    claims = _claims(member[0])
    claims = {k: int(v.timestamp()) if hasattr(v, "timestamp") else v for k, v in claims.items()}
    token = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}."
    response = _me(client, token)
    assert response.status_code == 401
    assert response.json["error"]["code"] == "token_invalid"


def test_other_algorithm_with_the_same_key_is_refused(app, client, member):
    token = jwt.encode(_claims(member[0]), app.config["JWT_SECRET_KEY"], algorithm="HS512")
    assert _me(client, token).json["error"]["code"] == "token_invalid"


@pytest.mark.parametrize("change", [{"iss": "someone-else"}, {"typ": "refresh"}, {"sub": None}, {"sub": "abc"},
                                    {"exp": None}])
def test_tokens_with_wrong_claims_are_refused(app, client, member, change):
    token = jwt.encode(_claims(member[0], **change), app.config["JWT_SECRET_KEY"], algorithm="HS256")
    assert _me(client, token).status_code == 401


def test_garbage_and_wrong_scheme(client):
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer not.a.jwt"}).status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": "Basic dXNlcjpwYXNz"}).status_code == 401


def test_token_of_a_deleted_user(app, client, member):
    token = jwt.encode(_claims(999999), app.config["JWT_SECRET_KEY"], algorithm="HS256")
    assert _me(client, token).json["error"]["code"] == "token_invalid"


def test_suspension_stops_existing_access_tokens(app, client, auth, member):
    from app.auth import services
    from app.database import commit

    token = auth.login(member[1])["access_token"]
    with app.app_context():
        services.set_active(services.get_user(member[0]), False, actor_id=None)
        commit()
    response = _me(client, token)
    assert response.status_code == 403
    assert response.json["error"]["code"] == "account_suspended"


def test_refresh_rotates_the_pair(client, auth, member):
    first = auth.login(member[1])
    second = client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    assert second.json["refresh_token"] != first["refresh_token"]
    assert _me(client, second.json["access_token"]).status_code == 200
    third = client.post("/api/v1/auth/refresh", json={"refresh_token": second.json["refresh_token"]})
    assert third.status_code == 200


def test_reusing_a_spent_refresh_token_revokes_the_family(client, auth, member):
    first = auth.login(member[1])
    second = client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}).json
    replay = client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    assert replay.json["error"]["code"] == "refresh_token_reused"
    # The thief's (or the victim's) newer token is dead too: the whole family is revoked.
    after = client.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert after.status_code == 401
    # Other sessions of the same user (other families) keep working.
    other = auth.login(member[1])
    assert client.post("/api/v1/auth/refresh", json={"refresh_token": other["refresh_token"]}).status_code == 200


def test_unknown_and_expired_refresh_tokens(app, client, auth, member):
    assert client.post("/api/v1/auth/refresh", json={"refresh_token": "nope"}).json["error"]["code"] == \
        "refresh_token_invalid"
    app.config["JWT_REFRESH_TTL"] = timedelta(seconds=-1)
    try:
        pair = auth.login(member[1])
    finally:
        app.config["JWT_REFRESH_TTL"] = timedelta(days=30)
    response = client.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert response.json["error"]["code"] == "refresh_token_expired"


def test_logout_revokes_the_refresh_token(client, auth, member):
    pair = auth.login(member[1])
    assert client.post("/api/v1/auth/logout", json={"refresh_token": pair["refresh_token"]}).status_code == 204
    assert client.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}).status_code == 401


def test_refresh_tokens_are_stored_hashed(app, auth, member):
    from sqlalchemy import select

    from app.auth.models import RefreshToken
    from app.extensions import db

    pair = auth.login(member[1])
    with app.app_context():
        stored = db.session.scalars(select(RefreshToken.token_hash)).all()
    assert pair["refresh_token"] not in stored
    assert all(len(h) == 64 for h in stored)


def test_passwords_are_argon2_hashed(app, member):
    from app.auth.models import User
    from app.extensions import db

    with app.app_context():
        assert db.session.get(User, member[0]).password_hash.startswith("$argon2id$")
