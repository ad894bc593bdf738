"""Marketplace: where enterprises size and buy surge capacity and members find work.

One sub-package per aggregate, each with the same rooms (services, queries, schemas, api, views,
tasks): ``campaigns`` (lifecycle, escrow through payouts, the wizard), ``staffing`` (Erlang C / A
and the plans that become shifts), ``shifts`` (seats, claims, waitlists, attendance, the
calendar), ``members`` (work profile, reliability, eligibility), ``feed`` (the member's ranked
feed), ``contacts`` (outbound contact lists, Do-Not-Call, and the dialing services telephony
calls); ``models`` holds the tables, one module per aggregate.
"""


def init_app(app) -> None:
    from app import register_api_blueprint
    from app.cli import add_demo_step
    from app.lookups import register_name_lookup
    from app.schedule import register_periodic
    from marketplace import cli
    from marketplace.campaigns import api as campaigns_api
    from marketplace.campaigns import views as campaigns_views
    from marketplace.campaigns.queries import campaign_ids_named
    from marketplace.contacts import api as contacts_api
    from marketplace.contacts import tasks as contacts_tasks
    from marketplace.contacts import views as contacts_views
    from marketplace.feed import api as feed_api
    from marketplace.feed import views as feed_views
    from marketplace.members import api as members_api
    from marketplace.members import views as members_views
    from marketplace.qa import receivers as qa_receivers
    from marketplace.shifts import api as shifts_api
    from marketplace.shifts import receivers as shifts_receivers
    from marketplace.shifts import tasks as shifts_tasks
    from marketplace.staffing import api as staffing_api
    from marketplace.staffing import views as staffing_views

    for blueprint in (staffing_api.bp, campaigns_api.bp, feed_api.bp, shifts_api.bp, members_api.bp, contacts_api.bp):
        register_api_blueprint(app, blueprint)
    for blueprint in (staffing_views.bp, campaigns_views.bp, feed_views.bp, members_views.bp, contacts_views.bp):
        app.register_blueprint(blueprint)
    shifts_receivers.connect()
    qa_receivers.connect()
    register_periodic("marketplace-no-shows", shifts_tasks.sweep_no_shows, shifts_tasks.NO_SHOW_EVERY)
    register_periodic("marketplace-stalled-imports", contacts_tasks.resume_stalled_imports,
                      contacts_tasks.STALLED_IMPORTS_EVERY)
    add_demo_step(cli.seed_demo_campaigns, order=60)
    register_name_lookup("campaign", campaign_ids_named)
    from app.web.home import add_home_section, add_home_step
    from marketplace.shifts.home import claim_step, next_shift

    add_home_step(claim_step, order=30)
    add_home_section(next_shift, order=10)
