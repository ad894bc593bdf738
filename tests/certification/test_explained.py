"""The certifications page explains itself on a phone in Chinese: skill tags and traits by their
names, the pass mark and how far the member is from it, where the practical is sent."""

from __future__ import annotations

import uuid

import pytest

from app.auth import services as accounts
from app.database import commit
from tests.helpers.academy import load_fixture_content
from tests.helpers.web import fits_the_screen, sign_in_page

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"


def test_certifications_name_tags_traits_thresholds_and_the_practical(live_app, live_server, phone):
    content = load_fixture_content(live_app)
    email = f"certs-{uuid.uuid4().hex[:8]}@example.test"
    with live_app.test_request_context():
        accounts.register_user(email=email, password=PASSWORD, name="Cai", role="member", locale="zh")
        commit()
    client = live_app.test_client()
    token = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).json["access_token"]
    from tests.helpers.academy import take

    take(client, {"Authorization": f"Bearer {token}"}, live_app, content["quizzes"]["exam:finance_callback_l2"],
         wrong=2)  # 2 of 4 right: 50% against a pass mark of 75%

    page = phone
    sign_in_page(page, live_server, email, PASSWORD)
    page.goto(live_server + "/certifications/")
    chips = page.get_by_test_id("cert-tag").all_inner_texts()
    assert "电商售后" in chips and "金融回访" in chips
    assert not [chip for chip in chips if "." in chip or "_" in chip]
    exam = page.get_by_test_id("exam-requirement").nth(1).inner_text()
    assert "及格线 75%" in exam and "最佳 50%" in exam and "还差 25 分" in exam, exam
    practical = page.get_by_test_id("practical-requirement").inner_text()
    assert "通过考试后" in practical and "文字记录" in practical
    profile = page.get_by_test_id("profile-requirement").inner_text()
    assert "情绪稳定性" in profile and "emotional_stability" not in profile
    assert fits_the_screen(page)
