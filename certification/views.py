"""Certification pages: the member's certifications, tags and next tier (phone first); the trainer's
grading queue, grants and revocations."""

from __future__ import annotations

import re

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from marshmallow import ValidationError as SchemaError
from sqlalchemy import select

from academy.labels import FACTOR_LABELS
from academy.models import Quiz
from academy.services import published_courses
from app.auth.guards import current_user, page_login_required
from app.auth.models import User
from app.auth.services import find_user_by_email
from app.database import commit, rollback
from app.errors import AppError, NotFound, ValidationError, error_text, field_text
from app.extensions import db
from app.formatting import LANGUAGE_NAMES
from certification import services
from certification.issuer import credential_for
from certification.labels import (
    INPUT_LABELS,
    MISSING_LABELS,
    QUALITY_LABELS,
    STATUS_LABELS,
    TAG_LABELS,
    TIER_LABELS,
    tag_label,
)
from certification.models import CertificationGrant, PracticalAssessment
from certification.schemas import DefinitionIn

bp = Blueprint("certification", __name__, url_prefix="/certifications", template_folder="templates")
STAFF = ("trainer", "admin")


@bp.app_context_processor
def _labels():
    return {"tier_labels": TIER_LABELS, "input_labels": INPUT_LABELS, "missing_labels": MISSING_LABELS,
            "status_labels": STATUS_LABELS, "tag_label": tag_label, "factor_names": FACTOR_LABELS,
            "quality_labels": QUALITY_LABELS}


def _fail(exc: AppError) -> None:
    rollback()
    flash(error_text(exc), "error")


@bp.route("/", methods=["GET", "POST"])
@page_login_required()
def mine():
    """What the member holds, what each certification still needs, their tags and their next tier."""
    user = current_user()
    if request.method == "POST":
        try:
            cert = services.get_certification(request.form.get("certification_id", 0, type=int))
            services.submit_practical(user, cert, request.form.get("transcript", ""),
                                      request.form.get("recording_url") or None)
            commit()
            flash(_("Your role-play was sent to a trainer."), "success")
        except AppError as exc:
            _fail(exc)
        return redirect(url_for("certification.mine"))
    certs = services.all_certifications()
    is_member = user.has_role("member")
    status = {c.id: services.requirements(user, c) for c in certs} if is_member else {}
    titles = {c.key: c.title for c in published_courses()}
    return render_template("certification/mine.html", certs=certs, status=status, course_titles=titles,
                           grants=services.member_grants(user.id) if is_member else [],
                           tags=services.member_tags(user.id), tier=services.member_tier(user.id),
                           work=services.member_work_quality(user.id) if is_member else None)


@bp.get("/grants/<int:grant_id>/credential.json")
@page_login_required(["member"])
def credential(grant_id: int):
    user = current_user()
    row = db.session.get(CertificationGrant, grant_id)
    if row is None or row.member_id != user.id:
        raise NotFound()
    response = credential_for(row, user.name)
    return response, 200, {"Content-Disposition": f'attachment; filename="crowdline-{row.credential_id}.json"'}


@bp.route("/manage", methods=["GET", "POST"])
@page_login_required(STAFF)
def manage():
    """Trainer console: the grading queue, issuing and revoking certifications."""
    user = current_user()
    if request.method == "POST":
        try:
            if request.form.get("action") == "revoke":
                revoked = services.revoke(request.form.get("grant_id", 0, type=int), actor=user,
                                          reason=request.form.get("reason", ""))
                holder = db.session.get(User, revoked.member_id)
                flash(_("Certification revoked: %(member)s no longer holds it, and their upcoming seats that "
                        "needed it went back to the waitlists without penalty.",
                        member=holder.name if holder else revoked.member_id), "success")
            else:
                member = find_user_by_email(request.form.get("email", ""))
                if member is None:
                    raise ValidationError(fields={"email": _("No member with this e-mail.")})
                cert = services.get_certification(request.form.get("certification_id", 0, type=int))
                services.grant(cert, member, actor_id=user.id)
                flash(_("Certification issued."), "success")
            commit()
        except AppError as exc:
            _fail(exc)
        return redirect(url_for("certification.manage"))
    grants = list(db.session.scalars(select(CertificationGrant).order_by(CertificationGrant.granted_at.desc())
                                     .limit(100)))
    queue = services.pending_practicals()
    ids = {row.member_id for row in grants} | {row.member_id for row in queue}
    names = dict(db.session.execute(select(User.id, User.name).where(User.id.in_(ids))).all()) if ids else {}
    return render_template("certification/manage.html", queue=queue, grants=grants, names=names,
                           certs=services.all_certifications())


@bp.route("/manage/practicals/<int:practical_id>", methods=["GET", "POST"])
@page_login_required(STAFF)
def grade(practical_id: int):
    user = current_user()
    row = db.session.get(PracticalAssessment, practical_id)
    if row is None:
        raise NotFound()
    if request.method == "POST":
        scores = {c["key"]: request.form.get(f"score-{c['key']}") for c in row.certification.practical_rubric or []}
        try:
            services.grade_practical(practical_id, grader=user, scores=scores,
                                     feedback=request.form.get("feedback", ""))
            commit()
            flash(_("Graded: %(status)s.", status=STATUS_LABELS[row.status]), "success")
            return redirect(url_for("certification.manage"))
        except AppError as exc:
            _fail(exc)
            return redirect(url_for("certification.grade", practical_id=practical_id))
    return render_template("certification/grade.html", practical=row, member=db.session.get(User, row.member_id))


# --- authoring -----------------------------------------------------------------------------------

FACTORS = ("extraversion", "agreeableness", "conscientiousness", "emotional_stability", "intellect")


def _definition_from_form(form) -> dict:
    """The authoring form → a certification definition (validated by ``DefinitionIn``)."""
    def number(name, default=None):
        value = form.get(name, "").strip()
        if not value:
            return default
        try:
            return float(value) if "." in value else int(value)
        except ValueError:
            return value

    rubric = []
    for row in rubric_rows(form):
        label_en, label_zh, points = row["label_en"], row["label_zh"], row["points"]
        if not (label_en or label_zh or points):
            continue  # a blank row
        if not (label_en or label_zh) or not points.isdigit():
            raise SchemaError({"rubric": [_("Criterion %(n)s: give it a name and its points (a whole number).",
                                            n=row["n"])]})
        rubric.append({"key": row["key"] or _criterion_key(label_en, row["n"], {r["key"] for r in rubric}),
                       "label": {"en": label_en or label_zh, "zh": label_zh or label_en}, "max_points": int(points)})
    profile = {f: number(f"profile_{f}") for f in FACTORS if form.get(f"profile_{f}", "").strip()}
    doc = {
        "key": form.get("key", "").strip(),
        "name": {"en": form.get("name_en", "").strip(), "zh": form.get("name_zh", "").strip()},
        "industry": form.get("industry", "general"),
        "required_courses": form.getlist("required_courses"),
        "exam": {"course": form.get("exam_course", ""), "questions": number("exam_questions", 15),
                 "pass_mark": _ratio_of_percent(number("exam_pass_mark", 80)),
                 "time_limit_seconds": number("exam_time_limit", 900)} if form.get("exam_course") else None,
        "practical": {"required": bool(form.get("practical_required")), "rubric": rubric}
        if form.get("practical_required") else None,
        "min_profile": profile or None,
        "valid_days": number("valid_days"),
        "tags": list(dict.fromkeys([*form.getlist("tags_known"),
                                    *(t.strip() for t in form.get("tags", "").split(",") if t.strip())])),
    }
    return DefinitionIn().load(doc)


RUBRIC_BLANK_ROWS = 3  # empty criterion rows under the saved ones; saving shows three more


def rubric_rows(form) -> list[dict]:
    """The practical rubric's criterion rows as the form sent them (``rubric-N-label_en`` …)."""
    count = max((int(name.split("-")[1]) + 1 for name in form if re.fullmatch(r"rubric-\d+-\w+", name)), default=0)
    return [{"n": i + 1, **{field: (form.get(f"rubric-{i}-{field}") or "").strip()
                            for field in ("key", "label_en", "label_zh", "points")}} for i in range(min(count, 60))]


def _criterion_key(label: str, number: int, taken: set[str]) -> str:
    """A criterion's key (what grading scores name) from its English name: "Greets the caller" → "greets_the_caller"."""
    key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:32]
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,31}", key) or key in taken:
        key = f"criterion_{number}"
    return key


def known_tags() -> list[str]:
    """The skill tags a trainer picks from by name: the named ones and one per language."""
    return [*TAG_LABELS, *(f"lang.{code}" for code in LANGUAGE_NAMES)]


def _ratio_of_percent(value):
    """The form asks for the pass mark in percent (80); the definition keeps a ratio (0.8)."""
    return round(value / 100, 4) if isinstance(value, int | float) else value


def _form_of(cert) -> dict:
    """A certification as the authoring form's values."""
    if cert is None:
        return {"valid_days": "365", "exam_questions": "15", "exam_pass_mark": "80", "exam_time_limit": "900"}
    quiz = db.session.get(Quiz, cert.exam_quiz_id) if cert.exam_quiz_id else None
    values = {
        "key": cert.key, "name_en": cert.name.get("en", ""), "name_zh": cert.name.get("zh", ""),
        "industry": cert.industry, "required_courses": cert.required_courses, "valid_days": str(cert.valid_days),
        "tags_known": [t for t in cert.tags if t in known_tags()],
        "tags": ", ".join(t for t in cert.tags if t not in known_tags()),
        "practical_required": bool(cert.practical_rubric),
        "rubric": [{"key": r["key"], "label_en": r["label"].get("en", ""), "label_zh": r["label"].get("zh", ""),
                    "points": str(r["max_points"])} for r in cert.practical_rubric or []],
        "exam_course": quiz.course_key if quiz else "",
        "exam_questions": str(quiz.questions_per_attempt) if quiz else "15",
        "exam_pass_mark": f"{quiz.pass_mark * 100:g}" if quiz else "80",
        "exam_time_limit": str(quiz.time_limit_seconds) if quiz else "900",
    }
    for factor in FACTORS:
        values[f"profile_{factor}"] = str((cert.min_profile or {}).get(factor, ""))
    return values


@bp.route("/manage/definitions/new", methods=["GET", "POST"], defaults={"certification_id": None})
@bp.route("/manage/definitions/<int:certification_id>", methods=["GET", "POST"])
@page_login_required(STAFF)
def author(certification_id):
    """Create or edit a certification in the browser."""
    cert = services.get_certification(certification_id) if certification_id else None
    errors: dict = {}
    status = 200
    values = _form_of(cert)
    if request.method == "POST":
        values = {**request.form.to_dict(), "required_courses": request.form.getlist("required_courses"),
                  "practical_required": bool(request.form.get("practical_required")),
                  "tags_known": request.form.getlist("tags_known"),
                  "rubric": [row for row in rubric_rows(request.form) if row["label_en"] or row["label_zh"]
                             or row["points"]]}
        try:
            doc = _definition_from_form(request.form)
            if cert is not None and doc["key"] != cert.key:
                raise ValidationError(fields={"key": _("The key of a certification cannot change.")})
            saved = services.author_definition(doc, current_user().id)
            commit()
            flash(_("Certification saved."), "success")
            return redirect(url_for("certification.author", certification_id=saved.id))
        except SchemaError as exc:
            errors, status = {k.split(".")[0]: (v[0] if isinstance(v, list) else v)
                              for k, v in _flatten(exc.messages).items()}, 422
        except AppError as exc:
            rollback()
            errors, status = {k.split(".")[0] if k != "exam.questions" else "exam_questions": field_text(v)
                              for k, v in (exc.fields or {"_form": exc.message}).items()}, exc.status
    rows = list(values.get("rubric") or []) + [{} for _blank in range(RUBRIC_BLANK_ROWS)]
    return render_template("certification/author.html", cert=cert, values=values, errors=errors, rubric_rows=rows,
                           known_tags=[(tag, tag_label(tag)) for tag in known_tags()],
                           courses=published_courses(), factors=FACTORS), status


def _flatten(messages, prefix="") -> dict:
    flat = {}
    for key, value in messages.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat
