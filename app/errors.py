"""The error contract: every failure is ``{"error": {"code", "message", "fields"}}``.

Services raise the subclasses of ``AppError``; the handlers registered here turn them, HTTP
errors and validation errors into the JSON contract on API paths and into a translated page
on HTML paths. Bad input is never a 500.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import redis
import sqlalchemy.exc
from apiflask import APIFlask, HTTPError, Schema, fields
from flask import Response, current_app, render_template, request
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app import schema_messages

logger = logging.getLogger(__name__)


class AppError(Exception):
    """A failure the caller can act on. ``fields`` maps input field names to messages."""

    status = 400
    code = "bad_request"
    message = _l("The request could not be processed.")

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 fields: dict | None = None, status: int | None = None, headers: dict | None = None):
        super().__init__(message or str(self.message))
        if message is not None:
            self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.fields = fields or {}
        self.headers = headers or {}


class BadRequest(AppError):
    status, code, message = 400, "bad_request", _l("The request could not be processed.")


class Unauthorized(AppError):
    status, code, message = 401, "unauthorized", _l("Sign in to continue.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.headers.setdefault("WWW-Authenticate", 'Bearer realm="crowdline"')


class Forbidden(AppError):
    status, code, message = 403, "forbidden", _l("You are not allowed to do this.")


class NotFound(AppError):
    status, code, message = 404, "not_found", _l("Not found.")


class Conflict(AppError):
    status, code, message = 409, "conflict", _l("This conflicts with the current state.")


class ValidationError(AppError):
    status, code, message = 422, "validation_error", _l("Some fields are not valid.")


# Codes for HTTP errors raised by Flask/Werkzeug themselves.
_HTTP_CODES = {
    400: ("bad_request", _l("The request could not be processed.")),
    401: ("unauthorized", _l("Sign in to continue.")),
    403: ("forbidden", _l("You are not allowed to do this.")),
    404: ("not_found", _l("Not found.")),
    405: ("method_not_allowed", _l("This method is not allowed here.")),
    409: ("conflict", _l("This conflicts with the current state.")),
    413: ("payload_too_large", _l("The request body is too large.")),
    414: ("uri_too_long", _l("The address is too long.")),
    415: ("unsupported_media_type", _l("Send the body as application/json.")),
    422: ("validation_error", _l("Some fields are not valid.")),
    429: ("rate_limited", _l("Too many attempts. Wait a moment and try again.")),
    431: ("headers_too_large", _l("The request headers are too large.")),
    500: ("internal_error", _l("Something went wrong on our side.")),
    503: ("service_unavailable", _l("A service this needs is unavailable right now. Try again in a minute.")),
}


def http_error(status: int, headers: dict | None = None) -> AppError:
    """The ``AppError`` for an HTTP status the app answers itself (414, 415, 431…)."""
    code, message = _HTTP_CODES[status]
    return AppError(str(message), code=code, status=status, headers=headers)


class ErrorDetailOut(Schema):
    code = fields.String(required=True, metadata={"example": "validation_error"})
    message = fields.String(required=True, metadata={"example": "Some fields are not valid."})
    fields = fields.Dict(required=True, metadata={"description": "Input field name → what is wrong with it."})


class ErrorOut(Schema):
    """The body of every error response."""

    error = fields.Nested(ErrorDetailOut, required=True)


# Paths that answer JSON whatever the client accepts; domains add theirs with register_json_prefix.
JSON_PREFIXES = ("/api/", "/webhooks/")


def register_json_prefix(app, prefix: str) -> None:
    """Errors under ``prefix`` (a domain's machine-facing paths, e.g. provider webhooks) answer JSON."""
    prefixes = app.extensions.setdefault("json_prefixes", list(JSON_PREFIXES))
    if prefix not in prefixes:
        prefixes.append(prefix)


def wants_json() -> bool:
    """API and webhook paths answer JSON; everything else is a page."""
    path = request.path
    prefixes = current_app.extensions.get("json_prefixes", JSON_PREFIXES)
    return (
        path.startswith(tuple(prefixes))
        or path == "/healthz"
        or request.accept_mimetypes.best == "application/json"
    )


def _sentences(value) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _sentences(item)]
    if isinstance(value, (list, tuple, set)):
        return [text for item in value for text in _sentences(item)]
    return [] if value is None or str(value) == "" else [schema_messages.translate(str(value))]


def field_text(value) -> str:
    """A field's problem as words for a person: a schema's nested messages (``{"greeting":
    ["…"]}``) or a list become their sentences; keys, paths, brackets and quotes never show."""
    return " ".join(dict.fromkeys(_sentences(value)))


def error_text(error: AppError) -> str:
    """What a page says for ``error``: its message and the sentences of its fields, never a
    field's name or path (pages place field messages next to their inputs by name themselves)."""
    sentences = list(dict.fromkeys(_sentences(error.fields)))
    message = str(error.message)
    generic = message in (str(ValidationError.message), str(BadRequest.message))
    if sentences and (generic or message in sentences):
        return " ".join(sentences)
    return " ".join([message, *sentences])


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    return {"error": {"code": code, "message": str(message), "fields": fields or {}}}


def _wait_in_words(headers: dict) -> str | None:
    """``Retry-After`` (seconds) as words in the request's language ("15 minutes", "15分钟")."""
    try:
        seconds = int(headers.get("Retry-After", ""))
    except ValueError:
        return None
    return format_timedelta(timedelta(seconds=max(seconds, 1)), granularity="second", threshold=1)


def _respond(status: int, code: str, message: str, fields: dict | None, headers: dict | None):
    headers = dict(headers or {})
    headers.pop("Content-Type", None)
    if not isinstance(message, str) and isinstance(message, (dict, list, tuple)):
        message = field_text(message)
    if status == 429 and str(message) == str(_HTTP_CODES[429][1]) and (wait := _wait_in_words(headers)):
        # The generic "too many attempts" says how long to wait (a door with its own words keeps them).
        message = _("Too many attempts. Try again in %(wait)s.", wait=wait)
    elif status == 503 and (wait := _wait_in_words(headers)):
        message = f"{message} {_('Try again in %(wait)s.', wait=wait)}"
    if wants_json():
        return error_body(code, message, fields), status, headers
    try:
        page = render_template("errors/error.html", status=status, code=code, message=str(message),
                               fields=fields or {})
    except Exception:
        logger.exception("The error page failed on %s %s; answering the fallback", request.method, request.path)
        _forget_failed_transaction()
        response = fallback_error_response(status, code, message)
        response.headers.extend(headers)
        return response
    return page, status, headers


def _flatten_validation(messages) -> dict:
    """webargs/marshmallow messages by location → a flat ``{field: message}`` map."""
    fields: dict = {}
    if not isinstance(messages, dict):
        return {"_body": messages}
    for location, per_field in messages.items():
        if not isinstance(per_field, dict):
            fields[location] = per_field
            continue
        for name, problems in per_field.items():
            key = "_body" if name == "_schema" else name
            fields[key] = problems[0] if isinstance(problems, list) and len(problems) == 1 else problems
    return fields


def register_error_handlers(app: APIFlask) -> None:
    app.add_template_filter(field_text, "field_text")

    @app.error_processor
    def _http_error(error: HTTPError):
        status = error.status_code
        code, default_message = _HTTP_CODES.get(status, ("error", error.message or "Error"))
        if status == 422 or (status == 400 and error.detail):
            return _respond(status, "validation_error", _("Some fields are not valid."),
                            _flatten_validation(error.detail), error.headers)
        return _respond(status, code, default_message, None, error.headers)

    @app.errorhandler(AppError)
    def _app_error(error: AppError):
        return _respond(error.status, error.code, error.message, error.fields, error.headers)

    @app.errorhandler(CSRFError)
    def _csrf_error(error: CSRFError):
        return _respond(400, "csrf_failed", _("Your form expired. Reload the page and try again."), None, None)

    @app.errorhandler(429)
    def _rate_limited(error: HTTPException):
        headers = dict(error.get_headers()) if hasattr(error, "get_headers") else {}
        code, message = _HTTP_CODES[429]
        kept = {k: v for k, v in headers.items() if k.startswith(("Retry", "X-RateLimit"))}
        if "Retry-After" not in kept:  # the limiter adds it after this handler; the page needs it now
            from app.extensions import limiter

            breached = limiter.current_limit
            if breached is not None:
                kept["Retry-After"] = str(max(1, int(breached.reset_at - time.time())))
        return _respond(429, code, message, None, kept)

    @app.errorhandler(redis.RedisError)
    def _redis_down(error: redis.RedisError):
        # Rate limits, kept uploads, routing: without Redis the request cannot be served. This is
        # raised before the commit, so what it was writing rolls back; jobs asked for by a committed
        # change wait in the job outbox (``app.jobs.enqueue``) and never raise after the commit.
        logger.warning("Redis unavailable on %s %s: %s", request.method, request.path, error)
        code, message = _HTTP_CODES[503]
        return _respond(503, code, message, None, {"Retry-After": "30"})

    @app.errorhandler(sqlalchemy.exc.DataError)
    def _out_of_range(error: sqlalchemy.exc.DataError):
        # The last guard: a value past its column's range that no parser above caught.
        logger.warning("Value out of range on %s %s: %s", request.method, request.path, error.orig)
        return _respond(422, "out_of_range", _("A number is out of range."), None, None)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if isinstance(error, HTTPException):  # routed here only when no closer handler exists
            status = error.code or 500
            code, message = _HTTP_CODES.get(status, ("error", error.name))
        else:
            logger.exception("Unhandled error on %s %s", request.method, request.path)
            status, (code, message) = 500, _HTTP_CODES[500]
        try:
            _forget_failed_transaction()
            return _respond(status, code, message, None, None)
        except Exception:
            # The page itself failed (the database that failed the request is also the one the
            # layout reads): answer from a fallback that touches nothing but the session cookie.
            logger.exception("The error page failed on %s %s; answering the fallback", request.method, request.path)
            return fallback_error_response(status, code, message)


def _forget_failed_transaction() -> None:
    from app.extensions import db

    try:
        db.session.rollback()
    except Exception:
        logger.warning("Rollback failed while answering an error", exc_info=True)


def _fallback_locale() -> str:
    """The page's language without the database: the session's choice, else Accept-Language."""
    from flask import session

    from app.config import SUPPORTED_LOCALES

    try:
        chosen = session.get("lang")
    except Exception:
        chosen = None
    if chosen in SUPPORTED_LOCALES:
        return chosen
    return request.accept_languages.best_match(SUPPORTED_LOCALES) or "en"


_FALLBACK_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{status}</title><link rel="stylesheet" href="/static/vendor/pico/pico.min.css">
<link rel="stylesheet" href="/static/app.css"></head>
<body><main class="container"><article class="narrow" data-testid="error-page">
<h1>{status}</h1><p role="alert">{message}</p><p><a href="/">{back}</a></p>
</article></main></body></html>
"""


def fallback_error_response(status: int, code: str, message) -> Response:
    """An error answer that cannot fail: no template, no database, no current user; still in the
    error contract (JSON) or a page in the session's language."""
    from flask_babel import force_locale
    from markupsafe import escape

    lang = _fallback_locale()
    try:
        with force_locale(lang):
            text, back = str(message), _("Back to the start page")
    except Exception:
        text, back = str(getattr(message, "_args", [message])[0]), "Back to the start page"
    try:
        json_wanted = wants_json()
    except Exception:
        json_wanted = request.path.startswith("/api/")
    if json_wanted:
        import json

        return Response(json.dumps(error_body(code, text)), status=status, mimetype="application/json")
    body = _FALLBACK_PAGE.format(lang="zh-CN" if lang == "zh" else "en", status=status, message=escape(text),
                                 back=escape(back))
    return Response(body, status=status, mimetype="text/html")
