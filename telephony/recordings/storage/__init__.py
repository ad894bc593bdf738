"""Where recordings' media is kept: one door, ``store()``, chosen by ``RECORDING_STORE``:

- ``local`` (the default): files under ``RECORDING_DIR`` (default ``instance/recordings``);
- ``s3``: an S3-compatible object store (AWS S3, MinIO, Ceph, Aliyun OSS in S3 mode), configured by
  the ``RECORDING_S3_*`` settings (``storage/s3.py``, the only module that imports boto3);
- a dotted path to another store's factory, called with the app.

Every store has the same methods: ``size`` (the bytes received), ``write_at`` (a part of an upload
at its offset, cutting what followed it, so a part sent again changes nothing), ``complete`` (the
upload is whole: run after its commit, by a job), ``read`` (a byte range, streamed) and ``delete``.
A store that cannot be reached or is misconfigured raises ``StoreUnavailable``: a 503 that says so
to the person, the details in the log."""

from __future__ import annotations

import logging
import os

from flask import current_app
from werkzeug.utils import import_string

from telephony.recordings.storage.base import CHUNK, Store, StoreUnavailable
from telephony.recordings.storage.local import LocalStore

__all__ = ["CHUNK", "LocalStore", "Store", "StoreUnavailable", "store"]

logger = logging.getLogger(__name__)


def store() -> Store:
    chosen = (current_app.config.get("RECORDING_STORE") or "local").strip()
    if chosen == "local":
        root = current_app.config.get("RECORDING_DIR") or os.path.join(current_app.instance_path, "recordings")
        return LocalStore(root)
    if chosen == "s3":
        from telephony.recordings.storage.s3 import s3_store

        return s3_store(current_app)
    if "." in chosen or ":" in chosen:
        return import_string(chosen)(current_app)
    logger.error("RECORDING_STORE=%r names no store: use local, s3 or the dotted path of a store's factory", chosen)
    raise StoreUnavailable()
