"""Account jobs."""

from __future__ import annotations

from app.auth.models import User
from app.extensions import db
from app.jobs import job, report_progress
from app.timeutil import isoformat


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
