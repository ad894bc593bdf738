"""The web shell without a browser: forms, CSRF, sessions, language, each role's home, no dead links."""

import re

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.helpers.web import csrf_token, in_chinese, sign_in


def test_landing_page_offers_both_sign_ups(client):
    html = client.get("/").get_data(as_text=True)
    assert 'href="/signup?role=member"' in html
    assert 'href="/signup?role=enterprise"' in html


def test_member_signs_up_with_the_form(app, client):
    token = csrf_token(client, "/signup?role=member")
    response = client.post("/signup?role=member", data={
        "csrf_token": token, "name": "Chen Mei", "email": "mei@example.test", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/home")
    home = client.get("/home").get_data(as_text=True)
    assert "Hi Chen Mei" in home


def test_enterprise_signs_up_with_its_company(client):
    token = csrf_token(client, "/signup?role=enterprise")
    client.post("/signup?role=enterprise", data={"csrf_token": token, "name": "Li Wei", "email": "li@lumen.test",
                                                 "password": PASSWORD, "org_name": "Lumen Mall"})
    home = client.get("/home").get_data(as_text=True)
    assert "Lumen Mall" in home and "li@lumen.test" in home


def test_sign_up_errors_are_shown_next_to_the_fields_and_change_nothing(app, client):
    from app.auth.models import User
    from app.extensions import db

    token = csrf_token(client, "/signup?role=member")
    response = client.post("/signup?role=member", data={
        "csrf_token": token, "name": "", "email": "bad@example.test", "password": "short"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'data-testid="error-password"' in html
    assert 'value="bad@example.test"' in html  # what was typed is kept
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "bad@example.test")) is None


def test_forms_without_a_csrf_token_are_refused(client, create_user, user_email):
    email = user_email(create_user("member"))
    response = client.post("/signin", data={"email": email, "password": PASSWORD})
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)


def test_sign_in_and_out(client, create_user, user_email):
    email = user_email(create_user("member"))
    wrong = sign_in(client, email, "wrong-password!")
    assert wrong.status_code == 401
    assert "E-mail or password is wrong." in wrong.get_data(as_text=True)
    assert sign_in(client, email).status_code == 302
    assert client.get("/home").status_code == 200
    client.post("/signout", data={"csrf_token": csrf_token(client, "/home")})
    assert client.get("/home").status_code == 302


def test_home_requires_sign_in_and_returns_there(client, create_user, user_email):
    response = client.get("/settings")
    assert response.status_code == 302 and "/signin?next=/settings" in response.headers["Location"]
    email = user_email(create_user("member"))
    after = sign_in(client, email, next="/settings")
    assert after.headers["Location"].endswith("/settings")


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "javascript:alert(1)"])
def test_no_open_redirect_after_sign_in(client, create_user, user_email, target):
    email = user_email(create_user("member"))
    response = sign_in(client, email, next=target)
    assert response.headers["Location"].endswith("/home")


def test_page_sign_in_is_rate_limited_per_account(client, create_user, user_email):
    email = user_email(create_user("member"))
    for _ in range(5):
        assert sign_in(client, email, "wrong-password!").status_code == 401
    locked = sign_in(client, email)
    assert locked.status_code == 429
    assert "Too many attempts" in locked.get_data(as_text=True)


def test_language_switch_is_remembered_on_the_profile(app, client, create_user, user_email):
    from app.auth.models import User
    from app.extensions import db

    user_id = create_user("member")
    sign_in(client, user_email(user_id))
    client.post("/lang", data={"lang": "zh", "next": "/home", "csrf_token": csrf_token(client, "/home")})
    expected = in_chinese(app, "Your path to paid work")
    assert expected in client.get("/home").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, user_id).locale == "zh"
    # A new browser signing in gets the profile's language.
    other = app.test_client()
    sign_in(other, user_email(user_id))
    assert 'lang="zh-Hans"' in other.get("/home").get_data(as_text=True)


def test_language_follows_the_browser_when_signed_out(client):
    assert 'lang="zh-Hans"' in client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).get_data(as_text=True)
    assert 'lang="en"' in client.get("/", headers={"Accept-Language": "en-US"}).get_data(as_text=True)


ROLE_HOME_MARKERS = {
    "member": "Your path to paid work",
    "enterprise": "Team",
    "enterprise_supervisor": "Team",
    "trainer": "Trainer console",
    "auditor": "Auditor console",
    "admin": "Platform administration",
}


@pytest.mark.parametrize("role", list(ROLE_HOME_MARKERS))
def test_every_role_has_a_home_without_dead_links(app, client, create_user, user_email, role):
    from app.auth.models import User
    from app.extensions import db

    if role == "enterprise_supervisor":
        with app.app_context():
            org_id = db.session.get(User, create_user("enterprise")).org_id
        user_id = create_user(role, org_id=org_id)
    else:
        user_id = create_user(role)
    sign_in(client, user_email(user_id))
    home = client.get("/home")
    assert home.status_code == 200
    html = home.get_data(as_text=True)
    assert ROLE_HOME_MARKERS[role] in html
    links = set(re.findall(r'href="(/[^"]*)"', html))
    assert links, "a home page with no links"
    for link in links:
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code in (200, 302), (link, response.status_code)
        if response.status_code == 302:
            assert client.get(response.headers["Location"]).status_code == 200, link


def test_admin_manages_users_from_the_page(app, client, create_user, user_email):
    from app.auth.models import User
    from app.extensions import db

    admin_email = user_email(create_user("admin"))
    member_id = create_user("member")
    sign_in(client, admin_email)
    page = client.get("/admin/users").get_data(as_text=True)
    assert user_email(member_id) in page
    token = csrf_token(client, "/admin/users")
    assert 'data-confirm="Suspend ' in page.split(f'data-testid="suspend-{member_id}"', 1)[1].split(">", 1)[0]
    granted = client.post(f"/admin/users/{member_id}", data={"action": "grant", "role": "trainer",
                                                             "csrf_token": token}, follow_redirects=True)
    assert "now holds the role" in granted.get_data(as_text=True)
    suspended = client.post(f"/admin/users/{member_id}", data={"action": "suspend", "csrf_token": token},
                            follow_redirects=True, headers={"Accept-Language": "zh-CN"})
    assert "已被停用：已在所有设备上退出登录" in suspended.get_data(as_text=True)
    with app.app_context():
        user = db.session.get(User, member_id)
        assert user.role_names == {"member", "trainer"}
        assert user.is_active is False


def test_non_admin_gets_403_on_admin_pages(client, create_user, user_email):
    sign_in(client, user_email(create_user("member")))
    response = client.get("/admin/users")
    assert response.status_code == 403
    assert 'data-testid="error-page"' in response.get_data(as_text=True)


def test_changing_the_password_signs_out_other_browsers(app, client, create_user, user_email):
    email = user_email(create_user("member"))
    other = app.test_client()
    sign_in(client, email)
    sign_in(other, email)
    token = csrf_token(client, "/settings")
    client.post("/settings", data={"action": "password", "current_password": PASSWORD,
                                   "new_password": "a-brand-new-password", "csrf_token": token})
    assert client.get("/home").status_code == 200
    assert other.get("/home").status_code == 302
