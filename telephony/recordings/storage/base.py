"""What every recordings' store is: its methods, and the error of a store that cannot be used."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from flask_babel import lazy_gettext as _l

from app.errors import AppError

CHUNK = 64 * 1024  # bytes per chunk of a streamed read


class StoreUnavailable(AppError):
    """The recordings' store cannot be used now (down, unreachable, or misconfigured): nothing was
    saved or read. The cause is logged where it is found."""

    status, code = 503, "recording_store_unavailable"
    message = _l("The recordings' storage cannot be reached right now, so the recording cannot be saved or "
                 "played. Try again in a few minutes; if this goes on, tell the platform's operator.")


class Store(Protocol):
    def size(self, key: str) -> int: ...
    def write_at(self, key: str, offset: int, data: bytes) -> int: ...
    def complete(self, key: str) -> None: ...
    def read(self, key: str, start: int, end: int) -> Iterator[bytes]: ...
    def delete(self, key: str) -> bool: ...
