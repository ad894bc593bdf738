"""Recordings' media as files on the local disk (``RECORDING_DIR``)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from telephony.recordings.storage.base import CHUNK, StoreUnavailable

logger = logging.getLogger(__name__)


class LocalStore:
    """Files under ``root``; keys are relative paths made by the app (never from input)."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError("a key outside the store")
        return path

    def size(self, key: str) -> int:
        path = self._path(key)
        with self._calling("size", key):
            return path.stat().st_size if path.exists() else 0

    def write_at(self, key: str, offset: int, data: bytes) -> int:
        """Write ``data`` at ``offset`` (cutting anything after it); the new size. An offset past
        what the store holds would leave a hole: refused."""
        path = self._path(key)
        if offset > self.size(key):
            raise ValueError("a part past the end of what the store holds")
        with self._calling("write", key):
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "r+b" if path.exists() else "wb") as handle:
                handle.truncate(offset)
                handle.seek(offset)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        return offset + len(data)

    def complete(self, key: str) -> None:
        """Nothing to do: the file is whole as it is written."""

    def read(self, key: str, start: int, end: int) -> Iterator[bytes]:
        """Bytes ``start`` to ``end`` inclusive, in chunks. The file is opened here, so a missing or
        unreadable one answers an error before the response begins."""
        with self._calling("read", key):
            handle = open(self._path(key), "rb")  # noqa: SIM115 - closed by the chunks' generator
        return _chunks(handle, start, end)

    def delete(self, key: str) -> bool:
        path = self._path(key)
        with self._calling("delete", key):
            if not path.exists():
                return False
            path.unlink()
        return True

    @contextmanager
    def _calling(self, what: str, key: str) -> Iterator[None]:
        try:
            yield
        except OSError as exc:
            logger.error("The recordings' folder %s failed to %s %s: %s", self.root, what, key, exc)
            raise StoreUnavailable() from exc


def _chunks(handle: BinaryIO, start: int, end: int) -> Iterator[bytes]:
    with handle:
        handle.seek(start)
        left = end - start + 1
        while left > 0:
            data = handle.read(min(CHUNK, left))
            if not data:
                return
            left -= len(data)
            yield data
