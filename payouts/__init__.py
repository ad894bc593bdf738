"""Money: double-entry money accounts, enterprise wallets, campaign escrow, member earnings and payouts.

Other packages move money only through ``payouts.services`` (``hold_escrow``, ``release_escrow``,
``accrue_earning``, ``approve_earning``, ``reverse_earning``). Stripe is reached only through
``payouts/providers/stripe.py``; without Stripe keys the ``manual`` provider runs everything offline.
"""

from __future__ import annotations


def init_app(app) -> None:
    """Register the JSON API, the Stripe webhook, the pages, the ``payouts`` CLI group and the
    scheduled payout batch (weekly unless ``PAYOUT_BATCH_INTERVAL`` says otherwise)."""
    from app import register_api_blueprint
    from app.cli import add_demo_step
    from app.schedule import register_periodic
    from payouts import api, cli, tasks, views, webhooks

    register_api_blueprint(app, api.bp)
    register_api_blueprint(app, webhooks.bp)  # signed by Stripe, not by a browser: no CSRF token
    app.register_blueprint(views.bp)
    app.cli.add_command(cli.payouts)
    add_demo_step(cli.seed_demo_command, order=50)
    from app.web.home import add_home_section, add_home_step
    from payouts.home import earnings, payout_account_step

    add_home_step(payout_account_step, order=40)
    add_home_section(earnings, order=20)
    register_periodic("payout-batch", tasks.payout_batch,
                      app.config.get("PAYOUT_BATCH_INTERVAL", tasks.BATCH_INTERVAL))
    register_periodic("payout-stalled", tasks.resume_stalled_payouts, tasks.STALLED_EVERY)
