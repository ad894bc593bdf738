"""POST /api/v1/staffing/erlang and the calculator page."""

import pytest

ORACLE = {"calls": 100, "interval_minutes": 30, "aht_seconds": 180, "target_service_level": 0.8,
          "target_answer_seconds": 20, "max_occupancy": 0.85, "shrinkage": 0.3, "patience_seconds": None}


@pytest.fixture
def headers(auth, create_user, user_email):
    return auth.headers(user_email(create_user("member")))


def test_the_oracle_exactly_as_designed(client, headers):
    response = client.post("/api/v1/staffing/erlang", json=ORACLE, headers=headers)
    assert response.status_code == 200
    assert response.json == {"model": "erlang_c", "agents": 14, "rostered": 20, "service_level": 0.888,
                             "occupancy": 0.714, "p_wait": 0.174, "asa_seconds": 7.8}


def test_erlang_a_with_patience(client, headers):
    body = client.post("/api/v1/staffing/erlang", json={**ORACLE, "patience_seconds": 120}, headers=headers).json
    assert body["model"] == "erlang_a"
    assert set(body) == {"model", "agents", "rostered", "service_level", "occupancy", "p_wait", "asa_seconds",
                         "abandon_rate"}
    assert 0 < body["abandon_rate"] < 1


def test_defaults_apply(client, headers):
    body = client.post("/api/v1/staffing/erlang", json={"calls": 100, "interval_minutes": 30, "aht_seconds": 180},
                       headers=headers).json
    assert body["agents"] == 14


@pytest.mark.parametrize("change,field", [
    ({"calls": -1}, "calls"), ({"aht_seconds": 0}, "aht_seconds"),
    ({"target_service_level": 80}, "target_service_level"),
    ({"shrinkage": 1}, "shrinkage"), ({"max_occupancy": 0}, "max_occupancy"), ({"calls": "many"}, "calls"),
    ({"patience_seconds": 0}, "patience_seconds"), ({"surprise": 1}, "surprise"),
])
def test_bad_input_names_the_field(client, headers, change, field):
    response = client.post("/api/v1/staffing/erlang", json={**ORACLE, **change}, headers=headers)
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]


def test_signed_in_users_only(client):
    assert client.post("/api/v1/staffing/erlang", json=ORACLE).status_code == 401


def _sign_in(client, email):
    from tests.helpers.web import sign_in

    sign_in(client, email)


def test_calculator_page_shows_the_answer_and_the_chart(client, create_user, user_email):
    _sign_in(client, user_email(create_user("enterprise")))
    html = client.get("/staffing/?calls=100&interval_minutes=30&aht_seconds=180").get_data(as_text=True)
    assert 'data-testid="result-agents">14<' in html
    assert 'data-testid="result-rostered">20<' in html
    assert 'data-testid="staffing-chart"' in html


def test_calculator_page_explains_bad_input_in_chinese(app, client, create_user, user_email):
    from tests.helpers.web import in_chinese

    _sign_in(client, user_email(create_user("enterprise")))
    response = client.get("/staffing/?calls=abc&interval_minutes=30&aht_seconds=180",
                          headers={"Accept-Language": "zh-CN"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'data-testid="error-calls"' in html
    assert in_chinese(app, "Calls in the interval") in html


def test_calculator_page_needs_sign_in(client):
    assert client.get("/staffing/").status_code == 302
