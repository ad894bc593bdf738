"""RFC 9162 Merkle trees against the transparency-dev/merkle reference vectors and a naive tree."""

import hashlib

import pytest

from ledger.merkle import (
    EMPTY_ROOT,
    MemoryTree,
    consistency_proof,
    frontier,
    inclusion_proof,
    leaf_hash,
    leaf_hashes,
    node_hash,
    root,
    verify_consistency,
    verify_inclusion,
)

LEAVES = [bytes.fromhex(h) for h in (
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")]
# Roots of the first 1..8 leaves (transparency-dev/merkle testdata).
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def naive_root(leaves: list[bytes]) -> bytes:
    """MTH straight from RFC 9162's definition."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaf_hash(leaves[0])
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(naive_root(leaves[:k]), naive_root(leaves[k:]))


def tree_of(leaves) -> MemoryTree:
    tree = MemoryTree()
    for leaf in leaves:
        tree.append(leaf_hash(leaf))
    return tree


def test_reference_roots():
    tree = tree_of(LEAVES)
    for size, expected in enumerate(ROOTS, start=1):
        assert tree.root(size).hex() == expected
        assert naive_root(LEAVES[:size]).hex() == expected
    assert tree.root(0) == EMPTY_ROOT
    assert EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


# transparency-dev/merkle inclusion proofs (index, size, path).
REFERENCE_INCLUSION = [
    (0, 1, []),
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]

# transparency-dev/merkle consistency proofs (size1, size2, proof).
REFERENCE_CONSISTENCY = [
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]


@pytest.mark.parametrize("index,size,path", REFERENCE_INCLUSION)
def test_reference_inclusion_proofs(index, size, path):
    tree = tree_of(LEAVES)
    proof = inclusion_proof(tree.node, index, size)
    assert [p.hex() for p in proof] == path
    assert verify_inclusion(leaf_hash(LEAVES[index]), index, size, proof, bytes.fromhex(ROOTS[size - 1]))


@pytest.mark.parametrize("first,second,path", REFERENCE_CONSISTENCY)
def test_reference_consistency_proofs(first, second, path):
    tree = tree_of(LEAVES)
    proof = consistency_proof(tree.node, first, second)
    assert [p.hex() for p in proof] == path
    assert verify_consistency(first, second, bytes.fromhex(ROOTS[first - 1]), bytes.fromhex(ROOTS[second - 1]),
                              proof)


def _flip(data: bytes, bit: int) -> bytes:
    raw = bytearray(data)
    raw[bit // 8] ^= 1 << (bit % 8)
    return bytes(raw)


def inclusion_mutations(leaf, index, size, proof, root):
    """Every way the verifier's own tests break a valid inclusion proof."""
    yield "index-1", (leaf, index - 1, size, proof, root)
    yield "index+1", (leaf, index + 1, size, proof, root)
    yield "size*2", (leaf, index, size * 2, proof, root)
    yield "size/2", (leaf, index, size // 2, proof, root)
    yield "wrong leaf", (leaf_hash(b"not the leaf"), index, size, proof, root)
    yield "wrong root", (leaf, index, size, proof, _flip(root, 0))
    for i in range(len(proof)):
        for bit in (0, 7, 255):
            yield f"flip {i}/{bit}", (leaf, index, size, [*proof[:i], _flip(proof[i], bit), *proof[i + 1:]], root)
        yield f"drop {i}", (leaf, index, size, proof[:i] + proof[i + 1:], root)
    yield "extra", (leaf, index, size, [*proof, EMPTY_ROOT], root)
    yield "extra first", (leaf, index, size, [EMPTY_ROOT, *proof], root)


@pytest.mark.parametrize("size", range(1, 18))
def test_every_inclusion_proof_of_small_trees(size):
    leaves = [f"leaf-{i}".encode() for i in range(size)]
    tree = tree_of(leaves)
    expected = naive_root(leaves)
    assert tree.root() == expected
    for index in range(size):
        proof = inclusion_proof(tree.node, index, size)
        leaf = leaf_hash(leaves[index])
        assert verify_inclusion(leaf, index, size, proof, expected)
        for name, args in inclusion_mutations(leaf, index, size, proof, expected):
            assert not verify_inclusion(*args), (size, index, name)


@pytest.mark.parametrize("second", range(1, 18))
def test_every_consistency_proof_of_small_trees(second):
    leaves = [f"leaf-{i}".encode() for i in range(second)]
    tree = tree_of(leaves)
    second_root = naive_root(leaves)
    for first in range(1, second + 1):
        first_root = naive_root(leaves[:first])
        proof = consistency_proof(tree.node, first, second)
        assert verify_consistency(first, second, first_root, second_root, proof)
        if first == second:
            assert not verify_consistency(first, second, first_root, _flip(second_root, 3), proof)
            continue
        assert not verify_consistency(first, second, second_root, first_root, proof), "roots swapped"
        assert not verify_consistency(first, second, _flip(first_root, 1), second_root, proof)
        assert not verify_consistency(first, second, first_root, _flip(second_root, 1), proof)
        for i in range(len(proof)):
            flipped = [*proof[:i], _flip(proof[i], 9), *proof[i + 1:]]
            assert not verify_consistency(first, second, first_root, second_root, flipped), (first, second, i)
            assert not verify_consistency(first, second, first_root, second_root, proof[:i] + proof[i + 1:])
        assert not verify_consistency(first, second, first_root, second_root, [*proof, EMPTY_ROOT])
        if first - 1 >= 1:
            assert not verify_consistency(first - 1, second, first_root, second_root, proof)
        if first + 1 <= second:
            assert not verify_consistency(first + 1, second, first_root, second_root, proof)
        assert not verify_consistency(first, second * 2, first_root, second_root, proof)


def test_random_indexes_of_a_large_tree():
    import random

    rng = random.Random(9162)
    tree = MemoryTree()
    for i in range(5000):
        tree.append(leaf_hash(i.to_bytes(4, "big")))
    root = tree.root()
    for _ in range(200):
        size = rng.randint(1, 5000)
        index = rng.randrange(size)
        proof = inclusion_proof(tree.node, index, size)
        assert len(proof) <= size.bit_length()
        assert verify_inclusion(leaf_hash(index.to_bytes(4, "big")), index, size, proof, tree.root(size))
        first = rng.randint(1, size)
        assert verify_consistency(first, size, tree.root(first), tree.root(size),
                                  consistency_proof(tree.node, first, size))
    assert root == tree.root(5000)


def test_bad_proof_requests():
    tree = tree_of(LEAVES)
    with pytest.raises(ValueError):
        inclusion_proof(tree.node, 8, 8)
    with pytest.raises(ValueError):
        consistency_proof(tree.node, 5, 3)
    with pytest.raises(ValueError):
        consistency_proof(tree.node, 0, 3)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1000])
def test_extending_in_bulk_gives_the_same_tree_as_appending(chunk):
    leaves = [f"entry-{i}".encode() for i in range(300)]
    one_by_one = tree_of(leaves)
    bulk = MemoryTree()
    for start in range(0, len(leaves), chunk):
        bulk.extend(leaf_hashes(leaves[start:start + chunk]))
        assert bulk.root() == one_by_one.root(bulk.size)
    assert bulk.levels == one_by_one.levels
    for size in range(1, len(leaves) + 1):
        assert bulk.root(size) == naive_root(leaves[:size])


@pytest.mark.parametrize("size", [*range(0, 40), 1000, 1023, 1024, 1025])
def test_the_frontier_is_all_that_the_root_and_the_next_leaf_need(size):
    tree = tree_of([f"entry-{i}".encode() for i in range(size + 1)])
    edge = {key: tree.node(*key) for key in frontier(size)}
    assert [level for level, _ in frontier(size)] == sorted((i for i in range(size.bit_length()) if size >> i & 1),
                                                            reverse=True)
    assert root(lambda level, index: edge[(level, index)], size) == tree.root(size)
    nodes = {**edge, (0, size): tree.node(0, size)}
    level, position = 0, size
    while position & 1:  # what the sequencer computes when leaf ``size`` is appended
        nodes[(level + 1, position >> 1)] = node_hash(nodes[(level, position - 1)], nodes[(level, position)])
        level, position = level + 1, position >> 1
    assert root(lambda level, index: nodes[(level, index)], size + 1) == tree.root(size + 1)
