"""The member's learning pages: the catalog, a course, a lesson, taking a quiz and its review."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from academy import services
from academy.labels import BADGE_LABELS
from academy.models import INDUSTRIES, Lesson, QuizAttempt
from academy.views.blueprint import bp, fail, locale
from app.auth.guards import current_user, get_own_or_404, page_login_required
from app.database import commit
from app.errors import AppError, NotFound
from app.extensions import db


@bp.get("/")
@page_login_required()
def catalog():
    user = current_user()
    industry = request.args.get("industry") if request.args.get("industry") in INDUSTRIES else None
    courses = services.published_courses(industry)
    progress = {c.id: services.course_progress(user.id, c) for c in courses} if user.has_role("member") else {}
    return render_template("academy/catalog.html", courses=courses, progress=progress, industry=industry,
                           industries=INDUSTRIES, summary=services.member_summary(user))


@bp.get("/courses/<int:course_id>")
@page_login_required()
def course(course_id: int):
    user = current_user()
    found = services.get_course(course_id, user)
    return render_template("academy/course.html", course=found, progress=services.course_progress(user.id, found),
                           done=services.completed_lesson_keys(user.id, found.key), quiz=services.quiz_for(found))


@bp.route("/lessons/<int:lesson_id>", methods=["GET", "POST"])
@page_login_required()
def lesson(lesson_id: int):
    user = current_user()
    found = db.session.get(Lesson, lesson_id)
    if found is None:
        raise NotFound()
    services.get_course(found.course_id, user)  # drafts stay hidden from members
    if request.method == "POST":
        try:
            result = services.complete_lesson(user, lesson_id)
            commit()
        except AppError as exc:
            fail(exc)
            return redirect(url_for("academy.lesson", lesson_id=lesson_id))
        if result["xp_awarded"]:
            flash(_("Lesson done: +%(xp)s XP", xp=result["xp_awarded"]), "success")
        lessons = found.course.lessons
        following = next((x for x in lessons if x.position > found.position), None)
        if following is not None:
            return redirect(url_for("academy.lesson", lesson_id=following.id))
        return redirect(url_for("academy.course", course_id=found.course_id))
    done = found.key in services.completed_lesson_keys(user.id, found.course.key)
    return render_template("academy/lesson.html", lesson=found, done=done)


@bp.post("/quizzes/<int:quiz_id>/start")
@page_login_required()
def start_quiz(quiz_id: int):
    user = current_user()
    try:
        attempt = services.start_attempt(user, quiz_id)
        commit()
    except AppError as exc:
        open_id = exc.fields.get("attempt_id")
        fail(exc)
        if open_id:
            return redirect(url_for("academy.attempt", attempt_id=open_id))
        return redirect(request.referrer or url_for("academy.catalog"))
    return redirect(url_for("academy.attempt", attempt_id=attempt.id))


def _form_answers(attempt: QuizAttempt) -> dict:
    answers = {}
    for question in attempt.questions:
        name = f"q{question['id']}"
        if question["type"] in ("single", "true_false"):
            value = request.form.get(name)
            if value is not None:
                answers[str(question["id"])] = value
        elif question["type"] == "multiple":
            values = request.form.getlist(name)
            if values:
                answers[str(question["id"])] = values
        else:
            ranks = {o["key"]: request.form.get(f"{name}-{o['key']}", "") for o in question["options"]}
            if all(r.isdigit() for r in ranks.values()):
                answers[str(question["id"])] = sorted(ranks, key=lambda k: int(ranks[k]))
    return answers


@bp.route("/attempts/<int:attempt_id>", methods=["GET", "POST"])
@page_login_required()
def attempt(attempt_id: int):
    user = current_user()
    found = get_own_or_404(QuizAttempt, attempt_id, user)
    if request.method == "POST":
        try:
            result = services.submit_attempt(user, attempt_id, _form_answers(found))
            commit()
        except AppError as exc:
            fail(exc)
            return redirect(url_for("academy.attempt", attempt_id=attempt_id))
        if result["xp_awarded"]:
            flash(_("+%(xp)s XP", xp=result["xp_awarded"]), "success")
        for badge in result["badges_awarded"]:
            flash(_("New badge: %(badge)s", badge=BADGE_LABELS.get(badge, badge)), "success")
        return redirect(url_for("academy.attempt", attempt_id=attempt_id))
    if found.status != "open":
        return render_template("academy/result.html", attempt=found,
                               review=services.attempt_review(found, locale()))
    view = services.attempt_view(found, locale())
    return render_template("academy/attempt.html", attempt=found, view=view)
