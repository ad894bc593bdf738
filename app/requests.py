"""The shape of a request, checked before any view reads it.

Every request of every blueprint passes here first: its size (path, headers, body, however the
body is framed), the characters of its path, query string and upload names, the range of the
ids it names, its content type where a JSON body is expected, and the depth and numbers of that
JSON body. What fails is a clear 4xx in the error contract; no view ever meets it.
"""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate

from flask import Flask, current_app, request
from flask import Request as FlaskRequest
from flask_babel import gettext as _
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import IntegerConverter

from app.errors import BadRequest, NotFound, ValidationError, http_error, wants_json
from app.numbers import MAX_ID, MAX_JSON_INT, NumberError, bounded_int

# A JSON body nested deeper than this is refused before anything walks it.
MAX_JSON_DEPTH = 64


class IdConverter(IntegerConverter):
    """``<int:…>`` in every route: at most ten digits and at most ``MAX_ID``, so a path naming an
    id no row can have is a 404 (the route does not match), never a database error."""

    regex = r"\d{1,10}"
    signed_regex = r"-?\d{1,10}"

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def _bounded_int_type(text) -> int:
    try:
        return bounded_int(text, minimum=-MAX_ID)
    except NumberError as exc:
        raise ValueError(str(exc)) from exc


class BoundedMultiDict(ImmutableMultiDict):
    """Query strings and forms whose ``.get(name, type=int)`` refuses (gives the default for) a
    number past a column's range, as it already does for text that is not a number."""

    def get(self, key, default=None, type=None):
        return super().get(key, default, _bounded_int_type if type is int else type)


class Request(FlaskRequest):
    parameter_storage_class = BoundedMultiDict


def register(app: Flask) -> None:
    app.request_class = Request
    app.url_map.converters["int"] = IdConverter
    app.before_request(check_request_shape)
    app.before_request(check_body)


def _has_control(text: str, allowed: str = "") -> bool:
    return any(ord(ch) < 32 and ch not in allowed for ch in text)


def _is_id_name(name: str) -> bool:
    return name == "id" or name.endswith("_id")


def check_request_shape() -> None:
    config = current_app.config
    if len(request.full_path) > config.get("MAX_URL_CHARS", 4096):
        raise http_error(414)
    if sum(len(k) + len(v) + 4 for k, v in request.headers.items()) > config.get("MAX_HEADER_BYTES", 16384):
        raise http_error(431)
    if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, v in request.args.items(multi=True)):
        raise BadRequest(_("Text must be valid Unicode without NUL characters."), code="invalid_text")
    if request.method == "OPTIONS" and wants_json():
        allowed = ", ".join(sorted(request.url_rule.methods)) if request.url_rule else ""
        raise http_error(405, headers={"Allow": allowed} if allowed else None)
    if _has_control(request.args.get("next", "")):
        raise BadRequest(_("This link is not valid."), code="bad_next")
    for name, value in request.args.items(multi=True):
        if _is_id_name(name) and value.strip().lstrip("-").isdigit() and not _id_in_range(value):
            # A filter naming an id no row can have: a value out of range, said of its field.
            raise ValidationError(fields={name: _("This number is out of range.")})
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return
    limit = config.get("MAX_BODY_BYTES")
    if limit and request.mimetype != "multipart/form-data" and request.content_length is None and _has_body():
        # A chunked body has no Content-Length to check: read one byte past the limit to know.
        request.max_content_length = limit + 1
        if len(request.get_data(cache=True)) > limit:
            raise http_error(413)
    if _expects_json() and _has_body() and not request.is_json:
        raise http_error(415)
    if request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        _check_form()


def _id_in_range(value: str) -> bool:
    try:
        bounded_int(value, minimum=-MAX_ID)
    except NumberError:
        return False
    return True


def _expects_json() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    spec = getattr(view, "_spec", None) or {}
    return spec.get("content_type") == "application/json" and spec.get("body") is not None


def _has_body() -> bool:
    return bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "").lower()


def _check_form() -> None:
    for name, value in request.form.items(multi=True):
        if name == "next" and _has_control(value):
            raise BadRequest(_("This link is not valid."), code="bad_next")
        if _is_id_name(name) and value.strip().isdigit() and not _id_in_range(value):
            raise NotFound()
    for upload in request.files.values():
        if upload.filename and (_has_control(upload.filename) or "\x00" in upload.filename):
            raise BadRequest(_("The file name must not contain control characters."), code="invalid_text")


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def nesting_depth(data: bytes) -> int:
    """How deep the arrays and objects of a JSON text go, found without parsing it (the parser
    recurses, and a deep enough text exhausts the C stack before any RecursionError)."""
    if data.count(b"[") + data.count(b"{") <= MAX_JSON_DEPTH:
        return 0
    brackets = _JSON_STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    return max(accumulate(1 if b in b"[{" else -1 for b in brackets), default=0)


def parse_json_body(data: bytes):
    """The body parsed, or ``AppError``: not JSON (or nested past ``MAX_JSON_DEPTH``) is a 400
    ``malformed_json``; a number no column or client can hold is a 422 naming its field."""
    if nesting_depth(data) > MAX_JSON_DEPTH:
        raise BadRequest(_("The request body is nested too deeply."), code="malformed_json")
    try:
        body = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise BadRequest(_("The request body is not valid JSON."), code="malformed_json") from exc
    problem = _first_bad_number(body)
    if problem == "depth":
        raise BadRequest(_("The request body is nested too deeply."), code="malformed_json")
    if problem is not None:
        raise ValidationError(fields={problem: _("This number is out of range.")})
    return body


def _out_of_range(value, key: str) -> bool:
    """A number no client keeps exactly (past 2^53 or not finite), or an id no row can have."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    limit = MAX_ID if _is_id_name(key) else MAX_JSON_INT
    return not math.isfinite(value) or abs(value) > limit


def _first_bad_number(body) -> str | None:
    """Walks the body without recursion: ``"depth"``, the top-level field holding a number out of
    range, or None."""
    stack = [(body, "_body", "", 0)]
    while stack:
        value, field, key, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return "depth"
        if isinstance(value, dict):
            stack.extend((v, str(k) if depth == 0 else field, str(k), depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, field, key, depth + 1) for v in value)
        elif _out_of_range(value, key):
            return field
    return None


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


def check_body() -> None:
    """A body that does not parse, or carries text that cannot be stored, is a 400 before any view runs."""
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return
    limit = current_app.config.get("MAX_BODY_BYTES")
    if limit and (request.content_length or 0) > limit and request.mimetype != "multipart/form-data":
        raise http_error(413)
    if request.is_json and request.content_length != 0:
        data = request.get_data(cache=True)
        body = parse_json_body(data) if data.strip() else None
        request._cached_json = (body, body)  # werkzeug's cache: the views read this parse
        if _bad_text(body):
            raise BadRequest(_("Text must be valid Unicode without NUL characters."), code="invalid_text")
    elif request.form and any(_bad_text(v) for v in request.form.values()):
        raise BadRequest(_("Text must be valid Unicode without NUL characters."), code="invalid_text")
