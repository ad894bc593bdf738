"""Verify a Crowdline audit bundle offline: ``python -m ledger.verify BUNDLE [--trusted-head FILE] [--rpc-url URL]``.

Needs only the standard library and ``cryptography`` (imports nothing else of Crowdline but the
pure ``ledger.merkle``), so an auditor can read and run it on their own machine. It checks:

- every entry's leaf hash is SHA-256(0x00 || entry), and the entry is canonical JSON;
- every entry's inclusion in the signed tree head: with all its entries, by the recomputed root
  (one pass); for a range, or to name the entry that breaks the root, by each entry's inclusion
  proof (so removed, swapped or altered entries are named);
- with all entries from 0, the recomputed root of every tree head in the bundle;
- every tree head's Ed25519 signature over ``crowdline-tree-head:v1:{size}:{root}:{timestamp}``
  with the bundle's public key (and the key the auditor expects, with ``--public-key``);
- consistency proofs from every earlier tree head to the latest (history only ever grows);
- with ``--trusted-head``: a tree head saved earlier is consistent with this bundle's;
- anchors: each anchored root equals the tree head of its size, and with ``--rpc-url`` the
  transaction on the chain carries that root.

Exit status 0 when everything holds; 1 and the first failure otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ledger import merkle

FORMAT = "crowdline-audit-bundle/1"


class BundleError(Exception):
    """The bundle does not verify; the message names what failed."""


def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _hex(value: str, what: str, length: int = 32) -> bytes:
    try:
        raw = bytes.fromhex(value)
    except (TypeError, ValueError) as exc:
        raise BundleError(f"{what} is not hex") from exc
    if len(raw) != length:
        raise BundleError(f"{what} is not {length} bytes")
    return raw


def check_head_signature(head: dict, public_key: str | None = None) -> None:
    key_hex = public_key or head["public_key"]
    if head.get("public_key") != key_hex:
        raise BundleError(f"tree head {head.get('tree_size')} is signed by another key ({head.get('public_key')})")
    message = f"crowdline-tree-head:v1:{head['tree_size']}:{head['root_hash']}:{head['timestamp']}".encode()
    try:
        Ed25519PublicKey.from_public_bytes(_hex(key_hex, "public key")).verify(
            _hex(head["signature"], "signature", 64), message)
    except InvalidSignature as exc:
        raise BundleError(f"tree head {head['tree_size']} has a bad signature") from exc


def verify_bundle(bundle: dict, trusted_head: dict | None = None, rpc_url: str | None = None,
                  public_key: str | None = None) -> dict:
    """Check a bundle; return a summary or raise ``BundleError`` naming the first failure."""
    if bundle.get("format") != FORMAT:
        raise BundleError(f"not a {FORMAT} bundle")
    key = public_key or bundle["public_key"]
    head = bundle["tree_head"]
    check_head_signature(head, key)
    size, root = head["tree_size"], _hex(head["root_hash"], "root hash")

    entries = bundle["entries"]
    proofs = {p["index"]: p for p in bundle.get("inclusion_proofs", [])}
    first_index = entries[0]["index"] if entries else bundle.get("from", 0)
    leaves = []
    for position, item in enumerate(entries):
        index = first_index + position
        if item.get("index") != index:
            raise BundleError(f"entry {index} is missing (found index {item.get('index')} in its place)")
        text = item["entry"]
        try:
            if _canonical(json.loads(text)) != text:
                raise BundleError(f"entry {index} is not canonical JSON")
        except json.JSONDecodeError as exc:
            raise BundleError(f"entry {index} is not JSON") from exc
        leaf = merkle.leaf_hash(text.encode("utf-8"))
        if leaf.hex() != item["leaf_hash"]:
            raise BundleError(f"entry {index} does not match its leaf hash")
        leaves.append(leaf)
    tree = None
    if first_index == 0:  # all entries from the first: rebuild the whole tree, level by level
        tree = merkle.MemoryTree()
        tree.extend(leaves)
    # With every entry of the signed tree, its recomputed root proves each one's inclusion at once
    # (one hash per node instead of a proof's worth per entry); otherwise, or to name the entry
    # that breaks the root, each entry's own proof is checked.
    if tree is None or tree.size < size or tree.root(size) != root:
        _check_inclusion_proofs(leaves, first_index, size, root, proofs)

    complete = tree is not None and tree.size >= size
    heads = sorted(bundle.get("tree_heads", []), key=lambda h: h["tree_size"])
    consistency = {(p["first"], p["second"]): p for p in bundle.get("consistency_proofs", [])}
    for earlier in heads:
        check_head_signature(earlier, key)
        if earlier["tree_size"] > size:
            raise BundleError(f"tree head {earlier['tree_size']} is larger than the latest ({size})")
        if complete and tree.root(earlier["tree_size"]).hex() != earlier["root_hash"]:
            raise BundleError(f"tree head {earlier['tree_size']} does not match the entries (history was rewritten)")
        _check_consistency(earlier, head, consistency, tree if complete else None)
    if complete and tree.root(size) != root:
        raise BundleError(f"the entries do not give the root of tree head {size}")
    if trusted_head is not None:
        check_head_signature(trusted_head, key)
        if trusted_head["tree_size"] > size:
            raise BundleError(f"the log shrank: trusted size {trusted_head['tree_size']} > {size}")
        _check_consistency(trusted_head, head, consistency, tree if complete else None, trusted=True)

    by_size = {h["tree_size"]: h["root_hash"] for h in [*heads, head]}
    for anchor in bundle.get("anchors", []):
        if by_size.get(anchor["tree_size"]) not in (None, anchor["root_hash"]):
            raise BundleError(f"anchor {anchor['tx_hash']} holds a root that is not tree head {anchor['tree_size']}'s")
        if complete and anchor["tree_size"] <= size and tree.root(anchor["tree_size"]).hex() != anchor["root_hash"]:
            raise BundleError(
                f"history was rewritten after anchor {anchor['tx_hash']} (tree size {anchor['tree_size']})")
        if rpc_url:
            on_chain = read_transaction_input(rpc_url, anchor["tx_hash"])
            if on_chain != anchor["root_hash"]:
                raise BundleError(f"anchor {anchor['tx_hash']} on the chain carries {on_chain or 'nothing'}, "
                                  f"not {anchor['root_hash']}")
    return {"tree_size": size, "root_hash": head["root_hash"], "entries": len(entries), "complete": complete,
            "tree_heads": len(heads), "anchors": len(bundle.get("anchors", []))}


def _check_inclusion_proofs(leaves: list[bytes], first_index: int, size: int, root: bytes, proofs: dict) -> None:
    for position, leaf in enumerate(leaves):
        index = first_index + position
        if index >= size:
            break
        proof = proofs.get(index)
        if proof is None:
            raise BundleError(f"entry {index} has no inclusion proof")
        path = [_hex(p, f"entry {index} proof") for p in proof["audit_path"]]
        if proof["tree_size"] != size or not merkle.verify_inclusion(leaf, index, size, path, root):
            raise BundleError(f"entry {index} is not included in tree head {size} (its proof does not verify)")


def _check_consistency(earlier: dict, latest: dict, proofs: dict, tree, trusted: bool = False) -> None:
    first, second = earlier["tree_size"], latest["tree_size"]
    if first == 0:
        return
    label = "the trusted tree head" if trusted else f"tree head {first}"
    if tree is not None:
        if tree.root(first).hex() != earlier["root_hash"]:
            raise BundleError(f"{label} ({first}) is not consistent with tree head {second}")
        return
    proof = proofs.get((first, second))
    if proof is None:
        raise BundleError(f"no consistency proof from {label} ({first}) to {second}")
    path = [_hex(p, "consistency proof") for p in proof["proof"]]
    if not merkle.verify_consistency(first, second, _hex(earlier["root_hash"], "root"),
                                     _hex(latest["root_hash"], "root"), path):
        raise BundleError(f"{label} ({first}) is not consistent with tree head {second}")


def read_transaction_input(rpc_url: str, tx_hash: str) -> str | None:
    """The data of a transaction, by plain JSON-RPC (``eth_getTransactionByHash``)."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "eth_getTransactionByHash", "params": [tx_hash]})
    if not rpc_url.startswith(("http://", "https://")):
        raise BundleError("the RPC URL must be http:// or https://")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        rpc_url, data=body.encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - the auditor's own node
        result = json.loads(response.read()).get("result")
    if not result:
        return None
    return str(result.get("input", "")).removeprefix("0x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ledger.verify", description=__doc__.splitlines()[0])
    parser.add_argument("bundle", help="the audit bundle (JSON) from `flask ledger export`")
    parser.add_argument("--trusted-head", help="a tree head (JSON) saved earlier, to check history only grew")
    parser.add_argument("--public-key", help="the log's Ed25519 public key (hex) you expect")
    parser.add_argument("--rpc-url", help="an Ethereum JSON-RPC endpoint to check anchors against")
    args = parser.parse_args(argv)
    try:
        with open(args.bundle, encoding="utf-8") as fh:
            bundle = json.load(fh)
        trusted = None
        if args.trusted_head:
            with open(args.trusted_head, encoding="utf-8") as fh:
                trusted = json.load(fh)
        summary = verify_bundle(bundle, trusted, args.rpc_url, args.public_key)
    except BundleError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"FAILED: the bundle cannot be read: {exc!r}", file=sys.stderr)
        return 1
    print(f"OK: tree size {summary['tree_size']}, root {summary['root_hash']}, {summary['entries']} entries, "
          f"{summary['tree_heads']} earlier tree heads, {summary['anchors']} anchors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
