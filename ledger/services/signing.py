"""The platform's tree-head signing key, and the signed message every verifier checks."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import current_app

from app.extensions import db
from app.timeutil import to_millis, utcnow
from ledger.models import TreeHead


def tree_head_message(tree_size: int, root_hash: str, timestamp: int) -> bytes:
    return f"crowdline-tree-head:v1:{tree_size}:{root_hash}:{timestamp}".encode()


def signing_key() -> Ed25519PrivateKey:
    """The platform's Ed25519 tree-head key: ``LEDGER_SIGNING_KEY`` (hex seed), else a key
    generated once into the instance folder; a key of the process in tests."""
    app = current_app._get_current_object()
    cached = app.extensions.get("ledger_signing_key")
    if cached is not None:
        return cached
    configured = app.config.get("LEDGER_SIGNING_KEY") or os.environ.get("LEDGER_SIGNING_KEY")
    if configured:
        key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(configured.strip()))
    elif app.testing:
        key = Ed25519PrivateKey.generate()
    else:
        path = os.path.join(app.instance_path, "ledger-ed25519.pem")
        if os.path.exists(path):
            with open(path, "rb") as fh:
                key = serialization.load_pem_private_key(fh.read(), password=None)
        else:
            key = Ed25519PrivateKey.generate()
            os.makedirs(app.instance_path, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    app.extensions["ledger_signing_key"] = key
    return key


def public_key_hex() -> str:
    return signing_key().public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def sign_tree_head(size: int, root: bytes) -> TreeHead:
    timestamp = to_millis(utcnow())
    root_hex = root.hex()
    signature = signing_key().sign(tree_head_message(size, root_hex, timestamp)).hex()
    head = TreeHead(tree_size=size, root_hash=root_hex, timestamp=timestamp, signature=signature,
                    public_key=public_key_hex())
    db.session.add(head)
    db.session.flush()
    return head
