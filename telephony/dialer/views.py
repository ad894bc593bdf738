"""The dialer's page: an outbound campaign's dialer settings (admins change them) and its figures —
the measured abandonment rate against the cap, and why contacts were not dialed."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.auth.guards import current_user, get_in_org_or_404, page_login_required
from app.database import commit, rollback
from app.errors import AppError, Forbidden, NotFound
from marketplace.contacts.dialing import REFUSAL_REASONS
from telephony.campaigns import Campaign
from telephony.dialer import services
from telephony.dialer.settings import AMD_ACTIONS, MODES

bp = Blueprint("dialer_pages", __name__, url_prefix="/dialer", template_folder="../templates")

READERS = ("enterprise_admin", "enterprise_supervisor", "admin")
WRITERS = ("enterprise_admin", "admin")


def _number(text: str | None, *, whole: bool = False, percent: bool = False):
    """A form's number as the API takes it (a percent as a share); the text itself when it is not
    one, so that the service names the field."""
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        return text
    return round(value / 100, 6) if percent else value


def _read(form) -> dict:
    data = {"mode": form.get("mode", ""), "amd": form.get("amd", ""),
            "amd_message": form.get("amd_message", "").strip(),
            "abandon_message": form.get("abandon_message", "").strip(),
            "abandon_cap": _number(form.get("abandon_cap_percent"), percent=True),
            "amd_retry_minutes": _number(form.get("amd_retry_minutes"), whole=True),
            "ring_seconds": _number(form.get("ring_seconds"), whole=True),
            "cps": _number(form.get("cps"))}
    return {key: value for key, value in data.items() if value is not None or key == "cps"}


@bp.route("/campaigns/<int:campaign_id>", methods=["GET", "POST"])
@page_login_required(roles=READERS)
def settings(campaign_id: int):
    """An outbound campaign's dialer: its figures, and its settings (a form for admins)."""
    user = current_user()
    campaign = get_in_org_or_404(Campaign, campaign_id, user)
    if campaign.kind != "outbound":
        raise NotFound()
    errors: dict = {}
    status = 200
    if request.method == "POST":
        if not user.has_role(*WRITERS):
            raise Forbidden()
        try:
            services.configure_dialer(campaign, _read(request.form))
            commit()
            flash(_("Dialer settings saved."), "success")
            return redirect(url_for("dialer_pages.settings", campaign_id=campaign.id))
        except AppError as exc:
            rollback()
            errors, status = dict(exc.fields or {}), exc.status
            errors.setdefault("_form", str(exc.message))
    figures = services.dialer_json(campaign)
    return render_template("telephony/dialer.html", campaign=campaign, figures=figures, errors=errors,
                           form=request.form if errors else None, modes=MODES, amd_actions=AMD_ACTIONS,
                           reasons=REFUSAL_REASONS, can_write=user.has_role(*WRITERS)), status
