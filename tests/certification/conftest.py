from tests.academy.helpers import content, member, real_sessions  # noqa: F401 - fixtures
