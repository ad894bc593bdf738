"""In a real browser: the lesson editor (vendored EasyMDE) works under the CSP, previews the lesson as
the server sanitises it, and saves Markdown as lesson HTML; the question form shows each type's controls."""

import os
import uuid
from pathlib import Path

import pytest

from app.database import commit
from tests.helpers.web import sign_in_page

pytestmark = pytest.mark.browser
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))


def test_a_trainer_writes_a_lesson_in_markdown_with_a_preview(live_app, live_server, browser):
    from app.auth import services as accounts

    email = f"trainer-{uuid.uuid4().hex[:6]}@example.test"
    key = f"md_{uuid.uuid4().hex[:6]}"
    with live_app.app_context():
        accounts.create_user(email=email, password="a-good-password", name="Tess", role="trainer")
        commit()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    try:
        sign_in_page(page, live_server, email, "a-good-password")
        page.goto(live_server + "/academy/manage")
        page.locator("input[name=key]").fill(key)
        page.locator("input[name=title_zh]").fill("只有中文的课程")
        page.locator("article form button[type=submit]").click()
        page.wait_for_url("**/academy/manage/courses/*")

        page.locator("summary", has_text="添加课时").click()
        section = page.locator("details[open]").filter(has=page.get_by_test_id("new-lesson-body-en"))
        section.locator("input[name=lesson_key]").fill("hello")
        section.locator("input[name=title_zh]").fill("问候")
        page.wait_for_function("document.querySelector('[data-testid=new-lesson-body-en]').editor !== undefined")
        page.evaluate("document.querySelector('[data-testid=new-lesson-body-en]').editor.value("
                      "'## 先问好\\n\\n- **微笑**\\n\\n<img src=x onerror=alert(1)>')")
        section.locator("button.md-preview").first.click()
        page.wait_for_selector(".editor-preview-active[data-rendered=yes] h2")
        preview = section.locator(".editor-preview-active").first.inner_html()
        assert "<h2>先问好</h2>" in preview and "<strong>微笑</strong>" in preview and "onerror" not in preview
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "lesson-editor-preview-zh.png"), full_page=True)
        section.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert "问候" in page.content()
        # Reopened, the lesson is in the editor as the Markdown that was typed, not as its HTML.
        page.locator("summary", has_text="问候").click()
        page.wait_for_function("document.querySelector('[data-testid=lesson-body-en-hello]').editor !== undefined")
        reopened = page.evaluate("document.querySelector('[data-testid=lesson-body-en-hello]').editor.value()")
        assert reopened.startswith("## 先问好\n\n- **微笑**") and "<h2>" not in reopened

        page.locator("summary", has_text="添加或替换题目").click()
        form = page.get_by_test_id("question-form")
        form.get_by_test_id("question-type").select_option("true_false")
        assert form.get_by_test_id("answer-true").is_visible() and not form.get_by_test_id("option-a-en").is_visible()
        form.get_by_test_id("question-type").select_option("ordering")
        assert form.get_by_test_id("rank-a").is_visible() and not form.get_by_test_id("answer-true").is_visible()
        page.screenshot(path=str(ARTIFACTS / "question-form-zh.png"), full_page=True)
        # The editor's scripts all run under the CSP (a blocked script would have stopped the preview).
        assert not [p for p in problems if "script-src" in p], problems
    finally:
        context.close()
