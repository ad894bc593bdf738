"""The member's work profile page: languages and region, what campaigns may require."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.auth.guards import current_user, page_login_required
from app.database import commit
from marketplace.labels import LANGUAGE_LABELS
from marketplace.members import profiles

bp = Blueprint("members", __name__, url_prefix="/work", template_folder="../templates")


@bp.route("/profile", methods=["GET", "POST"])
@page_login_required(roles=["member"])
def profile():
    """Languages and region: what campaigns may require."""
    user = current_user()
    errors = {}
    status = 200
    if request.method == "POST":
        languages = [code for code in request.form.getlist("languages") if code in LANGUAGE_LABELS]
        region = request.form.get("region", "").strip()
        if len(region) > 64:
            errors["region"] = _("At most 64 characters.")
            status = 422
        else:
            profiles.update_profile(user, languages=languages, region=region)
            commit()
            flash(_("Saved."), "success")
            return redirect(url_for("members.profile"))
    record = profiles.get_profile(user.id)
    return render_template("marketplace/members/profile.html", profile=record, languages=LANGUAGE_LABELS,
                           errors=errors, form=request.form), status
