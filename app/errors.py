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
from apiflask import APIFlask, HTTPError, Schema, fields
from flask import Flask, current_app, render_template, request
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

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
    415: ("unsupported_media_type", _l("Send the body as application/json.")),
    422: ("validation_error", _l("Some fields are not valid.")),
    429: ("rate_limited", _l("Too many attempts. Wait a moment and try again.")),
    500: ("internal_error", _l("Something went wrong on our side.")),
    503: ("service_unavailable", _l("A service this needs is unavailable right now. Try again in a minute.")),
}


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
    if status in (429, 503) and (wait := _wait_in_words(headers)):
        # Every "come back later" answer says how long to wait, whichever door raised it.
        if str(message) == str(_HTTP_CODES[429][1]):
            message = _("Too many attempts.")
        message = f"{message} {_('Try again in %(wait)s.', wait=wait)}"
    if wants_json():
        return error_body(code, message, fields), status, headers
    return (
        render_template("errors/error.html", status=status, code=code, message=str(message), fields=fields or {}),
        status,
        headers,
    )


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

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if isinstance(error, HTTPException):  # routed here only when no closer handler exists
            code, message = _HTTP_CODES.get(error.code or 500, ("error", error.name))
            return _respond(error.code or 500, code, message, None, None)
        logger.exception("Unhandled error on %s %s", request.method, request.path)
        code, message = _HTTP_CODES[500]
        return _respond(500, code, message, None, None)


def _bad_text(value) -> bool:
    """A NUL or a lone surrogate: valid JSON, but not text any database will store."""
    if isinstance(value, str):
        if "\x00" in value:
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_bad_text(k) or _bad_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_bad_text(v) for v in value)
    return False


def reject_malformed_json(app: Flask) -> None:
    """A body that does not parse, or carries text that cannot be stored, is a 400 before any view runs."""

    @app.before_request
    def _check_body():
        if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
            return
        limit = current_app.config.get("MAX_BODY_BYTES")
        if limit and (request.content_length or 0) > limit and request.mimetype != "multipart/form-data":
            code, message = _HTTP_CODES[413]
            raise AppError(str(message), code=code, status=413)
        if request.is_json and request.content_length != 0:
            data = request.get_data(cache=True)
            body = request.get_json(silent=True, cache=True)
            if data and body is None and data.strip() != b"null":
                raise BadRequest(_("The request body is not valid JSON."), code="malformed_json")
            if _bad_text(body):
                raise BadRequest(_("Text must be valid Unicode without NUL characters."), code="invalid_text")
        elif request.form and any(_bad_text(v) for v in request.form.values()):
            raise BadRequest(_("Text must be valid Unicode without NUL characters."), code="invalid_text")
