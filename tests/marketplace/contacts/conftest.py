"""Fixtures of the contact-list tests."""

import pytest

from tests.marketplace.contacts.helpers import create_campaign


@pytest.fixture
def campaign(client, enterprise):
    return create_campaign(client, enterprise["headers"])
