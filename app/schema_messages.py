"""Marshmallow's English validation messages, in the page's language.

A schema says "Missing data for required field." or "Must be greater than or equal to 1."; a
person reading a page in Chinese should read "必填。" or "须至少 1。". ``translate`` turns every
message marshmallow's own validators produce into a translated sentence; a domain adds its own
validators' messages with ``extra``. ``walk`` flattens marshmallow's nested messages into
``(path, message)`` pairs, for a form that places each message next to its input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

_OPS = {"greater than or equal to": _l("at least"), "greater than": _l("above"),
        "less than or equal to": _l("at most"), "less than": _l("below")}

MESSAGES = {
    "Missing data for required field.": _l("Required."),
    "Field may not be null.": _l("Required."),
    "Not a valid integer.": _l("Enter a whole number."),
    "Not a valid number.": _l("Enter a number."),
    "Not a number.": _l("Enter a number."),
    "Not a valid string.": _l("Enter text."),
    "Not a valid list.": _l("Not a valid list."),
    "Not a valid datetime.": _l("Use a date and time such as 2026-11-11 09:00."),
    "Not a valid aware datetime.": _l("Use a date and time such as 2026-11-11 09:00."),
    "Unknown field.": _l("Unknown field."),
    "Invalid value.": _l("Invalid value."),
}


def translate(message: str, *, is_list: bool = False, extra: Mapping[str, str] | None = None) -> str:
    """One of marshmallow's English messages (or of ``extra``'s) in the page's language; a message
    neither knows is returned as it is. ``is_list``: the field holds entries, not characters."""
    if extra and message in extra:
        return str(extra[message])
    if message in MESSAGES:
        return str(MESSAGES[message])
    if match := re.fullmatch(r"Must be one of: (.+)\.", message):
        return _("Choose one of: %(choices)s.", choices=match[1])
    if match := re.fullmatch(r"Must be (.+?) (-?[\d.]+) and (.+?) (-?[\d.]+)\.", message):
        return _("Must be %(low_op)s %(low)s and %(high_op)s %(high)s.", low_op=_OPS.get(match[1], match[1]),
                 low=match[2], high_op=_OPS.get(match[3], match[3]), high=match[4])
    if match := re.fullmatch(r"Must be (.+?) (-?[\d.]+)\.", message):
        return _("Must be %(op)s %(value)s.", op=_OPS.get(match[1], match[1]), value=match[2])
    if match := re.fullmatch(r"Shorter than minimum length (\d+)\.", message):
        return _("Required.") if match[1] == "1" else _("At least %(n)s.", n=match[1])
    if match := re.fullmatch(r"Longer than maximum length (\d+)\.", message):
        return _("At most %(n)s entries.", n=match[1]) if is_list else _("At most %(n)s characters.", n=match[1])
    if match := re.fullmatch(r"Length must be between (\d+) and (\d+)\.", message):
        if is_list:
            return _("Between %(low)s and %(high)s entries.", low=match[1], high=match[2])
        return _("Between %(low)s and %(high)s characters.", low=match[1], high=match[2])
    if match := re.fullmatch(r"Length must be (\d+)\.", message):
        return _("Exactly %(n)s characters.", n=match[1])
    return message


def walk(messages, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Marshmallow's nested messages as ``(path, message)`` pairs, e.g. ``(("inbound", "forecast", 2,
    "calls"), "Not a valid integer.")``."""
    if isinstance(messages, dict):
        for key, value in messages.items():
            yield from walk(value, (*path, key))
    elif isinstance(messages, list) and messages and not all(isinstance(m, str) for m in messages):
        for index, value in enumerate(messages):
            yield from walk(value, (*path, index))
    elif isinstance(messages, list):
        for message in messages:
            yield path, message
    else:
        yield path, messages
