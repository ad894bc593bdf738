from tests.marketplace.test_campaigns import enterprise  # noqa: F401 - shared fixture
