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

from flask import current_app

from app.crypto import NONCE_BYTES, Sealer, derive_key

__all__ = ["NONCE_BYTES", "PhoneVault", "vault"]
_ENCRYPTION_INFO = b"crowdline:contacts:phone-encryption:v1"
_HASH_INFO = b"crowdline:contacts:phone-hash:v1"
_DETAILS_INFO = b"crowdline:contacts:details-encryption:v1"


class PhoneVault:
    """Encrypts, decrypts and hashes phone numbers with keys derived from one secret (the sealing
    itself is app.crypto's)."""

    def __init__(self, secret: str) -> None:
        self._numbers = Sealer(secret, _ENCRYPTION_INFO)
        self._hash_key = derive_key(secret, _HASH_INFO)
        self._details = Sealer(secret, _DETAILS_INFO)

    def phone_hash(self, e164: str) -> str:
        return hmac.digest(self._hash_key, e164.encode("ascii"), hashlib.sha256).hex()

    def encrypt(self, e164: str, phone_hash: str, nonce: bytes | None = None) -> bytes:
        """``nonce`` may be passed by a bulk caller that draws many at once; never reuse one."""
        return self._numbers.seal(e164.encode("ascii"), phone_hash.encode("ascii"), nonce)

    def decrypt(self, blob: bytes, phone_hash: str) -> str:
        return self._numbers.open(blob, phone_hash.encode("ascii")).decode("ascii")

    def seal_details(self, text: str, phone_hash: str, nonce: bytes | None = None) -> bytes:
        """A contact's raw details (JSON text) encrypted, bound to the contact's number."""
        return self._details.seal(text.encode("utf-8"), phone_hash.encode("ascii"), nonce)

    def open_details(self, blob: bytes, phone_hash: str) -> str:
        return self._details.open(blob, phone_hash.encode("ascii")).decode("utf-8")


def vault() -> PhoneVault:
    """The vault of the current app (built once per app and key)."""
    app = current_app._get_current_object()
    secret = app.config.get("DATA_ENCRYPTION_KEY") or ""
    cached = app.extensions.get("phone_vault")
    if cached is None or cached[0] != secret:
        cached = app.extensions["phone_vault"] = (secret, PhoneVault(secret))
    return cached[1]
