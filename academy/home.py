"""The member's home page: the "complete a course" step."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from academy.services import course_completed, published_courses
from app.web.home import Step


def course_step(user) -> Step:
    done = any(course_completed(user.id, course.key) for course in published_courses())
    return Step(_("Complete a course in the academy"), done, url_for("academy.catalog"))
