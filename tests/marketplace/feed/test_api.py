"""The member feed: eligibility with the way to unlock it, ranking by fit, filters and paging."""

from app.auth.models import User
from app.database import commit
from app.extensions import db
from certification import services as cert_services
from certification.models import MemberTag
from tests.helpers.academy import run_jobs
from tests.marketplace.helpers import inbound, publish

ECOM = "ecommerce_after_sales_l1"
NEEDS_CERT = {"certifications": [ECOM], "languages": ["zh"]}


def feed(client, headers, query=""):
    response = client.get(f"/api/v1/feed{query}", headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def test_a_member_sees_what_is_missing_and_how_to_unlock_it(client, enterprise, member, content, app):
    campaign, rows = publish(client, enterprise, inbound(requirements=NEEDS_CERT, industry="ecommerce"))
    uid, headers = member()
    body = feed(client, headers)
    assert body["items"] == [] and body["locked_total"] == 1
    locked = body["locked"][0]
    assert locked["campaign_id"] == campaign["id"] and locked["pay"]["per_call"] == 350
    by_kind = {m["kind"]: m for m in locked["missing"]}
    cert = by_kind["certification"]
    lessons = sum(len(v) for k, v in content["lessons"].items()
                  if k in ("customer_service_fundamentals", "ecommerce_after_sales"))
    assert cert["message"] == (f"Needs certification E-commerce after-sales L1: {lessons} lessons, "
                               "2 course quizzes, the exam left.")
    assert by_kind["language"]["message"] == "Needs the language 普通话 / Mandarin on your profile."
    refused = client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers)
    assert refused.status_code == 403 and refused.json["error"]["code"] == "not_eligible"
    assert refused.json["error"]["message"] == cert["message"]
    assert set(refused.json["error"]["fields"]) == {f"certification:{ECOM}", "language:zh"}

    # One lesson later the explanation counts one lesson fewer.
    first_lesson = content["lessons"]["customer_service_fundamentals"][0]
    client.post(f"/api/v1/academy/lessons/{first_lesson}/complete", headers=headers)
    again = client.get(f"/api/v1/campaigns/{campaign['id']}/eligibility", headers=headers).json
    assert again["eligible"] is False
    assert f"{lessons - 1} lessons" in next(m["message"] for m in again["missing"] if m["kind"] == "certification")

    # Certified and speaking Chinese: eligible, the shifts appear and a claim succeeds.
    with app.app_context():
        cert_services.grant(cert_services.certifications_by_key([ECOM])[ECOM], db.session.get(User, uid),
                            actor_id=None, check=False)
        commit()
    run_jobs(app)
    assert client.put("/api/v1/members/me/profile", json={"languages": ["zh", "en"], "region": "Shanghai"},
                      headers=headers).status_code == 200
    body = feed(client, headers)
    assert body["locked"] == [] and [i["shift_id"] for i in body["items"]] == [r["id"] for r in rows]
    assert client.post(f"/api/v1/shifts/{rows[0]['id']}/claims", headers=headers).status_code == 201
    assert [i["shift_id"] for i in feed(client, headers)["items"]] == [r["id"] for r in rows[1:]]


def test_chinese_explanations(client, enterprise, member, content):
    publish(client, enterprise, inbound(requirements={"certifications": [ECOM], "min_tier": "silver",
                                                      "min_qa_average": 80}))
    _uid, headers = member()
    body = feed(client, {**headers, "Accept-Language": "zh-CN"})
    messages = [m["message"] for m in body["locked"][0]["missing"]]
    assert messages[0].startswith("需要认证 电商售后一级")
    assert any("银" in m or "silver" in m for m in messages[1:])
    assert any("尚无" in m for m in messages)


def test_every_requirement_kind_is_explained(client, enterprise, member, content):
    requirements = {"tags": {"ecommerce.after_sales": 60}, "min_tier": "gold", "regions": ["Guangdong"],
                    "min_qa_average": 85, "min_reliability": 90}
    publish(client, enterprise, inbound(requirements=requirements))
    _uid, headers = member()
    missing = feed(client, headers)["locked"][0]["missing"]
    by_kind = {m["kind"]: m for m in missing}
    assert set(by_kind) == {"tag", "tier", "region", "qa_average"}  # reliability starts at 100
    assert by_kind["tag"]["message"].startswith("Needs skill E-commerce after-sales at 60 (yours: 0, 60 to go).")
    assert "E-commerce after-sales L1" in by_kind["tag"]["message"]
    assert by_kind["tier"]["message"] == "Needs tier Gold (yours: No tier yet)."
    assert by_kind["qa_average"]["message"] == "Needs a QA average of 85; you have no scored calls yet."
    assert all(m["unlock"] and m["url"] for m in missing)


def test_best_fit_first_then_by_start(client, enterprise, member, app):
    later = inbound(requirements={"tags": {"skill.b": 10}})
    first, _first_rows = publish(client, enterprise, inbound(requirements={"tags": {"skill.a": 10}}))
    second, _second_rows = publish(client, enterprise, later)
    uid, headers = member()
    with app.app_context():
        db.session.add_all([MemberTag(member_id=uid, tag="skill.a", score=40, reasons=[]),
                            MemberTag(member_id=uid, tag="skill.b", score=95, reasons=[])])
        commit()
    items = feed(client, headers)["items"]
    assert [i["campaign_id"] for i in items] == [second["id"]] * 2 + [first["id"]] * 2
    assert items[0]["fit"] > items[-1]["fit"] and items[0]["fit_parts"]["skills"] == 95
    assert [i["starts_at"] for i in items[:2]] == sorted(i["starts_at"] for i in items[:2])

    # Paging one by one, or by pages that span two campaigns, gives the same order, each shift once.
    for size in (1, 3):
        seen, cursor = [], None
        while True:
            page = feed(client, headers, f"?limit={size}" + (f"&cursor={cursor}" if cursor else ""))
            seen += [i["shift_id"] for i in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert seen == [i["shift_id"] for i in items]
    assert client.get("/api/v1/feed?cursor=nonsense", headers=headers).status_code == 422


def test_filters_by_industry_and_date_and_full_shifts(client, enterprise, member):
    telecom, telecom_rows = publish(client, enterprise, inbound(industry="telecom"), seats={0: 1})
    ecommerce, _rows = publish(client, enterprise, inbound(industry="ecommerce"))
    _u1, first = member()
    _u2, headers = member()
    assert {i["campaign_id"] for i in feed(client, headers, "?industry=telecom")["items"]} == {telecom["id"]}
    client.post(f"/api/v1/shifts/{telecom_rows[0]['id']}/claims", headers=first)  # now full
    open_ids = [i["shift_id"] for i in feed(client, headers, "?industry=telecom")["items"]]
    assert telecom_rows[0]["id"] not in open_ids
    with_full = feed(client, headers, "?industry=telecom&include_full=true")["items"]
    assert with_full[0]["shift_id"] == telecom_rows[0]["id"] and with_full[0]["seats_left"] == 0
    # The test campaigns run on 2099-11-11 in Shanghai (the member's zone is UTC: 2099-11-10 16:00 on).
    assert feed(client, headers, "?from=2099-11-12")["items"] == []
    assert len(feed(client, headers, "?from=2099-11-10&to=2099-11-10")["items"]) == 3
    bad = client.get("/api/v1/feed?from=2099-11-12&to=2099-11-10", headers=headers)
    assert bad.status_code == 422
    assert client.get("/api/v1/feed?from=yesterday", headers=headers).status_code == 422
    assert client.get("/api/v1/feed", headers=enterprise["headers"]).status_code == 403
    assert ecommerce["id"]


def test_profile_validation(client, member):
    _uid, headers = member()
    for bad in ({"languages": ["Chinese!"]}, {"languages": "zh"}, {"region": "x" * 65}, {"reliability": 100}):
        response = client.put("/api/v1/members/me/profile", json=bad, headers=headers)
        assert response.status_code == 422, bad
    profile = client.get("/api/v1/members/me/profile", headers=headers).json
    assert profile["languages"] == [] and profile["reliability"] == 100


def test_draft_campaigns_are_not_visible_to_members(client, enterprise, member):
    draft = client.post("/api/v1/campaigns", json=inbound(), headers=enterprise["headers"]).json
    _uid, headers = member()
    assert client.get(f"/api/v1/campaigns/{draft['id']}/eligibility", headers=headers).status_code == 404
    assert feed(client, headers)["items"] == []


def test_a_suspended_skill_says_why_and_how_to_get_it_back(client, enterprise, member, app):
    publish(client, enterprise, inbound(requirements={"tags": {"ecommerce.after_sales": 60}}))
    uid, headers = member()
    with app.app_context():
        db.session.add(MemberTag(member_id=uid, tag="ecommerce.after_sales", score=59, reasons=[],
                                 quality="suspended"))
        commit()
    tag = feed(client, headers)["locked"][0]["missing"][0]
    assert tag["message"] == ("Needs skill E-commerce after-sales at 60 (yours: 59, 1 to go). Your certification "
                              "for it is suspended: the QA average of your last 20 decided calls is below 60.")
    assert tag["unlock"] == ["Work campaigns that do not ask for this skill and bring your QA average back to 60."]
    zh = feed(client, {**headers, "Accept-Language": "zh-CN"})["locked"][0]["missing"][0]
    assert "认证已暂停" in zh["message"] and "质检平均分提回 60" in zh["unlock"][0]
