"""How the pages show values to people, one way everywhere: money in major units with the
currency named in the page's language ("最低 10.00 元", "10.00 CNY"); times in the viewer's zone
(or a campaign's), with weekday and month names in the page's language and the zone named
("12月5日周六 14:00 UTC+8", "Sat, Dec 5 14:00 UTC+8")."""

from __future__ import annotations

from datetime import UTC, date, datetime

from babel.dates import format_skeleton
from flask import Flask
from flask_babel import get_locale
from markupsafe import Markup

from app.money import Money
from app.timeutil import as_utc, zone

# A language by its own name and its English one, so both a speaker and a reader of either UI know it.
LANGUAGE_NAMES = {"zh": "普通话 / Mandarin", "yue": "粵語 / Cantonese", "en": "English", "ja": "日本語 / Japanese",
                  "ko": "한국어 / Korean"}

# Babel skeletons: the locale orders the parts and names the days and months.
TIME_STYLES = {"datetime": ("MMMEd", "Hm"), "time": (None, "Hm"), "date": ("yMMMd", None), "day": ("MMMEd", None),
               "precise": ("yMMMd", "Hms")}  # "precise": an auditor's record, with the year and seconds

# The currency as a Chinese page names it after an amount; other languages show the ISO code.
CURRENCY_NAMES_ZH = {"CNY": "元", "USD": "美元", "HKD": "港元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元",
                     "TWD": "新台币", "SGD": "新加坡元", "KRW": "韩元"}


def _language() -> str:
    locale = get_locale()
    return locale.language if locale else "en"


def money_text(amount: int | Money | None, currency: str | None = None) -> str:
    """Minor units (or a Money) as people read them: ``1,234.56 元`` on a Chinese page, ``1,234.56 CNY``
    otherwise; ``—`` for no amount."""
    if amount is None:
        return "—"
    money = amount if isinstance(amount, Money) else Money(int(amount), currency or "")
    unit = CURRENCY_NAMES_ZH.get(money.currency, money.currency) if _language() == "zh" else money.currency
    return f"{money.major()} {unit}"


def language_name(code: str) -> str:
    """``zh`` → ``普通话 / Mandarin``; an unknown code as it is."""
    return LANGUAGE_NAMES.get(code, code)


def zone_label(moment: datetime) -> str:
    """``UTC+8``, ``UTC+5:30``, ``UTC-5``, ``UTC``: the same in every language."""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def viewer_zone(browser_zone: str | None = None) -> str:
    """The zone to show times in: the signed-in user's, unless it is still the default UTC and the
    page sent the browser's zone (``browser_zone``, checked); else UTC."""
    from app.auth.guards import current_user

    user = current_user()
    chosen = (user.timezone if user is not None else None) or "UTC"
    if chosen == "UTC" and browser_zone:
        try:
            zone(browser_zone)
            return browser_zone
        except ValueError:
            pass
    return chosen


def when(value: datetime | date | str | int | None, style: str = "datetime", tz: str | None = None,
         show_zone: bool = True) -> str:
    """A stored UTC time for people (a datetime, an ISO string or epoch milliseconds): in ``tz``
    (default the signed-in viewer's zone), the locale's names of days and months, and the zone
    named unless ``show_zone=False`` (the first half of a range)."""
    if value is None or value == "":
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        value = datetime.fromtimestamp(value / 1000, UTC)
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    language = _language()
    if not isinstance(value, datetime):  # a calendar date has no zone
        return format_skeleton("yMMMd", value, locale=language)
    moment = as_utc(value).astimezone(_zone(tz or viewer_zone()))
    day, hour = TIME_STYLES[style]
    parts = [format_skeleton(skeleton, moment, locale=language) for skeleton in (day, hour) if skeleton]
    if hour and show_zone:
        parts.append(zone_label(moment))
    return " ".join(parts)


def zone_of(value: datetime | str, tz: str | None = None) -> str:
    """The zone ``when`` names for this moment (``UTC+8``): for a legend over times shown without it."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return zone_label(as_utc(value).astimezone(_zone(tz or viewer_zone())))


def time_element(value: datetime | str | int | None, tz: str | None = None, browser_converts: bool = False,
                 style: str = "datetime") -> Markup:
    """``when`` inside a ``<time datetime="…">``; with ``browser_converts`` it is also marked
    ``data-local`` so a page script may rewrite it in the browser's own zone. ``—`` for no time."""
    text = when(value, style, tz)
    if not text:
        return Markup("—")
    if isinstance(value, int) and not isinstance(value, bool):
        value = datetime.fromtimestamp(value / 1000, UTC)
    moment = as_utc(datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else value)
    local = Markup(" data-local") if browser_converts else Markup("")
    return Markup('<time datetime="{}"{}>{}</time>').format(moment.isoformat(), local, text)


def _zone(name: str):
    try:
        return zone(name)
    except ValueError:
        return zone("UTC")


def register(app: Flask) -> None:
    """The template filters every page uses: ``{{ amount|money(currency) }}``, ``{{ moment|when }}``,
    ``{{ code|language_name }}``."""
    app.add_template_filter(money_text, "money")
    app.add_template_filter(when, "when")
    app.add_template_filter(zone_of, "zone")
    app.add_template_filter(language_name, "language_name")
