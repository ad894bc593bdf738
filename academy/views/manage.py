"""The trainer's pages: authoring courses (drafts, lessons, the question bank) and cohort progress."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from academy import content, grading, services
from academy.models import INDUSTRIES, QUESTION_TYPES, Course, Lesson, LessonCompletion, Question, QuizAttempt
from academy.sanitize import html_to_markdown, markdown_to_html
from academy.views.blueprint import STAFF, bp, fail, locale
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
               "title": _one_language(request.form.get("title_en", ""), request.form.get("title_zh", "")),
               "summary": _one_language(request.form.get("summary_en", ""), request.form.get("summary_zh", "")),
               "lessons": [{"key": "intro", "title": {"en": "Introduction", "zh": "简介"},
                            "body_html": {"en": "<p>…</p>", "zh": "<p>…</p>"}}]}
        try:
            _require_one_title(doc["title"])
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


OPTION_KEYS = "abcdefgh"


def _require_one_title(title: dict) -> None:
    """A course (or lesson) may be written in one language: either title will do, not neither."""
    if not (title.get("en") or title.get("zh")):
        raise AppError(_("Give a title in English or in Chinese."), fields={"title_en": _("Enter a title.")})


def _one_language(en: str, zh: str) -> dict:
    """Text typed in one or both languages; a missing one falls back to the other when shown."""
    return {"en": en.strip() or zh.strip(), "zh": zh.strip() or en.strip()}


def _options_from_form(form) -> list[dict]:
    """The question form's option rows (a, b, c, …), each in English and/or Chinese; blank rows dropped."""
    options = []
    for key in OPTION_KEYS:
        en, zh = form.get(f"option_{key}_en", "").strip(), form.get(f"option_{key}_zh", "").strip()
        if en or zh:
            options.append({"key": key, "text": _one_language(en, zh)})
    return options


def _answer_from_form(kind: str, form, options: list[dict]):
    """The right answer from the form's controls: a true/false choice, the option marked correct,
    the options ticked, or the order numbers typed next to the options."""
    if kind == "true_false":
        value = form.get("answer_tf", "")
        return value == "true" if value in ("true", "false") else ""
    keys = [o["key"] for o in options]
    if kind == "single":
        return form.get("correct", "") if form.get("correct", "") in keys else ""
    if kind == "ordering":
        ranks = {k: form.get(f"rank_{k}", "").strip() for k in keys}
        if not all(r.isdigit() for r in ranks.values()):
            return []
        return sorted(keys, key=lambda k: int(ranks[k]))
    return [k for k in form.getlist("correct") if k in keys]


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
                title = {"en": request.form.get("title_en", "").strip(), "zh": request.form.get("title_zh", "").strip()}
                _require_one_title(title)
                draft.title = title
                draft.summary = {"en": request.form.get("summary_en", "").strip(),
                                 "zh": request.form.get("summary_zh", "").strip()}
                for name in ("questions_per_attempt", "time_limit_seconds", "cooldown_seconds",
                             "max_attempts_per_day"):
                    number = request.form.get(name, 0, type=int)
                    if number <= 0:
                        raise AppError(_("A positive whole number."), fields={name: _("A positive whole number.")})
                    setattr(draft, name, number)
                try:
                    percent = float(bounded_decimal(request.form.get("pass_mark_percent", "").strip().rstrip("%")))
                except NumberError:
                    percent = -1
                if not 0 < percent <= 100:
                    raise AppError(_("The pass mark is a percentage above 0 and at most 100."),
                                   fields={"pass_mark_percent": _("Enter a number from 1 to 100.")})
                draft.pass_mark = round(percent / 100, 4)
            elif action == "lesson":
                key = request.form.get("lesson_key", "").strip()
                if not key:
                    raise AppError(_("The lesson needs a key."), fields={"lesson_key": ""})
                row = next((x for x in draft.lessons if x.key == key), None)
                if row is None:
                    row = Lesson(key=key, position=len(draft.lessons))
                    draft.lessons.append(row)
                row.title = _one_language(request.form.get("title_en", "") or key, request.form.get("title_zh", ""))
                # The editor writes Markdown (HTML inside it still works); both become allow-listed HTML.
                body_en, body_zh = request.form.get("body_en", ""), request.form.get("body_zh", "")
                row.body_html = {"en": markdown_to_html(body_en or body_zh), "zh": markdown_to_html(body_zh or body_en)}
                row.body_markdown = {"en": body_en, "zh": body_zh}  # reopened as typed
                minutes = request.form.get("minutes", "5")
                row.minutes = int(minutes) if minutes.isdigit() else 5
            elif action == "question":
                kind = request.form.get("type", "single")
                options = [] if kind == "true_false" else _options_from_form(request.form)
                doc = {"key": request.form.get("question_key", "").strip(), "type": kind,
                       "prompt": _one_language(request.form.get("prompt_en", ""), request.form.get("prompt_zh", "")),
                       "options": options,
                       "answer": _answer_from_form(kind, request.form, options),
                       "explanation": _one_language(request.form.get("explanation_en", ""),
                                                    request.form.get("explanation_zh", ""))}
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
    return render_template("academy/edit_course.html", course=found, versions=versions, types=QUESTION_TYPES,
                           option_keys=OPTION_KEYS, answer_text=_answer_text, editor_labels=_editor_labels(),
                           lesson_source=_lesson_source)


def _lesson_source(lesson: Lesson, language: str) -> str:
    """What the editor opens: the Markdown as the trainer typed it; for a lesson saved before that
    was kept, its HTML converted to Markdown."""
    if lesson.body_markdown is not None:
        return lesson.body_markdown.get(language) or ""
    return html_to_markdown((lesson.body_html or {}).get(language) or "")


def _answer_text(question: Question) -> str:
    """The right answer in words (the options' texts), not keys."""
    if question.type == "true_false":
        return _("True") if question.answer else _("False")
    texts = {o["key"]: grading.localized(o["text"], locale()) for o in question.options}
    answers = [question.answer] if isinstance(question.answer, str) else list(question.answer or [])
    return (" → " if question.type == "ordering" else "; ").join(texts.get(a, a) for a in answers)


def _editor_labels() -> dict:
    return {"bold": _("Bold"), "italic": _("Italic"), "heading": _("Heading"), "list": _("List"),
            "numbered": _("Numbered list"), "quote": _("Quote"), "link": _("Link"), "image": _("Image"),
            "preview": _("Preview")}


@bp.post("/manage/preview")
@page_login_required(STAFF)
def preview_lesson():
    """The editor's preview: the Markdown rendered and sanitised exactly as a member will see it."""
    return Response(markdown_to_html(request.form.get("markdown", "")), mimetype="text/html")


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
