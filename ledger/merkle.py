"""RFC 9162 (Certificate Transparency v2) Merkle trees: hashes, proofs and their verification.

Standard library only. Trees are read through ``node(level, index)``: the hash of the perfect
subtree of ``2**level`` leaves starting at leaf ``index * 2**level`` (level 0 = the leaf hashes).
A stored tree keeps exactly those hashes, so a proof needs O(log n) lookups and no rebuild.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence

Node = Callable[[int, int], bytes]

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def leaf_hashes(entries: Iterable[bytes]) -> list[bytes]:
    """``leaf_hash`` of many entries: one tight loop, for the sequencer and the verifiers."""
    sha256 = hashlib.sha256
    return [sha256(b"\x00" + data).digest() for data in entries]


def parent_hashes(hashes: Sequence[bytes]) -> list[bytes]:
    """``node_hash`` of each consecutive pair (an odd last hash has no parent yet)."""
    sha256 = hashlib.sha256
    pairs = iter(hashes)
    return [sha256(b"\x01" + left + right).digest() for left, right in zip(pairs, pairs, strict=False)]


def frontier(size: int) -> list[tuple[int, int]]:
    """The perfect subtrees ``(level, index)`` that make up a tree of ``size`` leaves, largest first:
    the only nodes that appending to the tree (and its root) needs."""
    return [(level, (size >> level) - 1) for level in range(size.bit_length() - 1, -1, -1) if size >> level & 1]


def _largest_power_of_two_below(n: int) -> int:
    """The largest power of two strictly less than ``n`` (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def subtree_root(node: Node, start: int, end: int) -> bytes:
    """MTH(D[start:end]) from stored perfect subtrees (``start`` is aligned as RFC 9162 splits are)."""
    size = end - start
    if size == 0:
        return EMPTY_ROOT
    if size & (size - 1) == 0 and start % size == 0:
        level = size.bit_length() - 1
        return node(level, start >> level)
    k = _largest_power_of_two_below(size)
    return node_hash(subtree_root(node, start, start + k), subtree_root(node, start + k, end))


def root(node: Node, size: int) -> bytes:
    return subtree_root(node, 0, size)


def inclusion_proof(node: Node, index: int, size: int) -> list[bytes]:
    """PATH(index, D[0:size]) of RFC 9162 §2.1.3.1."""
    if not 0 <= index < size:
        raise ValueError(f"index {index} is outside a tree of size {size}")
    proof: list[bytes] = []
    start, end, m = 0, size, index
    while end - start > 1:
        k = _largest_power_of_two_below(end - start)
        if m < k:
            proof.append(subtree_root(node, start + k, end))
            end = start + k
        else:
            proof.append(subtree_root(node, start, start + k))
            start, m = start + k, m - k
    proof.reverse()  # from the leaf upwards
    return proof


def consistency_proof(node: Node, first: int, second: int) -> list[bytes]:
    """PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1."""
    if not 0 < first <= second:
        raise ValueError(f"no consistency proof from {first} to {second}")
    if first == second:
        return []
    return _subproof(node, first, 0, second, True)


def _subproof(node: Node, m: int, start: int, end: int, whole: bool) -> list[bytes]:
    n = end - start
    if m == n:
        return [] if whole else [subtree_root(node, start, end)]
    k = _largest_power_of_two_below(n)
    if m <= k:
        return [*_subproof(node, m, start, start + k, whole), subtree_root(node, start + k, end)]
    return [*_subproof(node, m - k, start + k, end, False), subtree_root(node, start, start + k)]


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes], expected_root: bytes) -> bool:
    """RFC 9162 §2.1.3.2."""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == expected_root


def verify_consistency(first: int, second: int, first_root: bytes, second_root: bytes,
                       proof: Sequence[bytes]) -> bool:
    """RFC 9162 §2.1.4.2."""
    if first <= 0 or first > second:
        return False
    if first == second:
        return not proof and first_root == second_root
    if not proof:
        return False
    proof = list(proof)
    if first & (first - 1) == 0:  # a power of two: the first root is the proof's implicit start
        proof.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root


class MemoryTree:
    """A tree kept in memory (the verifier, tests and benchmarks): append leaves, read nodes."""

    def __init__(self) -> None:
        self.levels: list[list[bytes]] = [[]]

    @property
    def size(self) -> int:
        return len(self.levels[0])

    def append(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """Add a leaf hash; return the new perfect-subtree nodes ``(level, index, hash)``."""
        added = [(0, self.size, leaf)]
        self.levels[0].append(leaf)
        level, index = 0, self.size - 1
        while index & 1:
            left, right = self.levels[level][index - 1], self.levels[level][index]
            level, index = level + 1, index >> 1
            if len(self.levels) <= level:
                self.levels.append([])
            parent = node_hash(left, right)
            self.levels[level].append(parent)
            added.append((level, index, parent))
        return added

    def extend(self, leaves: Sequence[bytes]) -> None:
        """Add many leaf hashes at once, each level hashed in one pass (same tree as ``append`` each)."""
        self.levels[0].extend(leaves)
        level = 0
        while len(self.levels[level]) > 1:
            if len(self.levels) == level + 1:
                self.levels.append([])
            below, above = self.levels[level], self.levels[level + 1]
            above.extend(parent_hashes(below[2 * len(above):]))
            level += 1

    def node(self, level: int, index: int) -> bytes:
        return self.levels[level][index]

    def root(self, size: int | None = None) -> bytes:
        return root(self.node, self.size if size is None else size)
