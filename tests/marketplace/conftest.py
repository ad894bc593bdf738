"""Fixtures shared by the marketplace tests."""

import pytest

from tests.helpers.academy import content, member, real_sessions  # noqa: F401 - shared fixtures


@pytest.fixture
def enterprise(new_enterprise):
    """An enterprise admin's headers, org id, and a function to fund its wallet."""
    return new_enterprise()
