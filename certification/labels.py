"""Certification's words shown on pages (tiers, tag inputs, states, missing requirements), defined
once and translated."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

TIER_LABELS = {"none": _l("No tier yet"), "bronze": _l("Bronze"), "silver": _l("Silver"), "gold": _l("Gold"),
               "diamond": _l("Diamond")}
INPUT_LABELS = {"training": _l("Training"), "exam": _l("Exam score"), "certification": _l("Certification"),
                "qa": _l("QA average"), "csat": _l("Customer satisfaction"), "attendance": _l("Attendance")}
STATUS_LABELS = {"not_submitted": _l("not submitted"), "pending": _l("waiting for a trainer"),
                 "passed": _l("passed"), "failed": _l("not passed, try again"), "active": _l("active"),
                 "expired": _l("expired"), "revoked": _l("revoked")}
MISSING_LABELS = {"exam": _l("Pass the certification exam"), "practical": _l("Pass the practical role-play"),
                  "profile": _l("Meet the personality profile")}
