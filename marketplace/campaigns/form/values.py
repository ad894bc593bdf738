"""Form values: the defaults, an existing campaign as values, and the posted form as values to show
again (money in major units, ratios as percentages)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from flask_babel import gettext as _

from app.money import major_units
from app.timeutil import as_utc, zone
from marketplace.campaigns.dialer import DEFAULTS as DIALER_DEFAULTS
from marketplace.campaigns.form.fields import DIALER_FIELDS, MAX_ROWS, MONEY_FIELDS
from marketplace.models import Campaign


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
        "slot_minutes": "30", "release_cutoff_minutes": "120", **_dialer_values({}),
    }


def _dialer_values(chosen: dict) -> dict:
    """The dialer's settings (``chosen`` over the defaults) as the wizard's values."""
    settings = {**DIALER_DEFAULTS, **(chosen or {})}
    return {form_name: _percent(settings[name]) if name == "abandon_cap" else _text(settings[name])
            for name, form_name in DIALER_FIELDS.items()}


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
        values[name] = major_units(amount, campaign.currency, grouping=False) if amount or name == "budget" else ""
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
        values.update(_dialer_values(settings.get("dialer") or {}))
    return values


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
