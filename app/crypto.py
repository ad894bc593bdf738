"""Secrets at rest: AES-256-GCM with keys derived (HKDF-SHA256) from the application's
``DATA_ENCRYPTION_KEY``, one key per purpose, so no key reveals another.

A ciphertext is ``version byte || 12-byte random nonce || ciphertext + tag``; the associated data
(``aad``) binds it to what it belongs to (a contact's phone hash, a column's name), so a ciphertext
moved elsewhere no longer decrypts. The contacts vault (phone numbers) and the payout accounts'
numbers (``EncryptedText`` columns) both seal with it.
"""

from __future__ import annotations

import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app
from sqlalchemy import LargeBinary
from sqlalchemy.types import TypeDecorator

VERSION = b"\x01"
NONCE_BYTES = 12


def derive_key(secret: str, info: bytes) -> bytes:
    """A 32-byte key for one purpose (``info``) from the application's secret."""
    if not secret:
        raise RuntimeError("DATA_ENCRYPTION_KEY is not set")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret.encode("utf-8"))


class Sealer:
    """AES-256-GCM under one derived key."""

    def __init__(self, secret: str, info: bytes) -> None:
        self._aead = AESGCM(derive_key(secret, info))

    def seal(self, data: bytes, aad: bytes, nonce: bytes | None = None) -> bytes:
        """``nonce`` may be passed by a bulk caller that draws many at once; never reuse one."""
        nonce = nonce or os.urandom(NONCE_BYTES)
        return VERSION + nonce + self._aead.encrypt(nonce, data, aad)

    def open(self, blob: bytes, aad: bytes) -> bytes:
        if blob[:1] != VERSION:
            raise ValueError("unknown ciphertext version")
        return self._aead.decrypt(blob[1:1 + NONCE_BYTES], blob[1 + NONCE_BYTES:], aad)


def sealer(info: bytes, secret: str | None = None) -> Sealer:
    """The current app's sealer for one purpose (built once per app, purpose and key)."""
    if secret is not None:
        return Sealer(secret, info)
    app = current_app._get_current_object()
    secret = app.config.get("DATA_ENCRYPTION_KEY") or ""
    cache = app.extensions.setdefault("sealers", {})
    cached = cache.get(info)
    if cached is None or cached[0] != secret:
        cached = cache[info] = (secret, Sealer(secret, info))
    return cached[1]


def seal_text(purpose: bytes, text: str) -> bytes:
    """``text`` sealed under the current app's key for ``purpose`` (which is also its associated data)."""
    return sealer(b"crowdline:" + purpose + b":v1").seal(text.encode("utf-8"), purpose)


def open_text(purpose: bytes, blob: bytes) -> str:
    return sealer(b"crowdline:" + purpose + b":v1").open(bytes(blob), purpose).decode("utf-8")


class EncryptedText(TypeDecorator):
    """A text column kept encrypted at rest: Python reads and writes ``str``; the database holds
    the sealed bytes, bound to ``purpose`` (e.g. ``b"payouts:account-number"``), the key derived
    for it. Reading and writing need the app (its ``DATA_ENCRYPTION_KEY``)."""

    impl = LargeBinary
    cache_ok = True

    def __init__(self, purpose: bytes, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.purpose = purpose

    def process_bind_param(self, value, dialect):
        return None if value is None else seal_text(self.purpose, value)

    def process_result_value(self, value, dialect):
        return None if value is None else open_text(self.purpose, value)
