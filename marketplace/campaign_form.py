"""The campaign wizard's form and the API's campaign body (``CampaignIn``), both ways.

Money is typed in major units ("3.50") and becomes integer minor units through ``Money.parse``,
exactly or not at all. Dates and the volume forecast are typed in the campaign's time zone; ratios
as percentages. What cannot be read, and what ``CampaignIn`` refuses, comes back as translated
messages keyed by the form's field names, so each shows next to its field.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError as SchemaError

from app.money import CURRENCY_EXPONENTS, Money, MoneyError, check_currency
from app.numbers import MAX_ID, NumberError, bounded_decimal
from app.timeutil import as_utc, zone
from marketplace.models import Campaign
from marketplace.schemas import CampaignIn

MONEY_FIELDS = ("budget", "pay_per_call", "pay_per_talk_minute", "pay_per_shift_hour", "success_bonus")
# Ratios (0..1) are typed as percentages; the message says which range each accepts.
PERCENT_FIELDS = {
    "target_service_level": _l("Enter a percentage above 0 and below 100."),
    "max_occupancy": _l("Enter a percentage above 0, at most 100."),
    "shrinkage": _l("Enter a percentage from 0 to below 100."),
    "outbound_shrinkage": _l("Enter a percentage from 0 to below 100."),
    "contact_rate": _l("Enter a percentage from 1 to 100."),
}
MAX_ROWS = 50
FORECAST_FILE_BYTES = 1024 * 1024
DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d %H:%M",
                "%Y/%m/%d %H:%M:%S")
# The wizard's steps, and which fields each holds (to open the first step with an error).
STEPS = {
    "kind": ("kind",),
    "basics": ("name", "industry", "time_zone", "starts_at", "ends_at", "currency", "budget"),
    "pay": ("pay_per_call", "pay_per_talk_minute", "pay_per_shift_hour", "success_bonus", "qa_auto_approve",
            "qa_review_from"),
    "requirements": ("certifications", "tags", "min_tier", "languages", "regions", "min_qa_average",
                     "min_reliability"),
    "inbound": ("inbound", "interval_minutes", "aht_seconds", "target_service_level", "target_answer_seconds",
                "max_occupancy", "shrinkage", "patience_seconds", "forecast"),
    "outbound": ("outbound", "purpose", "script", "survey_questions", "dispositions", "calling_windows",
                 "max_attempts", "handle_seconds", "contact_rate", "expected_contacts", "outbound_shrinkage"),
    "shifts": ("slot_minutes", "release_cutoff_minutes"),
}


class FormInvalid(Exception):
    """The form cannot become a campaign: ``errors`` maps field names to translated messages."""

    def __init__(self, errors: dict):
        super().__init__("invalid campaign form")
        self.errors = errors


# --- defaults and an existing campaign as form values ------------------------------------------

def defaults() -> dict:
    return {
        "kind": "inbound", "time_zone": "Asia/Shanghai", "currency": "CNY", "qa_auto_approve": "80",
        "qa_review_from": "60", "certifications": [], "tags": [], "interval_minutes": "30", "aht_seconds": "180",
        "target_service_level": "80", "target_answer_seconds": "20", "max_occupancy": "85", "shrinkage": "30",
        "purpose": "satisfaction_callback", "dispositions": [
            {"code": "completed", "label": _("Completed"), "outcome": "success", "retry_delay_minutes": ""},
            {"code": "no_answer", "label": _("No answer"), "outcome": "retry", "retry_delay_minutes": "120"},
            {"code": "opt_out", "label": _("Do not call again"), "outcome": "final", "retry_delay_minutes": ""}],
        "calling_windows": [{"days": ["0", "1", "2", "3", "4"], "start": "09:00", "end": "20:00"}],
        "max_attempts": "3", "handle_seconds": "240", "contact_rate": "35", "outbound_shrinkage": "30",
        "slot_minutes": "30", "release_cutoff_minutes": "120",
    }


def _major(amount: int, currency: str) -> str:
    exponent = CURRENCY_EXPONENTS.get(currency, 2)
    return f"{Decimal(amount).scaleb(-exponent):.{exponent}f}"


def _percent(ratio) -> str:
    if ratio is None:
        return ""
    text = format(Decimal(str(ratio)) * 100, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _text(value) -> str:
    return "" if value is None else str(value)


def values_of(campaign: Campaign) -> dict:
    """A saved campaign as the wizard's values (editing a draft)."""
    tz = zone(campaign.time_zone)
    settings, req = campaign.settings or {}, campaign.requirements or {}
    values = {**defaults(), "kind": campaign.kind, "name": campaign.name, "industry": campaign.industry or "",
              "time_zone": campaign.time_zone, "currency": campaign.currency,
              "starts_at": as_utc(campaign.starts_at).astimezone(tz).strftime("%Y-%m-%dT%H:%M"),
              "ends_at": as_utc(campaign.ends_at).astimezone(tz).strftime("%Y-%m-%dT%H:%M"),
              "qa_auto_approve": str(campaign.qa_auto_approve), "qa_review_from": str(campaign.qa_review_from),
              "slot_minutes": str(campaign.slot_minutes),
              "release_cutoff_minutes": str(campaign.release_cutoff_minutes),
              "certifications": list(req.get("certifications") or []),
              "tags": [{"name": k, "min": str(v)} for k, v in (req.get("tags") or {}).items()],
              "min_tier": req.get("min_tier") or "", "languages": ", ".join(req.get("languages") or []),
              "regions": ", ".join(req.get("regions") or []), "min_qa_average": _text(req.get("min_qa_average")),
              "min_reliability": _text(req.get("min_reliability"))}
    for name in MONEY_FIELDS:
        amount = getattr(campaign, name)
        values[name] = _major(amount, campaign.currency) if amount or name == "budget" else ""
    if campaign.kind == "inbound":
        values.update({name: _text(settings.get(name)) for name in (
            "interval_minutes", "aht_seconds", "target_answer_seconds", "patience_seconds")})
        values.update({name: _percent(settings.get(name)) for name in (
            "target_service_level", "max_occupancy", "shrinkage")})
        values["forecast"] = "\n".join(
            f"{as_utc(datetime.fromisoformat(item['start'])).astimezone(tz):%Y-%m-%d %H:%M}, {item['calls']}"
            for item in settings.get("forecast") or [])
    else:
        values.update({name: _text(settings.get(name)) for name in (
            "purpose", "script", "max_attempts", "handle_seconds", "expected_contacts")})
        values["contact_rate"] = _percent(settings.get("contact_rate"))
        values["outbound_shrinkage"] = _percent(settings.get("shrinkage"))
        values["survey_questions"] = "\n".join(settings.get("survey_questions") or [])
        values["dispositions"] = [{**d, "retry_delay_minutes": _text(d.get("retry_delay_minutes"))}
                                  for d in settings.get("dispositions") or []]
        values["calling_windows"] = [{**w, "days": [str(d) for d in w["days"]]}
                                     for w in settings.get("calling_windows") or []]
    return values


# --- the posted form as values (to show again) ---------------------------------------------------

def _rows(form, prefix: str, keys: tuple[str, ...], lists: tuple[str, ...] = (),
          filled: int | None = None) -> list[dict]:
    """Numbered rows (``prefix.N.key``); a row whose first ``filled`` fields are blank is left out."""
    rows = []
    for index in range(MAX_ROWS):
        row = {key: form.get(f"{prefix}.{index}.{key}", "").strip() for key in keys}
        row.update({key: form.getlist(f"{prefix}.{index}.{key}") for key in lists})
        if any(list(row.values())[:filled]):
            rows.append(row)
    return rows


def values_from(form) -> dict:
    """The posted form as values; repeated rows (tags, dispositions, windows) without blanks."""
    plain = {key: value.strip() if key not in ("script", "forecast", "survey_questions") else value
             for key, value in form.items() if "." not in key}
    plain.pop("csrf_token", None)
    return {**plain, "certifications": form.getlist("certifications"),
            "tags": _rows(form, "tags", ("name", "min")),
            "dispositions": _rows(form, "dispositions", ("code", "label", "outcome", "retry_delay_minutes"), filled=2),
            "calling_windows": _rows(form, "calling_windows", ("start", "end"), lists=("days",))}


# --- forecast ------------------------------------------------------------------------------------

def _when(text: str) -> datetime:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    raise ValueError(text)


def forecast_lines(text: str, tz_name: str) -> list[dict]:
    """``2026-11-11 09:00, 120`` lines (comma, tab or semicolon; local time) → forecast intervals."""
    tz = zone(tz_name)
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in re.split(r"[,\t;，]", line.strip()) if part.strip()]
        try:
            if len(parts) != 2:
                raise ValueError(line)
            rows.append({"start": _when(parts[0]).replace(tzinfo=tz).isoformat(), "calls": int(parts[1])})
        except ValueError as exc:
            raise FormInvalid({"forecast": _("Line %(n)s: use \"YYYY-MM-DD HH:MM, calls\".", n=number)}) from exc
    return rows


def forecast_text_from_csv(upload) -> str:
    """An uploaded CSV (date and time, calls; a header row is optional) → the forecast's text lines."""
    raw = upload.stream.read(FORECAST_FILE_BYTES + 1)
    if len(raw) > FORECAST_FILE_BYTES:
        raise FormInvalid({"forecast_file": _("The file is larger than 1 MB.")})
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FormInvalid({"forecast_file": _("Save the file as UTF-8 or GB18030 text.")})
    dialect = csv.excel_tab if "\t" in text.split("\n", 1)[0] else csv.excel
    lines = []
    for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        cells = [cell.strip() for cell in row if cell.strip()]
        if not cells:
            continue
        try:
            if len(cells) != 2:
                raise ValueError(row)
            lines.append(f"{_when(cells[0]):%Y-%m-%d %H:%M}, {int(cells[1])}")
        except ValueError as exc:
            if number == 1 and not lines:
                continue  # a header row
            raise FormInvalid({"forecast_file": _("Row %(n)s: use two columns, \"YYYY-MM-DD HH:MM\" and calls.",
                                                  n=number)}) from exc
    if not lines:
        raise FormInvalid({"forecast_file": _("The file has no forecast rows.")})
    return "\n".join(lines)


# --- values → CampaignIn ------------------------------------------------------------------------

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
        value = self.text(name).replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d*)?", value):
            value = value.replace(",", "")
        if not value:
            return _MISSING
        if currency is None:
            return _MISSING
        try:
            return Money.parse(value, currency).amount
        except MoneyError:
            if re.fullmatch(r"-?\d+(\.\d+)?", value):
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
            return _when(value).replace(tzinfo=tz).isoformat()
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
    return settings


# --- CampaignIn's messages, translated and keyed by form field --------------------------------

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


def step_of(errors: dict) -> str | None:
    """The first wizard step that holds a field with an error."""
    for step, names in STEPS.items():
        if any(key.split(".")[0] in names for key in errors):
            return step
    return None
