"""Audit-ledger helpers for the tests of any package."""

from app.database import commit
from ledger import queries, services


def integrate_all(app) -> int:
    """Integrate everything queued (committing each batch); return the tree size."""
    with app.app_context():
        while services.integrate():
            commit()
        commit()
        return queries.tree_size()
