"""The OpenAPI document tells the truth about errors: every status an operation can answer is listed.

Handlers declare what is particular to them (their 200/201, a 409 for a state conflict). What every
operation shares follows from how the app is built, and is added here once, from the operation's own
shape, so that no route can forget it:

- ``400`` ``malformed_json`` / ``invalid_text`` (a body that is not JSON, NUL in any text) — every operation;
- ``401`` / ``403`` ``forbidden_role`` — every operation that needs a signed-in user;
- ``404`` — every operation with an id in its path (an id that cannot exist is a 404 too);
- ``413`` / ``415`` — every operation that takes a body;
- ``422`` ``validation_error`` — every operation that takes a body or query parameters;
- ``429`` ``rate_limited`` and ``503`` ``service_unavailable`` — every operation.

Integer ids in paths are documented with the range a database id can have, and a path that names a
file type (``.csv``, ``.xlsx``) answers that type.
"""

from __future__ import annotations

from typing import Any

from app.numbers import MAX_ID

_ERROR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}

_DESCRIPTIONS = {
    "400": "`malformed_json` (the body is not JSON, or nested too deep) or `invalid_text` (NUL or a lone "
           "surrogate in text), or `bad_request`.",
    "401": "`unauthorized`: no access token, or one that expired or was revoked.",
    "403": "`forbidden_role` or `forbidden`: the signed-in user's role may not do this.",
    "404": "`not_found`: no such object for this caller (another tenant's objects are not found either).",
    "413": "`payload_too_large`: the body is over the size limit.",
    "415": "`unsupported_media_type`: send the body as `application/json`.",
    "422": "`validation_error`: `fields` names each field that is not valid and why.",
    "429": "`rate_limited`: too many requests; `Retry-After` says how long to wait.",
    "503": "`service_unavailable`: a service this needs is down; nothing was changed; retry after `Retry-After`.",
}

# A path that names a file type answers that type (``/statement.csv``, ``/report.xlsx``).
_FILE_TYPES = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

_METHODS = ("get", "put", "post", "delete", "patch")


def _statuses(path: str, method: str, operation: dict[str, Any]) -> list[str]:
    parameters = operation.get("parameters", [])
    has_body = "requestBody" in operation or method in ("post", "put", "patch")
    statuses = ["400", "429", "503"]
    if operation.get("security"):
        statuses += ["401", "403"]
    if any(p.get("in") == "path" for p in parameters) or "{" in path:
        statuses.append("404")
    if has_body:
        statuses += ["413", "415"]
    if "requestBody" in operation or any(p.get("in") == "query" for p in parameters):
        statuses.append("422")
    return statuses


def _bound_ids(operation: dict[str, Any]) -> None:
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter.get("in") == "path" and schema.get("type") == "integer":
            schema.setdefault("minimum", 1)
            schema.setdefault("maximum", MAX_ID)


def _file_responses(path: str, responses: dict[str, Any]) -> None:
    for ending, media_type in _FILE_TYPES.items():
        if path.endswith(ending):
            for status in ("200", "201"):
                if status in responses:
                    responses[status]["content"] = {media_type: {"schema": {"type": "string", "format": "binary"}}}


def document_errors(spec: dict[str, Any]) -> dict[str, Any]:
    """APIFlask spec processor: add the shared error responses to every operation under ``/api/``."""
    for path, item in spec.get("paths", {}).items():
        if not path.startswith("/api/"):
            continue
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            _bound_ids(operation)
            responses = operation.setdefault("responses", {})
            _file_responses(path, responses)
            for status in _statuses(path, method, operation):
                response = responses.setdefault(status, {**_ERROR, "description": _DESCRIPTIONS[status]})
                if response.get("description") in (None, "", "Not Found", "Authentication error",
                                                   "Validation error"):
                    response["description"] = _DESCRIPTIONS[status]
    return spec
