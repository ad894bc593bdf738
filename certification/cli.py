"""``flask --app wsgi certification …``: load the definitions, run the nightly batch, export credentials."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import click
from flask.cli import with_appcontext

from academy.cli import pass_quiz
from academy.services import content_dir
from app.auth.models import User
from app.auth.services import find_user_by_email
from app.database import commit
from app.extensions import db
from app.timeutil import utcnow
from certification import services
from certification.issuer import credential_for
from certification.models import CertificationGrant
from certification.tasks import recompute_everyone


@click.group(help="Certifications, skill tags and tiers.")
def certification() -> None:
    pass


@certification.command("load", help="Create or update the certifications from academy/content/certifications.json.")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False), default=None)
@with_appcontext
def load_command(path) -> None:
    file = Path(path) if path else content_dir() / "certifications.json"
    if not file.exists():
        raise click.ClickException(f"{file} does not exist")
    for doc in json.loads(file.read_text(encoding="utf-8")):
        cert = services.load_definition(doc)
        click.echo(f"Certification {cert.key} ready (id {cert.id}).")
    commit()


@certification.command("recompute", help="Expire due grants and recompute every member's tags and tier now.")
@with_appcontext
def recompute_command() -> None:
    count = recompute_everyone()
    commit()
    click.echo(f"Recomputed {count} members.")


@certification.command("export", help="Print a grant as a signed Open Badges 3.0 credential.")
@click.argument("grant_id", type=int)
@with_appcontext
def export_command(grant_id) -> None:
    row = db.session.get(CertificationGrant, grant_id)
    if row is None:
        raise click.ClickException("no such grant")
    click.echo(json.dumps(credential_for(row, db.session.get(User, row.member_id).name), indent=2,
                          ensure_ascii=False))


@certification.command("seed-demo-progress",
                       help="Certify the most advanced demo member and compute every demo member's tags (idempotent).")
@with_appcontext
def seed_demo_progress() -> None:
    trainer = find_user_by_email("trainer@demo.crowdline.dev")
    members = [find_user_by_email(e) for e in ("mei@members.demo", "raj@members.demo", "sofia@members.demo")]
    members = [m for m in members if m is not None]
    for member in members:
        for cert in services.all_certifications():
            if services.active_grant(member.id, cert.id) or cert.exam_quiz_id is None:
                continue
            status = services.requirements(member, cert)
            if any(not done for done in status["courses"].values()):
                continue  # only members who finished the courses sit the exam
            if not status["exam"]["passed"]:
                pass_quiz(member, cert.exam_quiz_id, utcnow() - timedelta(minutes=3))
            if cert.practical_required and services.practical_status(member.id, cert) == "not_submitted":
                row = services.submit_practical(
                    member, cert, "Agent: Thank you for calling, this is Mei. I understand how frustrating a late "
                    "parcel is. Let me check the tracking for you right now. Customer: Thanks. Agent: It left the "
                    "depot this morning; I have set a delivery-day reminder and will call you back by 6 pm.")
                if trainer is not None:
                    services.grade_practical(row.id, grader=trainer, feedback="Warm, clear and complete.",
                                             scores={c["key"]: int(c["max_points"]) for c in cert.practical_rubric})
    commit()
    services.recompute_tags([m.id for m in members])
    commit()
    for member in members:
        tier = services.member_tier(member.id)
        click.echo(f"{member.email}: tier {tier['tier']} ({tier['score']}), "
                   f"{len(services.member_tags(member.id))} tags, {tier['active_certifications']} certifications")
