"""Bad input gets the error contract and changes nothing; never a 500."""

import json

import pytest
from sqlalchemy import func, select


def _user_count(app):
    from app.auth.models import User
    from app.extensions import db

    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


def _assert_contract(response, status, code=None):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    error = response.json["error"]
    assert set(error) == {"code", "message", "fields"}
    assert isinstance(error["message"], str) and error["message"]
    if code:
        assert error["code"] == code


def test_malformed_json(app, client):
    before = _user_count(app)
    response = client.post("/api/v1/auth/register", data='{"email": "a@b.c", ', content_type="application/json")
    _assert_contract(response, 400, "malformed_json")
    assert _user_count(app) == before


def test_missing_fields_are_named(client):
    response = client.post("/api/v1/auth/register", json={"email": "a@example.test"})
    _assert_contract(response, 422, "validation_error")
    assert set(response.json["error"]["fields"]) == {"password", "name", "role"}


@pytest.mark.parametrize("body", [
    {"email": 5, "password": "a-good-password", "name": "A", "role": "member"},
    {"email": "a@example.test", "password": ["x"], "name": "A", "role": "member"},
    {"email": "a@example.test", "password": "a-good-password", "name": {"x": 1}, "role": "member"},
    {"email": "a@example.test", "password": "a-good-password", "name": "A", "role": None},
])
def test_wrong_types(app, client, body):
    before = _user_count(app)
    _assert_contract(client.post("/api/v1/auth/register", json=body), 422, "validation_error")
    assert _user_count(app) == before


@pytest.mark.parametrize("payload", ["[]", "42", '"text"', "null", "true"])
def test_non_object_bodies(client, payload):
    response = client.post("/api/v1/auth/login", data=payload, content_type="application/json")
    assert response.status_code in (400, 422)
    assert response.json["error"]["code"] in {"validation_error", "malformed_json"}


def test_unknown_fields_are_refused(client):
    response = client.post("/api/v1/auth/login", json={"email": "a@b.c", "password": "x", "admin": True})
    _assert_contract(response, 422, "validation_error")
    assert response.json["error"]["fields"] == {"admin": "Unknown field."}


def test_oversized_body(app, client):
    before = _user_count(app)
    big = json.dumps({"email": "a@example.test", "password": "x" * (2 * 1024 * 1024), "name": "A", "role": "member"})
    response = client.post("/api/v1/auth/register", data=big, content_type="application/json")
    _assert_contract(response, 413, "payload_too_large")
    assert _user_count(app) == before


def test_form_encoded_body_on_a_json_endpoint_is_415(client):
    response = client.post("/api/v1/auth/login", data={"email": "a@b.c", "password": "x"})
    _assert_contract(response, 415, "unsupported_media_type")


def test_unknown_api_path_and_method(client):
    _assert_contract(client.get("/api/v1/does-not-exist"), 404, "not_found")
    _assert_contract(client.delete("/api/v1/auth/login"), 405, "method_not_allowed")


def test_non_numeric_ids_are_404(client, auth, create_user, user_email):
    headers = auth.headers(user_email(create_user("admin")))
    _assert_contract(client.get("/api/v1/orgs/abc", headers=headers), 404, "not_found")


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "limit=abc", "cursor=%%%", "cursor=eyJrIjogW119"])
def test_bad_paging_parameters(client, auth, create_user, user_email, query):
    headers = auth.headers(user_email(create_user("admin")))
    response = client.get(f"/api/v1/admin/users?{query}", headers=headers)
    _assert_contract(response, 422, "validation_error")
    assert set(response.json["error"]["fields"]) & {"limit", "cursor"}


def test_pages_get_the_error_as_html_in_the_chosen_language(app, client):
    from tests.helpers.web import in_chinese

    response = client.get("/no-such-page", headers={"Accept-Language": "zh-CN"})
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert in_chinese(app, "Not found.") in response.get_data(as_text=True)


def test_api_error_messages_follow_accept_language(app, client):
    from tests.helpers.web import in_chinese

    response = client.get("/api/v1/nothing-here", headers={"Accept-Language": "zh-CN"})
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"
    assert response.json["error"]["message"] == in_chinese(app, "Not found.")


@pytest.mark.parametrize("text", ["\\ud800", "a\\u0000b"])
def test_text_that_cannot_be_stored_is_refused(client, text):
    response = client.post("/api/v1/auth/register", content_type="application/json",
                           data='{"email": "a@example.test", "password": "a-good-password", "role": "member", '
                                f'"name": "{text}"}}')
    _assert_contract(response, 400, "invalid_text")


def test_fuzzed_bodies_never_500(client):
    """A spread of hostile inputs on every public write endpoint: 4xx only."""
    payloads = [b"", b"{", b"\\x00\\xff", b'{"email": "\\ud800"}',
                b'{"email": "a\\u0000b", "password": "x"}', b'{"email": "' + b"a" * 5000 + b'"}',
                json.dumps({"email": "a@b.c", "password": "p" * 128, "name": "n" * 500, "role": "member"}).encode(),
                json.dumps({"refresh_token": None}).encode(), json.dumps({"email": [], "password": {}}).encode()]
    for path in ("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout"):
        for payload in payloads:
            response = client.post(path, data=payload, content_type="application/json")
            assert 400 <= response.status_code < 500, (path, payload[:40], response.status_code)
            assert "error" in response.json
