from datetime import UTC, datetime

import pytest

from app.timeutil import as_utc, isoformat, local, to_millis, utcnow, zone


def test_utcnow_is_aware():
    assert utcnow().tzinfo is UTC


def test_naive_is_read_as_utc_and_aware_is_converted():
    assert as_utc(datetime(2026, 11, 11, 0, 0)).isoformat() == "2026-11-11T00:00:00+00:00"
    shanghai = datetime(2026, 11, 11, 8, 0, tzinfo=zone("Asia/Shanghai"))
    assert as_utc(shanghai) == datetime(2026, 11, 11, 0, 0, tzinfo=UTC)


def test_local_time_for_calling_windows():
    instant = datetime(2026, 11, 11, 1, 30, tzinfo=UTC)
    assert local(instant, "Asia/Shanghai").hour == 9
    assert local(instant, "America/New_York").hour == 20


def test_formats():
    instant = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert isoformat(instant) == "2026-01-02T03:04:05Z"
    assert isoformat(None) is None
    assert to_millis(instant) == 1767323045000


def test_unknown_zone():
    with pytest.raises(ValueError):
        zone("Mars/Olympus")
