"""Contact lists: upload and import (encodings, invalid rows, duplicates, DNC), the report, masking,
encryption at rest, tenancy and bad input."""

import csv
import io

import pytest
from sqlalchemy import select, text

from ledger.models import QueuedEntry
from tests.conftest import redis_down
from tests.helpers.academy import real_sessions  # noqa: F401 - a shared fixture
from tests.marketplace.contacts.helpers import (
    CN_1,
    CN_2,
    CN_3,
    CN_4,
    HK_1,
    US_1,
    create_campaign,
    csv_bytes,
    import_file,
    inbound_campaign,
    leaks,
    phone,
    run_jobs,
    set_campaign_state,
    upload,
)
from tests.marketplace.contacts.helpers import count_rows as _count


def _contacts(client, headers, campaign_id) -> list[dict]:
    response = client.get(f"/api/v1/campaigns/{campaign_id}/contacts?limit=100", headers=headers)
    assert response.status_code == 200, response.json
    return response.json["items"]


# --- encodings ------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,expected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                               ("gb18030", "gb18030")])
def test_utf8_bom_and_gb18030_files_import_with_their_chinese_text(app, client, enterprise, campaign, encoding,
                                                                   expected):
    rows = [[CN_1, "张伟", "上海"], [CN_2, "李娜", "北京"]]
    data = csv_bytes(rows, encoding=encoding, header=("手机号", "姓名", "城市"))
    report = import_file(app, client, enterprise["headers"], campaign["id"], data)
    assert report["encoding"] == expected
    assert (report["total_rows"], report["accepted"], report["rejected"]) == (2, 2, 0)
    contacts = {c["name"]: c for c in _contacts(client, enterprise["headers"], campaign["id"])}
    assert set(contacts) == {"张伟", "李娜"}
    assert contacts["张伟"]["attributes"] == {"城市": "上海"}
    assert contacts["李娜"]["attributes"] == {"城市": "北京"}
    assert contacts["张伟"]["phone_masked"] == "138****5678"
    assert contacts["张伟"]["time_zone"] == "Asia/Shanghai" and contacts["张伟"]["region"] == "CN"


def test_attributes_that_are_phone_numbers_are_kept_masked(app, client, enterprise, campaign):
    data = csv_bytes([[CN_1, "Wang", f"+86 {CN_2}", "SO-123", "12345678901234567890"]],
                     header=("phone", "name", "alt_phone", "order", "ticket"))
    import_file(app, client, enterprise["headers"], campaign["id"], data)
    contact = _contacts(client, enterprise["headers"], campaign["id"])[0]
    assert contact["attributes"] == {"alt_phone": "139****5678", "order": "SO-123", "ticket": "12345678901234567890"}


@pytest.mark.parametrize("data,code", [
    ("phone,name\r\n13812345678,Zoë Müller\r\n".encode("latin-1"), "undecodable_file"),
    ("phone,name\r\n13812345678,Anna\r\n".encode("utf-16"), "unsupported_encoding"),
    ("phone,name\r\n13812345678,Anna\r\n".encode("utf-16-le"), "undecodable_file"),
    (b"PK\x03\x04\x14\x00\x06\x00workbook", "not_csv"),
])
def test_a_wrong_encoding_is_a_clear_error_and_changes_nothing(app, client, enterprise, campaign, data, code):
    from marketplace.models import Contact, ContactList

    response = upload(client, enterprise["headers"], campaign["id"], data)
    assert response.status_code == 422, response.json
    assert response.json["error"]["code"] == code
    assert "file" in response.json["error"]["fields"] and response.json["error"]["message"]
    assert _count(app, ContactList) == 0 and _count(app, Contact) == 0


# --- rows: invalid, duplicates, DNC ----------------------------------------------------------------

def test_invalid_numbers_are_rejected_with_their_reason(app, client, enterprise, campaign):
    rows = [[CN_1, "ok", ""], ["", "no number", ""], ["call me", "words", ""], ["123", "short", ""],
            ["+999 1234 5678", "country", ""], [phone("1381234567"), "ten digits", ""],
            [phone("13812345678901"), "long", ""], [f"+1 {US_1}", "usa", ""], [CN_2, "too", "many", "cells"]]
    report = import_file(app, client, enterprise["headers"], campaign["id"], csv_bytes(rows))
    assert (report["total_rows"], report["accepted"], report["rejected"]) == (9, 2, 7)
    reasons = {r["reason"]: r["count"] for r in report["reasons"]}
    assert reasons == {"missing_phone": 1, "not_a_number": 1, "too_short": 1, "invalid_country_code": 1,
                       "invalid_number": 1, "too_long": 1, "too_many_fields": 1}
    us = next(c for c in _contacts(client, enterprise["headers"], campaign["id"]) if c["region"] == "US")
    assert us["phone_masked"] == "201***0123" and us["time_zone"] == "America/New_York"


@pytest.mark.parametrize("batch_rows", [5000, 1])
def test_duplicates_are_merged_in_the_file_and_against_the_campaign(app, client, enterprise, campaign, monkeypatch,
                                                                    batch_rows):
    from marketplace.contacts import importer as contact_import

    monkeypatch.setattr(contact_import, "BATCH_ROWS", batch_rows)
    first = csv_bytes([[CN_1, "a", ""], ["+86 138 1234 5678", "b", ""], ["0086-138-1234-5678", "c", ""],
                       [CN_2, "d", ""]])
    report = import_file(app, client, enterprise["headers"], campaign["id"], first)
    assert (report["accepted"], report["duplicates"]) == (2, 2)
    second = csv_bytes([[CN_2, "again", ""], [CN_3, "new", ""]])
    report = import_file(app, client, enterprise["headers"], campaign["id"], second)
    assert (report["accepted"], report["duplicates"]) == (1, 1)
    assert {r["reason"] for r in report["reasons"]} == {"already_in_campaign"}
    names = sorted(c["name"] for c in _contacts(client, enterprise["headers"], campaign["id"]))
    assert names == ["a", "d", "new"]


@pytest.mark.parametrize("batch_rows,dnc_in_memory", [(5000, 500_000), (2, 0)], ids=["one-batch", "small-batches"])
def test_numbers_on_the_org_or_platform_dnc_list_are_excluded(app, client, enterprise, campaign, create_user,
                                                              user_email, auth, monkeypatch, batch_rows,
                                                              dnc_in_memory):
    """Also with batches of two rows and the DNC list queried batch by batch (as for a huge list)."""
    from marketplace.contacts import importer as contact_import

    monkeypatch.setattr(contact_import, "BATCH_ROWS", batch_rows)
    monkeypatch.setattr(contact_import, "DNC_IN_MEMORY", dnc_in_memory)
    added = client.post("/api/v1/dnc", json={"numbers": [CN_1, "not a number"], "region": "CN"},
                        headers=enterprise["headers"])
    assert added.status_code == 200, added.json
    assert added.json["added"] == 1 and added.json["invalid"] == 1
    assert added.json["problems"] == [{"index": 2, "reason": "not_a_number", "detail": ""}]
    admin = auth.headers(user_email(create_user("admin")))
    assert client.post("/api/v1/admin/dnc", json={"numbers": [f"+86{CN_2}"]}, headers=admin).json["added"] == 1
    other = auth.headers(user_email(create_user("enterprise")))
    assert client.post("/api/v1/dnc", json={"numbers": [CN_3]}, headers=other).json["added"] == 1  # not ours
    again = client.post("/api/v1/dnc", json={"numbers": [CN_1]}, headers=enterprise["headers"]).json
    assert (again["added"], again["already_listed"]) == (0, 1)
    rows = [[CN_1, "org dnc", ""], [CN_2, "platform dnc", ""], [CN_3, "other org's dnc", ""], [CN_4, "ok", ""]]
    report = import_file(app, client, enterprise["headers"], campaign["id"], csv_bytes(rows))
    assert (report["accepted"], report["dnc_excluded"]) == (2, 2)
    assert sorted(c["name"] for c in _contacts(client, enterprise["headers"], campaign["id"])) == [
        "ok", "other org's dnc"]
    listed = client.get("/api/v1/dnc", headers=enterprise["headers"]).json["items"]
    assert [e["phone_masked"] for e in listed] == ["138****5678"]


def test_the_report_csv_lists_every_row_with_masked_numbers(app, client, enterprise, campaign):
    client.post("/api/v1/dnc", json={"numbers": [CN_3]}, headers=enterprise["headers"])
    rows = [[CN_1, "a", ""], ["12", "bad", ""], [CN_1, "dup", ""], [CN_3, "dnc", ""]]
    report = import_file(app, client, enterprise["headers"], campaign["id"], csv_bytes(rows))
    response = client.get(report["report_url"], headers=enterprise["headers"])
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff") and not leaks(body)
    lines = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert lines == [["row", "status", "reason", "detail"], ["2", "accepted", "", "138****5678"],
                     ["3", "rejected", "too_short", "*2"], ["4", "duplicate", "duplicate_in_file", "138****5678"],
                     ["5", "dnc", "on_dnc_list", "150****5678"]]


# --- the job --------------------------------------------------------------------------------------

def test_the_import_is_a_job_with_progress_and_an_audit_entry(app, client, enterprise, campaign):
    from app.database import commit
    from app.extensions import db
    from ledger import services as ledger
    from ledger.models import Leaf

    rows = [[phone(f"1390000{i:04d}"), f"n{i}", "x"] for i in range(30)]
    accepted = upload(client, enterprise["headers"], campaign["id"], csv_bytes(rows), region="cn")
    assert accepted.status_code == 202
    body = accepted.json
    assert body["job_id"] and body["state"] in ("queued", "done") and body["default_region"] == "CN"
    assert body["progress"]["total"] == 30
    run_jobs(app)
    job = client.get(f"/api/v1/jobs/{body['job_id']}", headers=enterprise["headers"]).json
    assert job["status"] == "finished" and job["progress"]["done"] == 30 and job["progress"]["total"] == 30
    report = client.get(f"/api/v1/contact-lists/{body['id']}", headers=enterprise["headers"]).json
    assert report["progress"] == {"done": 30, "total": 30, "message": ""}
    with app.app_context():
        while ledger.integrate():
            commit()
        entries = db.session.scalars(select(Leaf.entry).where(Leaf.kind == "contacts_imported")).all()
    assert len(entries) == 1 and '"accepted":30' in entries[0] and not leaks(entries[0])
    listed = client.get(f"/api/v1/campaigns/{campaign['id']}/contact-lists", headers=enterprise["headers"]).json
    assert [item["id"] for item in listed["items"]] == [body["id"]] and listed["next_cursor"] is None


def test_numbers_are_encrypted_at_rest_and_decrypted_only_for_dialing(app, client, enterprise, campaign):
    from app.extensions import db
    from marketplace.contacts import dialing as contacts
    from marketplace.models import Contact

    import_file(app, client, enterprise["headers"], campaign["id"], csv_bytes([[CN_1, "Wang", "Pudong"]]))
    with app.app_context():
        row = db.session.execute(text("SELECT * FROM contacts")).mappings().one()
        stored = b"".join(value if isinstance(value, bytes) else str(value).encode() for value in row.values())
        for form in (CN_1, f"+86{CN_1}", f"86{CN_1}"):
            assert form.encode() not in stored
            assert form.encode("utf-16-le") not in stored
        assert row["phone_masked"] == "138****5678" and len(row["phone_hash"]) == 64
        contact_id = row["id"]
        assert contacts.phone_for_dialing(contact_id) == f"+86{CN_1}"
        # The access is on the audit record, the number is not.
        entry = db.session.scalars(select(QueuedEntry).where(QueuedEntry.kind == "contact_phone_accessed")
                                   .order_by(QueuedEntry.id.desc())).first()
        assert entry is not None and f'"contact_id":{contact_id}' in entry.entry and CN_1 not in entry.entry
        contact = db.session.get(Contact, contact_id)
        contact.phone_hash = "0" * 64  # a ciphertext bound to another hash does not decrypt
        with pytest.raises(Exception):  # noqa: B017 - cryptography's InvalidTag
            contacts.phone_for_dialing(contact_id)
        db.session.rollback()


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize("data,code", [
    (b"", "empty_file"),
    (b"\xef\xbb\xbf\r\n", "empty_file"),
    (b"name,city\r\nWang,Shanghai\r\n", "missing_phone_column"),
    (("phone," + ",".join(f"c{i}" for i in range(60)) + "\r\n13812345678\r\n").encode(), "too_many_columns"),
    (b"phone,name\r\n13812345678," + b"x" * 20_000 + b"\r\n", "row_too_long"),
    (b"phone,name\r\n", "no_rows"),
    (b"phone,phone\r\n1,2\r\n", "duplicate_columns"),
])
def test_bad_files_are_422_and_change_nothing(app, client, enterprise, campaign, data, code):
    from marketplace.models import Contact, ContactList

    response = upload(client, enterprise["headers"], campaign["id"], data)
    assert response.status_code == 422, response.json
    assert response.json["error"]["code"] == code and response.json["error"]["fields"]["file"]
    assert _count(app, ContactList) == 0 and _count(app, Contact) == 0


def test_missing_file_and_bad_region_are_422(app, client, enterprise, campaign):
    from marketplace.models import ContactList

    missing = client.post(f"/api/v1/campaigns/{campaign['id']}/contacts", data={"region": "CN"},
                          headers=enterprise["headers"], content_type="multipart/form-data")
    assert missing.status_code == 422 and "file" in missing.json["error"]["fields"]
    for region in ("XX", "China"):
        bad = upload(client, enterprise["headers"], campaign["id"], csv_bytes([[CN_1, "a", ""]]), region=region)
        assert bad.status_code == 422 and "region" in bad.json["error"]["fields"], bad.json
    dnc = client.post("/api/v1/dnc", json={"numbers": [], "region": "CN"}, headers=enterprise["headers"])
    assert dnc.status_code == 422 and "numbers" in dnc.json["error"]["fields"]
    assert _count(app, ContactList) == 0


def test_only_open_outbound_campaigns_take_uploads(app, client, enterprise):
    inbound = inbound_campaign(client, enterprise["headers"])
    refused = upload(client, enterprise["headers"], inbound["id"], csv_bytes([[CN_1, "a", ""]]))
    assert refused.status_code == 409 and refused.json["error"]["code"] == "not_outbound"
    for state, code in (("running", 202), ("paused", 202), ("completed", 409), ("cancelled", 409)):
        campaign = create_campaign(client, enterprise["headers"])
        set_campaign_state(app, campaign["id"], state)
        response = upload(client, enterprise["headers"], campaign["id"], csv_bytes([[CN_1, "a", ""]]))
        assert response.status_code == code, (state, response.json)
        if code == 409:
            assert response.json["error"]["code"] == "campaign_closed"


# --- tenancy and roles ----------------------------------------------------------------------------

def test_another_enterprise_gets_404_and_members_403(app, client, enterprise, campaign, create_user, user_email,
                                                     auth):
    report = import_file(app, client, enterprise["headers"], campaign["id"], csv_bytes([[CN_1, "a", ""]]))
    contact_id = _contacts(client, enterprise["headers"], campaign["id"])[0]["id"]
    other = auth.headers(user_email(create_user("enterprise")))
    for method, path in (("GET", f"/api/v1/contact-lists/{report['id']}"),
                         ("GET", f"/api/v1/contact-lists/{report['id']}/report.csv"),
                         ("GET", f"/api/v1/campaigns/{campaign['id']}/contacts"),
                         ("GET", f"/api/v1/campaigns/{campaign['id']}/contact-lists"),
                         ("POST", f"/api/v1/contacts/{contact_id}/opt-out")):
        assert client.open(path, method=method, headers=other).status_code == 404, path
    assert upload(client, other, campaign["id"], csv_bytes([[CN_2, "b", ""]])).status_code == 404
    member = auth.headers(user_email(create_user("member")))
    assert client.get(f"/api/v1/contact-lists/{report['id']}", headers=member).status_code == 403
    supervisor = auth.headers(user_email(create_user("enterprise_supervisor", org_id=enterprise["org_id"])))
    assert client.get(f"/api/v1/contact-lists/{report['id']}", headers=supervisor).status_code == 200
    assert upload(client, supervisor, campaign["id"], csv_bytes([[CN_2, "b", ""]])).status_code == 403
    assert client.post("/api/v1/dnc", json={"numbers": [CN_2]}, headers=supervisor).status_code == 403


def test_dnc_file_upload(app, client, enterprise):
    data = f"手机号,备注\r\n{CN_1},投诉\r\n{HK_1},x\r\n+852 {HK_1},dup\r\nnope,y\r\n".encode("gb18030")
    response = client.post("/api/v1/dnc/file", data={"file": (io.BytesIO(data), "dnc.csv"), "region": "HK"},
                           headers=enterprise["headers"], content_type="multipart/form-data")
    assert response.status_code == 200, response.json
    assert {k: response.json[k] for k in ("received", "added", "already_listed", "duplicates", "invalid")} == {
        "received": 4, "added": 1, "already_listed": 0, "duplicates": 1, "invalid": 2}
    # CN_1 without +86 is not a Hong Kong number: reported, masked.
    assert {p["detail"] for p in response.json["problems"]} == {"138****5678", ""}


def test_a_file_that_breaks_mid_way_fails_whole_and_imports_nothing(app, client, enterprise, campaign, monkeypatch):
    """An unterminated quote swallows the rest of the file; rows already inserted are rolled back."""
    from marketplace.contacts import importer as contact_import
    from marketplace.models import Contact, ImportIssue

    monkeypatch.setattr(contact_import, "BATCH_ROWS", 1)
    data = csv_bytes([[CN_1, "a", ""], [CN_2, "b", ""], ["bad", "x", ""], [CN_3, '"never closed', ""]])
    data += b"".join(b"%08d,filler\r\n" % i for i in range(14_000))  # > the csv module's 128 KiB field limit
    accepted = upload(client, enterprise["headers"], campaign["id"], data)
    assert accepted.status_code == 202, accepted.json
    run_jobs(app)
    report = client.get(f"/api/v1/contact-lists/{accepted.json['id']}", headers=enterprise["headers"]).json
    assert report["state"] == "failed" and "Row 5" in report["error"] and "nothing was imported" in report["error"]
    assert _count(app, Contact) == 0 and _count(app, ImportIssue) == 0
    refused = client.get(report["report_url"], headers=enterprise["headers"])
    assert refused.status_code == 409 and refused.json["error"]["code"] == "import_not_done"


def test_text_with_tabs_quotes_and_backslashes_survives_the_bulk_insert(app, client, enterprise, campaign):
    data = ('phone,name,note\r\n'
            f'{CN_1},"Wang\\Li\t(王)","say ""hi""\r\nthen \\N, twice"\r\n').encode()
    import_file(app, client, enterprise["headers"], campaign["id"], data)
    contact = _contacts(client, enterprise["headers"], campaign["id"])[0]
    assert contact["name"] == "Wang\\Li\t(王)"
    assert contact["attributes"] == {"note": 'say "hi"\r\nthen \\N, twice'}


def test_an_upload_while_redis_is_down_is_a_503_and_changes_nothing(app, client, enterprise, campaign):
    from marketplace.models import ContactList

    with redis_down(app):  # the file cannot be kept
        refused = upload(client, enterprise["headers"], campaign["id"], csv_bytes([[CN_3, "c", ""]]), region="cn")
    assert refused.status_code == 503 and refused.json["error"]["code"] == "service_unavailable"
    assert refused.headers["Retry-After"] == "30" and _count(app, ContactList) == 0
