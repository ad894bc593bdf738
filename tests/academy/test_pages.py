"""Academy and certification pages without a browser: every page renders for its roles, forms work,
drafts stay hidden, authoring creates versions, lessons are reordered and deleted, and the Chinese
pages are translated."""

import re

from sqlalchemy import select

from academy.models import Course
from app.extensions import db
from tests.helpers.web import csrf_token, sign_in


def form_token(client, path):
    return csrf_token(client, path)


def test_member_pages_render_and_a_lesson_completes_from_the_page(client, app, content, create_user, user_email):
    email = user_email(create_user("member"))
    sign_in(client, email)
    for path in ("/academy/", "/academy/me", "/academy/leaderboard?period=month", "/certifications/",
                 "/academy/assessment", f"/academy/courses/{content['courses']['customer_service_fundamentals']}"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "<script>alert" not in response.get_data(as_text=True)
    lesson_id = content["lessons"]["customer_service_fundamentals"][0]
    page = client.get(f"/academy/lessons/{lesson_id}").get_data(as_text=True)
    assert "Say your name" in page and "<script>" not in page.split("<main")[1].split("quiz.js")[0]
    token = form_token(client, f"/academy/lessons/{lesson_id}")
    done = client.post(f"/academy/lessons/{lesson_id}", data={"csrf_token": token})
    assert done.status_code == 302
    profile = client.get("/academy/me").get_data(as_text=True)
    assert "10 XP" in profile and 'data-testid="badge-first_lesson"' in profile
    assert client.get("/academy/manage").status_code == 403


def test_quiz_page_never_shows_answers_and_grades_the_form(client, app, content, create_user, user_email):
    from tests.helpers.academy import answers_of

    email = user_email(create_user("member"))
    sign_in(client, email)
    course_id = content["courses"]["customer_service_fundamentals"]
    token = form_token(client, f"/academy/courses/{course_id}")
    started = client.post(f"/academy/quizzes/{content['quizzes']['customer_service_fundamentals']}/start",
                          data={"csrf_token": token})
    attempt_url = started.headers["Location"]
    attempt_id = int(attempt_url.rstrip("/").split("/")[-1])
    html = client.get(attempt_url).get_data(as_text=True)
    assert "quiz.js" in html and "Explanation" not in html and "data-deadline" in html
    sheet = answers_of(app, attempt_id)
    form = {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)}
    for qid, answer in sheet.items():
        if isinstance(answer, bool):
            form[f"q{qid}"] = "true" if answer else "false"
        elif isinstance(answer, str):
            form[f"q{qid}"] = answer
        elif f'name="q{qid}-' in html:  # ordering: rank each option
            for rank, key in enumerate(answer, 1):
                form[f"q{qid}-{key}"] = str(rank)
        else:
            form[f"q{qid}"] = answer
    client.post(attempt_url, data=form)
    result = client.get(attempt_url).get_data(as_text=True)
    assert "Passed!" in result and "+75 XP" in result


def test_trainer_authors_a_new_version_without_touching_the_published_one(client, app, content, create_user,
                                                                          user_email):
    email = user_email(create_user("trainer"))
    sign_in(client, email)
    assert client.get("/academy/manage").status_code == 200
    assert client.get("/academy/manage/cohort").status_code == 200
    assert client.get("/certifications/manage").status_code == 200
    published_id = content["courses"]["ecommerce_after_sales"]
    url = f"/academy/manage/courses/{published_id}"
    token = form_token(client, url)
    saved = client.post(url, data={"csrf_token": token, "action": "question", "question_key": "e_new",
                                   "type": "single", "prompt_en": "Which is polite?", "prompt_zh": "哪个礼貌？",
                                   "option_a_en": "Thank you for waiting", "option_a_zh": "感谢等待",
                                   "option_b_en": "Hurry up", "option_b_zh": "快点", "correct": "a"})
    draft_url = saved.headers["Location"]
    assert draft_url != url
    with app.app_context():
        versions = {c.version: (c.status, len(c.questions)) for c in
                    db.session.query(Course).filter_by(key="ecommerce_after_sales")}
    assert versions == {1: ("published", 4), 2: ("draft", 5)}
    bad = client.post(draft_url, data={"csrf_token": token, "action": "question", "question_key": "e_bad",
                                       "type": "single", "prompt_en": "x", "option_a_en": "A", "correct": "z"})
    assert bad.status_code == 302
    with app.app_context():
        assert db.session.query(Course).filter_by(key="ecommerce_after_sales", version=2).one().questions[-1].key \
            == "e_new"
    client.post(draft_url, data={"csrf_token": token, "action": "publish"})
    with app.app_context():
        versions = {c.version: c.status for c in db.session.query(Course).filter_by(key="ecommerce_after_sales")}
    assert versions == {1: "archived", 2: "published"}
    created = client.post("/academy/manage", data={"csrf_token": token, "key": "travel_rebooking",
                                                   "industry": "travel", "title_en": "Rebooking flights"})
    assert created.status_code == 302
    member_client = app.test_client()
    sign_in(member_client, user_email(create_user("member")))
    with app.app_context():
        draft_id = db.session.query(Course).filter_by(key="travel_rebooking").one().id
    assert member_client.get(f"/academy/courses/{draft_id}").status_code == 404  # drafts stay hidden


def test_pages_are_translated(client, app, content, create_user, user_email):
    email = user_email(create_user("member"))
    sign_in(client, email)
    client.post("/lang", data={"csrf_token": csrf_token(client, "/academy/"), "lang": "zh", "next": "/academy/"})
    html = client.get("/academy/").get_data(as_text=True)
    assert "客户服务基础" in html and "课程" in html
    assert "我的进度" in client.get("/academy/me").get_data(as_text=True)
    assert "认证" in client.get("/certifications/").get_data(as_text=True)


def test_typing_check_page(client, app, content, create_user, user_email):
    import html as html_lib

    sign_in(client, user_email(create_user("member")))
    page = client.get("/academy/typing").get_data(as_text=True)
    ticket = re.search(r'name="ticket" value="([^"]+)"', page).group(1)
    passage = html_lib.unescape(re.search(r'data-testid="typing-passage">([^<]+)<', page).group(1))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    result = client.post("/academy/typing", data={"csrf_token": token, "ticket": ticket, "typed": passage})
    assert result.status_code == 200 and 'data-testid="typing-result"' in result.get_data(as_text=True)
    assert "Passed!" in result.get_data(as_text=True)


def test_reorder_and_delete_lessons(app, client, create_user, user_email):
    sign_in(client, user_email(create_user("trainer")))
    created = client.post("/academy/manage", data={"key": "order_demo", "industry": "general", "title_en": "Order",
                                                   "csrf_token": csrf_token(client, "/academy/manage")})
    url = created.headers["Location"]
    for key in ("second", "third"):
        client.post(url, data={"action": "lesson", "lesson_key": key, "title_en": key.title(), "body_en": "<p>x</p>",
                               "csrf_token": csrf_token(client, url)})
    client.post(url + "?direction=up", data={"action": "move_lesson", "lesson_key": "third",
                                             "csrf_token": csrf_token(client, url)})
    client.post(url, data={"action": "delete_lesson", "lesson_key": "intro", "csrf_token": csrf_token(client, url)})
    with app.app_context():
        course_id = int(re.search(r"/courses/(\d+)", url).group(1))
        course = db.session.scalar(select(Course).where(Course.id == course_id))
        assert [(lesson.key, lesson.position) for lesson in course.lessons] == [("third", 0), ("second", 1)]
    refused = client.post(url, data={"action": "delete_lesson", "lesson_key": "nope",
                                     "csrf_token": csrf_token(client, url)})
    assert refused.status_code == 302  # back to the page with the error shown
    assert "No such lesson." in client.get(url).get_data(as_text=True)
