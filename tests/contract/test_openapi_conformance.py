"""Every operation of the OpenAPI document, fed generated input as three roles: no server error, no
status the document does not list, and every documented response shape as documented.

A bounded property-based run (Schemathesis over Hypothesis): a handful of cases per operation and
role each time the suite runs, so that what a fuzzer would find is found here first.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app import create_app
from tests.conftest import PASSWORD, separate_app

ROLES = ("member", "enterprise", "auditor")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 6


def _operation_labels() -> list[str]:
    application = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "RQ_INLINE": True})
    with application.test_request_context():
        spec = application.spec
    return [f"{method.upper()} {path}" for path, item in spec["paths"].items() if path.startswith("/api/")
            for method in item if method in ("get", "post", "put", "patch", "delete")]


@pytest.fixture(scope="module")
def contract_app(tmp_path_factory):
    yield from separate_app(tmp_path_factory, "contract")


@pytest.fixture(scope="module")
def role_headers(contract_app) -> dict[str, dict[str, str]]:
    from app.auth import services
    from app.database import commit

    with contract_app.app_context():
        for role in ROLES:
            email = f"{role}@contract.test"
            if role == "enterprise":
                services.register_user(email=email, password=PASSWORD, name="Contract Org Admin",
                                       role="enterprise", org_name="Contract Org")
            else:
                services.create_user(email=email, password=PASSWORD, name="Contract User", role=role)
        commit()
    client = contract_app.test_client()
    headers = {}
    for role in ROLES:
        login = client.post("/api/v1/auth/login", json={"email": f"{role}@contract.test", "password": PASSWORD})
        headers[role] = {"Authorization": f"Bearer {login.json['access_token']}"}
    return headers


@pytest.fixture(scope="module")
def api_schema(contract_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", contract_app)


@pytest.mark.parametrize("label", _operation_labels())
def test_operation_keeps_its_contract(label, api_schema, role_headers, contract_app):
    from app.extensions import limiter

    method, path = label.split(" ", 1)
    operation = api_schema[path][method]

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    @given(case=st.one_of(operation.as_strategy(), operation.as_strategy(GenerationMode.NEGATIVE)))
    def run(case):
        with contract_app.app_context():
            limiter.reset()  # the sign-in and request limits would otherwise answer 429 to the fuzzer
        for role in ROLES:
            case.call_and_validate(headers=role_headers[role], checks=CHECKS)

    run()
