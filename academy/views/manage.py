"""The trainer's pages: authoring courses (drafts, lessons, the question bank) and cohort progress."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from academy import content, services
from academy.models import INDUSTRIES, QUESTION_TYPES, Course, Lesson, LessonCompletion, Question, QuizAttempt
from academy.sanitize import clean_html
from academy.views.blueprint import STAFF, bp, fail
from app.auth.guards import current_user, page_login_required
from app.auth.models import RoleGrant
from app.database import commit
from app.errors import AppError
from app.extensions import db
from app.numbers import NumberError, bounded_decimal


@bp.route("/manage", methods=["GET", "POST"])
@page_login_required(STAFF)
def manage():
    user = current_user()
    if request.method == "POST":
        key = request.form.get("key", "").strip().lower()
        doc = {"key": key, "industry": request.form.get("industry", "general"),
               "title": {"en": request.form.get("title_en", "").strip(),
                         "zh": request.form.get("title_zh", "").strip()},
               "summary": {"en": request.form.get("summary_en", "").strip(),
                           "zh": request.form.get("summary_zh", "").strip()},
               "lessons": [{"key": "intro", "title": {"en": "Introduction", "zh": "简介"},
                            "body_html": {"en": "<p>…</p>", "zh": "<p>…</p>"}}]}
        try:
            if not key.replace("_", "").isalnum():
                raise AppError(_("Use letters, digits and underscores for the key."), fields={"key": key})
            if db.session.scalar(select(Course.id).where(Course.key == key)):
                raise AppError(_("A course with this key exists."), fields={"key": key})
            content.validate_course_document(doc)
            draft = content.build_course(doc, version=1, status="draft", actor_id=user.id)
            commit()
        except AppError as exc:
            fail(exc)
            return redirect(url_for("academy.manage"))
        return redirect(url_for("academy.edit_course", course_id=draft.id))
    courses = list(db.session.scalars(select(Course).order_by(Course.key, Course.version.desc())))
    return render_template("academy/manage.html", courses=courses, industries=INDUSTRIES)


def _options_from_form(text: str) -> list[dict]:
    options = []
    for line in (text or "").splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) >= 2 and parts[0]:
            options.append({"key": parts[0], "text": {"en": parts[1], "zh": parts[2] if len(parts) > 2 else parts[1]}})
    return options


def _answer_from_form(kind: str, text: str):
    text = (text or "").strip()
    if kind == "true_false":
        return text.lower() == "true" if text.lower() in ("true", "false") else text
    if kind == "single":
        return text
    return [p.strip() for p in text.split(",") if p.strip()]


@bp.route("/manage/courses/<int:course_id>", methods=["GET", "POST"])
@page_login_required(STAFF)
def edit_course(course_id: int):
    user = current_user()
    found = services.get_course(course_id, user)
    if request.method == "POST":
        action = request.form.get("action")
        try:
            if action == "publish":
                services.publish_course(found)
                commit()
                flash(_("Published version %(v)s.", v=found.version), "success")
                return redirect(url_for("academy.edit_course", course_id=found.id))
            draft = services.draft_for_editing(found, user.id)
            if action == "details":
                draft.title = {"en": request.form.get("title_en", "").strip() or draft.title.get("en"),
                               "zh": request.form.get("title_zh", "").strip()}
                draft.summary = {"en": request.form.get("summary_en", "").strip(),
                                 "zh": request.form.get("summary_zh", "").strip()}
                for name in ("questions_per_attempt", "time_limit_seconds", "cooldown_seconds",
                             "max_attempts_per_day"):
                    number = request.form.get(name, 0, type=int)
                    if number <= 0:
                        raise AppError(_("A positive whole number."), fields={name: _("A positive whole number.")})
                    setattr(draft, name, number)
                try:
                    mark = float(bounded_decimal(request.form.get("pass_mark", "")))
                except NumberError:
                    mark = -1
                if not 0 < mark <= 1:
                    raise AppError(_("The pass mark is a ratio above 0 and at most 1."),
                                   fields={"pass_mark": _("The pass mark is a ratio above 0 and at most 1.")})
                draft.pass_mark = mark
            elif action == "lesson":
                key = request.form.get("lesson_key", "").strip()
                if not key:
                    raise AppError(_("The lesson needs a key."), fields={"lesson_key": ""})
                row = next((x for x in draft.lessons if x.key == key), None)
                if row is None:
                    row = Lesson(key=key, position=len(draft.lessons))
                    draft.lessons.append(row)
                row.title = {"en": request.form.get("title_en", "").strip() or key,
                             "zh": request.form.get("title_zh", "").strip()}
                row.body_html = {"en": clean_html(request.form.get("body_en", "")),
                                 "zh": clean_html(request.form.get("body_zh", ""))}
                minutes = request.form.get("minutes", "5")
                row.minutes = int(minutes) if minutes.isdigit() else 5
            elif action == "question":
                kind = request.form.get("type", "single")
                doc = {"key": request.form.get("question_key", "").strip(), "type": kind,
                       "prompt": {"en": request.form.get("prompt_en", "").strip(),
                                  "zh": request.form.get("prompt_zh", "").strip()},
                       "options": _options_from_form(request.form.get("options", "")),
                       "answer": _answer_from_form(kind, request.form.get("answer", "")),
                       "explanation": {"en": request.form.get("explanation_en", "").strip(),
                                       "zh": request.form.get("explanation_zh", "").strip()}}
                problems: dict = {}
                content.validate_question(doc, "question", problems)
                if problems:
                    raise AppError(_("The question is not complete."), fields=problems)
                row = next((q for q in draft.questions if q.key == doc["key"]), None)
                if row is None:
                    row = Question(key=doc["key"])
                    draft.questions.append(row)
                row.type, row.prompt, row.options = kind, doc["prompt"], doc["options"]
                row.answer, row.explanation = doc["answer"], doc["explanation"]
            elif action in ("delete_lesson", "move_lesson"):
                lessons = sorted(draft.lessons, key=lambda x: x.position)
                index = next((i for i, x in enumerate(lessons) if x.key == request.form.get("lesson_key")), None)
                if index is None:
                    raise AppError(_("No such lesson."), fields={"lesson_key": request.form.get("lesson_key")})
                if action == "delete_lesson":
                    if len(lessons) == 1:
                        raise AppError(_("A course needs at least one lesson."), fields={"lesson_key": ""})
                    draft.lessons.remove(lessons.pop(index))
                else:
                    target = index - 1 if request.values.get("direction") == "up" else index + 1
                    if 0 <= target < len(lessons):
                        lessons[index], lessons[target] = lessons[target], lessons[index]
                for position, lesson in enumerate(lessons):
                    lesson.position = position
            elif action == "delete_question":
                draft.questions[:] = [q for q in draft.questions if q.key != request.form.get("question_key")]
            else:
                abort(400)
            db.session.flush()
            commit()
            flash(_("Saved in draft version %(v)s.", v=draft.version), "success")
            return redirect(url_for("academy.edit_course", course_id=draft.id))
        except AppError as exc:
            fail(exc)
            return redirect(url_for("academy.edit_course", course_id=course_id))
    versions = list(db.session.scalars(select(Course).where(Course.key == found.key).order_by(Course.version.desc())))
    return render_template("academy/edit_course.html", course=found, versions=versions, types=QUESTION_TYPES)


@bp.get("/manage/cohort")
@page_login_required(STAFF)
def cohort():
    """Cohort progress per course: how many members started, finished the lessons, passed the quiz."""
    members = db.session.scalar(select(func.count()).select_from(RoleGrant).where(RoleGrant.role == "member"))
    rows = []
    for found in services.published_courses():
        total = len(found.lessons)
        per_member = db.session.execute(
            select(LessonCompletion.member_id, func.count()).where(LessonCompletion.course_key == found.key)
            .group_by(LessonCompletion.member_id)).all()
        quiz = services.quiz_for(found)
        passed = db.session.scalar(select(func.count(func.distinct(QuizAttempt.member_id))).where(
            QuizAttempt.quiz_id == quiz.id, QuizAttempt.passed.is_(True))) if quiz else 0
        avg = db.session.scalar(select(func.avg(QuizAttempt.score)).where(
            QuizAttempt.quiz_id == quiz.id, QuizAttempt.status == "graded")) if quiz else None
        rows.append({"course": found, "started": len(per_member),
                     "finished_lessons": sum(1 for _m, n in per_member if n >= total), "passed": passed,
                     "average": avg})
    return render_template("academy/cohort.html", rows=rows, members=members)
