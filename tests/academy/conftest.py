from tests.helpers.academy import content, member, real_sessions  # noqa: F401 - fixtures
