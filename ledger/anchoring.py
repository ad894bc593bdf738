"""On-chain anchoring of signed tree heads (the only module that imports web3).

The root hash is the data of a zero-value transaction from the anchoring account to itself.
With ``WEB3_PROVIDER_URI`` any JSON-RPC chain is used (``LEDGER_ANCHOR_PRIVATE_KEY`` signs);
without it, an in-process test chain (eth-tester / py-evm) that lives as long as the process.
"""

from __future__ import annotations

import logging
import threading

from flask import current_app
from sqlalchemy import select

from app.extensions import db
from ledger.models import Anchor, TreeHead

logger = logging.getLogger(__name__)

_local_chain = None
_lock = threading.Lock()


class AnchorError(RuntimeError):
    """The chain could not be reached, or refused the transaction."""


def _web3():
    from web3 import Web3

    uri = current_app.config.get("WEB3_PROVIDER_URI")
    if uri:
        return Web3(Web3.HTTPProvider(uri, request_kwargs={"timeout": 20}))
    global _local_chain
    with _lock:
        if _local_chain is None:
            from web3 import EthereumTesterProvider

            _local_chain = Web3(EthereumTesterProvider())
    return _local_chain


def _send(w3, data: bytes) -> str:
    key = current_app.config.get("LEDGER_ANCHOR_PRIVATE_KEY")
    if key:
        account = w3.eth.account.from_key(key)
        tx = {"to": account.address, "value": 0, "data": data, "nonce": w3.eth.get_transaction_count(account.address),
              "chainId": w3.eth.chain_id, "gas": 30_000, "gasPrice": w3.eth.gas_price}
        signed = account.sign_transaction(tx)
        return w3.eth.send_raw_transaction(signed.raw_transaction).hex()
    sender = w3.eth.accounts[0]
    return w3.eth.send_transaction({"from": sender, "to": sender, "value": 0, "data": data}).hex()


def anchor_latest() -> Anchor | None:
    """Anchor the latest tree head unless it already is; wait for the receipt and record it."""
    head = db.session.scalar(select(TreeHead).order_by(TreeHead.tree_size.desc()).limit(1))
    if head is None:
        return None
    existing = db.session.scalar(select(Anchor).where(Anchor.tree_head_id == head.id))
    if existing is not None:
        return existing
    try:
        w3 = _web3()
        tx_hash = _send(w3, bytes.fromhex(head.root_hash))
        receipt = w3.eth.wait_for_transaction_receipt(tx_hash, timeout=120)
        chain_id = w3.eth.chain_id
    except Exception as exc:  # the network, the node or the account: retried by the job
        raise AnchorError(f"anchoring tree size {head.tree_size} failed: {exc}") from exc
    tx_hex = tx_hash if tx_hash.startswith("0x") else "0x" + tx_hash
    anchor = Anchor(tree_head_id=head.id, tree_size=head.tree_size, root_hash=head.root_hash, chain_id=chain_id,
                    tx_hash=tx_hex, block_number=receipt["blockNumber"])
    db.session.add(anchor)
    db.session.flush()
    logger.info("Anchored tree size %s in tx %s (block %s)", head.tree_size, tx_hex, anchor.block_number)
    return anchor


def read_anchor(tx_hash: str) -> str:
    """The root hash stored by an anchoring transaction, read back from the chain."""
    tx = _web3().eth.get_transaction(tx_hash)
    data = tx["input"]
    return (data.hex() if hasattr(data, "hex") else str(data)).removeprefix("0x")
