"""``CampaignIn``'s messages, translated and keyed by the form's field names (and the step that
holds the first one)."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from marketplace.campaigns.form.fields import PERCENT_FIELDS, STEPS

_OPS = {"greater than or equal to": _l("at least"), "greater than": _l("above"),
        "less than or equal to": _l("at most"), "less than": _l("below")}
_EXACT = {
    "Missing data for required field.": _l("Required."),
    "Field may not be null.": _l("Required."),
    "Not a valid integer.": _l("Enter a whole number."),
    "Not a valid number.": _l("Enter a number."),
    "Not a valid string.": _l("Enter text."),
    "Not a valid list.": _l("Not a valid list."),
    "Not a valid datetime.": _l("Use a date and time such as 2026-11-11 09:00."),
    "Not a valid aware datetime.": _l("Use a date and time such as 2026-11-11 09:00."),
    "Unknown field.": _l("Unknown field."),
    "Invalid value.": _l("Invalid value."),
    "String does not match expected pattern.": _l("Use lowercase letters, digits and _ (starting with a letter)."),
    "Use HH:MM (24 h).": _l("Use HH:MM (24 h)."),
    "The campaign must end after it starts.": _l("The campaign must end after it starts."),
    "Set a pay per call, per talk minute or per shift hour above zero.":
        _l("Set a pay per call, per talk minute or per shift hour above zero."),
    "Human review must start at or below the auto-approve score.":
        _l("Human review must start at or below the auto-approve score."),
    "A shift must span whole forecast intervals.": _l("A shift must span whole forecast intervals."),
    "Disposition codes must be unique.": _l("Disposition codes must be unique."),
    "At least one disposition must be a success.": _l("At least one disposition must be a success."),
    "The window must end after it starts.": _l("The window must end after it starts."),
    "Not a number.": _l("Enter a number."),
}

LIST_FIELDS = ("certifications", "languages", "regions", "forecast", "survey_questions", "dispositions",
               "calling_windows", "days")


def translate(message: str, field: str = "") -> str:
    """One of marshmallow's or ``CampaignIn``'s English messages in the page's language."""
    if message in _EXACT:
        return str(_EXACT[message])
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
        if field in LIST_FIELDS:
            return _("At most %(n)s entries.", n=match[1])
        return _("At most %(n)s characters.", n=match[1])
    if match := re.fullmatch(r"Length must be between (\d+) and (\d+)\.", message):
        if field in LIST_FIELDS:
            return _("Between %(low)s and %(high)s entries.", low=match[1], high=match[2])
        return _("Between %(low)s and %(high)s characters.", low=match[1], high=match[2])
    if match := re.fullmatch(r"Length must be (\d+)\.", message):
        return _("Exactly %(n)s characters.", n=match[1])
    if match := re.fullmatch(r"Interval (\d+) does not follow the previous one by (\d+) minutes.*", message):
        return _("Line %(line)s does not follow the previous line by %(minutes)s minutes (a gap or an overlap).",
                 line=int(match[1]) + 1, minutes=match[2])
    if match := re.fullmatch(r"The (\w+) settings are required\.", message):
        return _("Fill in the %(kind)s settings.", kind=match[1])
    return message


def _field(path: tuple) -> str:
    head, rest = str(path[0]), [str(p) for p in path[1:]]
    if head == "_schema":
        return "_form"
    if head == "requirements":
        return rest[0] if rest and rest[0] != "_schema" else "_form"
    if head in ("inbound", "outbound") and rest and rest[0] != "_schema":
        name = rest[0]
        if head == "outbound" and name == "shrinkage":
            return "outbound_shrinkage"
        if name in ("dispositions", "calling_windows") and len(rest) >= 3:
            return f"{name}.{rest[1]}.{rest[2]}"
        return name
    return head


def _walk(messages, path=()):
    if isinstance(messages, dict):
        for key, value in messages.items():
            yield from _walk(value, (*path, key))
    elif isinstance(messages, list) and messages and not all(isinstance(m, str) for m in messages):
        for index, value in enumerate(messages):
            yield from _walk(value, (*path, index))
    elif isinstance(messages, list):
        for message in messages:
            yield path, message
    else:
        yield path, messages


def field_errors(messages) -> dict:
    """Marshmallow's nested messages → ``{form field: translated message}`` (the first per field)."""
    errors: dict = {}
    for path, message in _walk(messages):
        name = _field(path) if path else "_form"
        if name in PERCENT_FIELDS:
            errors.setdefault(name, str(PERCENT_FIELDS[name]))
        else:
            errors.setdefault(name, translate(str(message), name.rsplit(".", 1)[-1]))
    return errors


def _step_of_field(key: str) -> str | None:
    return next((step for step, names in STEPS.items() if key.split(".")[0] in names), None)


def step_of(errors: dict) -> str | None:
    """The first wizard step that holds a field with an error."""
    return next((step for step, _names in STEPS.items() if summary(errors).get(step)), None)


def summary(errors: dict) -> dict[str, list[str]]:
    """Every field's message grouped by the wizard step that holds the field, in the steps' order
    (messages of no field's step, such as the whole form's, are left out)."""
    grouped: dict[str, list[str]] = {}
    for key, message in errors.items():
        step = _step_of_field(key)
        if step is not None:
            grouped.setdefault(step, []).append(str(message))
    return {step: grouped[step] for step in STEPS if step in grouped}
