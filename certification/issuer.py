"""The platform's credential-signing key and the Open Badges 3.0 documents it signs."""

from __future__ import annotations

import base64
import logging
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import current_app

from app.timeutil import isoformat, utcnow
from app.urls import public_base_url, public_url
from certification import credentials
from certification.models import CertificationGrant

logger = logging.getLogger(__name__)
KEY_FILE = "credential_signing_key.pem"


def signing_key() -> Ed25519PrivateKey:
    """``CREDENTIAL_SIGNING_KEY`` (PEM, or a base64 32-byte seed); else a key generated once into the
    instance folder (mode 0600); in tests a key that lives as long as the app."""
    app = current_app._get_current_object()
    cached = app.extensions.get("credential_signing_key")
    if cached is not None:
        return cached
    configured = app.config.get("CREDENTIAL_SIGNING_KEY") or os.environ.get("CREDENTIAL_SIGNING_KEY")
    if configured:
        if "BEGIN" in configured:
            key = serialization.load_pem_private_key(configured.encode(), password=None)
        else:
            key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(configured))
    elif app.testing:
        key = Ed25519PrivateKey.generate()
    else:
        path = Path(app.instance_path) / KEY_FILE
        if path.exists():
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        else:
            key = Ed25519PrivateKey.generate()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
            logger.info("Generated the credential signing key in %s", path)
    app.extensions["credential_signing_key"] = key
    return key


def issuer_did() -> str:
    return credentials.did_key(signing_key().public_key())


def credential_for(row: CertificationGrant, member_name: str) -> dict:
    """The grant as a signed Open Badges 3.0 ``OpenBadgeCredential``."""
    cert = row.certification
    base = public_base_url()
    document = {
        "@context": credentials.CONTEXTS,
        "id": f"urn:uuid:{row.credential_id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_did(), "type": ["Profile"], "name": "Crowdline", "url": base},
        "validFrom": isoformat(row.renewed_at or row.granted_at),
        "validUntil": isoformat(row.expires_at),
        "name": cert.name.get("en"),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityHash": f"crowdline:member:{row.member_id}",
                            "identityType": "identifier", "hashed": False}],
            "name": member_name,
            "achievement": {
                "id": f"{base}/certifications/{cert.key}",
                "type": ["Achievement"],
                "name": cert.name.get("en"),
                "description": cert.name.get("zh") or cert.name.get("en"),
                "criteria": {"narrative": "Required courses completed, certification exam passed"
                                          + (", practical role-play passed" if cert.practical_required else "")},
                "tag": list(cert.tags),
            },
        },
    }
    document["credentialStatus"] = {"id": public_url("certification_api.verify_credential",
                                                     credential_id=row.credential_id), "type": "CrowdlineStatus"}
    return credentials.sign(document, signing_key(), isoformat(utcnow()))
