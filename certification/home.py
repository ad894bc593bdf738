"""The member's home page: the "earn a certification" step."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from app.web.home import Step
from certification.services.requirements import active_certification_keys


def certification_step(user) -> Step:
    return Step(_("Earn a certification"), bool(active_certification_keys(user.id)), url_for("certification.mine"))
