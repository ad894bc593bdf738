"""Password hashing (Argon2id) and access tokens (JWT, HS256). No database here."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from app.errors import Unauthorized
from app.timeutil import utcnow

_hashers: dict[tuple, tuple[PasswordHasher, str]] = {}


def _hasher() -> tuple[PasswordHasher, str]:
    """The Argon2id hasher for the configured cost (``PASSWORD_HASH_PARAMS``; the library's
    RFC 9106 defaults unless set), and a dummy hash verified when the e-mail is unknown, so both
    paths cost the same time."""
    params = current_app.config.get("PASSWORD_HASH_PARAMS") or {}
    key = tuple(sorted(params.items()))
    if key not in _hashers:
        hasher = PasswordHasher(**params)
        _hashers[key] = (hasher, hasher.hash("crowdline-no-such-user"))
    return _hashers[key]


def hash_password(password: str) -> str:
    return _hasher()[0].hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    hasher, dummy = _hasher()
    try:
        return hasher.verify(password_hash or dummy, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_needs_rehash(password_hash: str) -> bool:
    return _hasher()[0].check_needs_rehash(password_hash)


def encode_access_token(user_id: int, ttl: timedelta | None = None, version: int = 0) -> tuple[str, int]:
    """A signed access token for ``user_id`` (at the user's ``token_version``) and its lifetime in seconds."""
    config = current_app.config
    ttl = ttl or config["JWT_ACCESS_TTL"]
    now = utcnow()
    claims = {
        "sub": str(user_id),
        "iss": config["JWT_ISSUER"],
        "iat": now,
        "nbf": now,
        "exp": now + ttl,
        "jti": uuid.uuid4().hex,
        "typ": "access",
        "ver": version,
    }
    token = jwt.encode(claims, config["JWT_SECRET_KEY"], algorithm=config["JWT_ALGORITHM"])
    return token, int(ttl.total_seconds())


def decode_access_token(token: str) -> int:
    """The user id in a valid access token; ``Unauthorized`` naming what is wrong otherwise."""
    return decode_access_claims(token)[0]


def decode_access_claims(token: str) -> tuple[int, int]:
    """The user id and token version of a valid access token; ``Unauthorized`` otherwise.

    Only the configured algorithm is accepted, so ``alg: none`` and algorithm swaps fail.
    """
    config = current_app.config
    try:
        claims = jwt.decode(
            token,
            config["JWT_SECRET_KEY"],
            algorithms=[config["JWT_ALGORITHM"]],
            issuer=config["JWT_ISSUER"],
            options={"require": ["exp", "iat", "sub", "iss"]},
            leeway=5,
        )
    except jwt.ExpiredSignatureError as exc:
        raise Unauthorized(_("The access token has expired; refresh it."), code="token_expired") from exc
    except jwt.InvalidTokenError as exc:
        raise Unauthorized(_("The access token is not valid."), code="token_invalid") from exc
    version = claims.get("ver", 0)
    if claims.get("typ") != "access" or not str(claims["sub"]).isdigit() or not isinstance(version, int):
        raise Unauthorized(_("The access token is not valid."), code="token_invalid")
    return int(claims["sub"]), version


def new_refresh_token() -> tuple[str, str]:
    """A fresh opaque refresh token and the hash we store for it."""
    token = secrets.token_urlsafe(32)
    return token, hash_refresh_token(token)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# --- links that set a password (a reset, an invitation) -----------------------------------------

# Each purpose signs with its own salt, so an invitation cannot serve as a reset and back.
PASSWORD_LINK_PURPOSES = {"reset": "PASSWORD_RESET_TTL", "invite": "INVITE_TTL"}


def _password_fingerprint(password_hash: str) -> str:
    """Changes whenever the password does, so a link works once; reveals nothing of the hash."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:16]


def _link_serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"crowdline-password-{purpose}")


def encode_password_link(user_id: int, password_hash: str, purpose: str) -> str:
    """A signed token that lets the holder set the password of ``user_id`` once, until it expires."""
    return _link_serializer(purpose).dumps({"u": user_id, "f": _password_fingerprint(password_hash)})


def decode_password_link(token: str, purpose: str) -> tuple[int, str]:
    """The user id and password fingerprint in a signed, unexpired link token; ``ValueError`` otherwise."""
    max_age = current_app.config[PASSWORD_LINK_PURPOSES[purpose]]
    try:
        payload = _link_serializer(purpose).loads(token, max_age=int(max_age.total_seconds()))
    except SignatureExpired as exc:
        raise ValueError("expired") from exc
    except BadSignature as exc:
        raise ValueError("invalid") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        raise ValueError("invalid")
    return payload["u"], str(payload.get("f"))


def password_link_matches(fingerprint: str, password_hash: str) -> bool:
    return secrets.compare_digest(fingerprint, _password_fingerprint(password_hash))


def unusable_password_hash() -> str:
    """A stored hash no password verifies against (an invited user who has not chosen one yet)."""
    return "!" + secrets.token_hex(16)
