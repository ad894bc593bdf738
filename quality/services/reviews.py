"""People on the QA decision: a reviewer decides a call in review, item by item with reasons; a
member acknowledges a call's QA or disputes it once within the dispute window; a different
reviewer resolves the dispute. Every change is a signal (``qa_reviewed``, ``qa_disputed``,
``dispute_resolved``) that settles the earning and becomes a ledger entry."""

from __future__ import annotations

import logging

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import events
from app.auth.models import User
from app.errors import Conflict, Forbidden, NotFound, ValidationError
from app.extensions import db
from app.numbers import is_id
from app.timeutil import as_utc, utcnow
from quality import notices, queries
from quality.models import Dispute, QAResult, QAReview
from quality.services import policy
from telephony import campaigns

logger = logging.getLogger(__name__)
SENDER = "quality"
REASON_MAX = 2000


def rescore(items: list[dict]) -> int:
    """The score of item results, as the scorer computes it: passed points over applicable points
    × 100 (rounded half up); a failed card-wide automatic-fail item makes it 0, a failed
    section-wide one zeroes its section's points."""
    failed = [item for item in items if item.get("auto_fail") and item.get("passed") is False]
    if any(item["auto_fail"] != "section" for item in failed):
        return 0
    zeroed = {item.get("section") for item in failed}
    applicable = sum(int(item.get("points") or 0) for item in items if item.get("passed") is not None)
    earned = sum(int(item.get("points") or 0) for item in items
                 if item.get("passed") and item.get("section") not in zeroed)
    return (earned * 200 + applicable) // (2 * applicable) if applicable else 100


def _text(value, field: str, required: bool = True) -> str | None:
    value = (value or "").strip() if isinstance(value, str) or value is None else None
    if value is None:
        raise ValidationError(fields={field: _("Text is expected here.")})
    if required and not value:
        raise ValidationError(fields={field: _("Say why, in a few words.")})
    if len(value) > REASON_MAX:
        raise ValidationError(fields={field: _("At most %(count)d characters.", count=REASON_MAX)})
    return value or None


def _overridden(items: list[dict], overrides: dict) -> list[dict]:
    keys = {item["key"] for item in items}
    problems = {}
    for key, change in overrides.items():
        if key not in keys:
            problems[f"items.{key}"] = _("This call's scorecard has no such item.")
        elif not isinstance(change, dict) or change.get("passed") not in (True, False, None):
            problems[f"items.{key}"] = _("Say whether the item passed.")
        elif not str(change.get("reason") or "").strip():
            problems[f"items.{key}"] = _("Each change of an item needs a reason.")
    if problems:
        raise ValidationError(fields=problems)
    merged = []
    for item in items:
        change = overrides.get(item["key"])
        if change is not None and change.get("passed") != item.get("passed"):
            item = {**item, "passed": change["passed"], "override": {
                "was": item.get("passed"), "reason": str(change["reason"]).strip()[:REASON_MAX]}}
        merged.append(item)
    return merged


def review_call(reviewer: User, result_id: int, decision: str, reason: str | None,
                overrides: dict | None = None) -> QAResult:
    """A reviewer decides a call in review (approve or reject), changing items with reasons."""
    result = queries.result_for_reviewer(reviewer, result_id)
    if result.member_id == reviewer.id:
        raise Forbidden(_("Nobody reviews their own calls."))
    if decision not in ("approve", "reject"):
        raise ValidationError(fields={"decision": _("Either approve or reject.")})
    reason = _text(reason, "reason")
    overrides = overrides or {}
    if not isinstance(overrides, dict):
        raise ValidationError(fields={"items": _("Item changes are expected here.")})
    items = _overridden(result.items or [], overrides)
    locked = db.session.execute(select(QAResult).where(QAResult.id == result.id).with_for_update()
                                .execution_options(populate_existing=True)).scalar_one()
    if locked.state != "in_review":
        raise Conflict(_("This call was already decided."), code="qa_already_decided")
    previous = locked.score
    score = rescore(items) if items else previous
    review = QAReview(result_id=locked.id, reviewer_id=reviewer.id, kind="review",
                      overrides={k: v for k, v in overrides.items()}, score=score, decision=decision, reason=reason)
    db.session.add(review)
    now = utcnow()
    locked.items, locked.score, locked.decision = items, score, decision
    locked.state, locked.decided_at = "final", now
    db.session.flush()
    events.send(events.qa_reviewed, SENDER, interaction_id=locked.interaction_id, review_id=review.id,
                reviewer_id=reviewer.id, score=score, decision=decision, previous_score=previous,
                member_id=locked.member_id, campaign_id=locked.campaign_id, kind="review")
    notices.reviewed(locked, reason)
    logger.info("Interaction %s reviewed by %s: %s (%s)", locked.interaction_id, reviewer.id, decision, score)
    return locked


def acknowledge(member: User, result_id: int) -> QAResult:
    """The member has read the call's QA (once; again changes nothing)."""
    result = queries.own_result(member, result_id)
    if result.acknowledged_at is None:
        result.acknowledged_at = utcnow()
        db.session.flush()
    return result


def disputable(result: QAResult) -> bool:
    """A decided call that was rejected or scored below the campaign's approval score."""
    if result.state != "final":
        return False
    found = campaigns.campaign(result.campaign_id)
    limit = found.qa_auto_approve if found is not None else 80
    return result.decision == "reject" or (result.score is not None and result.score < limit)


def dispute_open_until(result: QAResult):
    return as_utc(result.decided_at) + policy.DISPUTE_WINDOW if result.decided_at else None


def file_dispute(member: User, result_id: int, comment: str | None) -> Dispute:
    """The member contests a rejected or low-scored call: once, within the dispute window."""
    result = queries.own_result(member, result_id)
    comment = _text(comment, "comment")
    if queries.dispute_of(result.id) is not None:
        raise Conflict(_("You have already disputed this call."), code="already_disputed")
    if result.state != "final":
        raise Conflict(_("This call is still waiting for a reviewer; you can dispute it once it is decided."),
                       code="qa_not_decided")
    if not disputable(result):
        raise Conflict(_("Only a rejected or low-scored call can be disputed."), code="not_disputable")
    if utcnow() > dispute_open_until(result):
        raise Conflict(_("The %(days)d days to dispute this call have passed.", days=policy.DISPUTE_WINDOW.days),
                       code="dispute_window_closed")
    dispute = Dispute(result_id=result.id, member_id=member.id, comment=comment, state="open",
                      previous_decision=result.decision, previous_score=result.score)
    try:
        with db.session.begin_nested():
            db.session.add(dispute)
            db.session.flush()
    except IntegrityError:
        raise Conflict(_("You have already disputed this call."), code="already_disputed") from None
    events.send(events.qa_disputed, SENDER, interaction_id=result.interaction_id, dispute_id=dispute.id,
                member_id=member.id)
    logger.info("Interaction %s disputed by member %s", result.interaction_id, member.id)
    return dispute


def dispute_for_reviewer(reviewer: User, dispute_id: int) -> tuple[Dispute, QAResult]:
    dispute = db.session.get(Dispute, dispute_id) if is_id(dispute_id) else None
    if not queries.is_reviewer(reviewer):
        raise Forbidden()
    if dispute is None:
        raise NotFound()
    return dispute, queries.result_for_reviewer(reviewer, dispute.result_id)


def resolve_dispute(reviewer: User, dispute_id: int, outcome: str, reason: str | None,
                    score: int | None = None) -> Dispute:
    """A reviewer other than the call's own decides the dispute. Upheld: the call is approved (its
    earning paid) and its score corrected; rejected: the decision stands."""
    dispute, result = dispute_for_reviewer(reviewer, dispute_id)
    if outcome not in ("upheld", "rejected"):
        raise ValidationError(fields={"outcome": _("Either upheld or rejected.")})
    if score is not None and (isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100):
        raise ValidationError(fields={"score": _("A whole number from 0 to 100.")})
    reason = _text(reason, "reason")
    if result.member_id == reviewer.id:
        raise Forbidden(_("Nobody decides a dispute of their own call."))
    reviewers = set(db.session.scalars(select(QAReview.reviewer_id).where(
        QAReview.result_id == result.id, QAReview.kind == "review")))
    if reviewer.id in reviewers:
        raise Forbidden(_("A different reviewer must decide this dispute: you reviewed the call."))
    dispute = db.session.execute(select(Dispute).where(Dispute.id == dispute.id).with_for_update()
                                 .execution_options(populate_existing=True)).scalar_one()
    if dispute.state != "open":
        raise Conflict(_("This dispute was already decided."), code="dispute_decided")
    now = utcnow()
    previous = result.score
    dispute.state, dispute.resolver_id, dispute.resolution, dispute.resolved_at = outcome, reviewer.id, reason, now
    decision = result.decision
    if outcome == "upheld":
        found = campaigns.campaign(result.campaign_id)
        corrected = score if score is not None else max(previous or 0, found.qa_auto_approve if found else 80)
        decision = "approve"
        db.session.add(QAReview(result_id=result.id, reviewer_id=reviewer.id, kind="dispute", overrides={},
                                score=corrected, decision="approve", reason=reason))
        result.score, result.decision, result.decided_at = corrected, "approve", now
    db.session.flush()
    events.send(events.dispute_resolved, SENDER, dispute_id=dispute.id, interaction_id=result.interaction_id,
                resolver_id=reviewer.id, outcome=outcome, decision=decision, score=result.score,
                previous_score=previous, member_id=result.member_id)
    notices.dispute_resolved(result, outcome, reason)
    logger.info("Dispute %s %s by %s", dispute.id, outcome, reviewer.id)
    return dispute
