"""Marketplace: where enterprises size and buy surge capacity and members find work.

Today: the staffing calculator (Erlang C / Erlang A) as an API and a page.
"""


def init_app(app) -> None:
    from app import register_api_blueprint
    from marketplace import api, views

    register_api_blueprint(app, api.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(views.campaigns_bp)
