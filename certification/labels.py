"""Certification's words shown on pages (tiers, tag inputs, states, missing requirements), defined
once and translated."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.formatting import language_name

TIER_LABELS = {"none": _l("No tier yet"), "bronze": _l("Bronze"), "silver": _l("Silver"), "gold": _l("Gold"),
               "diamond": _l("Diamond")}
INPUT_LABELS = {"training": _l("Training"), "exam": _l("Exam score"), "certification": _l("Certification"),
                "qa": _l("QA average"), "csat": _l("Customer satisfaction"), "attendance": _l("Attendance")}
STATUS_LABELS = {"not_submitted": _l("not submitted"), "pending": _l("waiting for a trainer"),
                 "passed": _l("passed"), "failed": _l("not passed, try again"), "active": _l("active"),
                 "expired": _l("expired"), "revoked": _l("revoked")}
# The work-quality level of a tag earned by a certification (certification/tiers.py has the rule).
QUALITY_LABELS = {"unrated": _l("Not yet judged on calls"), "standard": _l("Meets the QA standard"),
                  "proven": _l("Proven on calls"), "suspended": _l("Suspended: QA below the floor")}
MISSING_LABELS = {"exam": _l("Pass the certification exam"), "practical": _l("Pass the practical role-play"),
                  "profile": _l("Meet the personality profile")}

# Skill tags by name; ``lang.<code>`` tags are named by their language.
TAG_LABELS = {"ecommerce.after_sales": _l("E-commerce after-sales"), "finance.callback": _l("Finance callbacks"),
              "outbound.callback": _l("Outbound callbacks"), "general.service": _l("Customer service")}


def tag_label(tag: str) -> str:
    """A skill tag as people read it: ``lang.zh`` → ``普通话 / Mandarin``, ``ecommerce.after_sales`` →
    "E-commerce after-sales"; an unknown tag with its dots and underscores as spaces."""
    if tag.startswith("lang."):
        return language_name(tag.removeprefix("lang."))
    if tag in TAG_LABELS:
        return str(TAG_LABELS[tag])
    return tag.replace(".", " · ").replace("_", " ")
