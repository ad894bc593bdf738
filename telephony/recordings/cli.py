"""``flask telephony recordings-check``: whether the recordings' store is usable, before members
upload to it (a deployment's smoke test)."""

from __future__ import annotations

import uuid

import click
from flask import current_app

from telephony.dispatcher import telephony_cli
from telephony.recordings.storage import StoreUnavailable, store

PROBE = b"crowdline recordings store check"


@telephony_cli.command("recordings-check", help="Write, read and delete a small object in the recordings' store "
                                                "(RECORDING_STORE); exit 1, the cause in the log, if it fails.")
def recordings_check_command() -> None:
    chosen = current_app.config.get("RECORDING_STORE") or "local"
    key = f"checks/{uuid.uuid4().hex}.probe"
    try:
        found = store()
        found.write_at(key, 0, PROBE)
        found.complete(key)
        read = b"".join(found.read(key, 0, len(PROBE) - 1))
        found.delete(key)
    except StoreUnavailable as exc:
        click.echo(f"The recordings' store ({chosen}) cannot be used: {exc.message} See the log for the cause.",
                   err=True)
        raise SystemExit(1) from exc
    if read != PROBE:
        click.echo(f"The recordings' store ({chosen}) gave back other bytes than it was given.", err=True)
        raise SystemExit(1)
    click.echo(f"The recordings' store ({chosen}) works: written, read and deleted.")
