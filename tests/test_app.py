"""The application shell: factory, health, headers, OpenAPI, static assets."""

import re

from app import create_app


def test_create_app_takes_overrides(tmp_path):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": "sqlite://",
                      "TELEPHONY_PROVIDER": "local", "PAYOUT_PROVIDER": "manual", "STRIPE_WEBHOOK_SECRET": "whsec_x"})
    assert app.config["TESTING"] is True
    assert app.config["STRIPE_WEBHOOK_SECRET"] == "whsec_x"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite://"
    # Testing without a Redis server: jobs run inline.
    if not app.config["REDIS_URL"]:
        assert app.config["RQ_INLINE"] is True


def test_secrets_are_generated_once_into_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    second = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert (tmp_path / "secrets.json").exists()
    assert oct((tmp_path / "secrets.json").stat().st_mode)[-3:] == "600"
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert first.config["JWT_SECRET_KEY"] != first.config["SECRET_KEY"]


def test_database_url_is_normalised_to_psycopg3():
    from app.config import database_uri

    assert database_uri("postgres://u@h/db", "/x") == "postgresql+psycopg://u@h/db"
    assert database_uri("postgresql://u@h/db", "/x") == "postgresql+psycopg://u@h/db"
    assert database_uri(None, "/inst").startswith("sqlite:////inst/")


def test_healthz_reports_database_and_redis(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "db": "ok", "redis": "ok"}


def test_security_headers_on_pages_and_api(client):
    for path in ("/", "/api/v1/openapi.json", "/signin"):
        headers = client.get(path).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    page_csp = client.get("/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in page_csp
    assert client.get("/api/v1/me").headers["Cache-Control"] == "no-store"


def test_session_cookie_is_httponly_and_samesite(client):
    client.get("/signin")
    response = client.post("/signin", data={"email": "x@example.test", "password": "nope"})
    cookie = response.headers.get("Set-Cookie", "")
    if cookie:
        assert "HttpOnly" in cookie
        assert "SameSite=Lax" in cookie


def test_openapi_document_describes_the_contract(client):
    spec = client.get("/api/v1/openapi.json").json
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for path in ("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/me"):
        assert path in paths
    assert "BearerAuth" in spec["components"]["securitySchemes"] or any(
        s.get("scheme") == "bearer" for s in spec["components"]["securitySchemes"].values())
    # Errors are documented with the contract's shape.
    error = spec["components"]["schemas"]["ErrorOut"]
    assert "error" in error["properties"]


def test_api_docs_load_only_local_assets(client):
    html = client.get("/api/v1/docs").get_data(as_text=True)
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert not re.search(r"(src|href)=\"https?://", html)
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_pages_use_no_cdn(client):
    html = client.get("/").get_data(as_text=True)
    assert not re.search(r"(src|href)=\"https?://", html)
    for asset in re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", html):
        assert client.get(asset).status_code == 200, asset
