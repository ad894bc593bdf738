"""Where recordings' media is kept: one door, ``store()``. The local store (``RECORDING_DIR``,
default ``instance/recordings``) is the only one built in: no S3 client is among the app's
dependencies, so an S3-compatible store is a class with the same four methods, chosen by
``RECORDING_STORE`` (a dotted path to its factory) when one is added."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from flask import current_app
from werkzeug.utils import import_string

CHUNK = 64 * 1024


class Store(Protocol):
    def size(self, key: str) -> int: ...
    def write_at(self, key: str, offset: int, data: bytes) -> int: ...
    def read(self, key: str, start: int, end: int) -> Iterator[bytes]: ...
    def delete(self, key: str) -> bool: ...


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
        """Write ``data`` at ``offset`` (cutting anything after it); the new size."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "r+b" if path.exists() else "wb") as handle:
            handle.truncate(offset)
            handle.seek(offset)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        return offset + len(data)

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


def store() -> Store:
    factory = current_app.config.get("RECORDING_STORE")
    if factory:
        return import_string(factory)(current_app)
    root = current_app.config.get("RECORDING_DIR") or os.path.join(current_app.instance_path, "recordings")
    return LocalStore(root)
