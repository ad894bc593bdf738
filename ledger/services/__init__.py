"""The audit ledger's operations: record (outbox), integrate (sequencer), sign, prove, verify.

Entries are queued in the transaction of the change they record (``outbox``); the sequencer
gives them consecutive indexes, stores the RFC 9162 perfect-subtree hashes of 16 leaves and
more (so any proof is one query of O(log n) rows) and signs a tree head (``signing``); ``proofs``
answers inclusion and consistency proofs and runs the full verification. Reads for auditors are
in ``ledger.queries``. Nothing here edits or deletes a leaf.
"""

from ledger.services.outbox import canonical_json, record
from ledger.services.proofs import consistency, inclusion, node_reader, prefetched, root_at, verify_all
from ledger.services.sequencer import BATCH_SIZE, integrate
from ledger.services.signing import public_key_hex, sign_tree_head, signing_key, tree_head_message

__all__ = [
    "BATCH_SIZE", "canonical_json", "consistency", "inclusion", "integrate", "node_reader", "prefetched",
    "public_key_hex", "record", "root_at", "sign_tree_head", "signing_key", "tree_head_message", "verify_all",
]
