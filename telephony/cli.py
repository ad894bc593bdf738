"""``flask telephony simulate``: a load of simulated callers and members through the real call
flow, with its summary and invariants (exit 1 when one broke)."""

from __future__ import annotations

import click
from flask import current_app

from app.extensions import db
from telephony.dispatcher import telephony_cli


@telephony_cli.command("simulate", help="Simulated callers and members on a campaign through the real call flow.")
@click.option("--campaign", "campaign_id", required=True, type=int, help="An inbound campaign's id.")
@click.option("--calls", required=True, type=click.IntRange(1), help="How many calls arrive.")
@click.option("--rate", type=click.FloatRange(min=0, min_open=True),
              help="Calls per simulated minute (default: the forecast's busiest interval).")
@click.option("--agents", default=5, show_default=True, type=click.IntRange(1), help="Simulated members.")
@click.option("--patience", type=click.FloatRange(min=0, min_open=True),
              help="Callers' mean patience in seconds (exponential; default: the campaign's, or 60).")
@click.option("--speed", default=1.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Compress simulated time this many times (rings, talk, patience, wrap-up).")
@click.option("--seed", default=1, show_default=True, type=int, help="Seed of every random draw.")
@click.option("--url", "base_url", help="A running deployment's address (with LOCAL_CARRIER_URL set).")
def simulate_command(campaign_id, calls, rate, agents, patience, speed, seed, base_url) -> None:
    from telephony.simulator.report import summarize
    from telephony.simulator.runner import Options, Simulation, answered_agent_legs

    app = current_app._get_current_object()
    simulation = Simulation(app, Options(campaign_id, calls, rate=rate, agents=agents, patience=patience,
                                         speed=speed, seed=seed, base_url=base_url), echo=click.echo)
    sids, members = simulation.run()
    load = simulation.load
    legs = answered_agent_legs(app.extensions.get("local_carrier"))
    summary = summarize(sids, speed=speed, target_seconds=load.target_answer_seconds, carrier_legs=legs,
                        member_problems=[p for m in members for p in m.problems])
    db.session.remove()
    click.echo(f"Campaign {campaign_id}: {calls} calls at {load.rate_per_minute:g}/min, {agents} members, "
               f"patience {load.patience_seconds:g} s, AHT {load.aht_seconds:g} s, speed ×{speed:g}")
    for line in summary.lines():
        click.echo("  " + line)
    for problem in summary.problems[:50]:
        click.echo("  ! " + problem)
    if simulation.noticed:
        click.echo(f"  noticed            {len(simulation.noticed)} disagreements the members worked around")
    for seen in simulation.noticed[:20]:
        click.echo("  noticed: " + seen)
    if summary.problems:
        raise SystemExit(1)

