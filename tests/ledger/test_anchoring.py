"""On-chain anchors: the command, confirmations and reorganisations, retries that never pay twice."""

import pytest
from sqlalchemy import func, select

from app.extensions import db
from ledger import queries


def test_anchor_command_on_the_in_process_chain(app, runner, filled):
    result = runner.invoke(args=["ledger", "anchor"])
    assert result.exit_code == 0, result.output
    assert "anchored" in result.output
    with app.app_context():
        head = queries.latest_head()
        from ledger.models import Anchor

        anchor = db.session.scalar(select(Anchor).where(Anchor.tree_head_id == head.id))
        from ledger import anchoring

        assert anchoring.read_anchor(anchor.tx_hash) == head.root_hash
    again = runner.invoke(args=["ledger", "anchor"])
    assert again.exit_code == 0 and anchor.tx_hash in again.output  # the same head is anchored once


def test_an_anchor_waits_for_its_confirmations_and_notices_a_reorganisation(monkeypatch):
    import threading

    from web3 import EthereumTesterProvider, Web3

    from ledger import anchoring

    w3 = Web3(EthereumTesterProvider())  # a chain of this test's own
    sender = w3.eth.accounts[0]

    def send():
        tx = w3.eth.send_transaction({"from": sender, "to": sender, "value": 0, "data": b"\x01" * 32})
        return tx, w3.eth.wait_for_transaction_receipt(tx)

    monkeypatch.setattr(anchoring, "POLL_SECONDS", 0.05)
    tx, receipt = send()
    miner = threading.Timer(0.3, w3.testing.mine, args=(2,))  # two more blocks arrive while it waits
    miner.start()
    final = anchoring._confirmed(w3, tx, receipt, 3)
    miner.join()
    assert w3.eth.block_number == receipt["blockNumber"] + 2 and final["blockHash"] == receipt["blockHash"]

    before = w3.testing.snapshot()
    tx, receipt = send()
    w3.testing.revert(before)  # the block with the transaction is replaced by others
    w3.testing.mine(3)
    with pytest.raises(anchoring.AnchorError, match="reorganisation"):
        anchoring._confirmed(w3, tx, receipt, 2)

    monkeypatch.setattr(anchoring, "CONFIRMATION_SECONDS_PER_BLOCK", 0)
    monkeypatch.setattr(anchoring, "CONFIRMATION_GRACE_SECONDS", 0.2)
    tx, receipt = send()
    with pytest.raises(anchoring.AnchorError, match="fewer than 5 confirmations"):
        anchoring._confirmed(w3, tx, receipt, 5)


def test_a_retried_anchor_waits_for_the_transaction_sent_before_instead_of_paying_again(app, filled):
    from ledger import anchoring
    from ledger.models import Anchor

    with app.app_context():
        head = queries.latest_head()
        w3 = anchoring._web3()
        # An earlier attempt sent the transaction, then failed before recording the anchor.
        sent = anchoring._send(w3, bytes.fromhex(head.root_hash))
        anchoring._remember_sent(head, sent)
        blocks = w3.eth.block_number
        anchor = anchoring.anchor_latest()
        assert anchor.tx_hash == anchoring._hex(sent) and w3.eth.block_number == blocks  # nothing sent again
        db.session.delete(anchor)
        db.session.flush()
        # A remembered transaction the chain does not have (dropped, or another chain now): a new one.
        anchoring._remember_sent(head, "0x" + "ab" * 32)
        again = anchoring.anchor_latest()
        assert again.tx_hash != anchor.tx_hash and w3.eth.block_number == blocks + 1
        assert anchoring.read_anchor(again.tx_hash) == head.root_hash
        assert db.session.scalar(select(func.count()).select_from(Anchor).where(Anchor.tree_head_id == head.id)) == 1
