"""Marketplace: where enterprises size and buy surge capacity and members find work.

Campaigns and their lifecycle (escrow through payouts), the staffing calculator (Erlang C / A),
shifts from the staffing plan, atomic claims with waitlists and check-in, eligibility with the
way to unlock it, the member's ranked feed, outbound contact lists and Do-Not-Call.
"""


def init_app(app) -> None:
    from app import register_api_blueprint
    from app.cli import add_demo_step
    from app.schedule import register_periodic
    from marketplace import api, cli, tasks, views, work_api, work_views

    register_api_blueprint(app, api.bp)
    register_api_blueprint(app, work_api.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(views.campaigns_bp)
    app.register_blueprint(work_views.bp)
    register_periodic("marketplace-no-shows", tasks.sweep_no_shows, tasks.NO_SHOW_EVERY)
    register_periodic("marketplace-stalled-imports", tasks.resume_stalled_imports, tasks.STALLED_IMPORTS_EVERY)
    add_demo_step(cli.seed_demo_campaigns, order=60)

    from marketplace import contacts_api, contacts_views  # outbound contact lists and Do-Not-Call

    register_api_blueprint(app, contacts_api.bp)
    app.register_blueprint(contacts_views.bp)
