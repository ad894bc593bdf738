"""Password links: a reset by e-mail and an invitation to a team, each signed, single-use and expiring;
the 429 page saying how long to wait; the sign-up page checking what the API checks."""

import logging
import re
from datetime import timedelta

import pytest

from tests.conftest import PASSWORD
from tests.helpers.academy import run_jobs
from tests.helpers.web import csrf_token, in_chinese, sign_in

NEW_PASSWORD = "a-brand-new-password"


def _mailed_link(caplog, path: str) -> str:
    """The last link to ``path`` written to the log by the mail fallback (no SMTP configured)."""
    links = re.findall(r"https?://[^\s]+" + re.escape(path) + r"[^\s]+", caplog.text)
    assert links, f"no {path} link was logged"
    return "/" + links[-1].split("/", 3)[3]


def _ask_for_reset(app, client, email, caplog):
    with caplog.at_level(logging.WARNING, logger="app.mail"):
        response = client.post("/password/forgot", data={"email": email, "csrf_token": csrf_token(client)})
        run_jobs(app)
    assert response.status_code == 302
    return _mailed_link(caplog, "/password/reset/")


def test_a_reset_link_is_logged_without_smtp_and_works_once(app, client, create_user, user_email, caplog, auth):
    email = user_email(create_user("member"))
    other_device = auth.login(email)
    link = _ask_for_reset(app, client, email, caplog)

    assert "Choose a new password" in client.get(link).get_data(as_text=True)
    response = client.post(link, data={"password": NEW_PASSWORD, "csrf_token": csrf_token(client, link)})
    assert response.status_code == 302 and response.headers["Location"].endswith("/home")
    assert sign_in(client, email, NEW_PASSWORD).status_code == 302

    # Single use: the link was tied to the password it replaced.
    again = client.post(link, data={"password": "yet-another-password", "csrf_token": csrf_token(client)})
    assert again.status_code == 400 and "already used" in again.get_data(as_text=True)
    # Every other session ended: the other device's refresh token no longer works.
    refreshed = client.post("/api/v1/auth/refresh", json={"refresh_token": other_device["refresh_token"]})
    assert refreshed.status_code == 401


def test_a_reset_ends_the_other_browsers_sessions(app, create_user, user_email, caplog):
    email = user_email(create_user("member"))
    other_browser, this_browser = app.test_client(), app.test_client()
    sign_in(other_browser, email)
    assert other_browser.get("/home").status_code == 200
    link = _ask_for_reset(app, this_browser, email, caplog)
    this_browser.post(link, data={"password": NEW_PASSWORD, "csrf_token": csrf_token(this_browser, link)})
    assert other_browser.get("/home").status_code == 302  # back to sign-in


def test_an_expired_or_forged_link_is_refused_in_both_languages(app, client, create_user, user_email, caplog):
    email = user_email(create_user("member"))
    link = _ask_for_reset(app, client, email, caplog)
    ttl = app.config["PASSWORD_RESET_TTL"]
    app.config["PASSWORD_RESET_TTL"] = timedelta(seconds=-1)
    try:
        expired = client.get(link)
    finally:
        app.config["PASSWORD_RESET_TTL"] = ttl
    assert expired.status_code == 400 and "expired" in expired.get_data(as_text=True)

    forged = client.get(link[:-3] + "abc", headers={"Accept-Language": "zh"})
    assert forged.status_code == 400
    assert in_chinese(app, "This link is not valid.") in forged.get_data(as_text=True)
    # An invitation link cannot serve as a reset link.
    token = link.rsplit("/", 1)[1]
    assert client.get(f"/invite/{token}").status_code == 400


def test_asking_for_a_reset_does_not_reveal_who_has_an_account(app, client, caplog):
    with caplog.at_level(logging.WARNING, logger="app.mail"):
        response = client.post("/password/forgot", data={"email": "nobody@example.test",
                                                          "csrf_token": csrf_token(client)})
        run_jobs(app)
    assert response.status_code == 302
    assert "/password/reset/" not in caplog.text
    api = client.post("/api/v1/auth/password-reset", json={"email": "nobody@example.test"})
    assert api.status_code == 202


def test_the_reset_mail_speaks_the_language_of_the_page(app, client, create_user, user_email, caplog):
    email = user_email(create_user("member"))
    client.post("/lang", data={"lang": "zh", "csrf_token": csrf_token(client)})
    with caplog.at_level(logging.WARNING, logger="app.mail"):
        client.post("/password/forgot", data={"email": email, "csrf_token": csrf_token(client)})
        run_jobs(app)
    assert in_chinese(app, "Reset your Crowdline password") in caplog.text


def test_the_api_resets_a_password_and_ends_access_and_refresh_tokens(app, client, create_user, user_email,
                                                                        caplog, auth):
    email = user_email(create_user("member"))
    before = auth.login(email)
    with caplog.at_level(logging.WARNING, logger="app.mail"):
        assert client.post("/api/v1/auth/password-reset", json={"email": email}).status_code == 202
        run_jobs(app)
    token = _mailed_link(caplog, "/password/reset/").rsplit("/", 1)[1]
    weak = client.post("/api/v1/auth/password-reset/confirm", json={"token": token, "password": "short"})
    assert weak.status_code == 422 and "password" in weak.json["error"]["fields"]
    done = client.post("/api/v1/auth/password-reset/confirm", json={"token": token, "password": NEW_PASSWORD})
    assert done.status_code == 204
    assert client.post("/api/v1/auth/refresh", json={"refresh_token": before["refresh_token"]}).status_code == 401
    old_access = {"Authorization": "Bearer " + before["access_token"]}
    assert client.get("/api/v1/me", headers=old_access).status_code == 401  # issued before the reset
    assert auth.login(email, NEW_PASSWORD)["access_token"]
    reused = client.post("/api/v1/auth/password-reset/confirm", json={"token": token, "password": NEW_PASSWORD})
    assert reused.status_code == 400 and reused.json["error"]["code"] == "link_used"


# --- invitations --------------------------------------------------------------------------

def test_an_enterprise_admin_invites_a_supervisor_who_sets_their_own_password(app, create_user, user_email,
                                                                               caplog):
    admin = app.test_client()
    sign_in(admin, user_email(create_user("enterprise")))
    home = admin.get("/home").get_data(as_text=True)
    assert 'name="password"' not in home  # the admin no longer chooses someone else's password
    with caplog.at_level(logging.WARNING, logger="app.mail"):
        response = admin.post("/org/users", data={"name": "Sun Li", "email": "Sun.Li@Example.test",
                                                  "role": "enterprise_supervisor", "csrf_token": csrf_token(admin)})
        run_jobs(app)
    assert response.status_code == 302
    assert "sun.li@example.test" in admin.get("/home").get_data(as_text=True)
    link = _mailed_link(caplog, "/invite/")
    assert "Sun Li" in caplog.text

    invited = app.test_client()
    # Before accepting, no password signs in.
    assert sign_in(invited, "sun.li@example.test", "").status_code == 401
    page = invited.get(link).get_data(as_text=True)
    assert "Join your team" in page and "sun.li@example.test" in page
    response = invited.post(link, data={"password": NEW_PASSWORD, "csrf_token": csrf_token(invited, link)})
    assert response.status_code == 302
    assert "Supervisor" in invited.get("/home").get_data(as_text=True)
    assert invited.get(link).status_code == 400  # used once


def test_invitation_errors_name_fields_by_their_labels_in_chinese(app, create_user, user_email):
    admin = app.test_client()
    sign_in(admin, user_email(create_user("enterprise")))
    admin.post("/lang", data={"lang": "zh", "csrf_token": csrf_token(admin)})
    admin.post("/org/users", data={"name": "", "email": "not-an-address", "role": "enterprise_supervisor",
                                   "csrf_token": csrf_token(admin)})
    home = admin.get("/home").get_data(as_text=True)
    assert in_chinese(app, "Enter an e-mail address like name@example.com.") in home
    assert "email:" not in home and "name:" not in home


def test_the_api_invites_without_a_password(client, create_user, user_email, auth, caplog, app):
    from app.auth.models import User
    from app.extensions import db

    admin_id = create_user("enterprise")
    headers = auth.headers(user_email(admin_id))
    me = client.get("/api/v1/me", headers=headers).json
    with caplog.at_level(logging.WARNING, logger="app.mail"):
        response = client.post(f"/api/v1/orgs/{me['org']['id']}/users", headers=headers,
                               json={"email": "api-sup@example.test", "name": "Api Sup",
                                     "role": "enterprise_supervisor"})
        run_jobs(app)
    assert response.status_code == 201
    assert "/invite/" in caplog.text
    with app.app_context():
        assert db.session.get(User, response.json["id"]).password_hash.startswith("!")


# --- the 429 page ---------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_429_page_says_how_long_to_wait(app, client, create_user, user_email, language):
    import math

    from flask_babel import force_locale, format_timedelta, gettext

    email = user_email(create_user("member"))
    headers = {"Accept-Language": language}
    for _attempt in range(5):
        client.post("/signin", data={"email": email, "password": "wrong-password-here",
                                     "csrf_token": csrf_token(client)}, headers=headers)
    response = client.post("/signin", data={"email": email, "password": "wrong-password-here",
                                            "csrf_token": csrf_token(client)}, headers=headers)
    assert response.status_code == 429
    minutes = math.ceil(int(response.headers["Retry-After"]) / 60)
    with app.test_request_context(), force_locale(language):
        expected = gettext("Too many attempts. Wait %(minutes)s min and try again.", minutes=minutes)
    assert expected in response.get_data(as_text=True)

    # Any other limit (here the reset form's, per address) says it in words too.
    app.config["LOGIN_LIMIT_PER_IP"], saved = "1 per minute", app.config["LOGIN_LIMIT_PER_IP"]
    try:
        for _attempt in range(2):
            limited = client.post("/password/forgot", data={"email": email, "csrf_token": csrf_token(client)},
                                  headers=headers)
    finally:
        app.config["LOGIN_LIMIT_PER_IP"] = saved
    assert limited.status_code == 429
    seconds = int(limited.headers["Retry-After"])
    with app.test_request_context(), force_locale(language):
        wait = format_timedelta(timedelta(seconds=seconds), granularity="second", threshold=1)
        sentence = gettext("Too many attempts. Try again in %(wait)s.", wait=wait)
    assert sentence in limited.get_data(as_text=True)


# --- sign-up: one validation for the page and the API ------------------------------------------

@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_sign_up_page_checks_the_e_mail_and_name_length_as_the_api_does(app, client, language):
    from app.auth.models import User
    from app.extensions import db

    headers = {"Accept-Language": language}
    data = {"name": "N" * 121, "email": "not-an-address", "password": PASSWORD,
            "csrf_token": csrf_token(client, "/signup?role=member")}
    page = client.post("/signup?role=member", data=data, headers=headers)
    api = client.post("/api/v1/auth/register", headers=headers, json={
        "name": "N" * 121, "email": "not-an-address", "password": PASSWORD, "role": "member"})
    assert page.status_code == 422 and api.status_code == 422
    assert set(api.json["error"]["fields"]) >= {"name", "email"}
    html = page.get_data(as_text=True)
    for message in ("Enter an e-mail address like name@example.com.", "Use at most %(n)d characters."):
        expected = in_chinese(app, message) if language == "zh" else message
        assert expected.replace("%(n)d", "120") in html
    with app.app_context():
        assert db.session.query(User).filter_by(email="not-an-address").count() == 0
