"""The cloud academy: courses, lessons, quizzes, XP, levels, streaks, badges, leaderboards, assessments."""

from __future__ import annotations


def init_app(app) -> None:
    """Register the academy's API and pages, its CLI commands and its section of ``GET /me``."""
    from academy import api, cli, views
    from academy.services import member_section
    from app import register_api_blueprint
    from app.auth.api import register_member_section
    from app.cli import add_demo_step

    register_api_blueprint(app, api.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(views.media.bp)
    app.cli.add_command(cli.academy)
    register_member_section(member_section)
    add_demo_step(cli.load_content, order=10)
    add_demo_step(cli.seed_demo_progress, order=30)
    from academy.home import course_step
    from app.web.home import add_home_step

    add_home_step(course_step, order=10)
