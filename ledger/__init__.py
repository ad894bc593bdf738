"""The audit ledger: every signal becomes an entry of an RFC 9162 Merkle tree with signed tree
heads, inclusion and consistency proofs, on-chain anchors and an offline verifier.

Importing this package is cheap on purpose: ``python -m ledger.verify`` runs with only the
standard library and ``cryptography``.
"""

from __future__ import annotations


def init_app(app) -> None:
    """Register the auditor API and pages, the ``ledger`` CLI group, the outbox receivers and the
    hourly anchor, and a sweep that integrates whatever a lost nudge left queued."""
    from app import register_api_blueprint
    from app.schedule import register_periodic
    from ledger import api, cli, receivers, tasks, views

    register_api_blueprint(app, api.bp)
    app.register_blueprint(views.bp)
    app.cli.add_command(cli.ledger)
    receivers.connect()
    register_periodic("ledger-anchor", tasks.anchor, tasks.ANCHOR_EVERY)
    register_periodic("ledger-integrate", tasks.integrate, tasks.SWEEP_EVERY)
