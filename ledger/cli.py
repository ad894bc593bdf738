"""``flask --app wsgi ledger …``: integrate, verify, export, anchor."""

from __future__ import annotations

import json
import sys

import click
from flask.cli import with_appcontext

from app.database import commit


@click.group(help="The audit ledger.")
def ledger() -> None:
    pass


@ledger.command("integrate", help="Run the sequencer once: integrate every queued entry and sign a tree head.")
@with_appcontext
def integrate_command() -> None:
    from ledger import queries, services

    total = 0
    while True:
        done = services.integrate()
        commit()
        total += done
        if done < services.BATCH_SIZE:
            break
    click.echo(f"Integrated {total} entries; tree size {queries.tree_size()}.")


@ledger.command("verify", help="Recompute everything from the stored entries (or check a bundle file offline).")
@click.option("--bundle", "bundle_path", type=click.Path(exists=True, dir_okay=False), default=None)
@click.option("--trusted-head", type=click.Path(exists=True, dir_okay=False), default=None)
@with_appcontext
def verify_command(bundle_path, trusted_head) -> None:
    from ledger import services
    from ledger.verify import main as verify_bundle

    if bundle_path:
        args = [bundle_path] + (["--trusted-head", trusted_head] if trusted_head else [])
        sys.exit(verify_bundle(args))
    result = services.verify_all()
    if not result["ok"]:
        click.echo(f"FAILED: {result['problem']}", err=True)
        sys.exit(1)
    click.echo(f"OK: {result['checked']} entries, every tree node and signed tree head match.")


@ledger.command("export", help="Write an audit bundle (JSON) that `python -m ledger.verify` checks offline.")
@click.option("--from", "start", type=int, default=0, show_default=True)
@click.option("--to", "end", type=int, default=None, help="Exclusive; default: the latest tree size.")
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-")
@with_appcontext
def export_command(start, end, out) -> None:
    from app.errors import AppError
    from ledger import bundle

    try:
        data = bundle.export(start, end)
    except AppError as exc:
        raise click.ClickException("; ".join(f"{k}: {v}" for k, v in exc.fields.items()) or exc.message) from exc
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


@ledger.command("anchor", help="Anchor the latest signed tree head on the chain now.")
@with_appcontext
def anchor_command() -> None:
    from ledger import anchoring

    try:
        found = anchoring.anchor_latest()
    except anchoring.AnchorError as exc:
        raise click.ClickException(str(exc)) from exc
    commit()
    if found is None:
        click.echo("The log is empty: nothing to anchor.")
    else:
        click.echo(f"Tree size {found.tree_size} anchored: chain {found.chain_id}, tx {found.tx_hash}, "
                   f"block {found.block_number}.")
