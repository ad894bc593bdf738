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
