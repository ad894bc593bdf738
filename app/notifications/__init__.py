"""The in-app notification centre: what the platform tells a user, kept until they read it.

Each domain registers the kinds it sends (``register_kind``) with lazily translated words, so a
notification is stored as a kind and plain values and worded in the reader's language when it is
shown or mailed. ``notify`` writes one in the caller's transaction; once that commits, it is
e-mailed when SMTP is configured (``SMTP_HOST``) and logged when not.
"""

from app.notifications.services import notify, register_kind, unread_count

__all__ = ["notify", "register_kind", "unread_count"]
