"""Trainers reorder and delete lessons of a draft in the browser."""

import re

from sqlalchemy import select

from tests.helpers.web import csrf_token, sign_in


def test_reorder_and_delete_lessons(app, client, create_user, user_email):
    from academy.models import Course
    from app.extensions import db

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
