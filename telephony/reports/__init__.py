"""Reports: a campaign's contact-center figures by interval, day, ISO week and month, per member,
and a member's own — from aggregates kept up to date as interactions change (``services``), never
from a scan of the raw calls; JSON, CSV and XLSX; the pages with charts; scheduled reports."""


def init_app(app) -> None:
    """Register the reports API and pages, and the receivers that keep the aggregates."""
    from app import register_api_blueprint
    from telephony.reports import api, receivers, views

    register_api_blueprint(app, api.bp)
    app.register_blueprint(views.bp)
    receivers.connect()
