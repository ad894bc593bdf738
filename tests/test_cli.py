"""The command line: users create and seed-demo."""

from sqlalchemy import func, select


def test_users_create_with_each_staff_role(app, runner, auth):
    for role in ("trainer", "auditor", "admin"):
        result = runner.invoke(args=["users", "create", "--email", f"{role}@cli.test", "--password",
                                     "a-good-password", "--name", role.title(), "--role", role])
        assert result.exit_code == 0, result.output
        assert f"with role {role}" in result.output
        assert auth.client.get("/api/v1/me", headers=auth.headers(f"{role}@cli.test", "a-good-password")).json[
            "roles"] == [role]


def test_users_create_reports_bad_input(runner):
    weak = runner.invoke(args=["users", "create", "--email", "w@cli.test", "--password", "short", "--name", "W",
                               "--role", "trainer"])
    assert weak.exit_code != 0
    assert "password" in weak.output
    bad_role = runner.invoke(args=["users", "create", "--email", "w@cli.test", "--password", "a-good-password",
                                   "--name", "W", "--role", "king"])
    assert bad_role.exit_code != 0


def test_seed_demo_is_idempotent_and_prints_sign_in_details(app, runner, auth):
    from app.auth.models import User
    from app.cli import DEMO_PASSWORD, DEMO_USERS
    from app.extensions import db

    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0, second.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == len(DEMO_USERS)
    for email, _name, role, _org in DEMO_USERS:
        assert email in first.output
        me = auth.client.get("/api/v1/me", headers=auth.headers(email, DEMO_PASSWORD)).json
        assert role in me["roles"]
    supervisor = auth.client.get("/api/v1/me", headers=auth.headers("supervisor@lumenmall.demo", DEMO_PASSWORD)).json
    admin = auth.client.get("/api/v1/me", headers=auth.headers("ops@lumenmall.demo", DEMO_PASSWORD)).json
    assert supervisor["org"]["id"] == admin["org"]["id"]
