"""What the auditor console adds to a search by id: names, the declared kinds, times in the viewer's zone."""

from __future__ import annotations

from datetime import UTC, datetime

from babel.dates import format_datetime
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape

from app import events
from app.lookups import ids_named
from app.timeutil import as_utc, zone

# The id columns an entry carries, searched by the console's fields of the same name without "_id".
NAMED_FILTERS = ("member", "campaign", "org")
_MAX_ID = 2**31 - 1


def entry_kinds() -> list[str]:
    """Every kind an entry can have: one per declared domain signal."""
    return sorted(events.all_signals())


def kind_descriptions() -> dict[str, str]:
    return {name: (signal.__doc__ or "").strip().splitlines()[0] for name, signal in events.all_signals().items()}


def viewer_zone(user, browser_zone: str | None) -> str | None:
    """The zone to show times in: the profile's (when the user chose one), else the browser's
    (sent by the page's script), else None (UTC, converted in the browser)."""
    for candidate in ((user.timezone if user and user.timezone != "UTC" else None), browser_zone):
        if candidate:
            try:
                zone(candidate)
                return candidate
            except ValueError:
                continue
    return None


def readable_time(value: datetime | str | int | None, zone_name: str | None) -> Markup:
    """A ``<time>`` (of a datetime, an ISO string or epoch milliseconds) in the viewer's language and
    zone, its zone named. Without a known zone the UTC text is rewritten in the browser's zone by
    ``localtime.js``."""
    if value is None or value == "":
        return Markup("—")
    if isinstance(value, int):
        moment = datetime.fromtimestamp(value / 1000, UTC)
    else:
        moment = as_utc(datetime.fromisoformat(value) if isinstance(value, str) else value)
    locale = str(get_locale() or "en")
    iso = moment.isoformat()
    if zone_name:
        text = format_datetime(moment, "medium", tzinfo=zone(zone_name), locale=locale)
        return Markup('<time datetime="{}">{} ({})</time>').format(iso, text, zone_name)
    text = format_datetime(moment, "medium", tzinfo=zone("UTC"), locale=locale)
    return Markup('<time datetime="{}" data-local>{} (UTC)</time>').format(iso, escape(text))


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
            if int(text) > _MAX_ID:
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
