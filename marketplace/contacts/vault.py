"""Phone numbers at rest: AES-GCM encryption and the keyed hash that dedupe and Do-Not-Call use.

Two keys are derived with HKDF-SHA256 from the application's ``DATA_ENCRYPTION_KEY``, each for one
purpose, so the hash key reveals nothing about the encryption key and the other way round:

* the encryption key (AES-256-GCM). A ciphertext is ``version byte || 12-byte random nonce ||
  ciphertext + tag``, and the number's hash is its associated data: a ciphertext moved to another
  row, or a hash edited, no longer decrypts;
* the hash key (HMAC-SHA256 over the E.164 text, hex). The same number always has the same hash
  under one ``DATA_ENCRYPTION_KEY``, which is what makes dedupe and DNC lookups an index search;
* the details key (AES-256-GCM, the same format): a contact's name and attribute cells as the
  file had them, before the phone numbers in them were masked. The row's phone hash is their
  associated data too.

Only ``marketplace.contacts.dialing`` (the telephony bridge) decrypts.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

VERSION = b"\x01"
NONCE_BYTES = 12
_ENCRYPTION_INFO = b"crowdline:contacts:phone-encryption:v1"
_HASH_INFO = b"crowdline:contacts:phone-hash:v1"
_DETAILS_INFO = b"crowdline:contacts:details-encryption:v1"


def _derive(secret: str, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret.encode("utf-8"))


class PhoneVault:
    """Encrypts, decrypts and hashes phone numbers with keys derived from one secret."""

    def __init__(self, secret: str) -> None:
        if not secret:
            raise RuntimeError("DATA_ENCRYPTION_KEY is not set")
        self._aead = AESGCM(_derive(secret, _ENCRYPTION_INFO))
        self._hash_key = _derive(secret, _HASH_INFO)
        self._details = AESGCM(_derive(secret, _DETAILS_INFO))

    def phone_hash(self, e164: str) -> str:
        return hmac.digest(self._hash_key, e164.encode("ascii"), hashlib.sha256).hex()

    def encrypt(self, e164: str, phone_hash: str, nonce: bytes | None = None) -> bytes:
        """``nonce`` may be passed by a bulk caller that draws many at once; never reuse one."""
        return _seal(self._aead, e164.encode("ascii"), phone_hash, nonce)

    def decrypt(self, blob: bytes, phone_hash: str) -> str:
        return _open(self._aead, blob, phone_hash).decode("ascii")

    def seal_details(self, text: str, phone_hash: str, nonce: bytes | None = None) -> bytes:
        """A contact's raw details (JSON text) encrypted, bound to the contact's number."""
        return _seal(self._details, text.encode("utf-8"), phone_hash, nonce)

    def open_details(self, blob: bytes, phone_hash: str) -> str:
        return _open(self._details, blob, phone_hash).decode("utf-8")


def _seal(aead: AESGCM, data: bytes, phone_hash: str, nonce: bytes | None) -> bytes:
    nonce = nonce or os.urandom(NONCE_BYTES)
    return VERSION + nonce + aead.encrypt(nonce, data, phone_hash.encode("ascii"))


def _open(aead: AESGCM, blob: bytes, phone_hash: str) -> bytes:
    if blob[:1] != VERSION:
        raise ValueError("unknown ciphertext version")
    nonce, sealed = blob[1:1 + NONCE_BYTES], blob[1 + NONCE_BYTES:]
    return aead.decrypt(nonce, sealed, phone_hash.encode("ascii"))


def vault() -> PhoneVault:
    """The vault of the current app (built once per app and key)."""
    app = current_app._get_current_object()
    secret = app.config.get("DATA_ENCRYPTION_KEY") or ""
    cached = app.extensions.get("phone_vault")
    if cached is None or cached[0] != secret:
        cached = app.extensions["phone_vault"] = (secret, PhoneVault(secret))
    return cached[1]
