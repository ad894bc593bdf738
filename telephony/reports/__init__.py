"""Reports: a campaign's contact-center figures by interval, day, ISO week and month, per member,
and a member's own — from aggregates kept up to date as interactions change (``services``), never
from a scan of the raw calls; JSON, CSV and XLSX; the pages with charts; scheduled reports."""


def init_app(app) -> None:
    """Register the reports API and pages, the receivers that keep the aggregates, the delivery
    of scheduled reports, and `flask telephony reports-rebuild`."""
    from app import register_api_blueprint
    from app.schedule import register_periodic
    from telephony.reports import api, cli, receivers, tasks, views  # noqa: F401 - cli adds its commands

    register_api_blueprint(app, api.bp)
    app.register_blueprint(views.bp)
    receivers.connect()
    register_periodic("reports-scheduled", tasks.deliver_scheduled_reports, tasks.DELIVER_EVERY)
