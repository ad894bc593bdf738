"""Open Badges 3.0 / W3C Verifiable Credentials with a Data Integrity proof (``eddsa-jcs-2022``).

Pure standard library plus ``cryptography`` (no Flask), shared by the issuer and the offline
verifier: JCS canonical JSON (RFC 8785), SHA-256, Ed25519, multibase base58btc and ``did:key``.
"""

from __future__ import annotations

import hashlib
import json
import math

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
CRYPTOSUITE = "eddsa-jcs-2022"
_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_PUB = b"\xed\x01"  # multicodec prefix of an Ed25519 public key


# --- RFC 8785 JSON Canonicalization Scheme -----------------------------------------------------

def _number(value: int | float) -> str:
    if isinstance(value, bool):
        raise TypeError("booleans are not numbers")
    if isinstance(value, int):
        if abs(value) > 2**53:
            raise ValueError("integer out of the I-JSON range")
        return str(value)
    if not math.isfinite(value):
        raise ValueError("NaN and infinity are not JSON")
    if value == int(value) and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)  # shortest round-trip form, as ECMAScript's Number.prototype.toString
    if "e" in text:
        mantissa, exponent = text.split("e")
        exponent = int(exponent)
        text = f"{mantissa}e{'+' if exponent > 0 else '-'}{abs(exponent)}"
    return text


def canonicalize(value) -> str:
    """The JCS form of a JSON value: sorted keys (by UTF-16 code units), no whitespace."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ",".join(canonicalize(v) for v in value) + "]"
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canonicalize(v) for k, v in items) + "}"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


# --- multibase / did:key ---------------------------------------------------------------------

def base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _ALPHABET[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + _ALPHABET.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def did_key(public_key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "did:key:z" + base58btc(_ED25519_PUB + raw)


def public_key_from_did(verification_method: str) -> Ed25519PublicKey:
    did = verification_method.split("#", 1)[0]
    if not did.startswith("did:key:z"):
        raise ValueError("only did:key verification methods are supported")
    decoded = base58btc_decode(did[len("did:key:z"):])
    if not decoded.startswith(_ED25519_PUB) or len(decoded) != 34:
        raise ValueError("not an Ed25519 did:key")
    return Ed25519PublicKey.from_public_bytes(decoded[2:])


# --- proof -------------------------------------------------------------------------------------

def _hash_data(document: dict, proof_config: dict) -> bytes:
    return hashlib.sha256(canonicalize(proof_config).encode()).digest() + \
        hashlib.sha256(canonicalize(document).encode()).digest()


def sign(document: dict, private_key: Ed25519PrivateKey, created: str) -> dict:
    """``document`` with a ``DataIntegrityProof`` (eddsa-jcs-2022) by the key's did:key."""
    did = did_key(private_key.public_key())
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    proof_config = {"type": "DataIntegrityProof", "cryptosuite": CRYPTOSUITE, "created": created,
                    "verificationMethod": f"{did}#{did[len('did:key:'):]}", "proofPurpose": "assertionMethod",
                    "@context": unsigned.get("@context", CONTEXTS)}
    signature = private_key.sign(_hash_data(unsigned, proof_config))
    proof = {k: v for k, v in proof_config.items() if k != "@context"}
    proof["proofValue"] = "z" + base58btc(signature)
    return {**unsigned, "proof": proof}


def verify(credential: dict, trusted_keys: set[str] | None = None) -> tuple[bool, str]:
    """``(ok, reason)``: the proof is intact and made by the issuer's key (optionally a trusted one)."""
    try:
        proof = credential.get("proof")
        if not isinstance(proof, dict):
            return False, "no proof"
        if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
            return False, "unsupported proof type"
        method = proof.get("verificationMethod", "")
        issuer = credential.get("issuer", {})
        issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
        if method.split("#", 1)[0] != issuer_id:
            return False, "the proof is not by the issuer"
        if trusted_keys is not None and issuer_id not in trusted_keys:
            return False, "the issuer's key is not trusted"
        public_key = public_key_from_did(method)
        value = proof.get("proofValue", "")
        if not value.startswith("z"):
            return False, "proofValue is not base58btc"
        signature = base58btc_decode(value[1:])
        unsigned = {k: v for k, v in credential.items() if k != "proof"}
        proof_config = {k: v for k, v in proof.items() if k != "proofValue"}
        proof_config["@context"] = unsigned.get("@context")
        public_key.verify(signature, _hash_data(unsigned, proof_config))
    except InvalidSignature:
        return False, "the signature does not match: the credential was changed"
    except (ValueError, TypeError, AttributeError) as exc:
        return False, f"malformed credential: {exc}"
    return True, "valid"
