"""Trainers author certifications in the browser and through the API; bad definitions change nothing."""

import re

import pytest

from tests.helpers.web import csrf_token, sign_in

DEFINITION = {
    "key": "fundamentals_l1", "name": {"en": "Fundamentals L1", "zh": "基础 L1"}, "industry": "general",
    "required_courses": ["customer_service_fundamentals"],
    "exam": {"course": "customer_service_fundamentals", "questions": 3, "pass_mark": 0.7, "time_limit_seconds": 600},
    "practical": {"required": True, "rubric": [{"key": "greeting", "label": {"en": "Greeting", "zh": "问候"},
                                                "max_points": 5}]},
    "min_profile": {"emotional_stability": 40}, "valid_days": 180, "tags": ["general.service"],
}


@pytest.fixture
def trainer(create_user, user_email, auth):
    user_id = create_user("trainer")
    return {"id": user_id, "email": user_email(user_id), "headers": auth.headers(user_email(user_id))}


def test_trainer_creates_and_edits_a_certification_through_the_api(client, content, trainer):
    created = client.post("/api/v1/certifications", json=DEFINITION, headers=trainer["headers"])
    assert created.status_code == 200, created.json
    body = created.json
    assert body["key"] == "fundamentals_l1" and body["valid_days"] == 180 and body["practical_required"]
    assert body["exam"]["questions"] == 3
    edited = client.post("/api/v1/certifications", json={**DEFINITION, "valid_days": 365},
                         headers=trainer["headers"])
    assert edited.json["id"] == body["id"] and edited.json["valid_days"] == 365
    catalog = client.get("/api/v1/certifications", headers=trainer["headers"]).json["items"]
    assert "fundamentals_l1" in {c["key"] for c in catalog}


@pytest.mark.parametrize("change,field", [
    ({"required_courses": ["no_such_course"]}, "required_courses"),
    ({"exam": {**DEFINITION["exam"], "questions": 500}}, "exam"),
    ({"exam": {**DEFINITION["exam"], "course": "nope"}}, "exam.course"),
    ({"valid_days": 0}, "valid_days"),
    ({"valid_days": "forever"}, "valid_days"),
    ({"tags": []}, "tags"),
    ({"key": "Bad Key"}, "key"),
    ({"min_profile": {"luck": 90}}, "min_profile"),
    ({"practical": {"required": True, "rubric": []}}, "practical.rubric"),
])
def test_bad_definitions_are_refused(app, client, content, trainer, change, field):
    response = client.post("/api/v1/certifications", json={**DEFINITION, **change}, headers=trainer["headers"])
    assert response.status_code == 422, response.json
    assert any(k.startswith(field.split(".")[0]) for k in response.json["error"]["fields"]), response.json
    catalog = client.get("/api/v1/certifications", headers=trainer["headers"]).json["items"]
    assert "fundamentals_l1" not in {c["key"] for c in catalog}


def test_members_cannot_author(client, content, create_user, user_email, auth):
    headers = auth.headers(user_email(create_user("member")))
    assert client.post("/api/v1/certifications", json=DEFINITION, headers=headers).status_code == 403


def test_trainer_authors_in_the_browser_form(client, content, trainer):
    sign_in(client, trainer["email"])
    page = client.get("/certifications/manage/definitions/new")
    assert page.status_code == 200
    form = {"key": "fundamentals_l1", "name_en": "Fundamentals L1", "name_zh": "基础 L1", "industry": "general",
            "required_courses": ["customer_service_fundamentals"], "exam_course": "customer_service_fundamentals",
            "exam_questions": "3", "exam_pass_mark": "70", "exam_time_limit": "600", "practical_required": "1",
            "rubric-0-label_en": "Greeting", "rubric-0-label_zh": "问候", "rubric-0-points": "5",
            "rubric-1-label_en": "Closing", "rubric-1-label_zh": "结束语", "rubric-1-points": "5",
            "rubric-2-label_en": "", "rubric-2-label_zh": "", "rubric-2-points": "",  # a blank row
            "profile_emotional_stability": "40", "valid_days": "180", "tags_known": ["general.service", "lang.zh"],
            "tags": "travel.rebooking",
            "csrf_token": csrf_token(client, "/certifications/manage/definitions/new")}
    saved = client.post("/certifications/manage/definitions/new", data=form)
    assert saved.status_code == 302, saved.get_data(as_text=True)[-2000:]
    edit_url = saved.headers["Location"]
    html = client.get(edit_url).get_data(as_text=True)
    assert 'name="rubric-1-label_zh" value="结束语"' in html and 'name="rubric-1-key" value="closing"' in html
    assert 'name="rubric-4-label_en" value=""' in html and 'value="180"' in html  # room for more criteria
    # Skill tags are picked by name; a tag not in the list keeps its code in "Other tags".
    assert re.search(r'value="lang\.zh" checked> 普通话 / Mandarin', html)
    assert re.search(r'value="general\.service" checked> Customer service', html)
    assert 'name="tags" value="travel.rebooking"' in html and "ecommerce.after_sales, lang.zh" not in html
    assert "|" not in html[html.index('data-testid="rubric-rows"'):html.index("</table>", html.index("rubric-rows"))]
    assert "Fundamentals L1" in client.get("/certifications/manage").get_data(as_text=True)
    token = csrf_token(client, edit_url)
    bad = client.post(edit_url, data={**form, "rubric-1-points": "five", "csrf_token": token})
    assert bad.status_code == 422 and 'data-testid="error-rubric"' in bad.get_data(as_text=True)
    assert "Criterion 2: give it a name and its points" in bad.get_data(as_text=True)
    assert 'name="rubric-1-points" value="five"' in bad.get_data(as_text=True)  # what was typed stays
    zh = client.post(edit_url, data={**form, "rubric-1-points": "five", "csrf_token": token},
                     headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert "第 2 项评分标准" in zh and "评分项（中文）" in zh


def test_certification_lists_are_paged(client, content, trainer):
    first = client.get("/api/v1/certifications?limit=1", headers=trainer["headers"]).json
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = client.get(f"/api/v1/certifications?limit=1&cursor={first['next_cursor']}",
                        headers=trainer["headers"]).json
    assert second["items"][0]["id"] != first["items"][0]["id"]
    assert client.get("/api/v1/practicals?limit=0", headers=trainer["headers"]).status_code == 422
