"""Academy pages: the member's catalog, lessons, quizzes, profile and leaderboard (phone first), and the
trainer's course authoring and cohort progress."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import func, select

from academy import content, grading, rules, services
from academy.models import INDUSTRIES, QUESTION_TYPES, Course, Lesson, LessonCompletion, Question, QuizAttempt
from academy.sanitize import clean_html
from app.auth.guards import current_user, get_own_or_404, page_login_required
from app.auth.models import RoleGrant
from app.database import commit, rollback
from app.errors import AppError, NotFound, error_text
from app.extensions import db
from app.numbers import NumberError, bounded_decimal

bp = Blueprint("academy", __name__, url_prefix="/academy", template_folder="templates",
               static_folder="static", static_url_path="/academy-static")
STAFF = ("trainer", "admin")

INDUSTRY_LABELS = {"general": _l("Customer service"), "ecommerce": _l("E-commerce"), "finance": _l("Finance"),
                   "energy": _l("Energy & utilities"), "government": _l("Government hotline"),
                   "travel": _l("Travel"), "food_delivery": _l("Food delivery")}
BADGE_LABELS = {"first_lesson": _l("First lesson"), "first_course": _l("First course"),
                "perfect_quiz": _l("Perfect quiz"), "streak_7": _l("7-day streak"), "level_5": _l("Level 5"),
                "first_certification": _l("First certification"), "calls_100": _l("100 calls")}
BADGE_RULES = {"first_lesson": _l("Complete your first lesson."),
               "first_course": _l("Complete every lesson of a course and pass its quiz."),
               "perfect_quiz": _l("Answer every question of a quiz correctly."),
               "streak_7": _l("Learn 7 days in a row."), "level_5": _l("Reach level 5."),
               "first_certification": _l("Earn your first certification."),
               "calls_100": _l("Complete 100 calls.")}
FACTOR_LABELS = {"extraversion": _l("Extraversion"), "agreeableness": _l("Agreeableness"),
                 "conscientiousness": _l("Conscientiousness"), "emotional_stability": _l("Emotional stability"),
                 "intellect": _l("Intellect / imagination")}


def locale() -> str:
    value = get_locale()
    return value.language if value else "en"


@bp.app_template_filter("loc")
def _localized(text) -> str:
    return grading.localized(text, locale())


@bp.app_template_filter("lesson_html")
def _lesson_html(text) -> Markup:
    return Markup(clean_html(grading.localized(text, locale())))  # noqa: S704 - cleaned by the allow-list


@bp.app_context_processor
def _labels():
    return {"industry_labels": INDUSTRY_LABELS, "badge_labels": BADGE_LABELS, "badge_rules": BADGE_RULES,
            "factor_labels": FACTOR_LABELS}


def _fail(exc: AppError) -> None:
    rollback()
    flash(error_text(exc), "error")


# --- member pages ------------------------------------------------------------------------

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
            _fail(exc)
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
        _fail(exc)
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
            _fail(exc)
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


def _ring(ratio: float, radius: int = 36) -> dict:
    circumference = 2 * 3.14159 * radius
    return {"r": radius, "c": round(circumference, 2), "offset": round(circumference * (1 - ratio), 2),
            "pct": round(ratio * 100)}


@bp.get("/me")
@page_login_required(["member"])
def profile():
    user = current_user()
    summary = services.member_summary(user)
    courses = [(c, services.course_progress(user.id, c)) for c in services.published_courses()]
    rings = {"level": _ring(summary["level_ratio"])}
    return render_template("academy/profile.html", summary=summary, courses=courses, rings=rings, make_ring=_ring,
                           badge_keys=rules.BADGE_KEYS, assessment=services.latest_assessment(user.id),
                           curve=[(lvl, rules.xp_for_level(lvl)) for lvl in range(1, 11)])


@bp.get("/leaderboard")
@page_login_required()
def leaderboard():
    period = request.args.get("period") if request.args.get("period") in services.PERIODS else "week"
    industry = request.args.get("industry") if request.args.get("industry") in INDUSTRIES else None
    rows = services.leaderboard(period, industry, 50)
    return render_template("academy/leaderboard.html", rows=rows, period=period, industry=industry,
                           industries=INDUSTRIES)


@bp.route("/assessment", methods=["GET", "POST"])
@page_login_required(["member"])
def assessment():
    user = current_user()
    try:
        instrument = services.ipip_instrument()
    except NotFound:
        instrument = None
    errors = {}
    if request.method == "POST" and instrument:
        answers = {}
        for item in instrument["items"]:
            value = request.form.get(f"i{item['number']}", "")
            if value.isdigit():
                answers[str(item["number"])] = int(value)
        try:
            services.submit_assessment(user, instrument, answers)
            commit()
            flash(_("Thank you. Your trait scores are on your profile."), "success")
            return redirect(url_for("academy.profile"))
        except AppError as exc:
            _fail(exc)
            errors = exc.fields
    return render_template("academy/assessment.html", instrument=instrument, errors=errors,
                           latest=services.latest_assessment(user.id))


@bp.route("/typing", methods=["GET", "POST"])
@page_login_required(["member"])
def typing_check():
    """The typing and writing check for chat work: type the passage; the server keeps the time."""
    user = current_user()
    result = None
    if request.method == "POST":
        try:
            result = services.submit_typing_check(user, request.form.get("ticket", ""), request.form.get("typed", ""))
            commit()
        except AppError as exc:
            _fail(exc)
            return redirect(url_for("academy.typing_check"))
    check = services.start_typing_check(user, locale())
    return render_template("academy/typing.html", check=check, result=result,
                           latest=services.latest_typing(user.id))


# --- trainer pages ---------------------------------------------------------------------------

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
            _fail(exc)
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
            _fail(exc)
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

