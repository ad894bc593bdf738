"""Crowdline's application factory: a short list of ``init_app`` and ``register_*`` calls.

``create_app(overrides)`` reads the environment (``app.config``), applies test overrides, binds
the extensions and registers blueprints, error handlers, CLI commands and signal receivers. It
runs no queries and connects to nothing: connections open on first use.
"""

from __future__ import annotations

import logging
import os
from importlib import import_module
from importlib.util import find_spec

from apiflask import APIFlask
from flask import has_request_context, request, session
from werkzeug.middleware.proxy_fix import ProxyFix

from app import config as settings
from app import formatting
from app.extensions import babel, csrf, db, limiter, migrate, redis_store

__all__ = ["create_app"]

# The domain packages, in dependency order. Each one that is present has an ``init_app(app)`` in
# its ``__init__.py`` that registers its blueprints, CLI commands and signal receivers.
DOMAINS = ("ledger", "payouts", "academy", "certification", "marketplace", "telephony", "quality")


def create_app(overrides: dict | None = None) -> APIFlask:
    overrides = dict(overrides or {})
    app = APIFlask(
        __name__,
        title="Crowdline API",
        version="1.0.0",
        spec_path="/api/v1/openapi.json",
        docs_path="/api/v1/docs",
        instance_path=overrides.pop("INSTANCE_PATH", None) or os.environ.get("CROWDLINE_INSTANCE_PATH") or None,
    )
    testing = bool(overrides.get("TESTING"))
    app.config.update(settings.from_environment(app.instance_path, testing=testing))
    app.config.update(overrides)
    if not app.config.get("TRUSTED_HOSTS"):
        from app.urls import trusted_hosts

        app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config)
    from app.errors import ErrorOut

    app.config.update(HTTP_ERROR_SCHEMA=ErrorOut, VALIDATION_ERROR_SCHEMA=ErrorOut)
    if testing and not app.config.get("REDIS_URL") and "RQ_INLINE" not in overrides:
        app.config["RQ_INLINE"] = True  # no Redis server configured: jobs run in-process
    if not app.config.get("RATELIMIT_STORAGE_URI"):
        # One web process in the embedded default keeps its counters in memory; scale-out uses Redis.
        app.config["RATELIMIT_STORAGE_URI"] = _limiter_storage(app.config.get("REDIS_URL"))

    register_extensions(app)
    trust_proxies(app)
    register_request_limits(app)
    register_blueprints(app)
    register_error_handlers(app)
    retry_locked_writes(app)
    register_request_hooks(app)
    formatting.register(app)
    register_commands(app)
    configure_logging(app)
    return app


def _limiter_storage(redis_url: str | None) -> str:
    if not redis_url:
        return "memory://"
    if redis_url.startswith("unix://"):
        return "redis+unix://" + redis_url[len("unix://"):]
    return redis_url


def register_extensions(app: APIFlask) -> None:
    from app.database import configure_sqlite

    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"),
                     render_as_batch=True, compare_type=True)
    babel.init_app(app, locale_selector=select_locale,
                   default_translation_directories=";".join(translation_directories(app)))
    csrf.init_app(app)
    limiter.init_app(app)
    redis_store.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)  # attaches listeners; opens no connection


def trust_proxies(app: APIFlask) -> None:
    """Behind ``TRUSTED_PROXIES`` proxies (a count), take the client's address, scheme and host from
    their ``X-Forwarded-*`` headers; with none set, those headers are ignored."""
    count = int(app.config.get("TRUSTED_PROXIES") or 0)
    if count > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def register_request_limits(app: APIFlask) -> None:
    """Before the blueprints: every ``<int:…>`` route gets the bounded id converter."""
    from app.requests import register

    register(app)


def retry_locked_writes(app: APIFlask) -> None:
    """After the blueprints: on SQLite, every view runs again when its write meets a lock."""
    from app.database import retry_locked_writes as wrap

    wrap(app)


def enabled_domains() -> list[str]:
    """The domain packages present, or only those named in ``CROWDLINE_DOMAINS`` (comma-separated)."""
    wanted = os.environ.get("CROWDLINE_DOMAINS")
    names = DOMAINS if wanted is None else [n.strip() for n in wanted.split(",") if n.strip()]
    return [name for name in DOMAINS if name in names and find_spec(name) is not None]


def translation_directories(app: APIFlask) -> list[str]:
    """The core's catalog and each domain's own (``<domain>/translations``); Flask-Babel merges them."""
    project = os.path.dirname(app.root_path)
    directories = [os.path.join(app.root_path, "translations")]
    for name in DOMAINS:
        candidate = os.path.join(project, name, "translations")
        if os.path.isdir(candidate):
            directories.append(candidate)
    return directories


def register_blueprints(app: APIFlask) -> None:
    from app.auth.api import bp as accounts_api
    from app.notifications.views import bp as notifications
    from app.web.views import bp as web

    register_api_blueprint(app, accounts_api)
    app.register_blueprint(web)
    app.register_blueprint(notifications)
    for name in enabled_domains():
        import_module(name).init_app(app)


def register_api_blueprint(app: APIFlask, blueprint) -> None:
    """JSON blueprints authenticate with bearer tokens, not cookies: no CSRF exposure."""
    csrf.exempt(blueprint)
    app.register_blueprint(blueprint)


def register_error_handlers(app: APIFlask) -> None:
    from app.errors import register_error_handlers as register
    from app.openapi import document_errors

    register(app)
    app.spec_processor(document_errors)  # the OpenAPI document lists the errors every operation can answer


def select_locale() -> str:
    """The profile's language, then the one chosen in this browser, then Accept-Language."""
    from app.auth.guards import current_user

    languages = settings.SUPPORTED_LOCALES
    if not has_request_context():  # CLI commands and jobs
        return "en"
    chosen = session.get("lang")
    if not request.path.startswith("/api/"):
        user = current_user()
        if user is not None and user.locale in languages:
            return user.locale
        if chosen in languages:
            return chosen
    return request.accept_languages.best_match(languages) or "en"


def register_request_hooks(app: APIFlask) -> None:
    from flask_babel import get_locale

    from app.auth.guards import current_user

    @app.context_processor
    def _template_globals():
        locale = get_locale()
        return {
            "current_user": current_user(),
            "current_locale": locale.language if locale else "en",
            # The shell's names carry a prefix no page uses, so a page's own variables cannot hide them.
            "ui_languages": {"en": "English", "zh": "简体中文"},
        }

    @app.after_request
    def _security_headers(response):
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("Permissions-Policy", "camera=(), geolocation=(), microphone=(self)")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.path == app.config.get("DOCS_PATH", "/api/v1/docs") or request.path.endswith("/docs"):
            # Swagger UI boots from an inline script.
            csp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " \
                  "img-src 'self' data:; frame-ancestors 'none'"
        else:
            csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
                  "media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; " \
                  "base-uri 'self'; object-src 'none'"
        headers.setdefault("Content-Security-Policy", csp)
        if app.config.get("FORCE_HTTPS") or request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
        if request.path.startswith("/api/") and "Cache-Control" not in headers:
            headers["Cache-Control"] = "no-store"
        return response


def register_commands(app: APIFlask) -> None:
    from app.cli import register

    register(app)


def configure_logging(app: APIFlask) -> None:
    if not app.debug and not app.testing and not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
