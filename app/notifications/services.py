"""Writing, wording, reading and mailing notifications."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale, get_locale
from sqlalchemy import func, select, update

from app.auth.models import User
from app.extensions import db
from app.jobs import enqueue, job
from app.mail import send_mail
from app.notifications.models import Notification
from app.timeutil import utcnow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    """A kind's words: lazy strings with ``%(name)s`` placeholders filled from the notification's values."""

    title: object
    body: object


KINDS: dict[str, Kind] = {}


def register_kind(name: str, *, title, body) -> None:
    """Declare a kind of notification (at import time, by the domain that sends it)."""
    KINDS[name] = Kind(title=title, body=body)


def notify(user_id: int, kind: str, params: dict | None = None, *, link: str | None = None) -> Notification:
    """Tell ``user_id``: a notification in the current transaction, mailed (or logged) after it commits."""
    if kind not in KINDS:
        raise LookupError(f"unknown notification kind: {kind}")
    notification = Notification(user_id=user_id, kind=kind, params=params or {}, link=link, created_at=utcnow())
    db.session.add(notification)
    db.session.flush()
    enqueue(deliver_notification, notification.id)
    return notification


def _in_locale(params: dict) -> dict:
    """A value given per language (``{"en": …, "zh": …}``) in the current locale's words."""
    locale = str(get_locale() or "en").split("_")[0]
    return {key: (value.get(locale) or value.get("en") or next(iter(value.values()), ""))
            if isinstance(value, dict) else value for key, value in params.items()}


def words(notification: Notification) -> tuple[str, str]:
    """The title and body in the current locale (a kind no longer registered shows its name)."""
    kind = KINDS.get(notification.kind)
    if kind is None:
        return notification.kind, ""
    params = _in_locale(notification.params or {})
    try:
        return str(kind.title) % params, str(kind.body) % params
    except (KeyError, TypeError, ValueError):
        logger.warning("Notification %s does not fit its kind %s", notification.id, notification.kind)
        return str(kind.title), ""


def unread_count(user_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))) or 0


def latest(user_id: int, limit: int = 50) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user_id)
                                   .order_by(Notification.id.desc()).limit(limit)))


def mark_read(user_id: int, notification_id: int | None = None) -> int:
    """Mark one of the user's notifications read (or all of them); how many changed."""
    statement = update(Notification).where(Notification.user_id == user_id, Notification.read_at.is_(None))
    if notification_id is not None:
        statement = statement.where(Notification.id == notification_id)
    return db.session.execute(statement.values(read_at=utcnow()).execution_options(synchronize_session=False)).rowcount


def own(user_id: int, notification_id: int) -> Notification | None:
    found = db.session.get(Notification, notification_id)
    return found if found is not None and found.user_id == user_id else None


@job("default", timeout=60)
def deliver_notification(notification_id: int) -> str:
    """E-mail a notification in its reader's language (``app.mail``: logged when no SMTP is configured)."""
    notification = db.session.get(Notification, notification_id)
    user = db.session.get(User, notification.user_id) if notification else None
    if notification is None or user is None:
        return "gone"
    with force_locale(user.locale or "en"):
        title, body = words(notification)
    base = (current_app.config.get("PUBLIC_BASE_URL") or "").rstrip("/")
    link = f"{base}{notification.link}" if notification.link else ""
    send_mail(user.email, title, f"{body}\n\n{link}".strip())
    return "mailed" if current_app.config.get("SMTP_HOST") else "logged"
