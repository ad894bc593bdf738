"""The auditor console: read-only pages, the in-browser proof check, verify-now with progress."""

import re

import pytest

from tests.helpers.ledger import integrate_all
from tests.helpers.web import csrf_token, sign_in


@pytest.fixture
def signed_in_auditor(client, create_user, user_email, app):
    create_user("member")
    integrate_all(app)
    sign_in(client, user_email(create_user("auditor")))
    integrate_all(app)
    return client


def test_entries_page_lists_and_searches(signed_in_auditor):
    html = signed_in_auditor.get("/ledger/").get_data(as_text=True)
    assert "user_registered" in html and 'data-testid="tree-size"' in html
    filtered = signed_in_auditor.get("/ledger/?kind=role_granted").get_data(as_text=True)
    assert "role_granted" in filtered and "<td>user_registered</td>" not in filtered
    bad = signed_in_auditor.get("/ledger/?member_id=abc")
    assert bad.status_code == 422 and 'data-testid="error-member_id"' in bad.get_data(as_text=True)


def test_entry_page_carries_its_proof(signed_in_auditor):
    html = signed_in_auditor.get("/ledger/entries/0").get_data(as_text=True)
    assert 'id="proof"' in html and "proof.js" in html
    assert re.search(r'data-root="[0-9a-f]{64}"', html)
    assert signed_in_auditor.get("/ledger/entries/999999").status_code == 404


def test_verify_now_runs_the_full_check(app, signed_in_auditor):
    response = signed_in_auditor.post("/ledger/verify", data={"csrf_token": csrf_token(signed_in_auditor, "/ledger/")})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    if app.config["RQ_INLINE"]:
        assert 'data-testid="verify-ok"' in html
    else:
        assert 'data-testid="verify-status"' in html and "hx-get" in html


def test_heads_page(signed_in_auditor):
    assert 'data-testid="heads"' in signed_in_auditor.get("/ledger/heads").get_data(as_text=True)


def test_members_cannot_open_the_console(client, create_user, user_email):
    sign_in(client, user_email(create_user("member")))
    assert client.get("/ledger/").status_code == 403


@pytest.mark.browser
def test_the_browser_verifies_an_inclusion_proof(live_app, live_server, browser):
    """An auditor opens an entry; the page re-hashes it and walks the audit path with Web Crypto."""
    from app.auth import services as accounts
    from app.database import commit
    from ledger import queries, services

    with live_app.app_context():
        if accounts.find_user_by_email("auditor@ledger.test") is None:
            accounts.create_user(email="auditor@ledger.test", password="a-good-password", name="A", role="auditor")
            commit()
        while services.integrate():
            commit()
        commit()
        index = queries.tree_size() - 1
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server + "/signin")
    page.locator("input[name=email]").fill("auditor@ledger.test")
    page.locator("input[name=password]").fill("a-good-password")
    page.get_by_test_id("signin-submit").click()
    page.wait_for_url("**/home")
    page.goto(f"{live_server}/ledger/entries/{index}")
    page.wait_for_function("document.querySelector('[data-testid=proof-status]').dataset.verified !== undefined")
    status = page.get_by_test_id("proof-status")
    assert status.get_attribute("data-verified") == "yes", status.inner_text()
    context.close()
