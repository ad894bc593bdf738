"""No raw phone number ever reaches a member (or anyone) through the API: every GET endpoint of the
OpenAPI document is called, as a member and as the enterprise, with real ids substituted."""

import re

from tests.marketplace.contacts.helpers import (
    CN_1,
    CN_2,
    CN_3,
    CN_4,
    HK_1,
    RAW_NUMBERS,
    US_1,
    create_campaign,
    csv_bytes,
    import_file,
    leaks,
    phone,
    upload,
)

PARAM = re.compile(r"\{([^}]+)\}")


def _fill(path: str, ids: dict) -> str:
    def value(match):
        name = match.group(1)
        for key, found in ids.items():
            if key in name:
                return str(found)
        return "1"

    return PARAM.sub(value, path)


def test_no_get_endpoint_returns_a_raw_number(app, client, enterprise, create_user, user_email, auth):
    campaign = create_campaign(client, enterprise["headers"])
    client.post("/api/v1/dnc", json={"numbers": [CN_4, "+1 555"]}, headers=enterprise["headers"])
    rows = [[CN_1, "Wang", f"+86 {CN_2}"], [CN_1, "dup", ""], [f"+1 {US_1}", "Smith", ""],
            [f"+852 {HK_1}", "Chan", ""], [CN_4, "dnc", ""], [f"{CN_3}99", "bad", ""]]
    report = import_file(app, client, enterprise["headers"], campaign["id"], csv_bytes(rows))
    second = upload(client, enterprise["headers"], campaign["id"], csv_bytes([[CN_2, "Li", ""]])).json
    contacts = client.get(f"/api/v1/campaigns/{campaign['id']}/contacts", headers=enterprise["headers"]).json
    contact_id = contacts["items"][0]["id"]
    client.post(f"/api/v1/contacts/{contact_id}/opt-out", headers=enterprise["headers"])
    ids = {"campaign": campaign["id"], "list": report["id"], "contact": contact_id, "job": second["job_id"],
           "org": enterprise["org_id"]}
    assert len(RAW_NUMBERS) >= 18

    spec = client.get("/api/v1/openapi.json").json
    paths = [path for path, operations in spec["paths"].items() if "get" in operations]
    assert "/api/v1/campaigns/{campaign_id}/contacts" in paths and "/api/v1/contact-lists/{list_id}" in paths
    member = auth.headers(user_email(create_user("member")))
    answered = {"member": 0, "enterprise": 0}
    for who, headers in (("member", member), ("enterprise", enterprise["headers"])):
        for path in paths:
            url = _fill(path, ids)
            response = client.get(url, headers=headers)
            assert response.status_code < 500, (who, url, response.status_code)
            body = response.get_data(as_text=True)
            assert not leaks(body), (who, url, leaks(body))
            answered[who] += response.status_code == 200
    assert answered["member"] > 3 and answered["enterprise"] > 8, answered


# Numbers typed inside free text (a name, a note, any cell), exactly as they came in a real list.
FREE_TEXT_NUMBERS = ("13481770091", "8613481770098", "13481770094", "13481770093", "13481770020")
FREE_TEXT_FORMS = ("134 8177 0094", "134 8177 0093", "134-8177-0020", "+8613481770098", *FREE_TEXT_NUMBERS)


def _free_text_leaks(text: str) -> list[str]:
    return [form for form in FREE_TEXT_FORMS if form in text] + leaks(text)


def test_numbers_inside_names_notes_and_cells_never_come_back_raw(app, client, enterprise, create_user,
                                                                  user_email, auth):
    """Every API answer, page and CSV an enterprise or a member can reach shows them masked; at rest
    they are only in the encrypted details, which the dialer alone opens."""
    from sqlalchemy import select

    from app.extensions import db
    from marketplace.contacts.dialing import details_for_dialing
    from marketplace.models import Contact
    from tests.helpers.web import sign_in

    campaign = create_campaign(client, enterprise["headers"])
    first, second = phone("13700001111"), phone("13700002222")
    rows = [[first, "张三 13481770091", "tel:+8613481770098", "134 8177 0094 / 134 8177 0093"],
            [second, "李四", "call 134-8177-0020 after 5pm", "北京"]]
    data = csv_bytes(rows, header=("phone", "name", "notes", "备注"))
    report = import_file(app, client, enterprise["headers"], campaign["id"], data,
                         filename="客户 13481770091.csv")
    assert report["accepted"] == 2

    contacts = client.get(f"/api/v1/campaigns/{campaign['id']}/contacts", headers=enterprise["headers"]).json
    by_row = {item["row_number"]: item for item in contacts["items"]}
    assert by_row[2]["name"] == "张三 134****0091"
    assert by_row[2]["attributes"] == {"notes": "tel:861******0098", "备注": "134****0094 / 134****0093"}
    assert by_row[3]["attributes"] == {"notes": "call 134****0020 after 5pm", "备注": "北京"}
    assert report["filename"] == "客户 134****0091.csv"

    with app.app_context():
        stored = db.session.scalars(select(Contact).where(Contact.campaign_id == campaign["id"])
                                    .order_by(Contact.row_number)).all()
        for contact in stored:  # at rest: masked in the plain columns, raw only encrypted
            plain = f"{contact.name} {contact.attributes}"
            assert not _free_text_leaks(plain), plain
            assert contact.details_encrypted and b"1348177" not in contact.details_encrypted
        assert details_for_dialing(stored[0].id) == {"name": "张三 13481770091", "attributes": {
            "notes": "tel:+8613481770098", "备注": "134 8177 0094 / 134 8177 0093"}}
        db.session.rollback()

    ids = {"campaign": campaign["id"], "list": report["id"], "contact": by_row[2]["id"], "org": enterprise["org_id"]}
    spec = client.get("/api/v1/openapi.json").json
    paths = [path for path, operations in spec["paths"].items() if "get" in operations]
    member = auth.headers(user_email(create_user("member")))
    for who, headers in (("member", member), ("enterprise", enterprise["headers"])):
        for path in paths:
            body = client.get(_fill(path, ids), headers=headers).get_data(as_text=True)
            assert not _free_text_leaks(body), (who, path, _free_text_leaks(body))

    sign_in(client, user_email(enterprise["admin_id"]))
    for url in (f"/contacts/campaigns/{campaign['id']}", f"/contacts/lists/{report['id']}",
                f"/contacts/lists/{report['id']}/report.csv", f"/campaigns/{campaign['id']}"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert not _free_text_leaks(page.get_data(as_text=True)), url
