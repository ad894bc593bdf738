"""Lesson media: trainers upload images and audio (checked by content), signed-in users fetch them."""

import io
import struct
import wave

import pytest

from academy.media import sniff
from tests.helpers.web import csrf_token, sign_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def wav_bytes() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"".join(struct.pack("<h", 0) for _ in range(800)))
    return buffer.getvalue()


@pytest.mark.parametrize("data,expected", [
    (PNG, "image/png"), (b"\xff\xd8\xff\xe0" + b"\x00" * 8, "image/jpeg"), (b"GIF89a" + b"\x00" * 8, "image/gif"),
    (b"ID3\x03" + b"\x00" * 8, "audio/mpeg"), (b"OggS" + b"\x00" * 8, "audio/ogg"),
    (b"<script>alert(1)</script>", None), (b"%PDF-1.7", None), (b"", None),
])
def test_files_are_recognised_by_content(data, expected):
    found = sniff(data)
    assert (found[0] if found else None) == expected
    assert sniff(wav_bytes())[0] == "audio/wav"


def upload(client, data, name):
    return client.post("/academy/manage/media", content_type="multipart/form-data", data={
        "file": (io.BytesIO(data), name), "csrf_token": csrf_token(client, "/academy/manage/media")})


def test_trainer_uploads_an_audio_sample_and_members_can_play_it(app, client, create_user, user_email):
    sign_in(client, user_email(create_user("trainer")))
    response = upload(client, wav_bytes(), "good-call.wav")
    assert response.status_code == 302
    page = client.get("/academy/manage/media").get_data(as_text=True)
    assert "good-call.wav" in page and "&lt;audio controls src=&#34;/academy/media/" in page.replace('"', "&#34;")
    src = page.split('<audio controls src="', 1)[1].split('"', 1)[0]
    member = app.test_client()
    assert member.get(src).status_code == 302  # signed out: to sign-in
    sign_in(member, user_email(create_user("member")))
    served = member.get(src)
    assert served.status_code == 200 and served.mimetype == "audio/wav" and served.data == wav_bytes()
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    again = upload(client, wav_bytes(), "same-again.wav")  # the same content is kept once
    assert again.status_code == 302
    assert client.get("/academy/manage/media").get_data(as_text=True).count("<audio controls") == 1


def test_other_files_and_other_roles_are_refused(client, create_user, user_email):
    sign_in(client, user_email(create_user("trainer")))
    upload(client, b"<script>alert(1)</script>", "evil.png")
    page = client.get("/academy/manage/media").get_data(as_text=True)
    assert "Only images" in page and "evil.png" not in page
    member = client.application.test_client()
    sign_in(member, user_email(create_user("member")))
    assert member.get("/academy/manage/media").status_code == 403


def test_lessons_embed_uploaded_media_through_the_sanitiser():
    from academy.sanitize import clean_html

    html = clean_html('<p>Listen:</p><audio controls src="/academy/media/abc"></audio><img src="javascript:x">')
    assert '<audio controls src="/academy/media/abc"></audio>' in html
    assert "javascript" not in html
