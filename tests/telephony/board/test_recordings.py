"""Recordings: the member's resumable upload and its bad input, who may listen (each listening a
ledger entry), range requests, the campaign's policy and the retention purge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.database import commit
from app.extensions import db

AUDIO = b"\x1a\x45\xdf\xa3" + bytes(range(256)) * 8  # a WebM header, then 2 KiB of "audio"


@pytest.fixture
def call(app, tmp_path, enterprise, member, campaign):
    """A call of enterprise ``owner``'s campaign, handled by ``member`` and now in wrap-up."""
    app.config.update(RECORDING_DIR=str(tmp_path / "recordings"))
    owner = enterprise()
    cid = campaign(owner)
    (mid, headers) = member()
    with app.test_request_context():
        interaction_id = _handled(cid, mid)
        commit()
    return {"owner": owner, "campaign": cid, "member": mid, "headers": headers, "id": interaction_id,
            "url": f"/api/v1/interactions/{interaction_id}/recording"}


def _handled(campaign_id, member_id):
    from telephony import services
    from tests.telephony.conftest import at

    interaction = services.create_interaction(campaign_id, "inbound", customer_phone="+8613812345678", at=at(0))
    services.record_offer(interaction.id, member_id, offer_id="r1", at=at(10))
    services.mark_answered(interaction.id, member_id, at=at(14))
    services.begin_wrapup(interaction.id, at=at(104))
    return interaction.id


def _upload(client, call, data, start=0, total=None, content_type="audio/webm", headers=None):
    total = len(AUDIO) if total is None else total
    return client.post(call["url"], data=data, headers={
        **(headers or call["headers"]), "Content-Type": content_type,
        "Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}"})


def _accesses(actor_id=None) -> int:
    from ledger.models import Leaf, QueuedEntry

    count = 0
    for model in (QueuedEntry, Leaf):
        rows = db.session.scalars(select(model.entry).where(model.kind == "recording_accessed")).all()
        count += sum(1 for entry in rows if actor_id is None or f'"actor_id":{actor_id}' in entry.replace(" ", ""))
    return count


def _rows() -> int:
    from telephony.recordings.models import Recording

    return db.session.scalar(select(func.count(Recording.id)))


def test_resumable_upload(client, call):
    first = _upload(client, call, AUDIO[:1000], total="*")
    assert first.status_code == 200, first.json
    assert first.json["state"] == "uploading" and first.json["received"] == 1000 and first.json["media_url"] is None
    # a part that does not continue where the upload stands: refused, and told where it stands
    gap = _upload(client, call, AUDIO[1500:], start=1500)
    assert gap.status_code == 409 and gap.json["error"]["code"] == "upload_offset_mismatch"
    assert gap.headers["Upload-Offset"] == "1000"
    assert client.get(call["url"], headers=call["headers"]).json["received"] == 1000
    rest = _upload(client, call, AUDIO[1000:], start=1000)
    assert rest.status_code == 200, rest.json
    assert rest.json["state"] == "ready" and rest.json["received"] == len(AUDIO) and rest.json["media_url"]
    again = _upload(client, call, AUDIO)
    assert again.status_code == 409 and again.json["error"]["code"] == "recording_exists"
    detail = client.get(f"/api/v1/interactions/{call['id']}", headers=call["headers"]).json
    assert detail["recording_ref"] == f"recording:{call['id']}"


def test_bad_uploads_change_nothing(app, client, call, member):
    _, stranger = member()
    cases = [
        (dict(headers=stranger), 404, "not_found"),  # another member's call
        (dict(content_type="text/plain"), 415, "not_audio"),
        (dict(data=b"hello, not audio at all"), 415, "not_audio"),  # an audio type, but not its bytes
        (dict(total=500 * 1024 * 1024), 413, "too_large"),
    ]
    for overrides, status, code in cases:
        data = overrides.pop("data", AUDIO[:100])
        total = overrides.pop("total", len(data))
        response = _upload(client, call, data, total=total, **overrides)
        assert response.status_code == status and response.json["error"]["code"] == code, (overrides, response.json)
    bad_range = client.post(call["url"], data=AUDIO[:10], headers={
        **call["headers"], "Content-Type": "audio/webm", "Content-Range": "bytes 0-99/10"})
    assert bad_range.status_code == 400 and bad_range.json["error"]["code"] == "bad_content_range"
    assert client.post(call["url"], data=AUDIO, headers={"Content-Type": "audio/webm"}).status_code == 401
    with app.app_context():
        assert _rows() == 0


def test_who_may_listen_and_the_ledger(app, client, call, enterprise, member, create_user, user_email, auth):
    media = call["url"] + "/media"
    assert client.get(media).status_code == 401
    assert _upload(client, call, AUDIO).status_code == 200
    trainer_id = create_user("trainer")
    trainer = auth.headers(user_email(trainer_id))
    auditor_id = create_user("auditor")
    refused = {"other enterprise": enterprise()["headers"], "other member": member()[1], "trainer": trainer}
    for who, headers in refused.items():
        response = client.get(media, headers=headers)
        assert response.status_code == 404, who
        assert client.get(call["url"], headers=headers).status_code in (403, 404), who
    with app.app_context():
        assert _accesses() == 0
    # the campaign names the trainer its QA reviewer: now they may listen
    put = client.put(f"/api/v1/campaigns/{call['campaign']}/recording", json={"qa_reviewer_ids": [trainer_id]},
                     headers=call["owner"]["headers"])
    assert put.status_code == 200 and put.json["qa_reviewer_ids"] == [trainer_id]
    allowed = {call["owner"]["admin_id"]: call["owner"]["headers"], call["member"]: call["headers"],
               trainer_id: trainer, auditor_id: auth.headers(user_email(auditor_id))}
    for actor, headers in allowed.items():
        response = client.get(media, headers=headers)
        assert response.status_code == 200 and response.data == AUDIO
        assert response.headers["Accept-Ranges"] == "bytes"
        with app.app_context():
            assert _accesses(actor) == 1
    # the same listener again at once (a player's further ranges): still one entry
    client.get(media, headers=call["headers"])
    with app.app_context():
        assert _accesses() == 4


def test_range_requests(client, call):
    assert _upload(client, call, AUDIO).status_code == 200
    media, headers = call["url"] + "/media", call["owner"]["headers"]
    part = client.get(media, headers={**headers, "Range": "bytes=4-13"})
    assert part.status_code == 206 and part.data == AUDIO[4:14]
    assert part.headers["Content-Range"] == f"bytes 4-13/{len(AUDIO)}" and part.headers["Content-Length"] == "10"
    tail = client.get(media, headers={**headers, "Range": "bytes=-6"})
    assert tail.status_code == 206 and tail.data == AUDIO[-6:]
    opened = client.get(media, headers={**headers, "Range": "bytes=100-"})
    assert opened.status_code == 206 and opened.data == AUDIO[100:]
    outside = client.get(media, headers={**headers, "Range": f"bytes={len(AUDIO) + 10}-"})
    assert outside.status_code == 416 and outside.headers["Content-Range"] == f"bytes */{len(AUDIO)}"
    etag = part.headers["ETag"]
    same = client.get(media, headers={**headers, "Range": "bytes=0-1", "If-Range": etag})
    assert same.status_code == 206 and same.data == AUDIO[:2]
    stale = client.get(media, headers={**headers, "Range": "bytes=0-1", "If-Range": '"rec-0-0"'})
    assert stale.status_code == 200 and stale.data == AUDIO


def test_recording_off_and_consent(app, client, call):
    url = f"/api/v1/campaigns/{call['campaign']}/recording"
    put = client.put(url, json={"enabled": False, "consent": {"zh": "本通话将被录音。"}, "retention_days": 30},
                     headers=call["owner"]["headers"])
    assert put.status_code == 200 and put.json["enabled"] is False and put.json["consent"] == {"zh": "本通话将被录音。"}
    refused = _upload(client, call, AUDIO)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "recording_off"
    bad = client.put(url, json={"retention_days": 0}, headers=call["owner"]["headers"])
    assert bad.status_code == 422
    with app.test_request_context():
        from telephony.campaigns import campaign
        from telephony.recordings.policy import consent_text

        assert consent_text(campaign(call["campaign"]), "zh") == "本通话将被录音。"
        assert "recorded" in consent_text(campaign(call["campaign"]), "en")


def test_retention_purge_keeps_the_ledger(app, client, call, tmp_path):
    from app.timeutil import utcnow
    from telephony.recordings import services
    from telephony.recordings.models import Recording

    client.put(f"/api/v1/campaigns/{call['campaign']}/recording", json={"retention_days": 7},
               headers=call["owner"]["headers"])
    assert _upload(client, call, AUDIO).status_code == 200
    assert client.get(call["url"] + "/media", headers=call["owner"]["headers"]).status_code == 200
    files = list((tmp_path / "recordings").rglob("*.webm"))
    assert len(files) == 1
    with app.test_request_context():
        assert services.purge_expired(utcnow() + timedelta(days=6)) == 0
        assert services.purge_expired(utcnow() + timedelta(days=8)) == 1
        commit()
        found = db.session.scalar(select(Recording))
        assert found.state == "purged" and found.purged_at is not None
        assert _accesses(call["owner"]["admin_id"]) == 1  # the ledger keeps the access
    assert not files[0].exists()
    assert client.get(call["url"] + "/media", headers=call["owner"]["headers"]).status_code == 404
    assert client.get(call["url"], headers=call["owner"]["headers"]).json["state"] == "purged"
