"""The wizard's values → the API's campaign body (``CampaignIn``): money exactly in minor units,
dates in the campaign's time zone; ``FormInvalid`` with every problem at once."""

from __future__ import annotations

import re
from decimal import Decimal

from flask_babel import gettext as _
from marshmallow import ValidationError as SchemaError

from app.money import CURRENCY_EXPONENTS, Money, MoneyError, MoneyPrecisionError, check_currency
from app.numbers import MAX_ID, NumberError, bounded_decimal
from app.timeutil import zone
from marketplace.campaigns.form.fields import DIALER_FIELDS, MONEY_FIELDS, PERCENT_FIELDS, FormInvalid
from marketplace.campaigns.form.forecast import forecast_lines, forecast_text_from_csv, parse_when
from marketplace.campaigns.form.messages import field_errors
from marketplace.campaigns.schemas import CampaignIn


class _Reader:
    """Reads typed values into the API's body, collecting translated problems per field."""

    def __init__(self, values: dict):
        self.values = values
        self.errors: dict = {}

    def text(self, name: str) -> str:
        return str(self.values.get(name) or "").strip()

    def integer(self, name: str, nullable: bool = False):
        value = self.text(name)
        if not value:
            return None if nullable else _MISSING
        if re.fullmatch(r"-?\d{1,10}", value) and abs(int(value)) <= MAX_ID:
            return int(value)
        self.errors.setdefault(name, _("Enter a whole number."))
        return _MISSING

    def percent(self, name: str):
        value = self.text(name).rstrip("%").strip()
        if not value:
            return _MISSING
        try:
            number = bounded_decimal(value)
        except NumberError:
            number = Decimal("NaN")
        if not number.is_finite() or not 0 <= number <= 100:
            self.errors.setdefault(name, str(PERCENT_FIELDS[name]))
            return _MISSING
        return float(number / 100)

    def money(self, name: str, currency: str | None):
        value = self.text(name)
        if not value:
            return _MISSING
        if currency is None:
            return _MISSING
        try:
            return Money.parse(value, currency).amount
        except MoneyError as exc:
            if isinstance(exc, MoneyPrecisionError):
                places = CURRENCY_EXPONENTS[currency]
                self.errors.setdefault(name, _("%(currency)s amounts have at most %(n)s decimal places.",
                                               currency=currency, n=places) if places else
                                       _("%(currency)s amounts are whole numbers.", currency=currency))
            else:
                self.errors.setdefault(name, _("Enter an amount such as 1234.50."))
            return _MISSING

    def local_time(self, name: str, tz):
        value = self.text(name)
        if not value or tz is None:
            return _MISSING
        try:
            return parse_when(value).replace(tzinfo=tz).isoformat()
        except ValueError:
            self.errors.setdefault(name, _("Use a date and time such as 2026-11-11 09:00."))
            return _MISSING


_MISSING = object()


def _set(body: dict, name: str, value) -> None:
    if value is not _MISSING:
        body[name] = value


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"[\s,，;；]+", text or "") if word]


def to_campaign(values: dict, forecast_file=None) -> dict:
    """Validated ``CampaignIn`` data from the wizard's values; ``FormInvalid`` with every problem."""
    read = _Reader(values)
    kind = read.text("kind")
    tz_name = read.text("time_zone") or "Asia/Shanghai"
    try:
        tz = zone(tz_name)
    except ValueError:
        tz = None
        read.errors["time_zone"] = _("Unknown time zone.")
    try:
        currency = check_currency(read.text("currency"))
    except MoneyError:
        currency = None
        read.errors["currency"] = _("Unknown currency.")
    body: dict = {"kind": kind, "name": read.text("name"), "time_zone": tz_name, "currency": currency or ""}
    if not kind:
        del body["kind"]
    if not body["name"]:
        read.errors["name"] = _("Required.")
    for name in ("starts_at", "ends_at"):
        _set(body, name, read.local_time(name, tz))
    for name in MONEY_FIELDS:
        _set(body, name, read.money(name, currency))
    for name in ("qa_auto_approve", "qa_review_from", "slot_minutes", "release_cutoff_minutes"):
        _set(body, name, read.integer(name))
    body["industry"] = read.text("industry") or None

    tags: dict = {}
    for row in values.get("tags") or []:
        name = str(row.get("name", "")).strip()
        minimum = str(row.get("min", "")).strip() or "0"
        if not name:
            continue
        if not re.fullmatch(r"\d+", minimum):
            read.errors.setdefault("tags", _("A minimum score is a whole number from 0 to 100."))
            continue
        tags[name] = int(minimum)
    requirements = {"certifications": list(values.get("certifications") or []), "tags": tags,
                    "min_tier": read.text("min_tier") or None, "languages": _words(read.text("languages")),
                    "regions": _words(read.text("regions"))}
    for name in ("min_qa_average", "min_reliability"):
        _set(requirements, name, read.integer(name, nullable=True))
    body["requirements"] = requirements

    if kind == "inbound":
        body["inbound"] = _inbound(read, values, tz_name if tz else None, forecast_file)
    elif kind == "outbound":
        body["outbound"] = _outbound(read, values)
    try:
        data = CampaignIn().load(body)
    except SchemaError as exc:
        raise FormInvalid({**field_errors(exc.messages), **read.errors}) from exc
    if read.errors:
        raise FormInvalid(read.errors)
    return data


def _inbound(read: _Reader, values: dict, tz_name: str | None, forecast_file) -> dict:
    settings: dict = {}
    for name in ("interval_minutes", "aht_seconds", "target_answer_seconds"):
        _set(settings, name, read.integer(name))
    _set(settings, "patience_seconds", read.integer("patience_seconds", nullable=True))
    for name in ("target_service_level", "max_occupancy", "shrinkage"):
        _set(settings, name, read.percent(name))
    if forecast_file is not None and forecast_file.filename:
        try:
            values["forecast"] = forecast_text_from_csv(forecast_file)
        except FormInvalid as exc:
            read.errors.update(exc.errors)
    if tz_name:
        try:
            settings["forecast"] = forecast_lines(values.get("forecast") or "", tz_name)
        except FormInvalid as exc:
            read.errors.update(exc.errors)
    return settings


def _outbound(read: _Reader, values: dict) -> dict:
    if not read.text("script"):
        read.errors["script"] = _("Required.")
    settings: dict = {"purpose": read.text("purpose"), "script": str(values.get("script") or "").strip(),
                      "survey_questions": [q.strip() for q in str(values.get("survey_questions") or "").splitlines()
                                           if q.strip()]}
    for name in ("max_attempts", "handle_seconds"):
        _set(settings, name, read.integer(name))
    _set(settings, "expected_contacts", read.integer("expected_contacts", nullable=True))
    _set(settings, "contact_rate", read.percent("contact_rate"))
    _set(settings, "shrinkage", read.percent("outbound_shrinkage"))
    dispositions = []
    for index, row in enumerate(values.get("dispositions") or []):
        item = {"code": row.get("code", ""), "label": row.get("label", ""), "outcome": row.get("outcome", "")}
        delay = str(row.get("retry_delay_minutes") or "").strip()
        if delay and not re.fullmatch(r"\d+", delay):
            read.errors.setdefault(f"dispositions.{index}.retry_delay_minutes", _("Enter a whole number."))
        item["retry_delay_minutes"] = int(delay) if delay.isdigit() else None
        dispositions.append(item)
    settings["dispositions"] = dispositions
    windows = []
    for row in values.get("calling_windows") or []:
        days = sorted({int(d) for d in row.get("days") or [] if str(d).isdigit()})
        windows.append({"days": days, "start": row.get("start", ""), "end": row.get("end", "")})
    settings["calling_windows"] = windows
    settings["dialer"] = _dialer(read)
    return settings


def _dialer(read: _Reader) -> dict:
    """The dialer's settings as typed: the cap in percent, times in whole seconds and minutes."""
    names = DIALER_FIELDS
    dialer: dict = {"mode": read.text(names["mode"]), "amd": read.text(names["amd"]),
                    "amd_message": read.text(names["amd_message"])}
    _set(dialer, "abandon_cap", read.percent(names["abandon_cap"]))
    for name in ("ring_seconds", "amd_retry_minutes"):
        _set(dialer, name, read.integer(names[name]))
    return {key: value for key, value in dialer.items() if value != "" or key == "amd_message"}
