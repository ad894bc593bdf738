"""Lesson media: trainers upload images and audio samples (of a good call, say); lessons embed them.

Files are checked by their content (not by the name or the browser's word), stored once by their
SHA-256 in ``instance/media/``, and served only to signed-in users from this site, which is all the
page's Content-Security-Policy allows. The pages are ``academy.views.media``.
"""

from __future__ import annotations

import hashlib
import logging
import os

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from academy.models import MediaFile
from app.errors import ValidationError
from app.extensions import db

logger = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024


def sniff(data: bytes) -> tuple[str, str] | None:
    """``(content type, extension)`` of an image or audio file from its first bytes, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", "jpg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif", "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav", "wav"
    if data.startswith(b"OggS"):
        return "audio/ogg", "ogg"
    if data.startswith(b"ID3") or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg", "mp3"
    if data[4:8] == b"ftyp":
        return "audio/mp4", "m4a"
    if data.startswith(b"\x1aE\xdf\xa3"):
        return "audio/webm", "webm"
    return None


def media_folder() -> str:
    folder = os.path.join(current_app.instance_path, "media")
    os.makedirs(folder, exist_ok=True)
    return folder


def store(data: bytes, filename: str, actor_id: int):
    """Keep an uploaded file (once per content); ``ValidationError`` for anything but images and audio.
    The row is flushed, not committed: the page that received the upload commits."""
    if not data:
        raise ValidationError(fields={"file": _("Choose a file.")})
    if len(data) > MAX_BYTES:
        raise ValidationError(fields={"file": _("At most 10 MB.")})
    kind = sniff(data)
    if kind is None:
        raise ValidationError(fields={"file": _("Only images (PNG, JPEG, GIF, WebP) and audio (MP3, WAV, Ogg, M4A, "
                                                "WebM) can be uploaded.")})
    digest = hashlib.sha256(data).hexdigest()
    existing = db.session.scalar(select(MediaFile).where(MediaFile.sha256 == digest))
    if existing is not None:
        return existing
    path = os.path.join(media_folder(), digest)
    if not os.path.exists(path):
        with open(path, "wb") as fh:
            fh.write(data)
    media = MediaFile(sha256=digest, filename=os.path.basename(filename or "upload")[:200], content_type=kind[0],
                      size=len(data), uploaded_by_id=actor_id)
    db.session.add(media)
    db.session.flush()
    logger.info("Media %s (%s, %d bytes) uploaded by %s", digest[:12], kind[0], len(data), actor_id)
    return media
