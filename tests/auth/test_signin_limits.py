"""One sign-in limit across every door, and sessions that end everywhere at once."""

from app.auth import services
from app.database import commit
from tests.conftest import PASSWORD
from tests.helpers.web import csrf_token


def _page_signin(client, email, password):
    token = csrf_token(client, "/signin")
    return client.post("/signin", data={"csrf_token": token, "email": email, "password": password})


def test_the_page_and_the_api_share_the_account_counter(app, client, create_user, user_email):
    """5 wrong guesses per account in all, whichever door they come through (not 5 per door)."""
    email = user_email(create_user("member"))
    for _ in range(3):
        assert _page_signin(client, email, "wrong-password!").status_code == 401
    for _ in range(2):
        assert client.post("/api/v1/auth/login", json={"email": email, "password": "x-wrong-x"}).status_code == 401
    locked_api = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert locked_api.status_code == 429 and int(locked_api.headers["Retry-After"]) > 0
    locked_page = _page_signin(client, email, PASSWORD)
    assert locked_page.status_code == 429 and "Retry-After" in locked_page.headers


def test_the_page_and_the_api_share_the_address_counter(app, client, create_user, user_email):
    email = user_email(create_user("member"))
    app.config["LOGIN_LIMIT_PER_IP"] = "4 per minute"
    try:
        statuses = [_page_signin(app.test_client(), email, PASSWORD).status_code for _ in range(2)]
        statuses += [client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).status_code
                     for _ in range(3)]
    finally:
        app.config["LOGIN_LIMIT_PER_IP"] = "30 per minute"
    assert statuses == [302, 302, 200, 200, 429]


def test_a_wrong_current_password_counts_as_a_guess(app, client, auth, create_user, user_email):
    email = user_email(create_user("member"))
    headers = auth.headers(email)
    for _ in range(5):
        wrong = client.put("/api/v1/me/password", json={"current_password": "nope-nope",
                                                         "new_password": "another-good-one"}, headers=headers)
        assert wrong.status_code == 422
    limited = client.put("/api/v1/me/password", json={"current_password": PASSWORD,
                                                       "new_password": "another-good-one"}, headers=headers)
    assert limited.status_code == 429
    assert client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).status_code == 429


def test_a_password_change_ends_access_tokens(client, auth, create_user, user_email):
    email = user_email(create_user("member"))
    old = auth.headers(email)
    other_device = auth.headers(email)
    assert client.get("/api/v1/me", headers=other_device).status_code == 200
    changed = client.put("/api/v1/me/password", json={"current_password": PASSWORD,
                                                       "new_password": "another-good-one"}, headers=old)
    assert changed.status_code == 204
    ended = client.get("/api/v1/me", headers=other_device)
    assert ended.status_code == 401 and ended.json["error"]["code"] == "token_revoked"
    assert client.get("/api/v1/me", headers=auth.headers(email, "another-good-one")).status_code == 200


def test_a_suspension_ends_access_tokens_and_a_reinstatement_does_not_revive_them(app, client, auth, create_user,
                                                                                  user_email):
    user_id = create_user("member")
    headers = auth.headers(user_email(user_id))
    with app.app_context():
        services.set_active(services.get_user(user_id), False, actor_id=None, reason="fraud")
        commit()
        services.set_active(services.get_user(user_id), True, actor_id=None)
        commit()
    response = client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401 and response.json["error"]["code"] == "token_revoked"
