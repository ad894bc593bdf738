"""Reads: who may see or review which QA results, the review queue, a member's calls, the
result as the API and the pages show it, and a campaign's latest rescoring runs."""

from __future__ import annotations

from sqlalchemy import select

from app.auth.guards import is_platform_staff
from app.auth.models import User
from app.errors import Forbidden, NotFound
from app.extensions import db
from app.jobs import job_progress, waiting_in_outbox
from app.numbers import is_id
from quality.models import Dispute, QAResult, QAReview, Rescoring

REVIEWER_ROLES = ("trainer", "enterprise_admin", "enterprise_supervisor", "admin")

def is_reviewer(user: User) -> bool:
    return user.has_role(*REVIEWER_ROLES)


def _reviews_everywhere(user: User) -> bool:
    """Trainers and admins review across organizations; an enterprise's people review their own."""
    return is_platform_staff(user) or user.has_role("trainer")


def reviewable_results(user: User):
    stmt = select(QAResult)
    if _reviews_everywhere(user):
        return stmt
    if user.has_role("enterprise_admin", "enterprise_supervisor") and user.org_id is not None:
        return stmt.where(QAResult.org_id == user.org_id)
    return stmt.where(False)


def result_for_reviewer(user: User, result_id: int) -> QAResult:
    """A result ``user`` may review: 403 for a role that never reviews, 404 for another tenant's."""
    if not is_reviewer(user):
        raise Forbidden()
    if not is_id(result_id):
        raise NotFound()
    found = db.session.scalar(reviewable_results(user).where(QAResult.id == result_id))
    if found is None:
        raise NotFound()
    return found


def result_of_interaction(interaction_id: int) -> QAResult | None:
    return db.session.scalar(select(QAResult).where(QAResult.interaction_id == interaction_id))


def own_result(user: User, result_id: int) -> QAResult:
    """The member's own call's result; 404 for anyone else's."""
    if not is_id(result_id):
        raise NotFound()
    found = db.session.get(QAResult, result_id)
    if found is None or found.member_id != user.id:
        raise NotFound()
    return found


def review_queue(user: User, limit: int = 100) -> list[QAResult]:
    """Calls waiting for a person, the oldest deadline first."""
    return list(db.session.scalars(reviewable_results(user).where(QAResult.state == "in_review")
                                   .order_by(QAResult.review_due_at, QAResult.id).limit(limit)))


def open_disputes(user: User, limit: int = 100) -> list[tuple[Dispute, QAResult]]:
    stmt = reviewable_results(user).add_columns(Dispute).join(Dispute, Dispute.result_id == QAResult.id).where(
        Dispute.state == "open").order_by(Dispute.filed_at).limit(limit)
    return [(dispute, result) for result, dispute in db.session.execute(stmt)]


def member_results(member_id: int, limit: int = 50) -> list[QAResult]:
    return list(db.session.scalars(select(QAResult).where(QAResult.member_id == member_id)
                                   .order_by(QAResult.id.desc()).limit(limit)))


def dispute_of(result_id: int) -> Dispute | None:
    return db.session.scalar(select(Dispute).where(Dispute.result_id == result_id))


def reviews_of(result_id: int) -> list[QAReview]:
    return list(db.session.scalars(select(QAReview).where(QAReview.result_id == result_id).order_by(QAReview.id)))


def result_json(result: QAResult) -> dict:
    dispute = dispute_of(result.id)
    return {
        "id": result.id, "interaction_id": result.interaction_id, "campaign_id": result.campaign_id,
        "member_id": result.member_id, "scorecard_id": result.scorecard_id,
        "scorecard_version": result.scorecard_version, "language": result.language,
        "auto_score": result.auto_score, "auto_decision": result.auto_decision, "auto_failed": result.auto_failed,
        "matcher": result.matcher,
        "score": result.score, "decision": result.decision, "state": result.state, "problem": result.problem,
        "items": result.items or [], "review_due_at": result.review_due_at, "decided_at": result.decided_at,
        "acknowledged_at": result.acknowledged_at, "scored_at": result.scored_at,
        "reviews": [{"id": r.id, "kind": r.kind, "reviewer_id": r.reviewer_id, "score": r.score,
                     "decision": r.decision, "reason": r.reason, "overrides": r.overrides,
                     "created_at": r.created_at} for r in reviews_of(result.id)],
        "dispute": None if dispute is None else {
            "id": dispute.id, "state": dispute.state, "comment": dispute.comment, "filed_at": dispute.filed_at,
            "resolution": dispute.resolution, "resolved_at": dispute.resolved_at},
    }


def qa_summary(interaction_id: int) -> dict | None:
    """An interaction's QA as the interactions API shows it (None until it is scored)."""
    found = result_of_interaction(interaction_id)
    if found is None:
        return None
    return {"id": found.id, "score": found.score, "decision": found.decision, "state": found.state,
            "scorecard_version": found.scorecard_version}


def recording_player(user: User, interaction_id: int) -> dict | None:
    """What the QA pages show of the call's recording, by telephony's own access rule: None when there
    is no complete recording; ``{"url": …}`` for a viewer who may listen; ``{"url": None, "why":
    "not_qa_reviewer"}`` for a trainer who is not among the campaign's QA reviewers (the recording
    settings' ``qa_reviewer_ids``), ``"not_allowed"`` for anyone else who may not listen."""
    from telephony.models import Interaction
    from telephony.recordings.services import listening_reason, recording_of

    interaction = db.session.get(Interaction, interaction_id)
    found = recording_of(interaction_id) if interaction is not None else None
    if found is None or found.state != "ready":
        return None
    if listening_reason(user, interaction) is not None:
        return {"url": f"/api/v1/interactions/{interaction_id}/recording/media", "type": found.content_type,
                "why": None}
    return {"url": None, "type": None, "why": "not_qa_reviewer" if user.has_role("trainer") else "not_allowed"}


RUNS_SHOWN = 5


def _run_state(run: Rescoring) -> tuple[str, dict]:
    """queued | running | done | failed, with the job's progress (``{"done", "total"}``) while it runs.
    A run whose job the queue no longer knows, and that never finished, was interrupted: failed."""
    if run.state != "queued":
        total = (run.summary or {}).get("total")
        return run.state, {"done": total, "total": total}
    job = job_progress(run.job_id)
    if job is None:
        return ("queued" if waiting_in_outbox(run.job_id) else "failed"), {"done": 0, "total": None}
    progress = {"done": job["progress"].get("done") or 0, "total": job["progress"].get("total")}
    state = {"started": "running", "finished": "running", "failed": "failed", "stopped": "failed",
             "canceled": "failed"}.get(job["status"], "queued")
    return state, progress


def rescoring_runs(campaign_id: int, limit: int = RUNS_SHOWN) -> list[dict]:
    """The campaign's latest rescoring runs, newest first: who started each and when, what it
    covers, its state and progress, and once done what it changed."""
    runs = db.session.scalars(select(Rescoring).where(Rescoring.campaign_id == campaign_id)
                              .order_by(Rescoring.id.desc()).limit(limit)).all()
    ids = {run.started_by_id for run in runs if run.started_by_id}
    names = dict(db.session.execute(select(User.id, User.name).where(User.id.in_(ids))).all()) if ids else {}
    items = []
    for run in runs:
        state, progress = _run_state(run)
        items.append({"id": run.id, "job_id": run.job_id, "started_by": names.get(run.started_by_id),
                      "started_by_id": run.started_by_id, "started_at": run.created_at,
                      "finished_at": run.finished_at, "interaction_id": run.interaction_id,
                      "from": run.start_day, "to": run.end_day, "state": state, "progress": progress,
                      "summary": run.summary if state == "done" else None,
                      "error": run.error})
    return items
