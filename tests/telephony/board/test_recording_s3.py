"""Recordings in an S3-compatible store: a real S3 server on 127.0.0.1 (moto's), boto3 pointed at it.
The store itself (parts staged, a part sent again, one past the end, size, ranged reads, assembly,
delete), the member's upload and listening through the API with ``RECORDING_STORE=s3``, the
retention purge, and a store that is missing or unreachable (a 503 that says so, logged)."""

from __future__ import annotations

import logging
import random
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.database import commit
from app.extensions import db
from tests.telephony.board.test_recordings import AUDIO, _handled, _upload

MIB = 1024 * 1024
KEY = "7/8/9.webm"


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(app, s3_endpoint, monkeypatch):
    """The app's recordings in a new bucket of the S3 server: ``{"bucket", "client", "objects"}``."""
    import boto3

    bucket = f"recordings-{uuid.uuid4().hex[:12]}"
    settings = {"RECORDING_STORE": "s3", "RECORDING_S3_BUCKET": bucket, "RECORDING_S3_ENDPOINT_URL": s3_endpoint,
                "RECORDING_S3_REGION": "us-east-1", "RECORDING_S3_PREFIX": "calls", "RECORDING_S3_ACCESS_KEY": "test",
                "RECORDING_S3_SECRET_KEY": "test", "RECORDING_S3_ADDRESSING_STYLE": "path"}
    for name, value in settings.items():
        monkeypatch.setitem(app.config, name, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", aws_access_key_id="test",
                          aws_secret_access_key="test")
    client.create_bucket(Bucket=bucket)

    def objects() -> dict[str, bytes]:
        listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
        return {item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read() for item in listed}

    return {"bucket": bucket, "client": client, "objects": objects}


@pytest.fixture
def s3_store(app, s3):
    from telephony.recordings.storage import store

    with app.app_context():
        yield store()


def _bytes(n: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(n)


def _read(found, start, end) -> bytes:
    return b"".join(found.read(KEY, start, end))


def test_parts_are_staged_then_assembled_into_one_object(s3, s3_store):
    from telephony.recordings.storage.s3 import S3Store

    assert isinstance(s3_store, S3Store)
    audio = _bytes(6 * MIB + 1000)  # more than one multipart part of 5 MiB once assembled
    parts = [(offset, audio[offset:offset + MIB]) for offset in range(0, len(audio), MIB)]
    for offset, data in parts[:3]:
        assert s3_store.write_at(KEY, offset, data) == offset + len(data)
    assert s3_store.size(KEY) == 3 * MIB
    # the second part sent again (a retry): it replaces its copy and what followed it is cut
    assert s3_store.write_at(KEY, MIB, parts[1][1]) == 2 * MIB
    assert s3_store.size(KEY) == 2 * MIB
    # a part past what was received would leave a hole: refused, nothing changes
    with pytest.raises(ValueError):
        s3_store.write_at(KEY, 3 * MIB, parts[3][1])
    assert s3_store.size(KEY) == 2 * MIB
    for offset, data in parts[2:]:
        s3_store.write_at(KEY, offset, data)
    assert s3_store.size(KEY) == len(audio)
    staged = s3["objects"]()
    assert len(staged) == len(parts) and all(".webm.parts/" in name for name in staged)
    # ranges across the staged parts, before the assembly
    assert _read(s3_store, 0, 9) == audio[:10]
    assert _read(s3_store, MIB - 5, 2 * MIB + 4) == audio[MIB - 5:2 * MIB + 5]
    assert _read(s3_store, len(audio) - 7, len(audio) - 1) == audio[-7:]

    s3_store.complete(KEY)
    s3_store.complete(KEY)  # again: nothing left to do
    assert s3["objects"]() == {f"calls/{KEY}": audio}
    head = s3["client"].head_object(Bucket=s3["bucket"], Key=f"calls/{KEY}")
    assert head["ContentType"] == "audio/webm"
    assert s3_store.size(KEY) == len(audio)
    assert _read(s3_store, 5 * MIB - 3, 5 * MIB + 3) == audio[5 * MIB - 3:5 * MIB + 4]
    assert _read(s3_store, 0, len(audio) - 1) == audio
    with pytest.raises(ValueError):  # a whole recording is not appended to
        s3_store.write_at(KEY, len(audio), b"more")

    assert s3_store.delete(KEY) is True
    assert s3["objects"]() == {} and s3_store.size(KEY) == 0
    assert s3_store.delete(KEY) is False


def test_a_part_resent_with_other_bounds_cuts_the_earlier_ones(s3, s3_store):
    audio = _bytes(3000, seed=2)
    s3_store.write_at(KEY, 0, audio[:1000])
    s3_store.write_at(KEY, 1000, audio[1000:2000])
    assert s3_store.write_at(KEY, 500, audio[500:1500]) == 1500  # inside the first part: its head stays
    assert s3_store.size(KEY) == 1500
    s3_store.write_at(KEY, 1500, audio[1500:])
    assert _read(s3_store, 0, 2999) == audio
    s3_store.complete(KEY)  # several small parts: joined in one object
    assert s3["objects"]() == {f"calls/{KEY}": audio}
    # writing at 0 again starts the recording anew (the provider's media over a broken upload)
    assert s3_store.write_at(KEY, 0, b"RIFF" + audio[:96]) == 100
    assert s3_store.size(KEY) == 100 and list(s3["objects"]()) == [f"calls/{KEY}.parts/000000000000"]
    s3_store.complete(KEY)  # one part: copied inside the store
    assert s3["objects"]() == {f"calls/{KEY}": b"RIFF" + audio[:96]}


def test_delete_removes_staged_parts_of_an_unfinished_upload(s3, s3_store):
    s3_store.write_at(KEY, 0, b"\x1a\x45\xdf\xa3" * 10)
    s3_store.write_at(KEY, 40, b"x" * 10)
    assert len(s3["objects"]()) == 2
    assert s3_store.delete(KEY) is True
    assert s3["objects"]() == {}
    from telephony.recordings.storage import StoreUnavailable

    with pytest.raises(StoreUnavailable):  # media that is gone cannot be played: said, not streamed empty
        s3_store.read(KEY, 0, 9)


@pytest.fixture
def call(app, enterprise, member, campaign):
    owner = enterprise()
    cid = campaign(owner)
    mid, headers = member()
    with app.test_request_context():
        interaction_id = _handled(cid, mid)
        commit()
    return {"owner": owner, "campaign": cid, "member": mid, "headers": headers, "id": interaction_id,
            "url": f"/api/v1/interactions/{interaction_id}/recording"}


def test_upload_and_listen_through_the_api(app, client, s3, call):
    from app.timeutil import utcnow
    from telephony.recordings import services
    from telephony.recordings.models import Recording
    from telephony.recordings.tasks import complete_recording

    first = _upload(client, call, AUDIO[:1000], total="*")
    assert first.status_code == 200 and first.json["received"] == 1000
    again = _upload(client, call, AUDIO[:1000], total="*")  # sent twice: refused, nothing changes
    assert again.status_code == 409 and again.headers["Upload-Offset"] == "1000"
    rest = _upload(client, call, AUDIO[1000:], start=1000)
    assert rest.status_code == 200 and rest.json["state"] == "ready" and rest.json["received"] == len(AUDIO)
    key = f"calls/{call['owner']['org_id']}/{call['campaign']}/{call['id']}.webm"
    assert sorted(s3["objects"]()) == [f"{key}.parts/000000000000", f"{key}.parts/000000001000"]

    media, headers = call["url"] + "/media", call["owner"]["headers"]
    for _stage in ("staged", "assembled"):
        part = client.get(media, headers={**headers, "Range": "bytes=990-1009"})
        assert part.status_code == 206 and part.data == AUDIO[990:1010]
        assert part.headers["Content-Range"] == f"bytes 990-1009/{len(AUDIO)}"
        whole = client.get(media, headers=headers)
        assert whole.status_code == 200 and whole.data == AUDIO
        assert client.get(media, headers={**headers, "Range": f"bytes={len(AUDIO)}-"}).status_code == 416
        with app.app_context():
            recording_id = db.session.scalar(select(Recording.id))
            assert complete_recording(recording_id) is True  # the job queued by the upload's last part
        assert s3["objects"]() == {key: AUDIO}

    with app.test_request_context():
        assert services.purge_expired(utcnow() + timedelta(days=91)) == 1
        commit()
    assert s3["objects"]() == {}
    assert client.get(media, headers=headers).status_code == 404


def _rows() -> int:
    from telephony.recordings.models import Recording

    return db.session.scalar(select(func.count(Recording.id)))


def test_a_store_that_cannot_be_used_is_a_503_that_says_so(app, client, s3, call, monkeypatch, caplog):
    caplog.set_level(logging.ERROR, logger="telephony.recordings.storage")
    ready = _upload(client, call, AUDIO)
    assert ready.status_code == 200
    media, headers = call["url"] + "/media", call["owner"]["headers"]
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")  # boto3's own retry setting: fail fast
    broken = {
        "no bucket named": {"RECORDING_S3_BUCKET": None},
        "a bucket that does not exist": {"RECORDING_S3_BUCKET": "no-such-recordings"},
        "an endpoint where nothing listens": {"RECORDING_S3_ENDPOINT_URL": "http://127.0.0.1:1"},
        "a store that is not one": {"RECORDING_STORE": "tape"},
    }
    for case, settings in broken.items():
        with monkeypatch.context() as patched:
            for name, value in settings.items():
                patched.setitem(app.config, name, value)
            caplog.clear()
            heard = client.get(media, headers=headers)
            assert heard.status_code == 503, case
            error = heard.json["error"]
            assert error["code"] == "recording_store_unavailable" and "storage cannot be reached" in error["message"]
            assert "s3" not in error["message"].lower() and "bucket" not in error["message"].lower()
            assert caplog.records, case  # the operator finds the cause in the log
            zh = client.get(media, headers={**headers, "Accept-Language": "zh-CN"})
            assert zh.status_code == 503 and "存储" in zh.json["error"]["message"]
    with app.app_context():
        assert _rows() == 1

    # an upload while the bucket is missing: refused, nothing recorded
    monkeypatch.setitem(app.config, "RECORDING_S3_BUCKET", "no-such-recordings")
    with app.test_request_context():
        second = _handled(call["campaign"], call["member"])
        commit()
    refused = client.post(f"/api/v1/interactions/{second}/recording", data=AUDIO,
                          headers={**call["headers"], "Content-Type": "audio/webm"})
    assert refused.status_code == 503 and refused.json["error"]["code"] == "recording_store_unavailable"
    with app.app_context():
        assert _rows() == 1


def test_a_local_folder_that_cannot_be_written_is_a_503_too(app, client, call, tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"")
    monkeypatch.setitem(app.config, "RECORDING_DIR", str(blocker / "recordings"))
    refused = _upload(client, call, AUDIO)
    assert refused.status_code == 503 and refused.json["error"]["code"] == "recording_store_unavailable"
    assert any("a-file" in record.getMessage() for record in caplog.records)
    with app.app_context():
        assert _rows() == 0


def test_the_store_check_command(app, s3, monkeypatch):
    runner = app.test_cli_runner()
    works = runner.invoke(args=["telephony", "recordings-check"])
    assert works.exit_code == 0 and "works" in works.output, works.output
    assert s3["objects"]() == {}  # the probe leaves nothing behind
    monkeypatch.setitem(app.config, "RECORDING_S3_BUCKET", "no-such-recordings")
    fails = runner.invoke(args=["telephony", "recordings-check"])
    assert fails.exit_code == 1 and "cannot be used" in fails.output
