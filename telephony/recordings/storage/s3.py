"""Recordings' media in an S3-compatible object store (AWS S3, MinIO, Ceph, Aliyun OSS in S3 mode),
through boto3; the only module that imports it.

A member's upload arrives in parts of at most 1 MiB, in order, while an S3 object is written whole
and a multipart upload's parts must be at least 5 MiB (all but the last). So each part is first
staged as an object of its own named by its offset, ``<prefix><key>.parts/<offset, 12 digits>``.
Writing at an offset drops the staged parts from there on (as writing into a file at an offset
cuts what followed) before the part is put, so a part sent again, after a timeout or a failed
commit, replaces its earlier copy and never corrupts the recording. What was received (``size``)
is the run of staged parts from offset 0.

Once the upload is whole (its commit done, by a job), ``complete`` assembles the staged parts into
the final object ``<prefix><key>``: one staged part is copied inside the store; more are joined in
one multipart upload whose parts gather the staged ones to at least 5 MiB (a staged part that is
large enough on its own is copied inside the store), then the staged parts are deleted. Until
then, and if that job has not run, reads serve the staged parts. Reads are Range GETs, streamed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from telephony.recordings.storage.base import CHUNK, StoreUnavailable

logger = logging.getLogger(__name__)

MIN_PART = 5 * 1024 * 1024  # S3's smallest multipart part (but the last)
OFFSET_DIGITS = 12
MISSING = ("404", "NoSuchKey", "NotFound")
ADDRESSING_STYLES = ("auto", "path", "virtual")
# The final object's Content-Type, for whoever browses the bucket (the app serves the recording's own).
CONTENT_TYPES = {"webm": "audio/webm", "ogg": "audio/ogg", "wav": "audio/wav", "mp3": "audio/mpeg"}

_clients: dict[tuple, object] = {}
_clients_lock = threading.Lock()


class S3Store:
    """Recordings as objects of ``bucket`` under ``prefix``; keys are made by the app (never from input)."""

    def __init__(self, client, bucket: str, prefix: str = "", where: str | None = None) -> None:
        self.client, self.bucket, self.prefix = client, bucket, prefix
        self.where = where or f"s3://{bucket}/{prefix}"

    # --- names ---------------------------------------------------------------------------------

    def _object(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def _parts_prefix(self, key: str) -> str:
        return f"{self.prefix}{key}.parts/"

    def _part(self, key: str, offset: int) -> str:
        return f"{self._parts_prefix(key)}{offset:0{OFFSET_DIGITS}d}"

    # --- the protocol ----------------------------------------------------------------------------

    def size(self, key: str) -> int:
        """The bytes received: the final object's size, else the run of staged parts from 0."""
        with self._calling("size", key):
            whole = self._whole_size(key)
            return whole if whole is not None else _received(self._staged(key))

    def write_at(self, key: str, offset: int, data: bytes) -> int:
        """Stage ``data`` as the part at ``offset``, dropping the staged parts from there on; the new
        size. An offset past what was received would leave a hole: refused (ValueError), as is
        appending to an upload already assembled (writing at 0 starts it anew)."""
        with self._calling("write", key):
            if self._whole_size(key) is not None:
                if offset != 0:
                    raise ValueError("the recording is already whole in the store")
                self.client.delete_object(Bucket=self.bucket, Key=self._object(key))
            parts = self._staged(key)
            if offset > _received(parts):
                raise ValueError("a part past the end of what the store holds")
            # Cut first, then put: a failure in between leaves less received, never a stale tail.
            for start, length, name in parts:
                if start > offset:
                    self.client.delete_object(Bucket=self.bucket, Key=name)
                elif start < offset < start + length:  # a part that ran past the offset keeps its head
                    head = self._get(name, 0, offset - start - 1)
                    self.client.put_object(Bucket=self.bucket, Key=name, Body=head)
            self.client.put_object(Bucket=self.bucket, Key=self._part(key, offset), Body=data)
        return offset + len(data)

    def complete(self, key: str) -> None:
        """Assemble the staged parts into the final object and delete them; safe to run again (a
        final object already there only has its leftover parts deleted)."""
        with self._calling("complete", key):
            parts = self._staged(key)
            if not parts:
                return
            if self._whole_size(key) is None:
                received = _received(parts)
                self._assemble(key, [part for part in parts if part[0] < received])
            for _start, _length, name in parts:
                self.client.delete_object(Bucket=self.bucket, Key=name)
        logger.info("Recording %s assembled from %s staged parts in %s", key, len(parts), self.where)

    def read(self, key: str, start: int, end: int) -> Iterator[bytes]:
        """Bytes ``start`` to ``end`` inclusive, streamed. The first request is made here, so a
        store that fails answers an error before the response begins."""
        with self._calling("read", key):
            try:
                body = self._open(self._object(key), start, end)
                return _Stream(self, key, body, [])
            except ClientError as exc:
                if not _missing(exc):
                    raise
            pieces = [(name, max(start, first) - first, min(end, first + length - 1) - first)
                      for first, length, name in self._staged(key)
                      if first <= end and first + length - 1 >= start and length]
            if not pieces:
                logger.error("The recordings' store %s holds nothing of %s at bytes %s-%s", self.where, key, start, end)
                raise StoreUnavailable()
            name, low, high = pieces[0]
            return _Stream(self, key, self._open(name, low, high), pieces[1:])

    def delete(self, key: str) -> bool:
        """Delete the final object, the staged parts and any unfinished assembly; whether there was
        anything to delete."""
        with self._calling("delete", key):
            names = [name for _start, _length, name in self._staged(key)]
            if self._whole_size(key) is not None:
                names.append(self._object(key))
            for name in names:
                self.client.delete_object(Bucket=self.bucket, Key=name)
            target = self._object(key)
            listed = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=target)
            for upload in listed.get("Uploads", []):
                if upload["Key"] == target:
                    self.client.abort_multipart_upload(Bucket=self.bucket, Key=target, UploadId=upload["UploadId"])
        return bool(names)

    # --- the parts ---------------------------------------------------------------------------------

    def _whole_size(self, key: str) -> int | None:
        try:
            return self.client.head_object(Bucket=self.bucket, Key=self._object(key))["ContentLength"]
        except ClientError as exc:
            if _missing(exc):
                return None
            raise

    def _staged(self, key: str) -> list[tuple[int, int, str]]:
        """``(offset, length, object name)`` of the staged parts, by offset."""
        found = []
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket,
                                                                      Prefix=self._parts_prefix(key))
        for page in pages:
            for item in page.get("Contents", []):
                offset = item["Key"].rsplit("/", 1)[-1]
                if offset.isdigit():
                    found.append((int(offset), int(item["Size"]), item["Key"]))
        return sorted(found)

    def _open(self, name: str, start: int, end: int):
        return self.client.get_object(Bucket=self.bucket, Key=name, Range=f"bytes={start}-{end}")["Body"]

    def _get(self, name: str, start: int | None = None, end: int | None = None) -> bytes:
        if start is None:
            body = self.client.get_object(Bucket=self.bucket, Key=name)["Body"]
        else:
            body = self._open(name, start, end)
        try:
            return body.read()
        finally:
            body.close()

    def _assemble(self, key: str, parts: list[tuple[int, int, str]]) -> None:
        target = self._object(key)
        content_type = CONTENT_TYPES.get(key.rpartition(".")[2], "application/octet-stream")
        if len(parts) == 1:
            self.client.copy_object(Bucket=self.bucket, Key=target, CopySource={"Bucket": self.bucket,
                                                                                "Key": parts[0][2]},
                                    ContentType=content_type, MetadataDirective="REPLACE")
            return
        if sum(length for _start, length, _name in parts) < MIN_PART:
            body = b"".join(self._get(name) for _start, _length, name in parts)
            self.client.put_object(Bucket=self.bucket, Key=target, Body=body, ContentType=content_type)
            return
        upload_id = self.client.create_multipart_upload(Bucket=self.bucket, Key=target,
                                                        ContentType=content_type)["UploadId"]
        try:
            done = []
            for number, group in enumerate(_groups(parts), start=1):
                if len(group) == 1:  # large enough on its own (or the last): copied inside the store
                    answer = self.client.upload_part_copy(
                        Bucket=self.bucket, Key=target, UploadId=upload_id, PartNumber=number,
                        CopySource={"Bucket": self.bucket, "Key": group[0][2]})
                    etag = answer["CopyPartResult"]["ETag"]
                else:
                    body = b"".join(self._get(name) for _start, _length, name in group)
                    etag = self.client.upload_part(Bucket=self.bucket, Key=target, UploadId=upload_id,
                                                   PartNumber=number, Body=body)["ETag"]
                done.append({"PartNumber": number, "ETag": etag})
            self.client.complete_multipart_upload(Bucket=self.bucket, Key=target, UploadId=upload_id,
                                                  MultipartUpload={"Parts": done})
        except Exception:
            try:
                self.client.abort_multipart_upload(Bucket=self.bucket, Key=target, UploadId=upload_id)
            except (BotoCoreError, ClientError):
                logger.warning("Could not abort the assembly %s of %s", upload_id, target, exc_info=True)
            raise

    @contextmanager
    def _calling(self, what: str, key: str) -> Iterator[None]:
        try:
            yield
        except (BotoCoreError, ClientError) as exc:
            logger.error("The recordings' store %s failed to %s %s: %s", self.where, what, key, exc)
            raise StoreUnavailable() from exc


class _Stream:
    """Range GET bodies streamed one after the other in chunks; each next one is opened when the
    previous is spent. Closing it (a listener who leaves) releases the open connection."""

    def __init__(self, owner: S3Store, key: str, body, rest: list[tuple[str, int, int]]) -> None:
        self._owner, self._key, self._body, self._rest = owner, key, body, list(rest)

    def __iter__(self) -> Iterator[bytes]:
        while self._body is not None:
            with self._owner._calling("read", self._key):
                yield from self._body.iter_chunks(CHUNK)
                self._body.close()
                self._body = self._owner._open(*self._rest.pop(0)) if self._rest else None

    def close(self) -> None:
        if self._body is not None:
            self._body.close()
            self._body = None


def _missing(exc: ClientError) -> bool:
    return str(exc.response.get("Error", {}).get("Code")) in MISSING


def _received(parts: list[tuple[int, int, str]]) -> int:
    """The bytes from 0 that the staged parts hold without a hole."""
    size = 0
    for start, length, _name in parts:
        if start != size:
            break
        size += length
    return size


def _groups(parts: list[tuple[int, int, str]]) -> Iterator[list[tuple[int, int, str]]]:
    """The staged parts gathered, in order, into groups of at least ``MIN_PART`` bytes (the last may be
    smaller): a multipart upload's parts."""
    group: list[tuple[int, int, str]] = []
    size = 0
    for part in parts:
        group.append(part)
        size += part[1]
        if size >= MIN_PART:
            yield group
            group, size = [], 0
    if group:
        yield group


def s3_store(app) -> S3Store:
    """The store the ``RECORDING_S3_*`` settings describe; one boto3 client per process and settings
    (boto3 clients are thread-safe). Credentials: ``RECORDING_S3_ACCESS_KEY`` and
    ``RECORDING_S3_SECRET_KEY`` when both are set, else boto3's own chain (``AWS_*`` variables,
    ``~/.aws``, an instance role)."""
    config = app.config
    bucket = (config.get("RECORDING_S3_BUCKET") or "").strip()
    style = (config.get("RECORDING_S3_ADDRESSING_STYLE") or "auto").strip().lower()
    if not bucket or style not in ADDRESSING_STYLES:
        logger.error("RECORDING_STORE is s3 but %s", "RECORDING_S3_BUCKET is not set" if not bucket else
                     f"RECORDING_S3_ADDRESSING_STYLE={style!r} is not one of {', '.join(ADDRESSING_STYLES)}")
        raise StoreUnavailable()
    endpoint = config.get("RECORDING_S3_ENDPOINT_URL") or None
    region = config.get("RECORDING_S3_REGION") or None
    prefix = config.get("RECORDING_S3_PREFIX") or ""
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    access_key, secret_key = config.get("RECORDING_S3_ACCESS_KEY"), config.get("RECORDING_S3_SECRET_KEY")
    settings = (endpoint, region, style, access_key, secret_key)
    with _clients_lock:
        client = _clients.get(settings)
        if client is None:
            client = _clients[settings] = _client(*settings)
    return S3Store(client, bucket, prefix, where=f"s3://{bucket}/{prefix} at {endpoint or 'AWS'}")


def _client(endpoint: str | None, region: str | None, style: str, access_key: str | None,
            secret_key: str | None):
    credentials = {"aws_access_key_id": access_key, "aws_secret_access_key": secret_key} \
        if access_key and secret_key else {}
    return boto3.session.Session().client(
        "s3", endpoint_url=endpoint, region_name=region, **credentials,
        config=Config(
            connect_timeout=5, read_timeout=30,
            # Retries in the standard mode; how many from AWS_MAX_ATTEMPTS or ~/.aws/config (default 3).
            retries={"mode": "standard"},
            s3={"addressing_style": style},
            # The checksums boto3 adds by default are not understood by every S3-compatible service.
            request_checksum_calculation="when_required", response_checksum_validation="when_required",
        ))
