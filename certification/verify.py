"""Verify a Crowdline certification credential offline: ``python -m certification.verify FILE``.

Needs only Python and the ``cryptography`` package. Exit status 0 when the Data Integrity proof
holds (and the credential has not expired), 1 otherwise; ``--trust DID`` pins the issuer's key.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from certification.credentials import verify


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m certification.verify", description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the credential JSON file ('-' for standard input)")
    parser.add_argument("--trust", action="append", default=None, metavar="DID",
                        help="accept only this issuer did:key (repeatable)")
    args = parser.parse_args(argv)
    try:
        raw = sys.stdin.read() if args.file == "-" else open(args.file, encoding="utf-8").read()  # noqa: SIM115
        credential = json.loads(raw)
    except (OSError, ValueError) as exc:
        print(f"INVALID: cannot read the credential: {exc}")
        return 1
    ok, reason = verify(credential, set(args.trust) if args.trust else None)
    if not ok:
        print(f"INVALID: {reason}")
        return 1
    valid_until = credential.get("validUntil")
    if valid_until:
        until = datetime.fromisoformat(valid_until.replace("Z", "+00:00"))
        if until < datetime.now(UTC):
            print(f"EXPIRED: the signature is valid but the credential expired on {valid_until}")
            return 1
    subject = credential.get("credentialSubject", {})
    achievement = subject.get("achievement", {}).get("name", "")
    print(f"VALID: {achievement} — issued by {credential['issuer'].get('id')} on {credential.get('validFrom')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
