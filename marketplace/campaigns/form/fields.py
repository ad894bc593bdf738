"""The wizard's fields: which hold money, which percentages, which step each is on, and the
error a form that cannot become a campaign raises."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from marketplace.campaigns.dialer import MAX_ABANDON_CAP

MONEY_FIELDS = ("budget", "pay_per_call", "pay_per_talk_minute", "pay_per_shift_hour", "success_bonus")
# Ratios (0..1) are typed as percentages; the message says which range each accepts.
PERCENT_FIELDS = {
    "target_service_level": _l("Enter a percentage above 0 and below 100."),
    "max_occupancy": _l("Enter a percentage above 0, at most 100."),
    "shrinkage": _l("Enter a percentage from 0 to below 100."),
    "outbound_shrinkage": _l("Enter a percentage from 0 to below 100."),
    "contact_rate": _l("Enter a percentage from 1 to 100."),
    "abandon_cap": _l("Enter a percentage above 0, at most %(max)s.", max=f"{MAX_ABANDON_CAP * 100:g}"),
}
# The dialer's settings on the outbound step: the form's name of each (``mode`` is ``dialer_mode``).
DIALER_FIELDS = {"mode": "dialer_mode", "abandon_cap": "abandon_cap", "ring_seconds": "ring_seconds", "amd": "amd",
                 "amd_message": "amd_message", "amd_retry_minutes": "amd_retry_minutes"}
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
                 "max_attempts", "handle_seconds", "contact_rate", "expected_contacts", "outbound_shrinkage",
                 "dialer", *DIALER_FIELDS.values()),
    "shifts": ("slot_minutes", "release_cutoff_minutes"),
}


class FormInvalid(Exception):
    """The form cannot become a campaign: ``errors`` maps field names to translated messages."""

    def __init__(self, errors: dict):
        super().__init__("invalid campaign form")
        self.errors = errors
