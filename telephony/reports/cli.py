"""``flask telephony reports-rebuild`` and ``reports-deliver``: the report aggregates' repair and
the scheduled reports' delivery, by hand."""

from __future__ import annotations

import click

from app.database import commit
from telephony.dispatcher import telephony_cli


@telephony_cli.command("reports-rebuild", help="Re-apply a campaign's interactions to its report aggregates.")
@click.option("--campaign", "campaign_id", required=True, type=click.IntRange(1), help="The campaign's id.")
def rebuild_command(campaign_id: int) -> None:
    from telephony.reports import services

    applied = services.rebuild_campaign(campaign_id)
    commit()
    click.echo(f"Campaign {campaign_id}: {applied} interactions applied to the report aggregates.")


@telephony_cli.command("reports-deliver", help="Deliver the scheduled reports whose period has ended.")
def deliver_command() -> None:
    from telephony.reports import schedules

    delivered = schedules.deliver_due()
    commit()
    click.echo(f"{delivered} scheduled reports delivered.")
