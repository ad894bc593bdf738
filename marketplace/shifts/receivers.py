"""What the shifts do when certification or accounts report a change: a member who no longer
qualifies for a seat, or whose account is suspended, loses it without penalty (``removal``)."""

from __future__ import annotations

from app import events
from app.extensions import db
from certification.models import Certification
from marketplace.shifts import removal


def _certification_name(certification_id: int) -> dict:
    found = db.session.get(Certification, certification_id)
    return dict(found.name or {}) if found is not None else {}


def _remove_after_revocation(sender, member_id, certification_id, **_payload) -> None:
    removal.remove_seats(member_id, "certification_revoked", certification=_certification_name(certification_id))


def _remove_after_expiry(sender, member_id, certification_id, **_payload) -> None:
    removal.remove_seats(member_id, "certification_expired", certification=_certification_name(certification_id))


def _remove_after_recomputed_tags(sender, member_id, **_payload) -> None:
    removal.remove_seats(member_id, "requirements_unmet")


def _remove_after_suspension(sender, user_id, **_payload) -> None:
    removal.remove_seats(user_id, "account_suspended", everything=True)


def connect() -> None:
    events.certification_revoked.connect(_remove_after_revocation)
    events.certification_expired.connect(_remove_after_expiry)
    events.tags_recomputed.connect(_remove_after_recomputed_tags)
    events.user_suspended.connect(_remove_after_suspension)
