"""Recordings' media as files on the local disk (``RECORDING_DIR``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from telephony.recordings.storage.base import CHUNK


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
        return path.stat().st_size if path.exists() else 0

    def write_at(self, key: str, offset: int, data: bytes) -> int:
        """Write ``data`` at ``offset`` (cutting anything after it); the new size. An offset past
        what the store holds would leave a hole: refused."""
        path = self._path(key)
        if offset > self.size(key):
            raise ValueError("a part past the end of what the store holds")
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
        """Bytes ``start`` to ``end`` inclusive, in chunks."""
        with open(self._path(key), "rb") as handle:
            handle.seek(start)
            left = end - start + 1
            while left > 0:
                data = handle.read(min(CHUNK, left))
                if not data:
                    return
                left -= len(data)
                yield data

    def delete(self, key: str) -> bool:
        path = self._path(key)
        if not path.exists():
            return False
        path.unlink()
        return True
