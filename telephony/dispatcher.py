"""The dispatcher: every ~250 ms one ACD pass (``distributor().tick()``) and its events applied to
the interactions, each in its own short transaction; about once a second, the outbound dialer's
pass (``dialer.hopper.tick``).

Several dispatchers may run at once: the ACD hands each event to exactly one pass, and applying an
event twice changes nothing (the interaction verbs are idempotent). Runs as ``flask telephony
dispatcher`` in production and as a thread inside ``flask serve``; ``flask telephony check``
prints the ACD's invariant violations and where the ACD and the database disagree.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import select

from app.database import commit, rollback
from app.extensions import db
from app.timeutil import utcnow
from telephony import calls, earnings, overflow, services
from telephony.dialer import hopper
from telephony.distributor import distributor
from telephony.models import Interaction
from telephony.routing.acd import TickEvents
from telephony.routing.check import check_incrementally

logger = logging.getLogger(__name__)

INTERVAL_SECONDS = 0.25
DIAL_EVERY_SECONDS = 1.0
WRAPUP_GRACE = timedelta(seconds=5)  # a wrap-up's ACD side runs just after its commit


# --- events → services ---------------------------------------------------------------------------

def _offered(event: dict) -> None:
    services.record_offer(event["call"], event["agent"], offer_id=str(event["offer"]))


def _offer_expired(event: dict) -> None:
    services.record_missed(event["call"], event["agent"], offer_id=str(event["offer"]))
    earnings.record_presence(event["agent"], "away")


def _agent_expired(event: dict) -> None:
    calls.agent_gone(event["agent"], event)


def _wrapup_ended(event: dict) -> None:
    agent = event["agent"]
    found = db.session.scalars(select(Interaction.id).where(
        Interaction.member_id == agent, Interaction.state == "wrapup").order_by(Interaction.id)).all()
    for interaction_id in found:
        services.complete_interaction(interaction_id)
    earnings.record_presence(agent, "available")


def _escalated(event: dict) -> None:
    services.mark_escalated(event["call"], "escalation_agents")


def _overflowed(event: dict) -> None:
    overflow.overflow(event["call"], event.get("waited_ms"))


HANDLERS: dict[str, Callable[[dict], None]] = {
    "offers": _offered, "offers_expired": _offer_expired, "agents_expired": _agent_expired,
    "wrapups_ended": _wrapup_ended, "escalations": _escalated, "overflows": _overflowed,
}


def apply(events: TickEvents) -> int:
    """Apply one pass's events, each in its own transaction; how many failed (logged, not raised:
    one bad event must not stop the calls behind it)."""
    failed = 0
    for kind, handler in HANDLERS.items():
        for event in getattr(events, kind):
            try:
                handler(event)
                commit()
            except Exception:
                rollback()
                failed += 1
                logger.exception("Dispatcher could not apply %s %s", kind, event)
    return failed


def run_once(now_ms: int | None = None) -> TickEvents:
    """One ACD pass (all the offers that can be made now) and its events applied."""
    events = distributor().dispatch(now_ms)
    apply(events)
    return events


def run(app: Flask, stop: threading.Event, interval: float = INTERVAL_SECONDS) -> None:
    """Pass after pass until ``stop`` is set; a failing pass is logged and the loop goes on."""
    next_dial = 0.0
    with app.app_context():
        while not stop.is_set():
            started = time.monotonic()
            try:
                run_once()
                if started >= next_dial:  # the outbound dialer's pass, about once a second
                    next_dial = started + DIAL_EVERY_SECONDS
                    hopper.tick()
                    commit()
                    calls.settle_orphaned_caller_ends()
                    commit()
            except Exception:
                rollback()
                logger.exception("Dispatcher pass failed")
            finally:
                db.session.remove()
            stop.wait(max(0.0, interval - (time.monotonic() - started)))


def start_in_background(app: Flask) -> threading.Event:
    """``serve``'s starter: the local carrier (when it is the provider) and a dispatcher thread."""
    if (app.config.get("TELEPHONY_PROVIDER") or "local") == "local":
        from telephony.carrier import start_local_carrier

        start_local_carrier(app)
    stop = threading.Event()
    threading.Thread(target=run, args=(app, stop), name="telephony-dispatcher", daemon=True).start()
    logger.info("Telephony dispatcher running")
    return stop


# --- checking --------------------------------------------------------------------------------------

def disagreements() -> list[str]:
    """Where the database and the ACD disagree: an interaction offered or on the line that the ACD
    does not know, and a call the ACD routes whose interaction is missing or over."""
    acd = distributor()
    found = []
    live = db.session.execute(select(Interaction.id, Interaction.state).where(
        Interaction.state.in_(("queued", "offered", "in_progress", "held")))).all()
    live_ids = {row.id for row in live}
    for row in live:
        if row.state != "queued" and acd.call(row.id) is None:
            found.append(f"interaction {row.id} is {row.state} but the ACD does not route it")
    for raw in acd.client.smembers(f"{acd.prefix}calls"):
        call_id = int(raw)
        if call_id not in live_ids:
            found.append(f"the ACD routes call {call_id}, whose interaction is missing or over")
    return found + stuck_wrapups()


def stuck_wrapups(grace: timedelta = WRAPUP_GRACE) -> list[str]:
    """Interactions in wrap-up (ended more than ``grace`` ago) whose member the ACD offers calls to
    again: nothing would ever complete them (the dispatcher completes wrap-ups the ACD ends)."""
    rows = db.session.execute(select(Interaction.id, Interaction.member_id).where(
        Interaction.state == "wrapup", Interaction.member_id.is_not(None),
        Interaction.ended_at < utcnow() - grace)).all()
    acd, found = distributor(), []
    for row in rows:
        state = (acd.agent(row.member_id) or {}).get("st")
        if state in ("available", "offered"):
            found.append(f"interaction {row.id} is in wrap-up but the ACD has its member {row.member_id} {state}")
    return found


telephony_cli = AppGroup("telephony", help="The call distributor: run the dispatcher, check the ACD.")


@telephony_cli.command("dispatcher", help="Apply offer timeouts, heartbeats, escalations and offers, forever.")
@click.option("--interval", default=INTERVAL_SECONDS, type=float, help="Seconds between passes.")
def dispatcher_command(interval) -> None:
    stop = threading.Event()
    click.echo("Telephony dispatcher running (Ctrl-C to stop)")
    try:
        run(current_app._get_current_object(), stop, interval)
    except KeyboardInterrupt:
        stop.set()


@telephony_cli.command("check", help="Print the ACD's invariant violations (read in small batches, Redis never held) "
                                     "and where the ACD and the database disagree; exit 1 if there is any.")
def check_command() -> None:
    acd = distributor()
    problems = check_incrementally(acd.client, acd.prefix) + disagreements()
    for problem in problems:
        click.echo(problem)
    if problems:
        raise SystemExit(1)
    click.echo("ACD consistent")
