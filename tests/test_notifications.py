"""The notification centre: words in the reader's language, read marks, and delivery by e-mail
when SMTP is configured (logged when not)."""

import logging

from flask_babel import lazy_gettext as _l

from app.database import commit
from app.extensions import db
from app.notifications import notify, register_kind, unread_count
from app.notifications.models import Notification
from app.notifications.services import deliver_notification, mark_read, words
from tests.helpers.web import csrf_token, sign_in

register_kind("test.hello", title=_l("Notifications"), body=_l("%(n)s unread"))


def test_a_notification_is_worded_counted_and_read(app, client, create_user, user_email):
    user_id = create_user("member")
    with app.test_request_context():
        notify(user_id, "test.hello", {"n": 3}, link="/settings")
        commit()
        assert unread_count(user_id) == 1
    with app.test_request_context(headers={"Accept-Language": "zh-CN"}):
        found = db.session.query(Notification).filter_by(user_id=user_id).one()
        assert words(found) == ("通知", "3 条未读")
    sign_in(client, user_email(user_id))
    html = client.get("/notifications/").get_data(as_text=True)
    assert 'data-testid="notification-count">1<' in html and 'data-unread="true"' in html
    opened = client.post(f"/notifications/{found.id}/read", data={"csrf_token": csrf_token(client, "/notifications/")})
    assert opened.status_code == 302 and opened.headers["Location"].endswith("/settings")
    html = client.get("/notifications/").get_data(as_text=True)
    assert 'data-testid="notification-count"' not in html and 'data-unread="false"' in html
    with app.app_context():
        assert mark_read(user_id) == 0
        assert unread_count(user_id) == 0


def test_delivery_logs_without_smtp_and_mails_with_it(app, create_user, monkeypatch, caplog):
    user_id = create_user("member")
    with app.test_request_context():
        notification_id = notify(user_id, "test.hello", {"n": 1}, link="/work/shifts").id
        commit()
    with app.app_context(), caplog.at_level(logging.INFO, logger="app.mail"):
        assert deliver_notification(notification_id) == "logged"
    assert "No SMTP configured" in caplog.text and "/work/shifts" in caplog.text

    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout):
            sent.append((host, port))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def starttls(self):
            sent.append("starttls")

        def login(self, user, password):
            sent.append(("login", user))

        def send_message(self, message):
            sent.append(message)

    monkeypatch.setattr("app.mail.smtplib.SMTP", FakeSMTP)
    monkeypatch.setitem(app.config, "SMTP_HOST", "mail.example.test")
    monkeypatch.setitem(app.config, "SMTP_USER", "crowdline")
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://crowdline.example.test")
    with app.app_context():
        assert deliver_notification(notification_id) == "mailed"
    message = sent[-1]
    assert sent[0] == ("mail.example.test", 587) and "starttls" in sent and ("login", "crowdline") in sent
    assert message["Subject"] == "Notifications"
    assert "https://crowdline.example.test/work/shifts" in message.get_content()
