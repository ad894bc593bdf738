"""Who may call what (a role-by-endpoint matrix) and tenant isolation (another tenant's id is a 404)."""

import pytest

ROLES = ["member", "trainer", "auditor", "admin", "enterprise_admin", "enterprise_supervisor"]


@pytest.fixture
def people(app, create_user, user_email, auth):
    """One signed-in user per role; the two enterprise users share one organization."""
    from app.auth.models import User
    from app.extensions import db

    ids = {role: create_user(role) for role in ["member", "trainer", "auditor", "admin"]}
    ids["enterprise_admin"] = create_user("enterprise")
    with app.app_context():
        org_id = db.session.get(User, ids["enterprise_admin"]).org_id
    ids["enterprise_supervisor"] = create_user("enterprise_supervisor", org_id=org_id)
    return {
        "ids": ids,
        "org_id": org_id,
        "headers": {role: auth.headers(user_email(user_id)) for role, user_id in ids.items()},
    }


def _call(client, method, path, headers, json=None):
    return client.open(path, method=method, headers=headers, json=json)


# endpoint → roles that are allowed (everyone else: 403). Paths are filled from the fixture.
MATRIX = [
    ("GET", "/api/v1/me", set(ROLES)),
    ("GET", "/api/v1/orgs/{org}", {"enterprise_admin", "enterprise_supervisor", "admin"}),
    ("GET", "/api/v1/orgs/{org}/users", {"enterprise_admin", "enterprise_supervisor", "admin"}),
    ("POST", "/api/v1/orgs/{org}/users", {"enterprise_admin", "admin"}),
    ("GET", "/api/v1/admin/users", {"admin"}),
    ("POST", "/api/v1/admin/users/{member}/roles", {"admin"}),
    ("DELETE", "/api/v1/admin/users/{member}/roles/trainer", {"admin"}),
    ("POST", "/api/v1/admin/users/{member}/suspend", {"admin"}),
    ("POST", "/api/v1/admin/users/{member}/reinstate", {"admin"}),
]

BODIES = {
    ("POST", "/api/v1/orgs/{org}/users"): {"email": "sup-{role}@example.test",
                                           "name": "Sup", "role": "enterprise_supervisor"},
    ("POST", "/api/v1/admin/users/{member}/roles"): {"role": "trainer"},
    ("POST", "/api/v1/admin/users/{member}/suspend"): {"reason": "test"},
}


@pytest.mark.parametrize("method,template,allowed", MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
def test_role_matrix(client, people, method, template, allowed):
    path = template.format(org=people["org_id"], member=people["ids"]["member"])
    for role in ROLES:
        body = BODIES.get((method, template))
        if body is not None:
            body = {k: v.format(role=role) if isinstance(v, str) else v for k, v in body.items()}
        response = _call(client, method, path, people["headers"][role], json=body)
        if role in allowed:
            assert response.status_code < 400 or (response.status_code == 404 and "roles/trainer" in path), \
                (role, response.status_code, response.json)
        else:
            assert response.status_code == 403, (role, response.status_code, response.json)
            assert response.json["error"]["code"] == "forbidden_role"
        # Without a token, always 401.
        assert _call(client, method, path, {}, json=body).status_code == 401


def test_admin_grants_and_revokes_roles(client, people):
    admin = people["headers"]["admin"]
    member_id = people["ids"]["member"]
    granted = client.post(f"/api/v1/admin/users/{member_id}/roles", json={"role": "trainer"}, headers=admin)
    assert granted.status_code == 200
    assert granted.json["roles"] == ["member", "trainer"]
    again = client.post(f"/api/v1/admin/users/{member_id}/roles", json={"role": "trainer"}, headers=admin)
    assert again.json["roles"] == ["member", "trainer"]
    revoked = client.delete(f"/api/v1/admin/users/{member_id}/roles/trainer", headers=admin)
    assert revoked.json["roles"] == ["member"]
    missing = client.delete(f"/api/v1/admin/users/{member_id}/roles/trainer", headers=admin)
    assert missing.status_code == 404
    unknown = client.post(f"/api/v1/admin/users/{member_id}/roles", json={"role": "enterprise_admin"},
                          headers=admin)
    assert unknown.status_code == 422
    assert client.post("/api/v1/admin/users/999999/roles", json={"role": "trainer"}, headers=admin).status_code == 404


def test_admin_cannot_demote_or_suspend_themselves(client, people):
    admin = people["headers"]["admin"]
    admin_id = people["ids"]["admin"]
    assert client.delete(f"/api/v1/admin/users/{admin_id}/roles/admin", headers=admin).status_code == 409
    assert client.post(f"/api/v1/admin/users/{admin_id}/suspend", json={}, headers=admin).status_code == 409


def test_admin_lists_users_by_role_and_text(client, people):
    admin = people["headers"]["admin"]
    page = client.get("/api/v1/admin/users?role=enterprise_supervisor", headers=admin).json
    assert [u["id"] for u in page["items"]] == [people["ids"]["enterprise_supervisor"]]
    page = client.get("/api/v1/admin/users?q=auditor", headers=admin).json
    assert [u["id"] for u in page["items"]] == [people["ids"]["auditor"]]
    assert client.get("/api/v1/admin/users?role=king", headers=admin).status_code == 422


def test_enterprise_sees_its_own_org_and_users(client, people):
    headers = people["headers"]["enterprise_supervisor"]
    org = client.get(f"/api/v1/orgs/{people['org_id']}", headers=headers)
    assert org.status_code == 200
    users = client.get(f"/api/v1/orgs/{people['org_id']}/users", headers=headers).json
    assert {u["id"] for u in users["items"]} == {people["ids"]["enterprise_admin"],
                                                 people["ids"]["enterprise_supervisor"]}


def test_another_tenants_org_is_not_found(client, people, create_user, auth, user_email, app):
    from app.auth.models import User
    from app.extensions import db

    other_admin = create_user("enterprise")
    with app.app_context():
        other_org = db.session.get(User, other_admin).org_id
    for role in ("enterprise_admin", "enterprise_supervisor"):
        headers = people["headers"][role]
        for path in (f"/api/v1/orgs/{other_org}", f"/api/v1/orgs/{other_org}/users"):
            response = client.get(path, headers=headers)
            assert response.status_code == 404, (role, path)
            assert response.json["error"]["code"] == "not_found"
        # The answer for another tenant's org is the same as for an org that does not exist.
        assert client.get("/api/v1/orgs/999999", headers=headers).json == \
            client.get(f"/api/v1/orgs/{other_org}", headers=headers).json
    added = client.post(f"/api/v1/orgs/{other_org}/users", headers=people["headers"]["enterprise_admin"],
                        json={"email": "x@example.test", "name": "X",
                              "role": "enterprise_supervisor"})
    assert added.status_code == 404
    # Nothing was created in the other organization.
    other_headers = auth.headers(user_email(other_admin))
    assert len(client.get(f"/api/v1/orgs/{other_org}/users", headers=other_headers).json["items"]) == 1


def test_admin_sees_any_org(client, people):
    assert client.get(f"/api/v1/orgs/{people['org_id']}", headers=people["headers"]["admin"]).status_code == 200


def test_enterprise_admin_invites_a_supervisor_who_signs_in_after_choosing_a_password(client, people, auth, app):
    from app.auth import services, tokens
    from app.database import commit

    response = client.post(f"/api/v1/orgs/{people['org_id']}/users", headers=people["headers"]["enterprise_admin"],
                           json={"email": "newsup@example.test", "name": "New Sup", "role": "enterprise_supervisor"})
    assert response.status_code == 201
    assert response.json["roles"] == ["enterprise_supervisor"]
    assert response.json["org_id"] == people["org_id"]
    with app.app_context():
        user = services.get_user(response.json["id"])
        link = tokens.encode_password_link(user.id, user.password_hash, "invite")
        services.set_password_from_link(link, "invite", "a-good-password")
        commit()
    assert auth.login("newsup@example.test", "a-good-password")["access_token"]


def test_scoping_helpers_filter_queries(app, people):
    from sqlalchemy import select

    from app.auth.guards import scope_to_member, scope_to_org
    from app.auth.models import OrgMembership, User
    from app.extensions import db

    with app.app_context():
        supervisor = db.session.get(User, people["ids"]["enterprise_supervisor"])
        member = db.session.get(User, people["ids"]["member"])
        admin = db.session.get(User, people["ids"]["admin"])
        in_org = db.session.scalars(scope_to_org(select(OrgMembership), OrgMembership.org_id, supervisor)).all()
        assert {m.org_id for m in in_org} == {people["org_id"]}
        assert db.session.scalars(scope_to_org(select(OrgMembership), OrgMembership.org_id, member)).all() == []
        all_rows = db.session.scalars(scope_to_org(select(OrgMembership), OrgMembership.org_id, admin)).all()
        assert len(all_rows) >= 2
        own = db.session.scalars(scope_to_member(select(User), User.id, member)).all()
        assert [u.id for u in own] == [member.id]
