"""``flask --app wsgi academy …``: load the course content and give the demo members real progress."""

from __future__ import annotations

from datetime import timedelta

import click
from flask.cli import with_appcontext

from academy import services
from app.auth.services import find_user_by_email
from app.database import commit, rollback
from app.errors import AppError
from app.timeutil import utcnow

# Demo members (created by ``flask seed-demo``) and how far each has come.
DEMO_PROGRESS = {
    "mei@members.demo": {"days": 9, "courses": None, "quizzes": True, "assessment": True},  # every course
    "raj@members.demo": {"days": 3, "courses": 1, "quizzes": True},
    "sofia@members.demo": {"days": 1, "courses": 1, "quizzes": False, "lessons": 2},
}


@click.group(help="The academy: courses, quizzes and member progress.")
def academy() -> None:
    pass


@academy.command("load-content", help="Create or update the published courses from academy/content/ (idempotent).")
@with_appcontext
def load_content() -> None:
    try:
        loaded = services.load_directory(services.content_dir())
        commit()
    except AppError as exc:
        rollback()
        raise click.ClickException(f"{exc.message} {exc.fields}") from exc
    for key, changed in loaded:
        click.echo(f"{key}: {'published a new version' if changed else 'unchanged'}")
    if not loaded:
        click.echo(f"No course files in {services.content_dir() / 'courses'}.")


def pass_quiz(user, quiz_id: int, now) -> dict:
    """Take a quiz through the real services, answering from the attempt's own snapshot (demo only)."""
    attempt = services.start_attempt(user, quiz_id, now=now)
    answers = {str(q["id"]): q["answer"] for q in attempt.questions}
    return services.submit_attempt(user, attempt.id, answers, now=now + timedelta(seconds=60))


@academy.command("seed-demo-progress", help="Give the demo members XP, levels, streaks and badges (idempotent).")
@with_appcontext
def seed_demo_progress() -> None:
    courses = services.published_courses()
    if not courses:
        raise click.ClickException("Load the content first: flask --app wsgi academy load-content")
    for email, plan in DEMO_PROGRESS.items():
        user = find_user_by_email(email)
        if user is None:
            click.echo(f"{email}: not found (run flask seed-demo first)")
            continue
        chosen = courses if plan["courses"] is None else courses[:plan["courses"]]
        days = plan["days"]
        lessons = [lesson for course in chosen for lesson in course.lessons][:plan.get("lessons")]
        for index, lesson in enumerate(lessons):
            day = utcnow() - timedelta(days=days - 1 - (index * days) // max(len(lessons), 1))
            services.record_activity(user, day)
            services.complete_lesson(user, lesson.id)
        for offset in range(days):  # a learning day each day of the streak
            services.record_activity(user, utcnow() - timedelta(days=offset))
        if plan["quizzes"]:
            for course in chosen:
                quiz = services.quiz_for(course)
                if quiz and not services.quiz_passed(user.id, quiz.id):
                    pass_quiz(user, quiz.id, utcnow() - timedelta(minutes=5))
        if plan.get("assessment") and services.latest_assessment(user.id) is None:
            try:
                instrument = services.ipip_instrument()
            except AppError:
                instrument = None
            if instrument:  # a calm, conscientious profile: "4" to every "+" item, "2" to every "-" item
                answers = {str(i["number"]): 4 if i["keyed"] == "+" else 2 for i in instrument["items"]}
                services.submit_assessment(user, instrument, answers)
        services.check_badges(user)
        commit()
        summary = services.member_summary(user)
        click.echo(f"{email}: level {summary['level']}, {summary['xp']} XP, {summary['streak_days']}-day streak, "
                   f"{len(summary['badges'])} badges")
