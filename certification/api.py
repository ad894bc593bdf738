"""Certification API: the catalog, the caller's certifications and tags, trainer grants and grading,
credential export and public verification."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import request
from flask_babel import get_locale
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from academy.api import database_busy
from academy.grading import localized
from academy.models import Quiz
from app.auth.guards import get_own_or_404, require_user, token_auth
from app.auth.services import get_user
from app.database import commit
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.paging import PageQuery, page_schema, paginate
from certification import credentials, issuer, services
from certification.models import Certification, CertificationGrant, PracticalAssessment
from certification.schemas import (
    CertificationOut,
    DefinitionIn,
    GradeIn,
    GrantIn,
    GrantOut,
    PracticalIn,
    PracticalOut,
    RevokeIn,
    TagsOut,
    VerifyOut,
)

bp = APIBlueprint("certification_api", __name__, url_prefix="/api/v1", tag="Certification")
bp.register_error_handler(OperationalError, database_busy)
TRAINERS = ["trainer", "admin"]


def _locale() -> str:
    locale = get_locale()
    return locale.language if locale else "en"


def certification_out(cert) -> dict:
    quiz = db.session.get(Quiz, cert.exam_quiz_id) if cert.exam_quiz_id else None
    return {"id": cert.id, "key": cert.key, "name": localized(cert.name, _locale()), "industry": cert.industry,
            "required_courses": cert.required_courses, "exam_quiz_id": cert.exam_quiz_id,
            "exam": {"questions": quiz.questions_per_attempt, "pass_mark": quiz.pass_mark,
                     "time_limit_seconds": quiz.time_limit_seconds} if quiz else None,
            "practical_required": cert.practical_required, "rubric": cert.practical_rubric,
            "min_profile": cert.min_profile, "valid_days": cert.valid_days, "tags": cert.tags}


def grant_out(row: CertificationGrant) -> dict:
    return {"id": row.id, "certification_id": row.certification_id, "certification_key": row.certification.key,
            "name": localized(row.certification.name, _locale()), "member_id": row.member_id, "status": row.status,
            "granted_at": row.granted_at, "renewed_at": row.renewed_at, "expires_at": row.expires_at,
            "revoke_reason": row.revoke_reason, "credential_id": row.credential_id}


@bp.get("/certifications")
@bp.auth_required(token_auth)
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(CertificationOut))
@bp.doc(summary="The certifications and what each requires (paged)")
def list_certifications(page):
    return paginate(select(Certification), Certification.id, descending=False, serialize=certification_out, **page)


@bp.post("/certifications")
@bp.auth_required(token_auth, roles=TRAINERS)
@bp.input(DefinitionIn, arg_name="data")
@bp.output(CertificationOut)
@bp.doc(summary="Create or edit a certification (by key): courses, exam, practical rubric, profile, validity, tags",
        responses=[422])
def author_certification(data):
    cert = services.author_definition(data, require_user().id)
    commit()
    return certification_out(cert)


@bp.get("/members/me/certifications")
@bp.auth_required(token_auth, roles=["member"])
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(GrantOut))
@bp.doc(summary="The caller's certifications (active, expired, revoked), newest first (paged)")
def my_certifications(page):
    stmt = select(CertificationGrant).where(CertificationGrant.member_id == require_user().id)
    return paginate(stmt, CertificationGrant.id, serialize=grant_out, **page)


@bp.get("/members/me/certifications/<int:grant_id>/credential")
@bp.auth_required(token_auth, roles=["member"])
@bp.doc(summary="The certification as a signed Open Badges 3.0 verifiable credential (JSON-LD)",
        responses=[404])
def my_credential(grant_id):
    user = require_user()
    row = get_own_or_404(CertificationGrant, grant_id, user)
    return issuer.credential_for(row, user.name)


@bp.get("/members/me/tags")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(TagsOut)
@bp.doc(summary="The caller's skill tags (with reasons and quality level), tier, what the next tier needs, "
                "and the work-quality figures the tags read")
def my_tags():
    user = require_user()
    return {**services.member_tier(user.id), "items": services.member_tags(user.id),
            "work_quality": services.member_work_quality(user.id)}


@bp.post("/certifications/<int:certification_id>/grants")
@bp.auth_required(token_auth, roles=TRAINERS)
@bp.input(GrantIn, arg_name="data")
@bp.output(GrantOut, status_code=201)
@bp.doc(summary="Issue (or renew) a certification to a member who meets every requirement",
        description="409 `requirements_not_met` lists what is missing.", responses=[404, 409, 422])
def grant(certification_id, data):
    cert = services.get_certification(certification_id)
    try:
        member = get_user(data["member_id"])
    except NotFound as exc:
        raise ValidationError(fields={"member_id": "No such member."}) from exc
    row = services.grant(cert, member, actor_id=require_user().id)
    commit()
    return grant_out(row)


@bp.post("/certification-grants/<int:grant_id>/revoke")
@bp.auth_required(token_auth, roles=TRAINERS)
@bp.input(RevokeIn, arg_name="data")
@bp.output(GrantOut)
@bp.doc(summary="Revoke an active certification, with a reason", responses=[404, 409, 422])
def revoke(grant_id, data):
    row = services.revoke(grant_id, actor=require_user(), reason=data["reason"])
    commit()
    return grant_out(row)


@bp.post("/certifications/<int:certification_id>/practicals")
@bp.auth_required(token_auth, roles=["member"])
@bp.input(PracticalIn, arg_name="data")
@bp.output(PracticalOut, status_code=201)
@bp.doc(summary="Submit a practical role-play (transcript) for grading", responses=[404, 409, 422])
def submit_practical(certification_id, data):
    cert = services.get_certification(certification_id)
    row = services.submit_practical(require_user(), cert, data["transcript"], data["recording_url"])
    commit()
    return row


@bp.get("/practicals")
@bp.auth_required(token_auth, roles=TRAINERS)
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(PracticalOut))
@bp.doc(summary="The queue of practical assessments waiting for a trainer, oldest first (paged)")
def practical_queue(page):
    stmt = select(PracticalAssessment).where(PracticalAssessment.status == "pending")
    return paginate(stmt, PracticalAssessment.id, descending=False, **page)


@bp.post("/practicals/<int:practical_id>/grade")
@bp.auth_required(token_auth, roles=TRAINERS)
@bp.input(GradeIn, arg_name="data")
@bp.output(PracticalOut)
@bp.doc(summary="Score a practical against its rubric; a pass grants the certification",
        responses=[403, 404, 409, 422])
def grade_practical(practical_id, data):
    row = services.grade_practical(practical_id, grader=require_user(), scores=data["scores"],
                                   feedback=data["feedback"])
    commit()
    return row


@bp.get("/credentials/<credential_id>/verify")
@bp.output(VerifyOut)
@bp.doc(summary="Public: is this credential id one the platform issued, and is it still valid?",
        responses=[404])
def verify_credential(credential_id):
    row = db.session.scalar(select(CertificationGrant).where(CertificationGrant.credential_id == credential_id))
    if row is None:
        raise NotFound()
    status = "expired" if row.status == "active" and services.credential_expired(row) else row.status
    return {"credential_id": credential_id, "valid": status == "active", "status": status,
            "reason": row.revoke_reason or status}


@bp.post("/credentials/verify")
@bp.output(VerifyOut)
@bp.doc(summary="Public: verify a whole credential document (its proof, issuer and current status)",
        responses=[422])
def verify_document():
    document = request.get_json(silent=True)
    if not isinstance(document, dict):
        raise ValidationError(fields={"_body": "A credential JSON object."})
    ok, reason = credentials.verify(document, {issuer.issuer_did()})
    credential_id = str(document.get("id", "")).removeprefix("urn:uuid:")
    row = db.session.scalar(select(CertificationGrant).where(CertificationGrant.credential_id == credential_id))
    status = "unknown"
    if row is not None:
        status = "expired" if row.status == "active" and services.credential_expired(row) else row.status
    return {"credential_id": credential_id, "valid": ok and status == "active", "status": status, "reason": reason}
