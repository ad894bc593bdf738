from tests.helpers.academy import content, member, real_sessions  # noqa: F401 - shared fixtures
from tests.marketplace.test_campaigns import enterprise  # noqa: F401 - shared fixture
