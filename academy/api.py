"""Academy API: the catalog, lessons, quiz attempts, the caller's progress and the leaderboards."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy.exc import OperationalError

from academy import grading, services
from academy.models import Course, QuizAttempt
from academy.schemas import (
    AssessmentIn,
    AssessmentOut,
    AttemptOut,
    CourseDetailOut,
    CourseQuery,
    CoursesOut,
    LeaderboardOut,
    LeaderboardQuery,
    LessonDoneOut,
    MeOut,
    SubmitIn,
    SubmitOut,
    TypingIn,
    TypingStartOut,
)
from app.auth.guards import get_own_or_404, require_user, token_auth
from app.database import commit, rollback
from app.errors import error_body

bp = APIBlueprint("academy_api", __name__, url_prefix="/api/v1/academy", tag="Academy")


@bp.errorhandler(OperationalError)
def database_busy(error: OperationalError):
    """SQLite (the embedded default) refuses a second concurrent writer instead of queueing it: the
    losing request of a double submit gets a 409 and changes nothing, as on PostgreSQL."""
    rollback()
    if "locked" not in str(error.orig).lower():
        raise error
    return error_body("busy", _("Another request is changing this right now. Try again.")), 409


def _locale() -> str:
    locale = get_locale()
    return locale.language if locale else "en"


def course_out(course: Course, user, *, detail: bool = False) -> dict:
    locale = _locale()
    is_member = user.has_role("member")
    quiz = services.quiz_for(course)
    body = {"id": course.id, "key": course.key, "version": course.version, "status": course.status,
            "industry": course.industry, "title": grading.localized(course.title, locale),
            "summary": grading.localized(course.summary, locale), "quiz_id": quiz.id if quiz else None,
            "progress": services.course_progress(user.id, course) if is_member else None}
    if detail:
        done = services.completed_lesson_keys(user.id, course.key) if is_member else set()
        body["lessons"] = [{"id": x.id, "key": x.key, "title": grading.localized(x.title, locale),
                            "minutes": x.minutes, "completed": x.key in done,
                            "body_html": grading.localized(x.body_html, locale)} for x in course.lessons]
        body["quiz"] = {"questions_per_attempt": course.questions_per_attempt, "pass_mark": course.pass_mark,
                        "time_limit_seconds": course.time_limit_seconds,
                        "cooldown_seconds": course.cooldown_seconds,
                        "max_attempts_per_day": course.max_attempts_per_day}
    return body


@bp.get("/courses")
@bp.auth_required(token_auth)
@bp.input(CourseQuery, location="query", arg_name="query")
@bp.output(CoursesOut)
@bp.doc(summary="The published courses with the caller's progress")
def list_courses(query):
    user = require_user()
    return {"items": [course_out(c, user) for c in services.published_courses(query["industry"])]}


@bp.get("/courses/<int:course_id>")
@bp.auth_required(token_auth)
@bp.output(CourseDetailOut)
@bp.doc(summary="A course with its lessons and the caller's progress", responses=[404])
def get_course(course_id):
    user = require_user()
    return course_out(services.get_course(course_id, user), user, detail=True)


@bp.post("/lessons/<int:lesson_id>/complete")
@bp.auth_required(token_auth)
@bp.output(LessonDoneOut)
@bp.doc(summary="Mark a lesson done (XP once)", responses=[403, 404])
def complete_lesson(lesson_id):
    result = services.complete_lesson(require_user(), lesson_id)
    commit()
    return result


@bp.post("/quizzes/<int:quiz_id>/attempts")
@bp.auth_required(token_auth)
@bp.output(AttemptOut, status_code=201)
@bp.doc(summary="Start an attempt: questions drawn at random, options shuffled, no answers",
        description="409 `attempt_open` (one at a time), `cooldown` or `attempt_limit` (with Retry-After).",
        responses=[403, 404, 409])
def start_attempt(quiz_id):
    attempt = services.start_attempt(require_user(), quiz_id)
    commit()
    return services.attempt_view(attempt, _locale())


@bp.get("/attempts/<int:attempt_id>")
@bp.auth_required(token_auth)
@bp.output(AttemptOut)
@bp.doc(summary="An attempt of the caller (the questions again, without answers)", responses=[404])
def get_attempt(attempt_id):
    attempt = get_own_or_404(QuizAttempt, attempt_id, require_user())
    return services.attempt_view(attempt, _locale())


@bp.post("/attempts/<int:attempt_id>/submit")
@bp.auth_required(token_auth)
@bp.input(SubmitIn, arg_name="data")
@bp.output(SubmitOut)
@bp.doc(summary="Submit the answers: graded on the server, locked",
        description="409 `attempt_closed` (submitted already) or `attempt_expired` (after the time limit); "
                    "422 for unknown question ids or invalid choices; 404 for another member's attempt.",
        responses=[403, 404, 409, 422])
def submit_attempt(attempt_id, data):
    result = services.submit_attempt(require_user(), attempt_id, data["answers"])
    commit()
    return result


@bp.get("/me")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(MeOut)
@bp.doc(summary="The caller's XP, level, streak and badges", responses=[403])
def me():
    return services.member_summary(require_user())


@bp.get("/leaderboard")
@bp.auth_required(token_auth)
@bp.input(LeaderboardQuery, location="query", arg_name="query")
@bp.output(LeaderboardOut)
@bp.doc(summary="Top members by XP this week, this month or of all time; globally or per industry")
def leaderboard(query):
    return {"period": query["period"], "industry": query["industry"],
            "items": services.leaderboard(query["period"], query["industry"], query["limit"])}


@bp.post("/assessments/ipip50")
@bp.auth_required(token_auth)
@bp.input(AssessmentIn, arg_name="data")
@bp.output(AssessmentOut, status_code=201)
@bp.doc(summary="Answer the IPIP 50-item Big-Five markers; returns the trait scores", responses=[403, 404, 422])
def submit_ipip(data):
    instrument = services.ipip_instrument()
    result = services.submit_assessment(require_user(), instrument, data["answers"])
    commit()
    return result



@bp.post("/assessments/typing/start")
@bp.auth_required(token_auth)
@bp.output(TypingStartOut, status_code=201)
@bp.doc(summary="Start the typing check for chat work: a passage and a ticket timed by the server",
        responses=[403])
def start_typing():
    return services.start_typing_check(require_user(), _locale())


@bp.post("/assessments/typing")
@bp.auth_required(token_auth)
@bp.input(TypingIn, arg_name="data")
@bp.output(AssessmentOut, status_code=201)
@bp.doc(summary="Submit the typed passage: characters per minute and accuracy", responses=[403, 422])
def submit_typing(data):
    result = services.submit_typing_check(require_user(), data["ticket"], data["typed"])
    commit()
    return result
