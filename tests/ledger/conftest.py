"""Fixtures of the audit ledger tests: an auditor's headers, a log with some history, a longer log."""

import pytest

from app.database import commit
from ledger import queries, services
from tests.helpers.ledger import integrate_all


@pytest.fixture
def auditor(create_user, user_email, auth):
    return auth.headers(user_email(create_user("auditor")))


@pytest.fixture
def filled(app, create_user, client):
    """A log with some account history in it."""
    for role in ("member", "member", "trainer", "enterprise"):
        create_user(role)
    return integrate_all(app)


@pytest.fixture
def longer(app, filled):
    """A log of more than 50 entries, integrated in uneven batches: several stored node levels."""
    with app.app_context():
        for i in range(40):
            services.record("test_event", "tests", {"n": i, "campaign_id": i % 3})
        commit()
        while services.integrate(batch_size=7):
            commit()
        return queries.tree_size()
