"""Money in integer minor units: exact parsing, no lost units."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.money import Money, MoneyError


def test_parse_exact_amounts():
    assert Money.parse("12.34", "cny") == Money(1234, "CNY")
    assert Money.parse("1000", "JPY") == Money(1000, "JPY")
    assert Money.parse("0.001", "KWD") == Money(1, "KWD")
    assert Money.parse(Decimal("-5.10"), "USD") == Money(-510, "USD")


@pytest.mark.parametrize("text,currency", [("1.234", "CNY"), ("1.5", "JPY"), ("abc", "USD"), ("NaN", "USD"),
                                           ("Infinity", "USD"), ("1", "XXX"), ("1", "")])
def test_parse_refuses_what_it_cannot_represent(text, currency):
    with pytest.raises(MoneyError):
        Money.parse(text, currency)


def test_floats_and_bools_are_not_amounts():
    with pytest.raises(MoneyError):
        Money(1.5, "USD")
    with pytest.raises(MoneyError):
        Money(True, "USD")


def test_currencies_do_not_mix():
    with pytest.raises(MoneyError):
        Money(1, "USD") + Money(1, "CNY")


def test_format():
    assert Money(123456, "CNY").format() == "1,234.56 CNY"
    assert Money(-5, "USD").format() == "-0.05 USD"
    assert Money(1000, "JPY").format() == "1,000 JPY"


def test_major_units_with_and_without_grouping():
    assert Money(500000, "CNY").major() == "5,000.00"
    assert Money(500000, "CNY").major(grouping=False) == "5000.00"
    assert Money(-5, "USD").major(grouping=False) == "-0.05"
    assert Money(1000, "JPY").major(grouping=False) == "1000"
    assert Money(1234567, "KWD").major() == "1,234.567"


def test_percent_rounds_half_up():
    assert Money(1000, "CNY").percent(1500) == Money(150, "CNY")
    assert Money(5, "CNY").percent(1000) == Money(1, "CNY")  # 0.5 → 1
    assert Money(4, "CNY").percent(1000) == Money(0, "CNY")


@given(st.integers(min_value=0, max_value=10**12), st.lists(st.integers(min_value=0, max_value=1000), min_size=1,
                                                            max_size=12).filter(lambda r: sum(r) > 0))
def test_allocate_never_loses_a_minor_unit(amount, ratios):
    parts = Money(amount, "CNY").allocate(ratios)
    assert sum(p.amount for p in parts) == amount
    total = sum(ratios)
    for part, ratio in zip(parts, ratios, strict=True):
        exact = amount * ratio / total
        assert abs(part.amount - exact) < 1 + 1e-9
