"""The notification centre's page, and the bell's count in every page's header."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from app.auth.guards import current_user, page_login_required
from app.database import commit
from app.formatting import when
from app.notifications import services

bp = Blueprint("notifications", __name__, url_prefix="/notifications", template_folder="templates")


@bp.app_context_processor
def _bell():
    def notification_count() -> int:
        user = current_user()
        return services.unread_count(user.id) if user else 0

    return {"notification_count": notification_count}


@bp.get("/")
@page_login_required()
def index():
    """The user's notifications, newest first, the unread ones marked."""
    user = current_user()
    items = [(n, *services.words(n), when(n.created_at)) for n in services.latest(user.id)]
    return render_template("notifications/index.html", items=items)


@bp.post("/read")
@page_login_required()
def read_all():
    services.mark_read(current_user().id)
    commit()
    return redirect(url_for("notifications.index"))


@bp.post("/<int:notification_id>/read")
@page_login_required()
def read_one(notification_id: int):
    """Mark it read and open what it is about (its link, when it has one on this site)."""
    user = current_user()
    found = services.own(user.id, notification_id)
    services.mark_read(user.id, notification_id)
    commit()
    target = found.link if found is not None and (found.link or "").startswith("/") else None
    return redirect(target or request.referrer or url_for("notifications.index"))
