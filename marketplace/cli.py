"""``seed-demo`` for the marketplace: a Double-11 inbound peak and a callback campaign, published
with their shifts, members' work profiles and a few claims."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from app.auth.models import Organization
from app.auth.services import find_user_by_email
from app.cli import DEMO_ORG
from app.database import commit
from app.errors import AppError
from app.extensions import db
from app.timeutil import utcnow, zone
from marketplace.campaigns import services
from marketplace.campaigns.queries import campaign_json
from marketplace.campaigns.schemas import CampaignIn
from marketplace.members.profiles import update_profile
from marketplace.models import Campaign, Shift
from marketplace.shifts.claims import claim_seat

PEAK = "Double 11 peak (demo)"
CALLBACKS = "Satisfaction callbacks (demo)"
PROFILES = {"mei@members.demo": (["zh", "en"], "Shanghai"), "raj@members.demo": (["en"], "Guangdong"),
            "sofia@members.demo": (["en", "zh"], "Guangdong")}


def _peak(start: datetime) -> dict:
    """Tomorrow 09:00–21:00 in Shanghai: a morning ramp, a lunch dip, an evening spike."""
    shape = [60, 90, 140, 200, 260, 300, 280, 240, 180, 160, 170, 210, 260, 330, 420, 520, 600, 640, 600, 520,
             420, 320, 220, 150]
    return {
        "kind": "inbound", "name": PEAK, "industry": "ecommerce", "time_zone": "Asia/Shanghai",
        "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=12)).isoformat(),
        "currency": "CNY", "budget": 2_000_000, "pay_per_call": 350, "pay_per_shift_hour": 1200,
        "success_bonus": 0, "qa_auto_approve": 85, "qa_review_from": 60, "slot_minutes": 60,
        "requirements": {"certifications": ["ecommerce_after_sales_l1"], "languages": ["zh"]},
        "inbound": {"interval_minutes": 30, "aht_seconds": 210, "target_service_level": 0.8,
                    "target_answer_seconds": 20, "max_occupancy": 0.85, "shrinkage": 0.3, "patience_seconds": None,
                    "forecast": [{"start": (start + timedelta(minutes=30 * i)).isoformat(), "calls": calls}
                                 for i, calls in enumerate(shape)]},
    }


def _callbacks(start: datetime) -> dict:
    return {
        "kind": "outbound", "name": CALLBACKS, "industry": "ecommerce", "time_zone": "Asia/Shanghai",
        "starts_at": start.isoformat(), "ends_at": (start + timedelta(days=7)).isoformat(),
        "currency": "CNY", "budget": 600_000, "pay_per_call": 150, "success_bonus": 100,
        "slot_minutes": 120, "requirements": {"min_reliability": 60},
        "outbound": {"purpose": "satisfaction_callback",
                     "script": "您好，我是 Lumen Mall 的客服，想了解一下您对最近一次订单的满意度，大约需要两分钟。",
                     "survey_questions": ["How satisfied are you with the delivery (1-5)?",
                                          "Would you recommend Lumen Mall to a friend (0-10)?"],
                     "dispositions": [
                         {"code": "completed", "label": "Survey completed", "outcome": "success"},
                         {"code": "no_answer", "label": "No answer", "outcome": "retry", "retry_delay_minutes": 120},
                         {"code": "busy", "label": "Busy / call back", "outcome": "retry", "retry_delay_minutes": 30},
                         {"code": "opt_out", "label": "Do not call again", "outcome": "final"},
                         {"code": "wrong_number", "label": "Wrong number", "outcome": "final"}],
                     "calling_windows": [{"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "20:00"},
                                         {"days": [5, 6], "start": "10:00", "end": "18:00"}],
                     "max_attempts": 3, "handle_seconds": 240, "contact_rate": 0.4, "expected_contacts": 1500},
    }


@click.command("seed-demo-marketplace", help="Publish the demo campaigns with their shifts (idempotent).")
@with_appcontext
def seed_demo_campaigns() -> None:
    org = db.session.scalar(select(Organization).where(Organization.name == DEMO_ORG))
    admin = find_user_by_email("ops@lumenmall.demo")
    if org is None or admin is None:
        click.echo("No demo organization: run seed-demo first.")
        return
    for email, (languages, region) in PROFILES.items():
        member = find_user_by_email(email)
        if member is not None:
            update_profile(member, languages=languages, region=region)
    commit()
    existing = {c.name for c in db.session.scalars(select(Campaign).where(Campaign.org_id == org.id))}
    tomorrow = (utcnow().astimezone(zone("Asia/Shanghai")) + timedelta(days=1)).date()
    opens = datetime.combine(tomorrow, time(9, 0), zone("Asia/Shanghai"))
    with current_app.test_request_context():
        for name, body in ((PEAK, _peak(opens)), (CALLBACKS, _callbacks(opens))):
            if name in existing:
                click.echo(f"{name}: already there.")
                continue
            campaign = services.create_campaign(org.id, admin.id, CampaignIn().load(body))
            try:
                services.publish_campaign(campaign, admin.id)
            except AppError as exc:
                commit()
                click.echo(f"{name}: created as a draft ({exc.message}).")
                continue
            commit()
            fill = campaign_json(campaign)["fill"]
            click.echo(f"{name}: published with {fill['seats']} seats.")
        callbacks = db.session.scalar(select(Campaign).where(Campaign.org_id == org.id, Campaign.name == CALLBACKS))
        raj = find_user_by_email("raj@members.demo")
        if callbacks is not None and raj is not None and callbacks.state == "published":
            first = db.session.scalars(select(Shift).where(Shift.campaign_id == callbacks.id, Shift.state == "open")
                                       .order_by(Shift.starts_at).limit(2)).all()
            for shift in first:
                try:
                    claim_seat(raj, shift.id, confirm=True)
                    commit()
                except AppError:
                    db.session.rollback()
