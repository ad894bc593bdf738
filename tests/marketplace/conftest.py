"""Fixtures shared by the marketplace tests."""

import pytest

from tests.helpers.academy import content, member, real_sessions  # noqa: F401 - shared fixtures


@pytest.fixture
def enterprise(app, create_user, user_email, auth):
    """An enterprise admin's headers, org id, and a function to fund its wallet."""
    from app.auth.models import User
    from app.extensions import db

    admin_id = create_user("enterprise")
    with app.app_context():
        org_id = db.session.get(User, admin_id).org_id

    def fund(amount):
        from app.database import commit
        from payouts.services import confirm_simulated_checkout, create_topup

        with app.test_request_context():
            topup = create_topup(org_id, admin_id, amount, "CNY")
            confirm_simulated_checkout(topup.id, org_id)
            commit()

    return {"headers": auth.headers(user_email(admin_id)), "org_id": org_id, "admin_id": admin_id, "fund": fund}
