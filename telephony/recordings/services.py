"""Recordings' operations: who may listen, the member's resumable upload, the provider's media,
each listening recorded in the ledger, and the retention purge."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from app import events
from app.auth.models import User
from app.errors import AppError, BadRequest, Conflict, NotFound
from app.extensions import db, redis_store
from app.numbers import is_id
from app.timeutil import as_utc, utcnow
from telephony import campaigns
from telephony.models import Interaction
from telephony.recordings.models import Recording
from telephony.recordings.policy import policy
from telephony.recordings.storage import store

AUDIO_TYPES = {"audio/webm": "webm", "audio/ogg": "ogg", "audio/wav": "wav", "audio/x-wav": "wav",
               "audio/wave": "wav", "audio/mpeg": "mp3"}
MAGIC = {"webm": (b"\x1a\x45\xdf\xa3",), "ogg": (b"OggS",), "wav": (b"RIFF",),
         "mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3")}
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
UPLOAD_STATES = ("wrapup", "completed")
CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+|\*)$")
ACCESS_WINDOW_SECONDS = 300  # one ledger entry per listener and recording within this window


def max_bytes() -> int:
    return int(current_app.config.get("RECORDING_MAX_BYTES") or DEFAULT_MAX_BYTES)


def recording_of(interaction_id: int) -> Recording | None:
    return db.session.scalar(select(Recording).where(Recording.interaction_id == interaction_id))


# --- who may listen ---------------------------------------------------------------------------

def listening_reason(user: User, interaction: Interaction) -> str | None:
    """Why ``user`` may hear the interaction's recording, or None: the enterprise's own users, the
    member who handled the call, a QA reviewer (trainer) of the campaign, an auditor."""
    if user.has_role("enterprise_admin", "enterprise_supervisor") and user.org_id == interaction.org_id:
        return "enterprise"
    if user.has_role("member") and interaction.member_id == user.id:
        return "handling_member"
    if user.has_role("trainer"):
        found = campaigns.campaign(interaction.campaign_id)
        if found is not None and user.id in [int(i) for i in policy(found)["qa_reviewer_ids"] or []]:
            return "qa_review"
    if user.has_role("auditor"):
        return "audit"
    return None


def listenable(user: User, interaction_id: int) -> tuple[Interaction, str]:
    """The interaction and why ``user`` may listen; 404 for anyone else (and for no interaction)."""
    interaction = db.session.get(Interaction, interaction_id) if is_id(interaction_id) else None
    reason = listening_reason(user, interaction) if interaction is not None else None
    if reason is None:
        raise NotFound()
    return interaction, reason


def record_access(user: User, recording: Recording, reason: str) -> bool:
    """Send ``recording_accessed`` (a ledger entry) unless this listener already opened this
    recording within the last few minutes (a player fetches many ranges of one listening)."""
    key = f"crowdline:recording-access:{recording.id}:{user.id}"
    if not redis_store.connection.set(key, "1", nx=True, ex=ACCESS_WINDOW_SECONDS):
        return False
    events.send(events.recording_accessed, "telephony", interaction_id=recording.interaction_id,
                recording_id=recording.id, actor_id=user.id, reason=reason)
    return True


# --- the member's upload ------------------------------------------------------------------------

def parse_content_range(header: str | None, length: int) -> tuple[int, int | None]:
    """``(start, total)`` of a chunk from ``Content-Range: bytes start-end/total`` (total ``*``
    while unknown); the whole file when there is no header."""
    if not header:
        return 0, length
    match = CONTENT_RANGE.match(header.strip())
    if match is None:
        raise BadRequest(_("Send the part's place as Content-Range: bytes <first>-<last>/<total or *>."),
                         code="bad_content_range")
    start, end = int(match[1]), int(match[2])
    total = None if match[3] == "*" else int(match[3])
    if end < start or end - start + 1 != length or (total is not None and end >= total):
        raise BadRequest(_("The Content-Range does not match the bytes sent."), code="bad_content_range")
    return start, total


def _kind_of(content_type: str | None) -> str:
    kind = AUDIO_TYPES.get((content_type or "").split(";")[0].strip().lower())
    if kind is None:
        raise AppError(_("Send the recording as audio: WebM, Ogg, WAV or MP3."), code="not_audio", status=415)
    return kind


def receive_chunk(member: User, interaction: Interaction, *, content_type: str | None, content_range: str | None,
                  data: bytes) -> Recording:
    """Add one part of the member's recording of their call. Refusals change nothing: not their
    call (404), the call not ended yet or the campaign not recording (409), not audio (415), too
    large (413), a part that does not continue where the upload stands (409 ``upload_offset_mismatch``,
    with ``Upload-Offset``)."""
    if interaction.member_id != member.id:
        raise NotFound()
    kind = _kind_of(content_type)
    start, total = parse_content_range(content_range, len(data))
    limit = max_bytes()
    if (total or 0) > limit or start + len(data) > limit:
        raise AppError(_("The recording is larger than %(mb)s MB.", mb=limit // (1024 * 1024)),
                       code="too_large", status=413)
    if not data:
        raise BadRequest(_("The part is empty."), code="empty_upload")
    found = campaigns.campaign(interaction.campaign_id)
    if found is None or not policy(found)["enabled"]:
        raise Conflict(_("This campaign does not record its calls."), code="recording_off")
    if interaction.state not in UPLOAD_STATES:
        raise Conflict(_("Upload the recording once the call has ended."), code="call_not_ended")
    recording = db.session.scalar(select(Recording).where(Recording.interaction_id == interaction.id)
                                  .with_for_update())
    if recording is not None and (recording.source != "browser" or recording.state != "uploading"):
        raise Conflict(_("This call's recording is already complete."), code="recording_exists")
    if recording is not None and recording.content_type != content_type.split(";")[0].strip().lower():
        raise Conflict(_("Send every part with the same audio type."), code="upload_type_changed")
    current = recording.size if recording is not None else 0
    if start != current:
        raise Conflict(_("The upload stands at byte %(offset)s: send the part that starts there.", offset=current),
                       code="upload_offset_mismatch", headers={"Upload-Offset": str(current)})
    if start == 0 and not data.startswith(MAGIC[kind]):
        raise AppError(_("This file is not %(kind)s audio.", kind=kind.upper()), code="not_audio", status=415)
    if recording is None:
        recording = Recording(interaction_id=interaction.id, campaign_id=interaction.campaign_id,
                              org_id=interaction.org_id, source="browser", state="uploading",
                              storage_key=f"{interaction.org_id}/{interaction.campaign_id}/{interaction.id}.{kind}",
                              content_type=content_type.split(";")[0].strip().lower(), channels=2,
                              uploaded_by_id=member.id)
        db.session.add(recording)
    recording.size = store().write_at(recording.storage_key, start, data)
    if total is not None:
        recording.total = total
    if recording.total is not None and recording.size >= recording.total:
        recording.state = "ready"
        recording.completed_at = utcnow()
        interaction.recording_ref = f"recording:{interaction.id}"
        complete_later(recording)
        _announce_ready(recording)
    db.session.flush()
    return recording


def complete_later(recording: Recording) -> None:
    """After this transaction commits, a job tells the store the recording is whole (an object store
    assembles the parts it staged); until then the parts are served as they are."""
    from app.jobs import enqueue

    db.session.flush()
    enqueue("telephony.recordings.tasks.complete_recording", recording.id)


def _announce_ready(recording: Recording) -> None:
    events.send(events.recording_ready, "telephony", interaction_id=recording.interaction_id,
                campaign_id=recording.campaign_id, recording_id=recording.id, source=recording.source,
                channels=recording.channels)


# --- the provider's recordings --------------------------------------------------------------------

def fetch_recording_later(interaction_id: int, provider_name: str, recording_url: str) -> None:
    """After this transaction commits, a job downloads the provider's media into the store."""
    from app.jobs import enqueue

    enqueue("telephony.recordings.tasks.fetch_provider_recording", interaction_id, provider_name, recording_url)


def store_provider_media(interaction: Interaction, reference: str, media: bytes, content_type: str) -> Recording:
    """Keep the media a provider recorded (dual-channel) for the interaction, once."""
    recording = recording_of(interaction.id)
    if recording is not None and recording.state != "uploading":
        return recording
    kind = AUDIO_TYPES.get(content_type.split(";")[0].strip().lower(), "wav")
    if recording is None:
        recording = Recording(interaction_id=interaction.id, campaign_id=interaction.campaign_id,
                              org_id=interaction.org_id, source="provider",
                              storage_key=f"{interaction.org_id}/{interaction.campaign_id}/{interaction.id}.{kind}",
                              content_type=f"audio/{kind}" if kind != "mp3" else "audio/mpeg", channels=2)
        db.session.add(recording)
    recording.source, recording.provider_ref = "provider", reference
    recording.size = store().write_at(recording.storage_key, 0, media)
    recording.total, recording.state, recording.completed_at = recording.size, "ready", utcnow()
    interaction.recording_ref = f"recording:{interaction.id}"
    complete_later(recording)
    db.session.flush()
    _announce_ready(recording)
    return recording


# --- retention ----------------------------------------------------------------------------------

def purge_expired(now: datetime | None = None) -> int:
    """Delete the media of recordings older than their campaign's retention (days since the
    recording was complete, or began for an upload never finished); the rows stay, marked purged,
    and so do the ledger entries of their accesses. How many were purged."""
    now = as_utc(now) if now is not None else utcnow()
    purged = 0
    candidates = db.session.scalars(select(Recording).where(Recording.state != "purged").order_by(Recording.id))
    retention: dict[int, int] = {}
    for recording in candidates:
        if recording.campaign_id not in retention:
            found = campaigns.campaign(recording.campaign_id)
            retention[recording.campaign_id] = int(policy(found)["retention_days"]) if found else 0
        since = as_utc(recording.completed_at or recording.created_at)
        if since + timedelta(days=retention[recording.campaign_id]) > now:
            continue
        store().delete(recording.storage_key)
        recording.state, recording.purged_at, recording.size = "purged", now, 0
        recording.total = None
        interaction = db.session.get(Interaction, recording.interaction_id)
        if interaction is not None:
            interaction.recording_ref = None
        purged += 1
    db.session.flush()
    return purged


def recording_json(recording: Recording | None, interaction: Interaction) -> dict:
    body = {"interaction_id": interaction.id, "recording_enabled": True}
    found = campaigns.campaign(interaction.campaign_id)
    body["recording_enabled"] = bool(found and policy(found)["enabled"])
    if recording is None:
        return {**body, "id": None, "state": None, "received": 0, "total": None, "content_type": None,
                "source": None, "media_url": None, "completed_at": None}
    return {**body, "id": recording.id, "state": recording.state, "received": recording.size,
            "total": recording.total, "content_type": recording.content_type, "source": recording.source,
            "completed_at": recording.completed_at,
            "media_url": f"/api/v1/interactions/{interaction.id}/recording/media" if recording.state == "ready"
            else None}
