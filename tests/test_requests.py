"""Request shape limits, app-wide: size, nesting, framing, ids past their column's range,
control characters, content types, and the error format of what the app refuses itself."""

import io
import time

import pytest
from werkzeug.routing import IntegerConverter

from app.money import Money, MoneyError
from app.numbers import MAX_ID, NumberError, bounded_decimal, bounded_int, is_id
from app.requests import MAX_JSON_DEPTH
from tests.helpers.web import csrf_token, sign_in

HUGE = str(2**63)


# --- numbers typed by a person ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["1e1000000", "1e999990", "9" * 100, "1" * 33, str(10**16), "-1e16", "NaN", "inf"])
def test_money_parse_refuses_unbounded_amounts_quickly(text):
    started = time.perf_counter()
    with pytest.raises(MoneyError):
        Money.parse(text, "CNY")
    assert time.perf_counter() - started < 0.1


def test_money_parse_keeps_ordinary_amounts():
    assert Money.parse("999999999999999", "CNY").amount == 99999999999999900
    assert Money.parse(" 12.34 ", "CNY").amount == 1234


@pytest.mark.parametrize("text", ["", "x", "1.5", str(MAX_ID + 1), "9" * 5000, "１２"])
def test_bounded_int_refuses(text):
    with pytest.raises(NumberError):
        bounded_int(text)


def test_bounded_numbers_accept_their_range():
    assert bounded_int(str(MAX_ID)) == MAX_ID
    assert str(bounded_decimal("0.85")) == "0.85"


@pytest.mark.parametrize(("value", "named"), [(1, True), (MAX_ID, True), (0, False), (-3, False),
                                              (MAX_ID + 1, False), (True, False), ("7", False)])
def test_is_id_says_which_numbers_can_name_a_row(value, named):
    assert is_id(value) is named


def test_a_huge_amount_on_the_top_up_form_is_a_field_error(app, client, create_user, user_email):
    sign_in(client, user_email(create_user("enterprise")))
    token = csrf_token(client, "/payouts/wallet")
    for amount in ("1e1000000", "1e999990", HUGE):
        started = time.perf_counter()
        response = client.post("/payouts/wallet/topups", data={"csrf_token": token, "amount": amount,
                                                               "currency": "CNY"}, follow_redirects=True)
        assert response.status_code in (200, 422)
        assert "Enter an amount like 100 or 99.50." in response.get_data(as_text=True)
        assert time.perf_counter() - started < 2


def test_a_json_number_past_any_column_is_a_422_naming_the_field(client, create_user, user_email, auth):
    headers = auth.headers(user_email(create_user("enterprise")))
    response = client.post("/api/v1/wallet/topups", json={"amount": 2**63, "currency": "CNY"}, headers=headers)
    assert response.status_code == 422
    assert "amount" in response.json["error"]["fields"]
    an_id = client.post("/api/v1/certifications/1/grants", json={"member_id": MAX_ID + 1}, headers=headers)
    assert an_id.status_code == 422 and "member_id" in an_id.json["error"]["fields"]
    infinite = client.post("/api/v1/wallet/topups", data='{"amount": 1e999, "currency": "CNY"}',
                           content_type="application/json", headers=headers)
    assert infinite.status_code == 422 and "amount" in infinite.json["error"]["fields"]


# --- ids past the column's range ----------------------------------------------------------------

def test_every_int_route_refuses_ids_no_row_can_have(app, client, create_user, user_email, auth):
    """Every ``<int:…>`` route of every blueprint: 2147483648 and 2^63 name nothing (404)."""
    headers = auth.headers(user_email(create_user("admin")))
    sign_in(client, user_email(create_user("admin")))
    seen = 0
    for rule in app.url_map.iter_rules():
        if not any(isinstance(conv, IntegerConverter) for conv in rule._converters.values()):
            continue
        values = {name: (MAX_ID + 1) for name in rule.arguments}
        path = rule.rule
        for name in rule.arguments:
            path = path.replace(f"<int:{name}>", str(values[name])).replace(f"<{name}>", "x")
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method, headers=headers)
            # (werkzeug answers 405 where another method's rule has the same path)
            assert response.status_code in (404, 405), (method, path, response.status_code)
            seen += 1
        assert client.get(path.replace(str(MAX_ID + 1), HUGE)).status_code == 404
    assert seen > 40


def test_ids_in_query_strings_and_forms_past_the_range_are_refused(client, create_user, user_email, auth):
    headers = auth.headers(user_email(create_user("enterprise")))
    for query in ("campaign_id=" + HUGE, "list_id=99999999999"):
        response = client.get("/api/v1/campaigns?" + query, headers=headers)
        assert response.status_code == 422 and query.split("=")[0] in response.json["error"]["fields"]
    member = user_email(create_user("member"))
    sign_in(client, member)
    token = csrf_token(client, "/certifications/")
    response = client.post("/certifications/", data={"csrf_token": token, "certification_id": "99999999999",
                                                     "transcript": "x"})
    assert response.status_code == 404


def test_query_ints_past_the_range_fall_back_to_the_default(app):
    with app.test_request_context("/?limit=99999999999&n=12"):
        from flask import request

        assert request.args.get("limit", 50, type=int) == 50
        assert request.args.get("n", type=int) == 12


# --- shape of the body ---------------------------------------------------------------------------

def test_json_nested_deeply_is_malformed_json(client):
    for depth in (MAX_JSON_DEPTH + 2, 1000, 100_000):
        response = client.post("/api/v1/auth/login", data="[" * depth + "]" * depth, content_type="application/json")
        assert response.status_code == 400 and response.json["error"]["code"] == "malformed_json"


def test_a_chunked_body_past_the_limit_is_413(client):
    body = b'{"email": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    response = client.post("/api/v1/auth/login", input_stream=io.BytesIO(body),
                           headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
                           environ_base={"wsgi.input_terminated": True})
    assert response.status_code == 413 and response.json["error"]["code"] == "payload_too_large"


def test_a_chunked_body_within_the_limit_is_read(client, create_user, user_email):
    email = user_email(create_user("member"))
    body = b'{"email": "%s", "password": "correct-horse-battery"}' % email.encode()
    response = client.post("/api/v1/auth/login", input_stream=io.BytesIO(body),
                           headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
                           environ_base={"wsgi.input_terminated": True})
    assert response.status_code == 200


def test_an_unsupported_content_type_on_a_json_endpoint_is_415(client):
    response = client.post("/api/v1/auth/login", data="email=a@b.c&password=x",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415 and response.json["error"]["code"] == "unsupported_media_type"
    assert client.post("/api/v1/auth/login", data="x", content_type="text/plain").status_code == 415


# --- characters ------------------------------------------------------------------------------------

def test_nul_in_a_path_or_a_query_string_is_400(client):
    for url in ("/api/v1/me?q=%00", "/api/v1/ledger/entries?kind=a%00b", "/campaigns/?q=%00", "/x%00y"):
        response = client.get(url)
        assert response.status_code == 400, url


def test_nul_in_an_upload_name_is_400_and_keeps_nothing(app, client, create_user, user_email):
    from sqlalchemy import func, select

    from app.extensions import db
    from marketplace.models import ContactList

    sign_in(client, user_email(create_user("enterprise")))
    token = csrf_token(client, "/campaigns/")
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(ContactList))
    response = client.post("/campaigns/1/contacts", data={
        "csrf_token": token, "file": (io.BytesIO(b"phone\n13800138000\n"), "a\x00b.csv")},
        content_type="multipart/form-data")
    assert response.status_code == 400
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ContactList)) == before


def test_a_line_break_in_next_is_400(client):
    token = csrf_token(client, "/signin")
    response = client.post("/signin", data={"csrf_token": token, "email": "a@b.c", "password": "x",
                                            "next": "/home\r\nSet-Cookie: x=y"})
    assert response.status_code == 400
    assert client.get("/signin?next=/home%0d%0aX:y").status_code == 400


# --- what the app answers itself, in the error format ----------------------------------------------

def test_uri_too_long_headers_too_large_and_options_answer_json_under_api(client):
    long = client.get("/api/v1/me?q=" + "a" * 5000)
    assert long.status_code == 414 and long.json["error"]["code"] == "uri_too_long"
    big = client.get("/api/v1/me", headers={"X-Filler": "a" * 20000})
    assert big.status_code == 431 and big.json["error"]["code"] == "headers_too_large"
    options = client.options("/api/v1/auth/login")
    assert options.status_code == 405 and options.json["error"]["code"] == "method_not_allowed"
    assert "POST" in options.headers["Allow"]


def test_refusals_speak_chinese_on_pages(client):
    response = client.get("/campaigns/?q=%00", headers={"Accept-Language": "zh"})
    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True)


def test_an_upload_that_fails_keeps_no_file(app, client, create_user, user_email, auth, monkeypatch):
    """The contact file is kept (in Redis) before the transaction ends: a failure rolls it away too."""
    import marketplace.contacts.lists
    from app.extensions import redis_store
    from tests.marketplace.contacts.helpers import create_campaign, csv_bytes, upload

    headers = auth.headers(user_email(create_user("enterprise")))
    campaign = create_campaign(client, headers)

    def broken_queue(*_args, **_kwargs):
        raise RuntimeError("the queue failed")

    monkeypatch.setattr(marketplace.contacts.lists, "_queue_import", broken_queue)
    with app.app_context():
        before = set(redis_store.connection.scan_iter("crowdline:contact-upload:*"))
    response = upload(client, headers, campaign["id"], csv_bytes([["13800138000", "Li", "Beijing"]]))
    assert response.status_code == 500
    with app.app_context():
        assert set(redis_store.connection.scan_iter("crowdline:contact-upload:*")) == before


def test_no_query_field_of_any_api_read_fails_on_a_huge_number(app, client, create_user, user_email, auth):
    """Every query field of every ``GET /api/…`` (ids, counts, sizes): 2^63, a 5,000-digit number
    and 1e999 are refused or ignored, never a 500."""
    roles = ("admin", "enterprise", "member", "auditor", "trainer")
    headers = {role: auth.headers(user_email(create_user(role))) for role in roles}
    probed = 0
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/") or "GET" not in rule.methods:
            continue
        view = app.view_functions[rule.endpoint]
        schemas = [schema for schema, location in (getattr(view, "_spec", {}) or {}).get("args", [])
                   if location == "query"]
        names = {name for schema in schemas for name in schema.fields}
        path = rule.rule
        for argument in rule.arguments:
            path = path.replace(f"<int:{argument}>", "1").replace(f"<{argument}>", "1")
        for name in sorted(names):
            for value in (HUGE, "9" * 5000, "1e999", "-" + HUGE):
                for role in roles:
                    response = client.get(path, query_string={name: value}, headers=headers[role])
                    assert response.status_code < 500, (path, name, value[:20], role, response.json)
                    probed += 1
    assert probed > 50


def test_no_page_fails_on_a_huge_number_in_its_query(app, create_user, user_email):
    """Every page (GET, ids in the path set to 1) as each role, with every query parameter the
    pages read set to huge numbers: no 500."""
    params = ("cursor", "limit", "month", "year", "shift", "period", "page", "campaign_id", "list_id",
              "member_id", "from", "to", "currency", "q", "as", "full", "industry")
    probed = 0
    for role in ("admin", "enterprise", "member", "auditor", "trainer"):
        client = app.test_client()
        sign_in(client, user_email(create_user(role)))
        for rule in app.url_map.iter_rules():
            if rule.rule.startswith(("/api/", "/static", "/webhooks/")) or "GET" not in rule.methods:
                continue
            if any(not isinstance(conv, IntegerConverter) for conv in rule._converters.values()):
                continue
            path = rule.rule
            for argument in rule.arguments:
                path = path.replace(f"<int:{argument}>", "1")
            for value in (HUGE, "9" * 5000, "1e999"):
                for names in (params, [name for name in params if not name.endswith("_id")]):
                    response = client.get(path, query_string={name: value for name in names})
                    assert response.status_code < 500, (role, path, value[:20])
                    probed += 1
    assert probed > 50


def test_no_form_fails_on_huge_numbers(app, create_user, user_email):
    """Every form on every page (as each role): each field set to a huge number (a million-digit
    exponent, 2^63, forty nines) is answered quickly and never with a 500."""
    import html as htmllib
    import re

    forms_seen = 0
    for role in ("admin", "enterprise", "member", "auditor", "trainer"):
        client = app.test_client()
        sign_in(client, user_email(create_user(role)))
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if rule.rule.startswith(("/api/", "/static", "/webhooks/")) or "GET" not in rule.methods:
                continue
            if rule.arguments or rule.rule in ("/signout",):
                continue
            page = client.get(rule.rule)
            if page.status_code != 200 or "text/html" not in page.content_type:
                continue
            text = page.get_data(as_text=True)
            for attrs, body in re.findall(r"<form([^>]*)>(.*?)</form>", text, flags=re.S | re.I):
                if 'method="post"' not in attrs.lower():
                    continue
                action = re.search(r'action="([^"]*)"', attrs)
                target = htmllib.unescape(action.group(1)) if action and action.group(1) else rule.rule
                if target in ("/signout", "/lang"):
                    continue
                token = re.search(r'name="csrf_token" value="([^"]+)"', body)
                names = set(re.findall(r'name="([^"]+)"', body)) - {"csrf_token"}
                fixed = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
                for value in ("1e1000000", HUGE, "9" * 40):
                    data = {name: fixed.get(name, value) if name in ("action", "next") else value for name in names}
                    data.update({k: v for k, v in fixed.items() if k in ("action",)})
                    if token:
                        data["csrf_token"] = token.group(1)
                    started = time.perf_counter()
                    response = client.post(target, data=data)
                    assert response.status_code < 500, (role, rule.rule, target, sorted(names), value[:12])
                    assert time.perf_counter() - started < 3, (role, target, value[:12])
                forms_seen += 1
    assert forms_seen > 10
