"""Authoring without developer skills: lessons in Markdown with a sanitised preview, questions from
form controls, the pass mark in percent, a course in one language, labels and statuses in words."""

import re

import pytest

from academy.models import Course
from app.database import commit
from app.extensions import db
from tests.helpers.web import csrf_token, in_chinese, sign_in


@pytest.fixture
def trainer(client, create_user, user_email):
    sign_in(client, user_email(create_user("trainer")))
    return client


def _new_course(client, **fields) -> str:
    data = {"key": "one_language", "industry": "travel", "csrf_token": csrf_token(client, "/academy/manage")}
    data.update(fields)
    created = client.post("/academy/manage", data=data)
    assert created.status_code == 302
    return created.headers["Location"]


def test_a_course_may_be_written_in_chinese_only(app, trainer):
    url = _new_course(trainer, title_zh="改签航班", summary_zh="如何为旅客改签")
    assert "/academy/manage/courses/" in url
    with app.app_context():
        course = db.session.query(Course).filter_by(key="one_language").one()
        assert course.title == {"en": "改签航班", "zh": "改签航班"}
    no_title = trainer.post("/academy/manage", data={"key": "no_title", "industry": "travel",
                                                     "csrf_token": csrf_token(trainer, "/academy/manage")})
    assert no_title.status_code == 302
    with app.app_context():
        assert db.session.query(Course).filter_by(key="no_title").count() == 0


def test_the_pass_mark_is_typed_in_percent(app, trainer):
    url = _new_course(trainer, title_en="Percent")
    assert 'name="pass_mark_percent"' in trainer.get(url).get_data(as_text=True)
    trainer.post(url, data={"action": "details", "title_en": "Percent", "questions_per_attempt": "5",
                            "time_limit_seconds": "600", "cooldown_seconds": "60", "max_attempts_per_day": "3",
                            "pass_mark_percent": "75", "csrf_token": csrf_token(trainer, url)})
    with app.app_context():
        assert db.session.query(Course).filter_by(key="one_language").one().pass_mark == 0.75
    page = trainer.get(url).get_data(as_text=True)
    assert 'value="75" data-testid="pass-mark-percent"' in page


def test_lessons_are_written_in_markdown_and_sanitised(app, trainer):
    url = _new_course(trainer, title_en="Markdown")
    trainer.post(url, data={"action": "lesson", "lesson_key": "greeting", "title_en": "Greeting",
                            "body_en": "## Say hello\n\n- **smile**\n- name yourself\n\n<script>alert(1)</script>",
                            "csrf_token": csrf_token(trainer, url)})
    with app.app_context():
        lesson = next(x for x in db.session.query(Course).filter_by(key="one_language").one().lessons
                      if x.key == "greeting")
        assert "<h2>Say hello</h2>" in lesson.body_html["en"] and "<strong>smile</strong>" in lesson.body_html["en"]
        assert "<script" not in lesson.body_html["en"]
        assert lesson.body_html["zh"] == lesson.body_html["en"]  # one language serves both
    preview = trainer.post("/academy/manage/preview", data={"markdown": "*hi* <img src=x onerror=alert(1)>"},
                           headers={"X-CSRFToken": csrf_token(trainer, url)})
    assert preview.status_code == 200 and "<em>hi</em>" in preview.get_data(as_text=True)
    assert "onerror" not in preview.get_data(as_text=True)


def test_a_lesson_reopens_in_the_markdown_it_was_written_in(app, trainer):
    import html

    url = _new_course(trainer, title_en="Reopen")
    markdown = "## Say hello\n\n- **smile**\n- name yourself, e.g. *Mei*\n"
    trainer.post(url, data={"action": "lesson", "lesson_key": "greeting", "title_en": "Greeting",
                            "body_en": markdown, "body_zh": "## 问候\n\n**微笑**",
                            "csrf_token": csrf_token(trainer, url)})
    page = trainer.get(url).get_data(as_text=True)
    opened = re.search(r'data-testid="lesson-body-en-greeting">(.*?)</textarea>', page, re.S)[1]
    assert html.unescape(opened) == markdown and "<h2>" not in html.unescape(opened)
    opened_zh = re.search(r'data-testid="lesson-body-zh-greeting">(.*?)</textarea>', page, re.S)[1]
    assert html.unescape(opened_zh) == "## 问候\n\n**微笑**"
    with app.app_context():
        lesson = next(x for x in db.session.query(Course).filter_by(key="one_language").one().lessons
                      if x.key == "greeting")
        assert "<h2>Say hello</h2>" in lesson.body_html["en"]  # learners still get the rendered HTML
        assert "<h2>问候</h2>" in lesson.body_html["zh"]


def test_a_lesson_saved_as_html_only_opens_as_markdown(app, trainer):
    """Lessons from before the Markdown was kept (and from content files) are converted for the editor."""
    import html

    from academy.sanitize import html_to_markdown, markdown_to_html

    url = _new_course(trainer, title_en="Old")
    old = ('<h2>Greeting</h2><p>Say <strong>hello</strong>, see <a href="https://example.test/guide">the guide</a>.'
           '</p><ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote><p>5 * 3</p>')
    with app.app_context():
        course = db.session.query(Course).filter_by(key="one_language").one()
        lesson = course.lessons[0]
        lesson.body_html, lesson.body_markdown = {"en": old, "zh": old}, None
        commit()
        key = lesson.key
    page = trainer.get(url).get_data(as_text=True)
    opened = html.unescape(re.search(rf'data-testid="lesson-body-en-{key}">(.*?)</textarea>', page, re.S)[1])
    assert opened.startswith("## Greeting\n\nSay **hello**, see [the guide](https://example.test/guide).")
    assert "- one\n- two" in opened and "> quoted" in opened and "5 \\* 3" in opened and "<p>" not in opened
    # Saved again unchanged, it renders to the same HTML the learners saw.
    assert markdown_to_html(html_to_markdown(old)).replace("\n", "") == old.replace(
        'guide">', 'guide" rel="noopener noreferrer">')


def test_the_preview_is_for_trainers_only(client, create_user, user_email):
    sign_in(client, user_email(create_user("member")))
    response = client.post("/academy/manage/preview", data={"markdown": "x"},
                           headers={"X-CSRFToken": csrf_token(client, "/home")})
    assert response.status_code == 403


@pytest.mark.parametrize(("kind", "form", "answer"), [
    ("single", {"correct": "b"}, "b"),
    ("multiple", {"correct": ["a", "c"]}, ["a", "c"]),
    ("ordering", {"rank_a": "3", "rank_b": "1", "rank_c": "2"}, ["b", "c", "a"]),
    ("true_false", {"answer_tf": "false"}, False),
])
def test_questions_come_from_form_controls(app, trainer, kind, form, answer):
    url = _new_course(trainer, title_en="Questions")
    data = {"action": "question", "question_key": f"q_{kind}", "type": kind, "prompt_zh": "问题",
            "option_a_en": "First", "option_b_en": "Second", "option_c_zh": "第三",
            "csrf_token": csrf_token(trainer, url), **form}
    trainer.post(url, data=data)
    with app.app_context():
        question = db.session.query(Course).filter_by(key="one_language").one().questions[-1]
        assert (question.key, question.answer) == (f"q_{kind}", answer)
        assert question.prompt == {"en": "问题", "zh": "问题"}
        if kind != "true_false":
            assert question.options[2]["text"] == {"en": "第三", "zh": "第三"}
    page = trainer.get(url).get_data(as_text=True)
    assert 'name="options"' not in page and " | " not in page.split('data-testid="question-form"')[1]


def test_statuses_types_and_industries_are_in_words_in_chinese(app, trainer):
    url = _new_course(trainer, title_en="Words")
    trainer.post("/lang", data={"lang": "zh", "csrf_token": csrf_token(trainer)})
    listing = trainer.get("/academy/manage").get_data(as_text=True)
    assert f'<span class="chip">{in_chinese(app, "draft")}</span>' in listing
    page = trainer.get(url).get_data(as_text=True)
    for label in ("One right answer", "Several right answers", "True or false", "Put in order", "Pass mark (percent)"):
        assert in_chinese(app, label) in page
    response = trainer.get("/certifications/manage/definitions/new")
    author = response.get_data(as_text=True)
    assert response.status_code == 200, author[-3000:]
    for industry in ("general", "energy", "government", "food_delivery"):  # words, in Chinese; never the key
        label = re.search(rf'<option value="{industry}"\s*(?:selected)?>([^<]*)</option>', author).group(1)
        assert label and not re.search(r"[A-Za-z_]", label), (industry, label)
    assert in_chinese(app, "Pass mark (percent)") in author
