"""An outbound campaign's dialer settings as the campaign keeps them (``settings["dialer"]``): their
defaults, their limits and the checks of them. The wizard and the dialer's own API and page
(telephony.dialer, which imports this) refuse the same values with the same messages."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

MODES = ("preview", "progressive", "predictive")
AMD_ACTIONS = ("drop", "message", "retry")  # what to do when a machine answers
MAX_ABANDON_CAP = 0.03  # abandoned / answered by a person: at most 3 %
MIN_RING_SECONDS = 15  # ring at least 15 s (about four rings) before giving up
MAX_RING_SECONDS = 120
AMD_RETRY_MINUTES = (1, 10080)  # call a machine again after one minute to one week
LINES_PER_AGENT = (1, 5)  # predictive mode's ceiling
MAX_MESSAGE = 500

DEFAULTS: dict[str, Any] = {
    "mode": "progressive",
    "abandon_cap": MAX_ABANDON_CAP,  # abandoned / answered by a person, over the campaign and 30 days
    "amd": "drop",  # drop | message | retry
    "amd_message": "",  # left on the machine with ``message``
    "amd_retry_minutes": 240,
    "ring_seconds": 20,
    "cps": None,  # None: the provider's limit
    "max_lines_per_agent": 3.0,  # predictive mode's ceiling
    "abandon_message": "",  # said to a person answered with no agent free (default: a message in their language)
}

MODE_LABELS = {
    "preview": _l("Preview: the member sees the contact and presses dial"),
    "progressive": _l("Progressive: one line per free agent"),
    "predictive": _l("Predictive: lines per agent from the answer rate, within the abandonment cap"),
}
AMD_LABELS = {
    "drop": _l("Hang up (the contact is done)"),
    "message": _l("Leave the message below (the contact is done)"),
    "retry": _l("Hang up and call again later"),
}


def _range(value, low: float, high: float, whole: bool) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high \
            or (whole and int(value) != value):
        return (_("A whole number from %(low)s to %(high)s.", low=f"{low:g}", high=f"{high:g}") if whole
                else _("A number from %(low)s to %(high)s.", low=f"{low:g}", high=f"{high:g}"))
    return None


def problem(name: str, value) -> str | None:
    """Why ``value`` cannot be the dialer setting ``name`` (translated), or None. ``None`` values and
    settings with no limit here (``cps``: the provider's) pass."""
    if value is None:
        return None
    if name == "mode":
        return None if value in MODES else _("One of preview, progressive or predictive.")
    if name == "amd":
        return None if value in AMD_ACTIONS else _("One of drop, message or retry.")
    if name == "abandon_cap":
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= MAX_ABANDON_CAP:
            return _("A share above 0 and at most 0.03 (3 %).")
        return None
    if name == "amd_retry_minutes":
        return _range(value, *AMD_RETRY_MINUTES, whole=True)
    if name == "ring_seconds":
        return _range(value, MIN_RING_SECONDS, MAX_RING_SECONDS, whole=True)
    if name == "max_lines_per_agent":
        return _range(value, *LINES_PER_AGENT, whole=False)
    if name in ("amd_message", "abandon_message"):
        return _("At most %(max)s characters.", max=MAX_MESSAGE) if len(str(value)) > MAX_MESSAGE else None
    return None


def problems(data: dict, current: dict | None = None) -> dict[str, str]:
    """Every problem of the settings ``data`` (those given; ``current``: the settings they change),
    keyed by setting name: each value's limits, and a message to leave when machines get one."""
    found = {name: message for name, value in data.items() if (message := problem(name, value))}
    amd = data.get("amd") or (current or DEFAULTS)["amd"]
    if amd == "message" and "amd_message" in data and not (data.get("amd_message") or "").strip():
        found.setdefault("amd_message", _("Write the message to leave on answering machines."))
    return found
