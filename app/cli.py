"""Command-line verbs of ``flask --app wsgi …``: users, demo data, the worker and the all-in-one server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from app.database import commit, rollback
from app.errors import AppError, field_text

DEMO_PASSWORD = "crowdline-demo"  # noqa: S105 - printed demo credentials, documented in the README

DEMO_ORG = "Lumen Mall (demo)"
DEMO_USERS = [
    # email, name, role, org
    ("admin@demo.crowdline.dev", "Ada Admin", "admin", None),
    ("ops@lumenmall.demo", "Li Wei (enterprise admin)", "enterprise_admin", DEMO_ORG),
    ("supervisor@lumenmall.demo", "Zhao Min (supervisor)", "enterprise_supervisor", DEMO_ORG),
    ("trainer@demo.crowdline.dev", "Tara Trainer", "trainer", None),
    ("auditor@demo.crowdline.dev", "Otto Auditor", "auditor", None),
    ("mei@members.demo", "Chen Mei", "member", None),
    ("raj@members.demo", "Raj Patel", "member", None),
    ("sofia@members.demo", "Sofia Reyes", "member", None),
]


# Steps that domains add to `seed-demo` (course content, certifications, demo progress, money…),
# run in ``order`` after the accounts exist. Each is a click command that is idempotent.
DEMO_STEPS: list[tuple[int, click.Command]] = []


# Background work that domains start inside `serve` (the embedded, one-machine way), each called
# with the app once before the web server runs: a dispatcher thread, an in-process carrier…
SERVE_STARTERS: list[Callable[[Flask], None]] = []


def add_serve_starter(starter: Callable[[Flask], None]) -> None:
    if starter not in SERVE_STARTERS:
        SERVE_STARTERS.append(starter)


def add_demo_step(command: click.Command, order: int = 50) -> None:
    if all(existing is not command for _order, existing in DEMO_STEPS):
        DEMO_STEPS.append((order, command))
        DEMO_STEPS.sort(key=lambda step: step[0])


def register(app: Flask) -> None:
    app.cli.add_command(users)
    app.cli.add_command(seed_demo)
    app.cli.add_command(worker)
    app.cli.add_command(serve)
    app.cli.add_command(scheduler)


@click.group(help="Manage user accounts.")
def users() -> None:
    pass


@users.command("create", help="Create a user with any role (trainer, auditor, admin, member, or an org role).")
@click.option("--email", required=True)
@click.option("--password", required=True, help="At least 10 characters.")
@click.option("--name", required=True)
@click.option("--role", required=True,
              type=click.Choice(["member", "trainer", "auditor", "admin", "enterprise_admin", "enterprise_supervisor"]))
@click.option("--org-id", type=int, default=None, help="For enterprise roles: the organization's id.")
@with_appcontext
def create_user_command(email, password, name, role, org_id) -> None:
    from app.auth import services

    try:
        user = services.create_user(email=email, password=password, name=name, role=role, org_id=org_id)
        commit()
    except AppError as exc:
        rollback()
        details = "; ".join(f"--{k}: {field_text(v)}" for k, v in exc.fields.items())
        raise click.ClickException(f"{exc.message} {details}".strip()) from exc
    click.echo(f"Created user {user.id} <{user.email}> with role {role}.")


@click.command("seed-demo", help="Load demo data (idempotent) and print the sign-in details.")
@with_appcontext
def seed_demo() -> None:
    from sqlalchemy import select

    from app.auth import services
    from app.auth.models import Organization
    from app.extensions import db

    org = db.session.scalar(select(Organization).where(Organization.name == DEMO_ORG))
    for email, name, role, org_name in DEMO_USERS:
        if services.find_user_by_email(email) is not None:
            continue
        if role == "enterprise_admin" and org is None:
            user = services.register_user(email=email, password=DEMO_PASSWORD, name=name, role="enterprise",
                                          org_name=org_name)
            org = user.membership.org
        else:
            services.create_user(email=email, password=DEMO_PASSWORD, name=name, role=role,
                                 org_id=org.id if org_name else None)
    commit()
    context = click.get_current_context()
    for _order, step in DEMO_STEPS:
        context.invoke(step)
    click.echo("Demo data ready. Sign in at http://127.0.0.1:5000/signin with any of:")
    width = max(len(e) for e, *_ in DEMO_USERS)
    for email, _name, role, _org in DEMO_USERS:
        click.echo(f"  {email.ljust(width)}  {DEMO_PASSWORD}  ({role})")


@click.command(help="Run an RQ worker for the named queues (default: all).")
@click.argument("queues", nargs=-1)
@click.option("--burst", is_flag=True, help="Stop when the queues are empty.")
@with_appcontext
def worker(queues, burst) -> None:
    from app.jobs import run_worker

    names = list(queues) or list(current_app.config["RQ_QUEUES"])
    unknown = set(names) - set(current_app.config["RQ_QUEUES"])
    if unknown:
        raise click.BadParameter(f"unknown queue(s): {', '.join(sorted(unknown))}")
    run_worker(names, burst=burst)


@click.command(help="Enqueue the periodic jobs when they are due (safe to run on several machines).")
@click.option("--poll", default=30.0, type=float, help="Seconds between passes.")
@with_appcontext
def scheduler(poll) -> None:
    from app.schedule import run_scheduler

    run_scheduler(current_app._get_current_object(), poll_seconds=poll)


@click.command(help="Serve the web app with a worker and the scheduler beside it (the embedded, one-machine way).")
@click.option("--host", default="127.0.0.1")
@click.option("--port", default=5000, type=int)
@with_appcontext
def serve(host, port) -> None:
    from app.extensions import redis_store

    app = current_app._get_current_object()
    url = redis_store.url(app)  # starts the embedded Redis when no REDIS_URL is configured
    env = dict(os.environ)
    env.setdefault("FLASK_APP", "wsgi")
    worker_proc = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker"], env=env)
    click.echo(f"Worker started (pid {worker_proc.pid}) on {url}")
    import threading

    from app.schedule import run_scheduler

    stop = threading.Event()
    threading.Thread(target=run_scheduler, args=(app, 30.0, stop), daemon=True, name="scheduler").start()
    for starter in SERVE_STARTERS:
        starter(app)
    try:
        from werkzeug.serving import run_simple

        click.echo(f"Crowdline on http://{host}:{port}/")
        run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)
    finally:
        stop.set()
        worker_proc.send_signal(signal.SIGTERM)
        try:
            worker_proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker_proc.kill()
