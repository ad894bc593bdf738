"""The academy's pages blueprint, the template filters and labels its pages share, and how a page
shows a refused change."""

from __future__ import annotations

from flask import Blueprint, flash
from flask_babel import get_locale
from markupsafe import Markup

from academy import grading
from academy.labels import (
    BADGE_LABELS,
    BADGE_RULES,
    COURSE_STATUS_LABELS,
    FACTOR_LABELS,
    INDUSTRY_LABELS,
    QUESTION_TYPE_LABELS,
)
from academy.sanitize import clean_html
from app.database import rollback
from app.errors import AppError, error_text

# Named after the package, so that the templates and static files are the package's own.
bp = Blueprint("academy", "academy", url_prefix="/academy", template_folder="templates",
               static_folder="static", static_url_path="/academy-static")
STAFF = ("trainer", "admin")


def locale() -> str:
    value = get_locale()
    return value.language if value else "en"


@bp.app_template_filter("loc")
def _localized(text) -> str:
    return grading.localized(text, locale())


@bp.app_template_filter("lesson_html")
def _lesson_html(text) -> Markup:
    return Markup(clean_html(grading.localized(text, locale())))  # noqa: S704 - cleaned by the allow-list


@bp.app_context_processor
def _labels():
    return {"industry_labels": INDUSTRY_LABELS, "badge_labels": BADGE_LABELS, "badge_rules": BADGE_RULES,
            "factor_labels": FACTOR_LABELS, "course_status_labels": COURSE_STATUS_LABELS,
            "question_type_labels": QUESTION_TYPE_LABELS}


def fail(exc: AppError) -> None:
    """Roll the change back and show why it was refused."""
    rollback()
    flash(error_text(exc), "error")
