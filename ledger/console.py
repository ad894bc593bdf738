"""What the auditor console adds to a search by id: names, the declared kinds, times in the viewer's zone."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from app import events
from app.lookups import ids_named
from app.numbers import is_id
from app.timeutil import zone

# The id columns an entry carries, searched by the console's fields of the same name without "_id".
NAMED_FILTERS = ("member", "campaign", "org")


def entry_kinds() -> list[str]:
    """Every kind an entry can have: one per declared domain signal."""
    return sorted(events.all_signals())


def kind_descriptions() -> dict[str, str]:
    return {name: (signal.__doc__ or "").strip().splitlines()[0] for name, signal in events.all_signals().items()}


def resolve_names(args) -> tuple[dict, dict]:
    """The console's member / campaign / organization fields, each an id or part of a name, as id
    filters; and a message per field that matched nothing."""
    filters: dict = {}
    problems: dict = {}
    for field in NAMED_FILTERS:
        text = (args.get(field) or "").strip()
        if not text:
            continue
        if text.isdigit():
            if not is_id(int(text)):
                problems[field] = _("No such id.")
                continue
            filters[f"{field}_id"] = int(text)
            continue
        ids = ids_named(field, text)
        if ids:
            filters[f"{field}_id"] = ids
        else:
            problems[field] = _("Nothing is named like “%(text)s”.", text=text)
    return filters, problems


def local_to_utc(value: str, zone_name: str | None) -> str:
    """A ``datetime-local`` value typed in the viewer's zone, as an aware ISO time the filter reads."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value  # the filter names the field
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(zone_name or "UTC"))
    return moment.isoformat()
