"""Rescoring, explicitly and audited: an enterprise admin or a trainer scores a campaign's
already-scored calls again against the campaign's current scorecard version (one call, or the
calls that ended within a date range, as a job).

Never silent: each call rescored sends ``qa_rescored`` (a ledger entry) with who, the old and new
score, decision and scorecard version. Money stays right and is settled once: a decision that
changes while the call's earning is still pending is settled through the gate's own keys (approve
or reverse, once each); once an earning was settled (approved, reversed or reinstated) a changed
decision cannot be made money-safe here, so such a call keeps its score and decision
(``kept_settled``) and the summary says how many. Calls a person decided (a review or a dispute)
and calls the scorer could not judge (no transcript) are left as they are."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from app import events
from app.auth.models import User
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.jobs import enqueue, report_progress
from app.timeutil import utcnow
from payouts.models import Transfer
from quality import notices, scoring
from quality.models import Dispute, QAResult, QAReview, Rescoring
from quality.services import gate, policy, scorecards
from telephony import campaigns
from telephony.models import Interaction
from telephony.transcripts import load_transcript

logger = logging.getLogger(__name__)
SENDER = "quality"
SETTLED = ("earning_approved", "earning_reversed", "earning_reinstated")
MAX_CALLS = 20000  # one job rescores at most this many calls (the oldest first); run it again for more
OUTCOMES = ("rescored", "unchanged", "kept_settled", "kept_reviewed", "unjudged")
PROGRESS_EVERY = 25  # calls between two progress reports of the job


def check_request(user: User, campaign_id: int, interaction_id: int | None, start: date | None,
                  end: date | None):
    """The campaign (403 for a role that may not rescore, 404 for another tenant's) after checking
    what to rescore: one call of it that was scored, or a date range that does not run backwards."""
    found = scorecards.editable_campaign(user, campaign_id)
    if interaction_id is not None and (start is not None or end is not None):
        raise ValidationError(fields={"interaction_id": _("Give either one call or a date range, not both.")})
    if interaction_id is None and start is None and end is None:
        raise ValidationError(fields={"from": _("Give one call or a date range to rescore.")})
    if start is not None and end is not None and end < start:
        raise ValidationError(fields={"to": _("The end of the range must not be before its start.")})
    if interaction_id is not None:
        result = db.session.scalar(select(QAResult).where(QAResult.interaction_id == interaction_id,
                                                          QAResult.campaign_id == found.id))
        if result is None:
            raise NotFound(_("This campaign has no scored call with this number."))
    return found


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def results_to_rescore(campaign_id: int, interaction_id: int | None = None, start: date | None = None,
                       end: date | None = None) -> list[int]:
    """The ids of the campaign's scored calls asked for: one, or those that ended within the range
    (whole UTC days, both ends included)."""
    stmt = select(QAResult.id).where(QAResult.campaign_id == campaign_id)
    if interaction_id is not None:
        stmt = stmt.where(QAResult.interaction_id == interaction_id)
    else:
        stmt = stmt.join(Interaction, Interaction.id == QAResult.interaction_id)
        if start is not None:
            stmt = stmt.where(Interaction.ended_at >= _day_start(start))
        if end is not None:
            stmt = stmt.where(Interaction.ended_at < _day_start(end + timedelta(days=1)))
    return list(db.session.scalars(stmt.order_by(QAResult.id).limit(MAX_CALLS)))


def _settled(interaction_id: int) -> bool:
    return db.session.scalar(select(Transfer.id).where(Transfer.interaction_id == interaction_id,
                                                       Transfer.reason.in_(SETTLED)).limit(1)) is not None


def _decided_by_a_person(result: QAResult) -> bool:
    reviewed = db.session.scalar(select(QAReview.id).where(QAReview.result_id == result.id,
                                                           QAReview.kind.in_(("review", "dispute"))).limit(1))
    disputed = db.session.scalar(select(Dispute.id).where(Dispute.result_id == result.id).limit(1))
    return reviewed is not None or disputed is not None


def rescore_result(actor_id: int | None, result_id: int) -> str:
    """Rescore one call against its campaign's current scorecard; the outcome (one of ``OUTCOMES``)."""
    return _rescore_one(actor_id, result_id)[0]


def _rescore_one(actor_id: int | None, result_id: int) -> tuple[str, bool, str | None]:
    """Rescore one call: its outcome, whether its decision changed, and how the new decision settled
    its pending earning (``paid`` to the member, ``refunded`` to the campaign, or None: nothing moved)."""
    from marketplace.qa.services import record_qa_score, settle_earning

    result = db.session.scalar(select(QAResult).where(QAResult.id == result_id).with_for_update())
    if result is None or (result.problem and result.problem != gate.SUSPECTED):
        return "unjudged", False, None
    if _decided_by_a_person(result):
        return "kept_reviewed", False, None
    interaction = db.session.get(Interaction, result.interaction_id)
    document = load_transcript(interaction.transcript_ref) if interaction and interaction.transcript_ref else None
    raw = (document or {}).get("utterances") or []
    found = campaigns.campaign(result.campaign_id)
    card = gate.current_scorecard(result.campaign_id)
    if not raw or found is None:
        return "unjudged", False, None
    try:
        outcome = gate.run_scorer(card.spec if card else scoring.STANDARD, raw, (document or {}).get("language"),
                                  disposition=interaction.disposition, thresholds=policy.thresholds(found))
    except scoring.TranscriptError:
        return "unjudged", False, None
    problem, decision = gate.hold_suspected(outcome, policy.review_suspected(found))
    before = {"previous_score": result.score, "previous_decision": result.decision,
              "previous_version": result.scorecard_version}
    version = card.version if card else 0
    changed = decision != result.decision
    settlement = None
    if changed and _settled(result.interaction_id):
        verdict = "kept_settled"
        logger.info("Interaction %s not rescored: its earning is settled and the decision would change",
                    result.interaction_id)
    elif (outcome["score"], decision, version) == (result.score, result.decision, result.scorecard_version):
        verdict = "unchanged"
    else:
        verdict = "rescored"
        now = utcnow()
        result.scorecard_id, result.scorecard_version = (card.id if card else None), version
        result.language, result.items, result.matcher = outcome["language"], outcome["items"], outcome["matcher"]
        result.problem = problem
        result.auto_score = result.score = outcome["score"]
        result.auto_decision = result.decision = decision
        result.auto_failed = bool(outcome.get("auto_failed"))
        if changed:
            if decision == "review":
                result.state, result.decided_at = "in_review", None
                result.review_due_at = now + policy.review_window(found)
            else:
                result.state, result.decided_at, result.review_due_at = "final", now, None
        db.session.flush()
        if before["previous_score"] is not None and result.score != before["previous_score"]:
            record_qa_score(result.member_id, result.score, before["previous_score"])
        if changed:
            transfer = settle_earning(result.interaction_id, result.decision)  # once: the gate's idempotency keys
            if transfer is not None:
                settlement = "refunded" if result.decision == "reject" else "paid"
            if result.decision == "reject":
                notices.rejected(result)
    if verdict != "unchanged":
        events.send(events.qa_rescored, SENDER, interaction_id=result.interaction_id,
                    campaign_id=result.campaign_id, member_id=result.member_id, actor_id=actor_id, outcome=verdict,
                    score=outcome["score"], decision=decision, scorecard_version=version,
                    previous_score=before["previous_score"], previous_decision=before["previous_decision"],
                    previous_version=before["previous_version"])
    return verdict, verdict == "rescored" and changed, settlement


def rescore(actor_id: int | None, campaign_id: int, interaction_id: int | None = None, start: date | None = None,
            end: date | None = None, run_id: int | None = None) -> dict:
    """Rescore the calls asked for, reporting the job's progress as it goes: how many had each
    outcome (``OUTCOMES``), out of how many (``total``), how many decisions changed, and how many
    pending earnings the changed decisions settled (``earnings_paid`` to the member,
    ``earnings_refunded`` to the campaign). With ``run_id``, the run's record keeps that summary."""
    summary = {**dict.fromkeys(OUTCOMES, 0), "total": 0, "decisions_changed": 0, "earnings_paid": 0,
               "earnings_refunded": 0}
    result_ids = results_to_rescore(campaign_id, interaction_id, start, end)
    summary["total"] = len(result_ids)
    report_progress(0, len(result_ids))
    for done, result_id in enumerate(result_ids, start=1):
        with db.session.begin_nested():
            verdict, changed, settlement = _rescore_one(actor_id, result_id)
        summary[verdict] += 1
        summary["decisions_changed"] += int(changed)
        if settlement is not None:
            summary["earnings_" + settlement] += 1
        if done % PROGRESS_EVERY == 0 or done == len(result_ids):
            report_progress(done, len(result_ids))
    run = db.session.get(Rescoring, run_id) if run_id is not None else None
    if run is not None:
        run.state, run.summary, run.finished_at = "done", summary, utcnow()
        db.session.flush()
    logger.info("Campaign %s rescored by %s: %s", campaign_id, actor_id, summary)
    return summary


def record_failure(run_id: int, error: str) -> None:
    """The run's job failed: its record says so (the calls it rescored before are rolled back with it)."""
    run = db.session.get(Rescoring, run_id)
    if run is not None and run.state == "queued":
        run.state, run.error, run.finished_at = "failed", error[:500], utcnow()
        db.session.flush()


def start_job(user: User, campaign_id: int, interaction_id: int | None = None, start: date | None = None,
              end: date | None = None) -> str:
    """Check the request (see ``check_request``), record the run and queue its job, after the
    commit; the job's id."""
    found = check_request(user, campaign_id, interaction_id, start, end)
    run = Rescoring(org_id=found.org_id, campaign_id=found.id, started_by_id=user.id,
                    interaction_id=interaction_id, start_day=start, end_day=end, state="queued")
    db.session.add(run)
    db.session.flush()
    run.job_id = enqueue("quality.tasks.rescore_calls", user.id, found.id, interaction_id,
                         start.isoformat() if start else None, end.isoformat() if end else None, run_id=run.id,
                         owner_id=user.id, description="QA rescoring")
    db.session.flush()
    logger.info("Rescoring %s of campaign %s started by %s", run.id, found.id, user.id)
    return run.job_id
