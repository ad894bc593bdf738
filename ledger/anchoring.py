"""On-chain anchoring of signed tree heads (the only module that imports web3).

The root hash is the data of a zero-value transaction from the anchoring account to itself.
With ``WEB3_PROVIDER_URI`` any JSON-RPC chain is used (``LEDGER_ANCHOR_PRIVATE_KEY`` signs);
without it, an in-process test chain (eth-tester / py-evm) that lives as long as the process. An
anchor is recorded once its transaction has ``LEDGER_ANCHOR_CONFIRMATIONS`` blocks (its own
included) and is still where it was first mined.
"""

from __future__ import annotations

import logging
import threading
import time

import redis
from flask import current_app
from sqlalchemy import select

from app.extensions import db, redis_store
from ledger.models import Anchor, TreeHead

logger = logging.getLogger(__name__)

_local_chain = None
_lock = threading.Lock()
POLL_SECONDS = 0.5
_SENT = "crowdline:ledger:anchor-sent:{head_id}"  # the transaction sent for a tree head, for a retry
SENT_REMEMBERED_SECONDS = 24 * 3600
CONFIRMATION_SECONDS_PER_BLOCK = 30  # a generous block time: Ethereum's is 12 s
CONFIRMATION_GRACE_SECONDS = 120


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
    confirmations = max(1, int(current_app.config.get("LEDGER_ANCHOR_CONFIRMATIONS") or 1))
    try:
        w3 = _web3()
        tx_hash = _sent_earlier(w3, head)
        if tx_hash is None:
            tx_hash = _send(w3, bytes.fromhex(head.root_hash))
            _remember_sent(head, tx_hash)
        receipt = w3.eth.wait_for_transaction_receipt(tx_hash, timeout=120, poll_latency=POLL_SECONDS)
        if confirmations > 1 and current_app.config.get("WEB3_PROVIDER_URI"):
            # (The in-process chain makes a block only per transaction and never reorganises.)
            receipt = _confirmed(w3, tx_hash, receipt, confirmations)
        chain_id = w3.eth.chain_id
    except AnchorError:
        raise
    except Exception as exc:  # the network, the node or the account: retried by the job
        raise AnchorError(f"anchoring tree size {head.tree_size} failed: {exc}") from exc
    tx_hex = _hex(tx_hash)
    anchor = Anchor(tree_head_id=head.id, tree_size=head.tree_size, root_hash=head.root_hash, chain_id=chain_id,
                    tx_hash=tx_hex, block_number=receipt["blockNumber"])
    db.session.add(anchor)
    db.session.flush()
    logger.info("Anchored tree size %s in tx %s (block %s)", head.tree_size, tx_hex, anchor.block_number)
    return anchor


def _sent_earlier(w3, head: TreeHead) -> str | None:
    """The transaction an earlier attempt sent for ``head`` (it failed or timed out before recording
    the anchor), if the chain still has it: waiting for it again costs nothing, sending anew costs gas."""
    from web3.exceptions import TransactionNotFound

    try:
        remembered = redis_store.connection.get(_SENT.format(head_id=head.id))
    except redis.RedisError:
        return None
    if not remembered:
        return None
    tx_hash = remembered.decode()
    try:
        tx = w3.eth.get_transaction(tx_hash)
    except TransactionNotFound:  # dropped, or gone with a reorganisation, or another chain now
        return None
    return tx_hash if _root_in(tx) == head.root_hash else None


def _remember_sent(head: TreeHead, tx_hash: str) -> None:
    try:
        redis_store.connection.set(_SENT.format(head_id=head.id), tx_hash, ex=SENT_REMEMBERED_SECONDS)
    except redis.RedisError as exc:  # a retry then sends a new transaction, as before
        logger.warning("Could not remember anchoring transaction %s: %s", tx_hash, exc)


def _confirmed(w3, tx_hash, receipt, confirmations: int):
    """Wait until ``confirmations`` blocks (the transaction's own included) are on the chain, then
    check that the transaction is still in the block it was first seen in (no reorganisation)."""
    from web3.exceptions import TransactionNotFound

    wanted = receipt["blockNumber"] + confirmations - 1
    deadline = time.monotonic() + CONFIRMATION_SECONDS_PER_BLOCK * confirmations + CONFIRMATION_GRACE_SECONDS
    while w3.eth.block_number < wanted:
        if time.monotonic() > deadline:
            raise AnchorError(f"transaction {_hex(tx_hash)} has fewer than {confirmations} confirmations after "
                              "waiting; the anchor job will try again")
        time.sleep(POLL_SECONDS)
    try:
        final = w3.eth.get_transaction_receipt(tx_hash)
    except TransactionNotFound:
        final = None
    if final is None or final["blockHash"] != receipt["blockHash"]:
        raise AnchorError(f"transaction {_hex(tx_hash)} left block {receipt['blockNumber']} (a reorganisation); "
                          "the anchor job will send it again")
    return final


def _hex(value) -> str:
    text = value.hex() if hasattr(value, "hex") else str(value)
    return text if text.startswith("0x") else "0x" + text


def read_anchor(tx_hash: str) -> str:
    """The root hash stored by an anchoring transaction, read back from the chain."""
    return _root_in(_web3().eth.get_transaction(tx_hash))


def _root_in(tx) -> str:
    """The data of an anchoring transaction, as the hex root hash it carries."""
    data = tx["input"]
    return (data.hex() if hasattr(data, "hex") else str(data)).removeprefix("0x")
