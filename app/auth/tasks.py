"""Account jobs."""

from __future__ import annotations

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from app.auth import tokens
from app.auth.models import User
from app.extensions import db
from app.jobs import job, report_progress
from app.mail import send_mail
from app.timeutil import isoformat

# The page each kind of password link opens.
_LINK_ENDPOINTS = {"reset": "web.reset_password", "invite": "web.accept_invite"}


@job("default", timeout=120)
def send_password_link(user_id: int, purpose: str, locale: str | None = None) -> None:
    """E-mail a password link (``reset`` or ``invite``) to the user, in their language. The link is
    signed when the job runs, so it is tied to the password the account has then; running the job
    twice sends two links of which only the first used one works."""
    user = db.session.get(User, user_id)
    if user is None or not user.is_active:
        return
    token = tokens.encode_password_link(user.id, user.password_hash, purpose)
    base = (current_app.config.get("PUBLIC_BASE_URL") or "http://127.0.0.1:5000").rstrip("/")
    with current_app.test_request_context(base_url=base):
        link = url_for(_LINK_ENDPOINTS[purpose], token=token, _external=True)
    language = locale or user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(language):
        if purpose == "reset":
            hours = int(current_app.config["PASSWORD_RESET_TTL"].total_seconds() // 3600) or 1
            subject = _("Reset your Crowdline password")
            body = _("Hello %(name)s,\n\nOpen this link to choose a new password (it works once, for "
                     "%(hours)d hour(s)):\n\n%(link)s\n\nIf you did not ask for this, ignore this message: "
                     "your password stays as it is.", name=user.name, hours=hours, link=link)
        else:
            org = user.membership.org.name if user.membership else "Crowdline"
            days = current_app.config["INVITE_TTL"].days or 1
            subject = _("You are invited to %(org)s on Crowdline", org=org)
            body = _("Hello %(name)s,\n\nYou were added to the team of %(org)s on Crowdline. Open this link "
                     "to choose your password and sign in (it works once, for %(days)d day(s)):\n\n%(link)s",
                     name=user.name, org=org, days=days, link=link)
    send_mail(user.email, subject, body)


@job("default", timeout=300)
def export_account(user_id: int) -> dict:
    """Everything the platform holds about a user's account, as a JSON document (data portability).

    Safe to run twice: it only reads. Other domains' data joins this export as they land.
    """
    report_progress(0, 3, "account")
    user = db.session.get(User, user_id)
    if user is None:
        return {"error": "no such user"}
    account = {
        "id": user.id, "email": user.email, "name": user.name, "locale": user.locale,
        "timezone": user.timezone, "created_at": isoformat(user.created_at),
        "last_login_at": isoformat(user.last_login_at), "is_active": user.is_active,
    }
    report_progress(1, 3, "roles")
    roles = [{"role": g.role, "granted_at": isoformat(g.granted_at)} for g in user.role_grants]
    report_progress(2, 3, "organization")
    org = None
    if user.membership is not None:
        org = {"id": user.membership.org_id, "name": user.membership.org.name, "role": user.membership.role,
               "joined_at": isoformat(user.membership.created_at)}
    report_progress(3, 3, "done")
    return {"account": account, "roles": roles, "organization": org}
