"""Reading interactions: who may see which, the list with its filters, and their JSON.

Tenancy: an admin sees every interaction, an enterprise user those of their organization's
campaigns, a member those they handled (or were offered). Anything else is not found."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select, false, or_, select

from app.auth.guards import is_platform_staff
from app.auth.models import ORG_ROLES, User
from app.errors import NotFound
from app.extensions import db
from app.numbers import is_id
from app.paging import paginate
from telephony import campaigns, lifecycle
from telephony.earnings import earning_of
from telephony.models import Interaction, InteractionEvent


def visible_interactions(user: User) -> Select:
    """The interactions ``user`` may read."""
    stmt = select(Interaction)
    if is_platform_staff(user):
        return stmt
    allowed = []
    if user.has_role(*ORG_ROLES) and user.org_id is not None:
        allowed.append(Interaction.org_id == user.org_id)
    if user.has_role("member"):
        allowed.append(Interaction.member_id == user.id)
    return stmt.where(or_(*allowed) if allowed else false())


def visible_interaction(user: User, interaction_id: int) -> Interaction:
    """One interaction ``user`` may read; 404 if it is missing or another tenant's."""
    if not is_id(interaction_id):
        raise NotFound()
    found = db.session.scalar(visible_interactions(user).where(Interaction.id == interaction_id))
    if found is None:
        raise NotFound()
    return found


def find_by_call_sid(provider: str, call_sid: str) -> Interaction | None:
    """The interaction of a provider call id, customer's leg or agent's (webhooks start here)."""
    return db.session.scalar(select(Interaction).where(
        Interaction.provider == provider,
        (Interaction.customer_call_sid == call_sid) | (Interaction.agent_call_sid == call_sid)))


def list_interactions(user: User, *, campaign_id=None, member_id=None, state=None, queued_from=None,
                      queued_to=None, limit: int = 20, cursor: str | None = None) -> dict:
    """A page of the interactions ``user`` may read, newest first, filtered."""
    stmt = visible_interactions(user)
    if campaign_id is not None:
        stmt = stmt.where(Interaction.campaign_id == campaign_id)
    if member_id is not None:
        stmt = stmt.where(Interaction.member_id == member_id)
    if state is not None:
        stmt = stmt.where(Interaction.state == state)
    if queued_from is not None:
        stmt = stmt.where(Interaction.queued_at >= queued_from)
    if queued_to is not None:
        stmt = stmt.where(Interaction.queued_at < queued_to)
    return paginate(stmt, Interaction.id, limit=limit, cursor=cursor, serialize=interaction_json)


def current_durations(interaction: Interaction) -> dict:
    """The stored durations of a final interaction; those of the timeline so far otherwise."""
    if lifecycle.is_final(interaction.state):
        talk, wrapup = interaction.talk_seconds, interaction.wrapup_seconds
        hold = interaction.hold_seconds if interaction.answered_at is not None else None
        return {"wait": interaction.wait_seconds, "ring": interaction.ring_seconds, "talk": talk, "hold": hold,
                "wrapup": wrapup, "handle": interaction.handle_seconds}
    return lifecycle.durations(queued_at=interaction.queued_at, offered_at=interaction.offered_at,
                               answered_at=interaction.answered_at, ended_at=interaction.ended_at,
                               wrapup_ended_at=interaction.wrapup_ended_at, hold_seconds=interaction.hold_seconds,
                               held_since=interaction.held_since).as_dict()


def _disposition(interaction: Interaction) -> dict | None:
    if interaction.disposition is None:
        return None
    found = campaigns.campaign(interaction.campaign_id)
    known = next((d for d in campaigns.dispositions_of(found) if d.get("code") == interaction.disposition), {})
    return {"code": interaction.disposition, "label": known.get("label"), "outcome": interaction.outcome,
            "notes": interaction.disposition_notes}


def timeline(interaction_id: int) -> list[dict]:
    events = db.session.scalars(select(InteractionEvent).where(InteractionEvent.interaction_id == interaction_id)
                                .order_by(InteractionEvent.at, InteractionEvent.id))
    return [{"kind": e.kind, "at": e.at, "member_id": e.member_id, "detail": e.detail or {}} for e in events]


# Quality registers here how an interaction's QA decision reads (telephony cannot import quality).
QA_SUMMARY: list[Callable[[int], dict | None]] = []


def interaction_json(interaction: Interaction, *, detail: bool = False) -> dict:
    body = {name: getattr(interaction, name) for name in (
        "id", "campaign_id", "member_id", "direction", "channel", "state", "queued_at", "offered_at", "answered_at",
        "ended_at", "wrapup_ended_at", "outcome", "provider", "customer_call_sid", "agent_call_sid",
        "recording_ref", "transcript_ref", "transfer_state")}
    body["durations"] = current_durations(interaction)
    body["disposition"] = _disposition(interaction)
    body["survey_answers"] = list(interaction.survey_answers or [])
    body["customer"] = {"masked": interaction.customer_masked, "contact_id": interaction.contact_id}
    body["earning"] = earning_of(interaction)
    body["qa"] = QA_SUMMARY[0](interaction.id) if QA_SUMMARY else None
    if detail:
        body["timeline"] = timeline(interaction.id)
    return body
