"""Quality: transcripts, scorecards, automatic scoring, the review queue, disputes, calibration
and customer satisfaction. Scoring itself is pure Python in ``quality.scoring`` (no Flask, no
session); the rest reacts to ``interaction_completed`` and decides, through ``qa_decided``,
whether a member's pending earning is paid, held for a person or refused.
"""


def init_app(app) -> None:
    """Register quality's blueprints, receivers, jobs and the review sweep."""
    from app import register_api_blueprint
    from app.schedule import register_periodic
    from quality import api, models, queries, receivers, tasks, views  # noqa: F401 - models: the tables

    register_api_blueprint(app, api.bp)
    app.register_blueprint(views.bp)
    receivers.connect()
    from quality.cli import qa_cli

    app.cli.add_command(qa_cli)
    from telephony.queries import QA_SUMMARY

    if queries.qa_summary not in QA_SUMMARY:
        QA_SUMMARY.append(queries.qa_summary)
    register_periodic("quality-reviews", tasks.sweep_reviews, tasks.SWEEP_EVERY)
    from app.web.home import add_home_section
    from quality.home import latest_qa

    add_home_section(latest_qa, order=40)
