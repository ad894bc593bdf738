"""Contact-list pages: upload through the form, the progress bar and the report, the DNC form."""

import io
import re

from tests.helpers.web import csrf_token, sign_in
from tests.marketplace.contacts.helpers import (
    CN_1,
    CN_2,
    CN_3,
    create_campaign,
    csv_bytes,
    leaks,
    run_jobs,
    set_campaign_state,
)


def _upload_form(client, path, data: bytes, **extra):
    form = {"csrf_token": csrf_token(client, path), "region": "CN", "file": (io.BytesIO(data), "list.csv"), **extra}
    return client.post(path, data=form, content_type="multipart/form-data")


def test_upload_through_the_page_and_read_the_report(app, client, enterprise, user_email):
    campaign = create_campaign(client, enterprise["headers"])
    sign_in(client, user_email(enterprise["admin_id"]))
    path = f"/contacts/campaigns/{campaign['id']}"
    page = client.get(path).get_data(as_text=True)
    assert 'data-testid="upload-form"' in page and 'data-testid="no-lists"' in page
    client.post("/api/v1/dnc", json={"numbers": [CN_3]}, headers=enterprise["headers"])
    data = csv_bytes([[CN_1, "张伟", "上海"], [CN_1, "dup", ""], ["oops", "bad", ""], [CN_3, "dnc", ""],
                      [CN_2, "李娜", ""]])
    response = _upload_form(client, path, data)
    assert response.status_code == 302, response.get_data(as_text=True)
    report_url = response.headers["Location"]
    html = client.get(report_url).get_data(as_text=True)
    if not app.config["RQ_INLINE"]:
        assert 'data-testid="import-progress"' in html and "contacts.js" in html
        progress = client.get(report_url + "/progress", headers={"Accept": "application/json"}).json
        assert progress["state"] == "queued" and progress["progress"]["total"] == 5
        run_jobs(app)
        html = client.get(report_url).get_data(as_text=True)
    assert 'data-testid="report-chart"' in html and 'class="bar ok w-100"' in html
    assert 'data-testid="bar-accepted">2<' in html and 'data-testid="bar-rejected">1<' in html
    assert 'data-testid="bar-duplicates">1<' in html and 'data-testid="bar-dnc_excluded">1<' in html
    assert "138****5678" in html and not leaks(html)
    download = re.search(r'href="([^"]+report\.csv)"', html).group(1)
    csv_text = client.get(download).get_data(as_text=True)
    assert csv_text.count("\r\n") == 6 and not leaks(csv_text)
    lists = client.get(path).get_data(as_text=True)
    assert "list.csv" in lists and not leaks(lists)


def test_page_errors_are_shown_and_nothing_is_imported(app, client, enterprise, user_email):
    from app.extensions import db
    from marketplace.models import ContactList

    campaign = create_campaign(client, enterprise["headers"])
    sign_in(client, user_email(enterprise["admin_id"]))
    path = f"/contacts/campaigns/{campaign['id']}"
    response = _upload_form(client, path, b"name,city\r\nWang,Shanghai\r\n")
    assert response.status_code == 422
    assert 'data-testid="error-file"' in response.get_data(as_text=True)
    broken = "phone,name\r\n13812345678,Zoë\r\n".encode("latin-1")
    response = _upload_form(client, path, broken)
    assert response.status_code == 422 and "UTF-8" in response.get_data(as_text=True)
    no_token = client.post(path, data={"file": (io.BytesIO(b"phone\r\n1\r\n"), "x.csv")},
                           content_type="multipart/form-data")
    assert no_token.status_code == 400
    set_campaign_state(app, campaign["id"], "completed")
    closed = client.get(path).get_data(as_text=True)
    assert 'data-testid="no-uploads"' in closed and 'data-testid="upload-form"' not in closed
    with app.app_context():
        assert db.session.query(ContactList).count() == 0


def test_other_tenants_and_members_are_kept_out(app, client, enterprise, user_email, create_user):
    campaign = create_campaign(client, enterprise["headers"])
    sign_in(client, user_email(create_user("enterprise")))
    assert client.get(f"/contacts/campaigns/{campaign['id']}").status_code == 404
    member = client.application.test_client()
    sign_in(member, user_email(create_user("member")))
    assert member.get(f"/contacts/campaigns/{campaign['id']}").status_code == 403
    assert member.get("/contacts/dnc").status_code == 403


def test_the_dnc_form_adds_typed_and_uploaded_numbers(app, client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    form = {"csrf_token": csrf_token(client, "/contacts/dnc"), "numbers": f"{CN_1}\n{CN_2}, nonsense",
            "region": "CN", "file": (io.BytesIO(f"phone\r\n{CN_3}\r\n".encode()), "dnc.csv")}
    response = client.post("/contacts/dnc", data=form, content_type="multipart/form-data")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'data-testid="dnc-result"' in html and "3 added" in html and "1 invalid" in html
    assert "138****5678" in html and not leaks(html)
    empty = client.post("/contacts/dnc", data={"csrf_token": csrf_token(client, "/contacts/dnc"), "numbers": ""})
    assert empty.status_code == 422 and 'data-testid="error-numbers"' in empty.get_data(as_text=True)
