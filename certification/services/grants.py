"""Issuing certifications: grants, renewals in place, revocation and expiry."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from academy import rules as academy_rules
from academy import services as academy
from app import events
from app.auth.models import User
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.timeutil import as_utc, isoformat, utcnow
from certification.models import Certification, CertificationGrant
from certification.services.requirements import active_grant, best_exam_score, requirements

logger = logging.getLogger(__name__)


def grant(cert: Certification, member: User, *, actor_id: int | None, now: datetime | None = None,
          check: bool = True) -> CertificationGrant:
    """Issue ``cert`` to ``member`` (every requirement met), or renew the active grant in place."""
    if not member.has_role("member"):
        raise ValidationError(fields={"member_id": _("Only members hold certifications.")})
    now = now or utcnow()
    if check:
        status = requirements(member, cert)
        if not status["met"]:
            raise Conflict(_("The member does not meet every requirement yet."), code="requirements_not_met",
                           fields={"missing": status["missing"]})
    best, _passed = best_exam_score(member.id, cert)
    current = active_grant(member.id, cert.id)
    expires = now + timedelta(days=cert.valid_days)
    if current is not None:
        current.expires_at, current.renewed_at, current.exam_score = expires, now, best
        db.session.flush()
        events.send(events.certification_renewed, "certification", member_id=member.id,
                    certification_id=cert.id, grant_id=current.id, expires_at=isoformat(expires))
        logger.info("Certification %s renewed for member %s", cert.key, member.id)
        return current
    row = CertificationGrant(certification_id=cert.id, member_id=member.id, status="active",
                             credential_id=str(uuid.uuid4()), granted_at=now, expires_at=expires,
                             granted_by_id=actor_id, exam_score=best)
    db.session.add(row)
    db.session.flush()
    events.send(events.certification_granted, "certification", member_id=member.id, certification_id=cert.id,
                grant_id=row.id, expires_at=isoformat(expires), actor_id=actor_id)
    logger.info("Certification %s granted to member %s by %s", cert.key, member.id, actor_id)
    academy.award_xp(member.id, f"certification:{cert.key}", academy_rules.XP_CERTIFICATION, "certification",
                     cert.industry)
    academy.check_badges(member, now)
    return row


def revoke(grant_id: int, *, actor: User, reason: str) -> CertificationGrant:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(fields={"reason": _("Say why the certification is revoked.")})
    row = db.session.get(CertificationGrant, grant_id)
    if row is None:
        raise NotFound()
    if row.status != "active":
        raise Conflict(_("Only an active certification can be revoked."), code="not_active")
    row.status, row.revoked_at, row.revoked_by_id, row.revoke_reason = "revoked", utcnow(), actor.id, reason
    db.session.flush()
    events.send(events.certification_revoked, "certification", member_id=row.member_id,
                certification_id=row.certification_id, grant_id=row.id, actor_id=actor.id, reason=reason)
    logger.info("Certification grant %s revoked by %s", row.id, actor.id)
    return row


def expire_due(now: datetime | None = None) -> int:
    """Expire every active grant past its date; one signal each. Safe to run twice."""
    now = now or utcnow()
    due = list(db.session.scalars(select(CertificationGrant).where(
        CertificationGrant.status == "active", CertificationGrant.expires_at <= now)))
    for row in due:
        row.status = "expired"
        events.send(events.certification_expired, "certification", member_id=row.member_id,
                    certification_id=row.certification_id, grant_id=row.id)
    db.session.flush()
    return len(due)


def member_grants(member_id: int) -> list[CertificationGrant]:
    return list(db.session.scalars(select(CertificationGrant).where(CertificationGrant.member_id == member_id)
                                   .order_by(CertificationGrant.granted_at.desc())))


def grant_automatically_after_exam(member_id: int, quiz_id: int) -> CertificationGrant | None:
    """A passed exam completes a certification that needs no practical: grant it at once."""
    cert = db.session.scalar(select(Certification).where(Certification.exam_quiz_id == quiz_id))
    member = db.session.get(User, member_id)
    if cert is None or member is None or cert.practical_required or active_grant(member_id, cert.id):
        return None
    if not requirements(member, cert)["met"]:
        return None
    return grant(cert, member, actor_id=None, check=False)


def credential_expired(row: CertificationGrant, now: datetime | None = None) -> bool:
    return as_utc(row.expires_at) <= (now or utcnow())
