"""Money as integer minor units with an ISO 4217 currency. Never floats.

``Money.parse("12.34", "CNY")`` reads user input exactly; amounts with more decimals than the
currency has are refused rather than rounded, so no minor unit is ever lost. It reads what people
type: "1,000", "¥5000", "5 000 元", "CNY 12.50", full-width digits — every money form uses it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from app.numbers import NumberError, bounded_decimal

# Minor-unit exponent per currency (ISO 4217). Currencies not listed are not accepted.
CURRENCY_EXPONENTS: dict[str, int] = {
    "CNY": 2, "USD": 2, "EUR": 2, "GBP": 2, "HKD": 2, "SGD": 2, "AUD": 2, "CAD": 2,
    "CHF": 2, "INR": 2, "MYR": 2, "PHP": 2, "THB": 2, "TWD": 2, "MXN": 2, "BRL": 2,
    "JPY": 0, "KRW": 0, "VND": 0, "IDR": 2, "KWD": 3, "BHD": 3,
}


# What may stand before or after an amount, and the currencies each may stand for.
CURRENCY_MARKS: dict[str, frozenset[str]] = {
    "¥": frozenset({"CNY", "JPY"}), "元": frozenset({"CNY"}), "人民币": frozenset({"CNY"}), "RMB": frozenset({"CNY"}),
    "$": frozenset({"USD", "HKD", "SGD", "AUD", "CAD", "TWD", "MXN"}), "US$": frozenset({"USD"}),
    "HK$": frozenset({"HKD"}), "S$": frozenset({"SGD"}), "A$": frozenset({"AUD"}), "C$": frozenset({"CAD"}),
    "NT$": frozenset({"TWD"}), "R$": frozenset({"BRL"}), "€": frozenset({"EUR"}), "£": frozenset({"GBP"}),
    "₩": frozenset({"KRW"}), "₹": frozenset({"INR"}), "₱": frozenset({"PHP"}), "฿": frozenset({"THB"}),
    "₫": frozenset({"VND"}), "RM": frozenset({"MYR"}), "Rp": frozenset({"IDR"}), "日元": frozenset({"JPY"}),
    "美元": frozenset({"USD"}), "港元": frozenset({"HKD"}), "欧元": frozenset({"EUR"}), "英镑": frozenset({"GBP"}),
}
MAX_INPUT_CHARS = 40
_PLAIN = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_MARK = re.compile(r"^(?P<before>[^\d.,-]*)(?P<number>-?[\d.,]+)(?P<after>[^\d.,]*)$")


class MoneyError(ValueError):
    """An amount or currency that cannot be represented exactly."""


class MoneyPrecisionError(MoneyError):
    """An amount with more decimal places than its currency has."""


def check_currency(code: str) -> str:
    code = (code or "").upper()
    if code not in CURRENCY_EXPONENTS:
        raise MoneyError(f"unknown currency: {code or '(empty)'}")
    return code


@dataclass(frozen=True, slots=True)
class Money:
    amount: int  # minor units
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise MoneyError("amount must be an integer number of minor units")
        object.__setattr__(self, "currency", check_currency(self.currency))

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def parse(cls, text: str | int | Decimal, currency: str) -> Money:
        """Exact decimal major units (``"12.34"``) to minor units; refuses extra precision.

        The text is bounded before it is converted (at most ``MAX_NUMBER_CHARS`` characters and
        ``MAX_INTEGER_DIGITS`` digits before the point), so no amount typed by a person can hold
        a worker converting a million digits or overflow a column."""
        currency = check_currency(currency)
        exponent = CURRENCY_EXPONENTS[currency]
        if isinstance(text, str):
            text = _plain_number(text, currency)
        try:
            value = bounded_decimal(text)
        except NumberError as exc:
            shown = str(text)[:20] + ("…" if len(str(text)) > 20 else "")
            raise MoneyError(f"not an amount: {shown!r}") from exc
        minor = value.scaleb(exponent)
        if minor != minor.to_integral_value():
            raise MoneyPrecisionError(f"{currency} has {exponent} decimal places: {text}")
        return cls(int(minor), currency)

    def _same(self, other: Money) -> None:
        if not isinstance(other, Money) or other.currency != self.currency:
            raise MoneyError("cannot combine different currencies")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    def allocate(self, ratios: list[int]) -> list[Money]:
        """Split into parts proportional to ``ratios`` with no minor unit lost (largest remainder)."""
        if not ratios or any(r < 0 for r in ratios) or sum(ratios) == 0:
            raise MoneyError("ratios must be non-negative and not all zero")
        total = sum(ratios)
        shares = [self.amount * r // total for r in ratios]
        remainders = sorted(
            range(len(ratios)), key=lambda i: (self.amount * ratios[i]) % total, reverse=True
        )
        for i in remainders[: self.amount - sum(shares)]:
            shares[i] += 1
        return [Money(s, self.currency) for s in shares]

    def percent(self, basis_points: int) -> Money:
        """``basis_points``/10000 of this amount, rounded half up to a minor unit."""
        numerator = self.amount * basis_points
        quotient, remainder = divmod(abs(numerator), 10_000)
        if remainder * 2 >= 10_000:
            quotient += 1
        return Money(quotient if numerator >= 0 else -quotient, self.currency)

    def format(self) -> str:
        """For people: ``1,234.56 CNY``."""
        return f"{self.major()} {self.currency}"

    def major(self, grouping: bool = True) -> str:
        """The amount in major units without the currency: ``1,234.56`` (``1234.56`` without
        ``grouping``, as a form field shows it for editing)."""
        exponent = CURRENCY_EXPONENTS[self.currency]
        sign = "-" if self.amount < 0 else ""
        major, minor = divmod(abs(self.amount), 10**exponent)
        text = (f"{major:,}" if grouping else str(major)) + (f".{minor:0{exponent}d}" if exponent else "")
        return f"{sign}{text}"

    def to_dict(self) -> dict:
        return {"amount": self.amount, "currency": self.currency}


def major_units(amount: int, currency: str, grouping: bool = True) -> str:
    """Minor units as major units without the currency: ``500000`` CNY → ``5,000.00`` (``5000.00``
    without ``grouping``, as a form field shows it for editing)."""
    return Money(int(amount), currency).major(grouping)


def _plain_number(text: str, currency: str) -> str:
    """What a person typed → a plain decimal: full-width forms folded, spaces and thousands
    separators dropped, a currency sign or code of ``currency`` allowed before or after."""
    folded = unicodedata.normalize("NFKC", text[: MAX_INPUT_CHARS + 1]).strip()
    if len(folded) > MAX_INPUT_CHARS:
        raise MoneyError("too long for an amount")
    folded = re.sub(r"[\s\u00a0\u202f\u2009']", "", folded)
    match = _MARK.match(folded)
    if not match:
        raise MoneyError(f"not an amount: {text!r}")
    for mark in (match["before"], match["after"]):
        if mark and mark.upper() != currency and currency not in CURRENCY_MARKS.get(mark, CURRENCY_MARKS.get(
                mark.upper(), frozenset())):
            raise MoneyError(f"not an amount in {currency}: {text!r}")
    number = match["number"]
    if _GROUPED.fullmatch(number):
        number = number.replace(",", "")
    if not _PLAIN.fullmatch(number):
        raise MoneyError(f"not an amount: {text!r}")
    return number
