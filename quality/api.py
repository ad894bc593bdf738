"""The QA API: dry-run scoring, an interaction's QA, reviews, disputes, transcripts uploaded after
the call, campaigns' scorecards and customer satisfaction."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import url_for
from flask_babel import gettext as _

from app.auth.guards import require_user, token_auth
from app.database import commit
from app.errors import NotFound, ValidationError
from app.schemas import JobAcceptedOut
from quality import queries, scoring
from quality.schemas import (
    CsatIn,
    CsatOut,
    CsatSummaryOut,
    DisputeIn,
    DisputeOut,
    QAOut,
    RescoreIn,
    RescoringsOut,
    ResolveIn,
    ReviewIn,
    ScorecardIn,
    ScorecardOut,
    ScoreIn,
    ScoreOut,
    TranscriptIn,
    TranscriptOut,
)
from quality.services import csat, gate, rescoring, reviews, scorecards, transcripts
from telephony import queries as calls

bp = APIBlueprint("quality_api", __name__, url_prefix="/api/v1", tag="Quality")

SCORERS = ["trainer", "enterprise_admin", "enterprise_supervisor", "admin"]
READERS = ["member", "trainer", "enterprise_admin", "enterprise_supervisor", "admin"]


def dry_run(user, data: dict) -> dict:
    """Score a pasted transcript against the standard template or a scorecard; nothing is stored."""
    if data.get("template") and data.get("scorecard_id"):
        raise ValidationError(fields={"template": _("Give either a template or a scorecard, not both.")})
    if data.get("scorecard_id"):
        spec = scorecards.card_for_scoring(user, data["scorecard_id"]).spec
    elif data.get("template") == "standard":
        spec = scoring.STANDARD
    else:
        raise ValidationError(fields={"template": _("Name the template (standard) or give a scorecard.")})
    transcripts.parse(data["transcript"])
    return gate.run_scorer(spec, data["transcript"], data.get("language"), disposition=data.get("disposition"))


@bp.post("/qa/score")
@bp.auth_required(token_auth, roles=SCORERS)
@bp.input(ScoreIn, arg_name="data")
@bp.output(ScoreOut)
@bp.doc(summary="Score a transcript without storing anything (dry run)",
        description="With `template: standard` or a `scorecard_id` of a campaign you may read. 422 names the "
                    "utterance of a malformed transcript (unknown speaker, times going backwards, empty, more "
                    "than 2000 utterances).", responses=[403, 404, 422])
def score(data):
    return dry_run(require_user(), data)


def _result_for(user, interaction_id: int):
    if not user.has_role("trainer", "admin"):  # trainers review every organization's calls
        calls.visible_interaction(user, interaction_id)
    found = queries.result_of_interaction(interaction_id)
    if found is None:
        raise NotFound(_("This call has not been scored yet."))
    return found


@bp.get("/interactions/<int:interaction_id>/qa")
@bp.auth_required(token_auth, roles=READERS)
@bp.output(QAOut)
@bp.doc(summary="An interaction's QA: score, decision, items with quoted evidence, reviews and dispute",
        responses=[403, 404])
def interaction_qa(interaction_id):
    return queries.result_json(_result_for(require_user(), interaction_id))


@bp.post("/qa/<int:qa_id>/review")
@bp.auth_required(token_auth, roles=SCORERS)
@bp.input(ReviewIn, arg_name="data")
@bp.output(QAOut)
@bp.doc(summary="Decide a call in review: approve or reject, changing items with reasons",
        description="Trainers, and the enterprise's admins and supervisors for their own calls. 409 once the "
                    "call is decided.", responses=[403, 404, 409, 422])
def review(qa_id, data):
    overrides = {item["key"]: {"passed": item["passed"], "reason": item["reason"]} for item in data["items"]}
    result = reviews.review_call(require_user(), qa_id, data["decision"], data["reason"], overrides)
    commit()
    return queries.result_json(result)


@bp.post("/qa/<int:qa_id>/dispute")
@bp.auth_required(token_auth, roles=["member"])
@bp.input(DisputeIn, arg_name="data")
@bp.output(DisputeOut, status_code=201)
@bp.doc(summary="Dispute a rejected or low-scored call (the member who took it)",
        description="Once per call, within 7 days of the decision; 409 afterwards or a second time.",
        responses=[404, 409, 422])
def dispute(qa_id, data):
    found = reviews.file_dispute(require_user(), qa_id, data["comment"])
    commit()
    return found


@bp.post("/qa/<int:qa_id>/acknowledge")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(QAOut)
@bp.doc(summary="Acknowledge a call's QA (the member who took it)", responses=[404])
def acknowledge(qa_id):
    result = reviews.acknowledge(require_user(), qa_id)
    commit()
    return queries.result_json(result)


@bp.post("/qa/disputes/<int:dispute_id>/resolve")
@bp.auth_required(token_auth, roles=SCORERS)
@bp.input(ResolveIn, arg_name="data")
@bp.output(DisputeOut)
@bp.doc(summary="Decide a dispute (a reviewer other than the call's own)",
        description="Upheld: the call is approved (the earning paid) and its score corrected (to `score`, or at "
                    "least the campaign's approval score). 403 for the reviewer who decided the call.",
        responses=[403, 404, 409, 422])
def resolve(dispute_id, data):
    found = reviews.resolve_dispute(require_user(), dispute_id, data["outcome"], data["reason"], data["score"])
    commit()
    return found


@bp.post("/interactions/<int:interaction_id>/transcript")
@bp.auth_required(token_auth, roles=SCORERS)
@bp.input(TranscriptIn, arg_name="data")
@bp.output(TranscriptOut, status_code=201)
@bp.doc(summary="Upload an interaction's transcript (the enterprise or a reviewer)",
        description="Scored at once when the call had no transcript to judge; a decided call keeps its decision.",
        responses=[403, 404, 422])
def upload_transcript(interaction_id, data):
    stored = transcripts.upload_transcript(require_user(), interaction_id, data["transcript"], data["language"])
    commit()
    return stored


def _card_json(found, card) -> dict:
    if card is None:
        return {"id": None, "campaign_id": found.id, "version": 0, "spec": scoring.STANDARD, "note": None,
                "created_at": None}
    return {"id": card.id, "campaign_id": card.campaign_id, "version": card.version, "spec": card.spec,
            "note": card.note, "created_at": card.created_at}


@bp.get("/campaigns/<int:campaign_id>/scorecard")
@bp.auth_required(token_auth, roles=READERS)
@bp.output(ScorecardOut)
@bp.doc(summary="The campaign's current scorecard (version 0: the standard template)", responses=[404])
def get_scorecard(campaign_id):
    found = scorecards.readable_campaign(require_user(), campaign_id)
    return _card_json(found, gate.current_scorecard(found.id))


@bp.post("/campaigns/<int:campaign_id>/scorecard")
@bp.auth_required(token_auth, roles=["trainer", "enterprise_admin", "admin"])
@bp.input(ScorecardIn, arg_name="data")
@bp.output(ScorecardOut, status_code=201)
@bp.doc(summary="Save a new version of the campaign's scorecard",
        description="422 names the fields when points do not sum to 100 or an item type is unknown. Calls scored "
                    "before keep the version they were scored with.", responses=[403, 404, 422])
def save_scorecard(campaign_id, data):
    card = scorecards.save_scorecard(require_user(), campaign_id, data["spec"], data["note"])
    commit()
    return _card_json(None, card)


@bp.post("/campaigns/<int:campaign_id>/qa/rescore")
@bp.auth_required(token_auth, roles=list(scorecards.EDITOR_ROLES))
@bp.input(RescoreIn, arg_name="data")
@bp.output(JobAcceptedOut, status_code=202)
@bp.doc(summary="Rescore already-scored calls against the campaign's current scorecard (a job)",
        description="One call (`interaction_id`) or the calls that ended `from`–`to` (UTC days, both included; "
                    "either end may be left open). Each call rescored is a `qa_rescored` ledger entry (who, old "
                    "and new score, decision and scorecard version). A decision that changes while the earning is "
                    "pending is settled once (paid or refunded to the campaign); a call whose earning was already "
                    "settled keeps its score and decision (`kept_settled` in the job's result), and so do calls a "
                    "person reviewed. 422 for a range that runs backwards or nothing to rescore.",
        responses=[403, 404, 422])
def rescore(campaign_id, data):
    user = require_user()
    job_id = rescoring.start_job(user, campaign_id, data["interaction_id"], data["start"], data["end"])
    commit()
    return {"job_id": job_id, "status_url": url_for("accounts_api.job_status", job_id=job_id)}


@bp.get("/campaigns/<int:campaign_id>/qa/rescorings")
@bp.auth_required(token_auth, roles=list(scorecards.EDITOR_ROLES))
@bp.output(RescoringsOut)
@bp.doc(summary="The campaign's latest rescorings: who started each and when, progress, what it changed",
        description="The five latest, newest first. `state` is queued, running (with the job's `progress`), done "
                    "(with its `summary`: how many calls had each outcome, `decisions_changed`, `earnings_paid` "
                    "and `earnings_refunded`) or failed (nothing changed).", responses=[403, 404])
def rescorings(campaign_id):
    found = scorecards.editable_campaign(require_user(), campaign_id)
    return {"items": queries.rescoring_runs(found.id)}


@bp.post("/interactions/<int:interaction_id>/csat")
@bp.auth_required(token_auth, roles=["enterprise_admin", "enterprise_supervisor", "admin"])
@bp.input(CsatIn, arg_name="data")
@bp.output(CsatOut, status_code=201)
@bp.doc(summary="Record the customer's satisfaction (1–5) with an answered call", responses=[404, 409, 422])
def record_csat(interaction_id, data):
    calls.visible_interaction(require_user(), interaction_id)
    stored = csat.record_csat(interaction_id, data["rating"], "api")
    commit()
    return stored


@bp.get("/campaigns/<int:campaign_id>/csat")
@bp.auth_required(token_auth, roles=["trainer", "enterprise_admin", "enterprise_supervisor", "admin"])
@bp.output(CsatSummaryOut)
@bp.doc(summary="Customer satisfaction of a campaign: responses, average, distribution, per member",
        responses=[404])
def campaign_csat(campaign_id):
    found = scorecards.readable_campaign(require_user(), campaign_id)
    return csat.campaign_csat(found.id)
