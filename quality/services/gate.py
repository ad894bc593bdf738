"""The payout gate: every completed interaction is scored once against its campaign's scorecard
(the current version, or the built-in ``standard`` template) and decided — approve, review or
reject — through ``qa_decided``; marketplace then settles the member's earning. A call in review
that nobody reviews within the campaign's review window is approved by the sweep, so no earning
waits forever."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import events
from app.extensions import db
from app.timeutil import as_utc, utcnow
from quality import notices, scoring
from quality.models import QAResult, QAReview, Scorecard
from quality.services import policy
from telephony import campaigns
from telephony.models import Interaction
from telephony.transcripts import load_transcript

logger = logging.getLogger(__name__)
SENDER = "quality"
CJK = range(0x4E00, 0xA000)
SUSPECTED = "suspected_rudeness"  # the problem of a call held for a person on a suspicion (``hold_suspected``)
STRAGGLER_LOOKBACK = timedelta(days=30)  # how far back the sweep looks for decided calls left unsettled


def guess_language(utterances: list[dict]) -> str:
    """``zh`` when the transcript holds Chinese characters, else ``en``."""
    for utterance in utterances[:20]:
        if any(ord(ch) in CJK for ch in str(utterance.get("text", ""))):
            return "zh"
    return "en"


def current_scorecard(campaign_id: int) -> Scorecard | None:
    """The campaign's newest scorecard version, or None (the standard template applies)."""
    return db.session.scalar(select(Scorecard).where(Scorecard.campaign_id == campaign_id)
                             .order_by(Scorecard.version.desc()).limit(1))


def _scopes(spec: dict) -> dict[str, str]:
    """Each automatic-fail item's scope ("card" or "section")."""
    return {item["key"]: item["auto_fail"] for section in spec.get("sections") or []
            for item in section.get("items") or [] if item.get("auto_fail")}


def run_scorer(spec: dict, raw: list, language: str | None, *, disposition: str | None = None,
               thresholds: dict | None = None) -> dict:
    """Parse and score a transcript: score, decision, and per item its result, points, quoted
    evidence, section and automatic-fail scope (what a review needs to score again). Raises
    ``TranscriptError``."""
    utterances = scoring.parse_transcript(raw)
    language = language if language in ("zh", "en") else guess_language(raw)
    matcher = deployment_matcher()
    result = scoring.score(spec, utterances, language, disposition=disposition, thresholds=thresholds,
                           matcher=matcher)
    scopes = _scopes(spec)
    items = [{"key": r.key, "passed": r.passed, "points": r.points, "evidence": scoring.quoted(r.evidence),
              "suspected": scoring.quoted(r.suspected), "auto_fail": scopes.get(r.key), "section": r.section}
             for r in result.items]
    return {"score": result.score, "decision": result.decision, "items": items,
            "auto_failed": bool(result.auto_failed), "language": language, "matcher": matcher}


def deployment_matcher() -> str:
    """The matcher this deployment scores with (``QA_MATCHER``): "embedding" only when its model
    loads here; otherwise "lexical", with a warning logged once per process for a setting that
    cannot be honoured."""
    wanted = (current_app.config.get("QA_MATCHER") or "lexical").strip().lower()
    if wanted == "lexical":
        return "lexical"
    try:
        scoring.get_matcher(wanted)
        return wanted
    except scoring.MatcherUnavailable:
        pass
    if wanted not in _WARNED:
        _WARNED.add(wanted)
        logger.warning("QA_MATCHER=%s cannot run on this deployment; calls are scored with the lexical matcher",
                       wanted)
    return "lexical"


_WARNED: set[str] = set()


def hold_suspected(outcome: dict, hold: bool) -> tuple[str | None, str]:
    """``(problem, decision)`` of a scored call: with ``hold`` (the campaign's
    ``qa_review_suspected``), a call the scorer would approve while suspecting a rude sentence it
    could not be sure of goes to a person instead (``suspected_rudeness``)."""
    if hold and outcome["decision"] == "approve" and any(item.get("suspected") for item in outcome["items"]
                                                         if item["passed"] is not False):
        return SUSPECTED, "review"
    return None, outcome["decision"]


def judge(spec: dict, document: dict | None, disposition: str | None, limits: dict | None, *,
          hold: bool = False) -> tuple[dict | None, str | None, str]:
    """Score a transcript document: ``(outcome, problem, decision)``. A call without a transcript
    the scorer can read goes to review with the reason as its problem; so does one transcribed by
    machine (``source`` "speech"), scored but never decided by the machine: its score and evidence
    are for the person who decides (``machine_transcript``), and a recording with one channel gives no
    speakers to score (``speakers_unknown``); with ``hold``, so does a call the scorer would approve
    while suspecting rudeness (``hold_suspected``)."""
    document = document or {}
    raw = document.get("utterances") or []
    machine = document.get("source") == "speech"
    if not raw:
        return None, "speakers_unknown" if machine and document.get("speakers") == "unknown" else "no_transcript", \
            "review"
    try:
        outcome = run_scorer(spec, raw, document.get("language"), disposition=disposition, thresholds=limits)
    except scoring.TranscriptError as error:
        return None, f"transcript_{error.code}"[:32], "review"
    if machine:
        return outcome, "machine_transcript", "review"
    problem, decision = hold_suspected(outcome, hold)
    return outcome, problem, decision


def score_interaction(interaction_id: int) -> QAResult | None:
    """Score a completed interaction and decide, once: a second run returns the stored result and
    sends nothing. None when there is nothing to judge (not completed, nobody handled it)."""
    existing = db.session.scalar(select(QAResult).where(QAResult.interaction_id == interaction_id))
    if existing is not None:
        return existing
    interaction = db.session.get(Interaction, interaction_id)
    if interaction is None or interaction.state != "completed" or interaction.member_id is None:
        return None
    found = campaigns.campaign(interaction.campaign_id)
    card = current_scorecard(found.id)
    spec = card.spec if card is not None else scoring.STANDARD
    limits = policy.thresholds(found)
    document = load_transcript(interaction.transcript_ref) if interaction.transcript_ref else None
    # a person judges what the scorer cannot, and what it read from a machine's transcript
    outcome, problem, decision = judge(spec, document, interaction.disposition, limits,
                                       hold=policy.review_suspected(found))
    now = utcnow()
    result = QAResult(
        interaction_id=interaction.id, org_id=interaction.org_id, campaign_id=interaction.campaign_id,
        member_id=interaction.member_id, scorecard_id=card.id if card else None,
        scorecard_version=card.version if card else 0, language=outcome["language"] if outcome else None,
        auto_score=outcome["score"] if outcome else None, auto_decision=decision,
        auto_failed=bool(outcome and outcome.get("auto_failed")), items=outcome["items"] if outcome else [],
        matcher=outcome["matcher"] if outcome else None, problem=problem,
        score=outcome["score"] if outcome else None, decision=decision,
        state="in_review" if decision == "review" else "final",
        review_due_at=now + policy.review_window(found) if decision == "review" else None,
        decided_at=None if decision == "review" else now, scored_at=now)
    try:
        with db.session.begin_nested():
            db.session.add(result)
            db.session.flush()
    except IntegrityError:  # a concurrent run stored it first
        return db.session.scalar(select(QAResult).where(QAResult.interaction_id == interaction_id))
    events.send(events.qa_decided, SENDER, interaction_id=interaction.id, campaign_id=interaction.campaign_id,
                member_id=interaction.member_id, score=result.score, decision=decision,
                scorecard_id=result.scorecard_id, scorecard_version=result.scorecard_version)
    if decision == "reject":
        notices.rejected(result)
    logger.info("Interaction %s scored %s: %s", interaction.id, result.score, decision)
    return result


def approve_overdue_reviews(now: datetime | None = None, batch: int = 500) -> int:
    """Approve the calls in review whose review window has passed (nobody reviewed them)."""
    now = as_utc(now) if now is not None else utcnow()
    overdue = db.session.scalars(select(QAResult).where(
        QAResult.state == "in_review", QAResult.review_due_at <= now).order_by(QAResult.review_due_at)
        .limit(batch).with_for_update(skip_locked=True)).all()
    for result in overdue:
        review = QAReview(result_id=result.id, reviewer_id=None, kind="auto_window", overrides={},
                          score=result.score, decision="approve", reason=None, created_at=now)
        db.session.add(review)
        result.decision, result.state, result.decided_at = "approve", "final", now
        db.session.flush()
        events.send(events.qa_reviewed, SENDER, interaction_id=result.interaction_id, review_id=review.id,
                    reviewer_id=None, score=result.score, decision="approve", previous_score=result.score,
                    member_id=result.member_id, campaign_id=result.campaign_id, kind="auto_window")
        logger.info("Interaction %s approved: its review window passed", result.interaction_id)
    return len(overdue)


def rescore_unjudged(result: QAResult) -> QAResult:
    """A call the scorer could not judge (no transcript, or only a machine's) got a transcript:
    score it now and decide again (a machine's transcript still leaves the decision to a person)."""
    interaction = db.session.get(Interaction, result.interaction_id)
    found = campaigns.campaign(result.campaign_id)
    card = db.session.get(Scorecard, result.scorecard_id) if result.scorecard_id else None
    document = load_transcript(interaction.transcript_ref) if interaction.transcript_ref else None
    outcome, problem, decision = judge(card.spec if card else scoring.STANDARD, document, interaction.disposition,
                                       policy.thresholds(found), hold=policy.review_suspected(found))
    if outcome is None:
        if problem == "speakers_unknown" and result.problem == "no_transcript":
            result.problem = problem  # the recording was transcribed, but who said what is unknown
            db.session.flush()
        return result
    now = utcnow()
    result.language, result.items, result.problem = outcome["language"], outcome["items"], problem
    result.matcher = outcome["matcher"]
    result.auto_score = result.score = outcome["score"]
    result.auto_decision = result.decision = decision
    result.auto_failed = bool(outcome.get("auto_failed"))
    if decision != "review":
        result.state, result.decided_at = "final", now
    db.session.flush()
    events.send(events.qa_decided, SENDER, interaction_id=result.interaction_id, campaign_id=result.campaign_id,
                member_id=result.member_id, score=result.score, decision=result.decision,
                scorecard_id=result.scorecard_id, scorecard_version=result.scorecard_version)
    return result


def settle_stragglers(batch: int = 500, lookback: timedelta = STRAGGLER_LOOKBACK) -> int:
    """Settle the earnings of decided calls that were accrued after their decision (an escrow that
    was short, then topped up): every earning is settled one way or the other. Calls decided within
    ``lookback`` are looked at, so the sweep stays cheap however many calls there are."""
    from marketplace.qa.services import settle_earning
    from payouts.models import Transfer

    settled = select(Transfer.interaction_id).where(
        Transfer.reason.in_(("earning_approved", "earning_reversed")), Transfer.interaction_id.is_not(None))
    rows = db.session.execute(select(QAResult.interaction_id, QAResult.decision).join(
        Transfer, (Transfer.interaction_id == QAResult.interaction_id) & (Transfer.reason == "earning_accrued"))
        .where(QAResult.state == "final", QAResult.decided_at >= utcnow() - lookback,
               QAResult.interaction_id.not_in(settled)).limit(batch)).all()
    for interaction_id, decision in rows:
        settle_earning(interaction_id, decision)
    return len(rows)
