"""Trust: certifications (grant, renew, expire, revoke), practical grading, skill tags and tiers.

Importing this package is cheap on purpose: ``python -m certification.verify`` runs offline with
only the standard library and ``cryptography``.
"""

from __future__ import annotations


def init_app(app) -> None:
    """Register the certification API and pages, CLI commands, receivers and the ``GET /me`` section."""
    from app import register_api_blueprint
    from app.auth.api import register_member_section
    from app.cli import add_demo_step
    from app.schedule import register_periodic
    from certification import api, cli, receivers, tasks, views
    from certification.services import member_section

    register_api_blueprint(app, api.bp)
    app.register_blueprint(views.bp)
    app.cli.add_command(cli.certification)
    receivers.connect()
    register_member_section(member_section)
    register_periodic("certification-nightly", tasks.nightly, tasks.NIGHTLY)
    add_demo_step(cli.load_command, order=20)
    add_demo_step(cli.seed_demo_progress, order=40)
    from app.web.home import add_home_step
    from certification.home import certification_step

    add_home_step(certification_step, order=20)
