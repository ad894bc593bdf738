"""Names to ids across domains: a page that filters by id (the auditor console) also takes a name.

A domain registers how to find the ids of its things by name (``register_name_lookup("campaign",
...)`` in marketplace); a reader asks ``ids_named("campaign", "Double 11")`` without importing it."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import or_, select

from app.auth.models import Organization, User
from app.extensions import db

# kind → lookup(text, limit) → ids of the things whose name contains ``text``.
_LOOKUPS: dict[str, Callable[[str, int], list[int]]] = {}


def register_name_lookup(kind: str, lookup: Callable[[str, int], list[int]]) -> None:
    _LOOKUPS[kind] = lookup


def ids_named(kind: str, text: str, limit: int = 50) -> list[int]:
    """The ids of the ``kind`` things whose name contains ``text`` (none when no domain knows ``kind``)."""
    lookup = _LOOKUPS.get(kind)
    return lookup(text, limit) if lookup is not None and text.strip() else []


def _users_named(text: str, limit: int) -> list[int]:
    needle = text.strip()
    return list(db.session.scalars(select(User.id).where(
        or_(User.name.ilike(f"%{needle}%"), User.email == needle.lower())).order_by(User.id).limit(limit)))


def _orgs_named(text: str, limit: int) -> list[int]:
    return list(db.session.scalars(select(Organization.id).where(Organization.name.ilike(f"%{text.strip()}%"))
                                   .order_by(Organization.id).limit(limit)))


register_name_lookup("member", _users_named)
register_name_lookup("org", _orgs_named)
