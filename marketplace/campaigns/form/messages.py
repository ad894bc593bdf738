"""``CampaignIn``'s messages, translated and keyed by the form's field names (and the step that
holds the first one)."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app import schema_messages
from marketplace.campaigns.form.fields import DIALER_FIELDS, PERCENT_FIELDS, STEPS
from marketplace.labels import KIND_LABELS

# CampaignIn's own validators' messages (marshmallow's own are app.schema_messages').
_CAMPAIGN_MESSAGES = {
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
}

LIST_FIELDS = ("certifications", "languages", "regions", "forecast", "survey_questions", "dispositions",
               "calling_windows", "days")


def translate(message: str, field: str = "") -> str:
    """One of marshmallow's or ``CampaignIn``'s English messages in the page's language."""
    if match := re.fullmatch(r"Interval (\d+) does not follow the previous one by (\d+) minutes.*", message):
        return _("Line %(line)s does not follow the previous line by %(minutes)s minutes (a gap or an overlap).",
                 line=int(match[1]) + 1, minutes=match[2])
    if match := re.fullmatch(r"The (\w+) settings are required\.", message):
        return _("Fill in the %(kind)s settings.", kind=KIND_LABELS.get(match[1], match[1]))
    return schema_messages.translate(message, is_list=field in LIST_FIELDS, extra=_CAMPAIGN_MESSAGES)


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
        if name == "dialer" and len(rest) >= 2 and rest[1] != "_schema":
            return DIALER_FIELDS.get(rest[1], "dialer")
        if name in ("dispositions", "calling_windows") and len(rest) >= 3:
            return f"{name}.{rest[1]}.{rest[2]}"
        return name
    return head


def field_errors(messages) -> dict:
    """Marshmallow's nested messages → ``{form field: translated message}`` (the first per field)."""
    errors: dict = {}
    for path, message in schema_messages.walk(messages):
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
