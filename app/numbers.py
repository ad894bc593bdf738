"""Numbers typed by a person, read within bounds before anything converts them.

A million-digit amount or an id past its column's range must be a clear field error, not a
worker busy for seconds or a database error. Every number read from a form, a query string or a
JSON body goes through here (or through ``Money.parse``, which uses the same bounds).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

# The largest id an integer primary key holds (PostgreSQL ``integer``).
MAX_ID = 2**31 - 1
# The largest integer a JSON number may carry and stay exact everywhere (JavaScript's safe range).
MAX_JSON_INT = 2**53 - 1
# Characters a number typed by a person may have ("-1,234,567,890.123456" fits easily).
MAX_NUMBER_CHARS = 32
# Decimal digits before the point a decimal value may have (amounts in major units included).
MAX_INTEGER_DIGITS = 15


def is_id(value) -> bool:
    """Whether ``value`` (an int already read) can name a row: from 1 to ``MAX_ID``; a larger number
    names none and must not reach the database."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


class NumberError(ValueError):
    """Text that is not a number within the bounds; ``str()`` is the message for the person."""


def _clean(text) -> str:
    value = str(text if text is not None else "").strip()
    if not value:
        raise NumberError("empty")
    if len(value) > MAX_NUMBER_CHARS:
        raise NumberError("too long")
    return value


def bounded_int(text, minimum: int | None = None, maximum: int = MAX_ID) -> int:
    """A whole number within ``[minimum, maximum]``; raises ``NumberError`` otherwise."""
    if isinstance(text, bool):
        raise NumberError("not a number")
    if isinstance(text, int):
        value = text
    else:
        cleaned = _clean(text)
        if not cleaned.lstrip("+-").isdigit() or not cleaned.isascii():
            raise NumberError("not a whole number")
        value = int(cleaned)
    if value > maximum or (minimum is not None and value < minimum):
        raise NumberError("out of range")
    return value


def bounded_decimal(text, max_integer_digits: int = MAX_INTEGER_DIGITS) -> Decimal:
    """A finite decimal with at most ``max_integer_digits`` digits before the point."""
    cleaned = _clean(text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise NumberError("not a number") from exc
    if not value.is_finite():
        raise NumberError("not a number")
    # adjusted() is the exponent of the leading digit: cheap, whatever the exponent written.
    if value and value.adjusted() >= max_integer_digits:
        raise NumberError("out of range")
    if value and value.adjusted() < -max_integer_digits:
        raise NumberError("too precise")
    return value


def id_or_none(text) -> int | None:
    """An id typed into a form or a query string, or None when it cannot name any row."""
    try:
        return bounded_int(text, minimum=1)
    except NumberError:
        return None
