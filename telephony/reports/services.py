"""Keeping the report aggregates: an interaction's fact is (re)applied whenever the interaction,
its QA decision or its CSAT score changes, and only the difference from what was applied before
reaches the buckets — so a replayed completion, a repeated signal or a rebuild counts once."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from app.database import on_postgresql
from app.extensions import db
from telephony import campaigns
from telephony.models import Interaction
from telephony.reports import figures
from telephony.reports.models import MemberReportBucket, ReportBucket, ReportFact

logger = logging.getLogger(__name__)

_MEMBER_KEY = "_member"  # in a stored contribution: the member whose buckets it went to


def customer_key(interaction: Interaction) -> str | None:
    """Who the customer is, without their number: the caller's keyed hash, or the callee's contact."""
    if interaction.customer_phone_hash:
        return interaction.customer_phone_hash
    if interaction.contact_id is not None:
        return f"contact:{interaction.contact_id}"
    return None


def contribution_of(interaction: Interaction, fact: ReportFact, rules: figures.Rules, followed: bool) -> dict:
    return figures.contribution(
        direction=interaction.direction, state=interaction.state, answered=interaction.answered_at is not None,
        wait_seconds=interaction.wait_seconds, talk_seconds=interaction.talk_seconds,
        hold_seconds=interaction.hold_seconds, wrapup_seconds=interaction.wrapup_seconds,
        disposition=interaction.disposition, outcome=interaction.outcome, member_id=interaction.member_id,
        rules=rules, qa_score=fact.qa_score, qa_decision=fact.qa_decision, csat_score=fact.csat_score,
        followed=followed)


def _add_to(model, keys: dict, delta: dict[str, int]) -> None:
    """``delta`` added to one bucket row, created on first use (one atomic upsert)."""
    if not delta:
        return
    table = model.__table__
    insert = postgresql.insert(table) if on_postgresql() else sqlite.insert(table)
    statement = insert.values(**keys, **delta).on_conflict_do_update(
        index_elements=list(keys), set_={name: table.c[name] + insert.excluded[name] for name in delta})
    db.session.execute(statement)


def _apply(fact: ReportFact, new: dict[str, int], member_id: int | None) -> None:
    old = dict(fact.contribution or {})
    old_member = old.pop(_MEMBER_KEY, None)
    _add_to(ReportBucket, {"campaign_id": fact.campaign_id, "bucket": fact.bucket}, figures.difference(new, old))
    if old_member == member_id:
        if member_id is not None:
            _add_to(MemberReportBucket, {"member_id": member_id, "campaign_id": fact.campaign_id,
                                         "bucket": fact.bucket}, figures.difference(new, old))
    else:  # a transfer moved the call to another member: out of the first one's figures
        if old_member is not None:
            _add_to(MemberReportBucket, {"member_id": old_member, "campaign_id": fact.campaign_id,
                                         "bucket": fact.bucket}, figures.difference({}, old))
        if member_id is not None:
            _add_to(MemberReportBucket, {"member_id": member_id, "campaign_id": fact.campaign_id,
                                         "bucket": fact.bucket}, figures.difference(new, {}))
    fact.contribution = {**new, _MEMBER_KEY: member_id}
    fact.member_id = member_id


def _fact(interaction: Interaction) -> tuple[ReportFact, bool]:
    """The interaction's fact, row locked; created (empty) on first use."""
    fact = db.session.execute(select(ReportFact).where(ReportFact.interaction_id == interaction.id)
                              .with_for_update()).scalar_one_or_none()
    if fact is not None:
        return fact, False
    fact = ReportFact(interaction_id=interaction.id, campaign_id=interaction.campaign_id,
                      bucket=figures.bucket_of(interaction.queued_at), queued_at=interaction.queued_at,
                      customer_key=customer_key(interaction), contribution={})
    db.session.add(fact)
    db.session.flush()
    return fact, True


def _contacts_within(fact: ReportFact, start: datetime, end: datetime) -> list[ReportFact]:
    """The same customer's other facts on the campaign queued in ``[start, end]``."""
    return list(db.session.scalars(select(ReportFact).where(
        ReportFact.campaign_id == fact.campaign_id, ReportFact.customer_key == fact.customer_key,
        ReportFact.queued_at >= start, ReportFact.queued_at <= end,
        ReportFact.interaction_id != fact.interaction_id).order_by(ReportFact.interaction_id)))


def _followed(fact: ReportFact) -> bool:
    """Did the customer contact the campaign again within 7 days after this contact?"""
    if fact.customer_key is None:
        return False
    return any(other.queued_at > fact.queued_at or (other.queued_at == fact.queued_at
                                                    and other.interaction_id > fact.interaction_id)
               for other in _contacts_within(fact, fact.queued_at, fact.queued_at + figures.REPEAT_WINDOW))


def apply_interaction(interaction_id: int) -> None:
    """Bring the interaction's share of its campaign's (and member's) figures up to date. A new
    contact from a customer seen in the last 7 days marks the earlier contacts as not resolved."""
    interaction = db.session.get(Interaction, interaction_id)
    if interaction is None:
        return
    fact, created = _fact(interaction)
    rules = figures.rules_of(campaigns.campaign(interaction.campaign_id))
    _apply(fact, contribution_of(interaction, fact, rules, _followed(fact)), interaction.member_id)
    if created and fact.customer_key is not None:
        for earlier in _contacts_within(fact, fact.queued_at - figures.REPEAT_WINDOW, fact.queued_at):
            if earlier.interaction_id != fact.interaction_id and earlier.contribution.get("handled") \
                    and not earlier.contribution.get("repeated"):
                _reapply(earlier, rules)


def _reapply(fact: ReportFact, rules: figures.Rules) -> None:
    interaction = db.session.get(Interaction, fact.interaction_id)
    locked = db.session.execute(select(ReportFact).where(ReportFact.interaction_id == fact.interaction_id)
                                .with_for_update()).scalar_one()
    _apply(locked, contribution_of(interaction, locked, rules, _followed(locked)), interaction.member_id)


def record_qa(interaction_id: int, score: int | float | None, decision: str | None) -> None:
    """The interaction's QA decision (a later review replaces it)."""
    interaction = db.session.get(Interaction, interaction_id)
    if interaction is None:
        return
    fact, _created = _fact(interaction)
    fact.qa_score = None if score is None else round(score)
    fact.qa_decision = decision if decision in figures.QA_DECISIONS else None
    apply_interaction(interaction_id)


def record_csat(interaction_id: int, score: int) -> None:
    """The customer's satisfaction score for the interaction (a later answer replaces it)."""
    interaction = db.session.get(Interaction, interaction_id)
    if interaction is None:
        return
    fact, _created = _fact(interaction)
    fact.csat_score = int(score)
    apply_interaction(interaction_id)


def rebuild_campaign(campaign_id: int, batch: int = 2000) -> int:
    """Apply every interaction of the campaign (a backfill for interactions older than the
    aggregates, or a repair): facts already up to date change nothing. Returns the number applied."""
    last, done = 0, 0
    while True:
        ids = list(db.session.scalars(select(Interaction.id).where(
            Interaction.campaign_id == campaign_id, Interaction.id > last).order_by(Interaction.id).limit(batch)))
        if not ids:
            break
        for interaction_id in ids:
            apply_interaction(interaction_id)
        last, done = ids[-1], done + len(ids)
        db.session.flush()
    logger.info("Report aggregates of campaign %s rebuilt from %s interactions", campaign_id, done)
    return done
