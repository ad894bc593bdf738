"""QA pages: the review queue and the review page (reviewers), the scorecard editor with its
"try it" box (enterprise admins, trainers), and the member's own calls' QA with acknowledge and
dispute (mobile first)."""

from __future__ import annotations

import json

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from app.auth.guards import current_user, page_login_required
from app.database import commit, rollback
from app.errors import AppError, error_text
from app.extensions import db
from app.numbers import is_id
from quality import labels, queries, scoring
from quality.services import calibration, gate, rescoring, reviews, scorecards, transcripts
from telephony.campaigns import Campaign
from telephony.models import Interaction
from telephony.transcripts import load_transcript

bp = Blueprint("quality", __name__, url_prefix="/qa", template_folder="templates", static_folder="static",
               static_url_path="/static/quality")

REVIEWERS = list(queries.REVIEWER_ROLES)
EDITORS = list(scorecards.EDITOR_ROLES)


@bp.app_context_processor
def _labels():
    return {"qa_item_label": labels.item_label, "qa_decision_labels": labels.DECISION_LABELS,
            "qa_dispute_labels": labels.DISPUTE_LABELS, "qa_speaker_labels": labels.SPEAKER_LABELS,
            "qa_problem_text": labels.problem_text}


def _attempt(action, success: str | None = None):
    """Run ``action()`` and commit, flashing ``success``; on a refusal roll back and flash why."""
    try:
        result = action()
        commit()
    except AppError as exc:
        rollback()
        flash(error_text(exc), "error")
        return None
    if success:
        flash(success, "success")
    return result


def _utterances(result, blind: bool = False) -> list[dict]:
    """The call's transcript with, on each utterance, the items that quote it (none when blind)."""
    interaction = db.session.get(Interaction, result.interaction_id)
    document = load_transcript(interaction.transcript_ref) if interaction and interaction.transcript_ref else None
    quoted: dict[int, list[str]] = {}
    for item in [] if blind else result.items or []:
        for evidence in item.get("evidence") or []:
            quoted.setdefault(evidence.get("utterance"), []).append(labels.item_label(item["key"]))
        for evidence in item.get("suspected") or []:
            quoted.setdefault(evidence.get("utterance"), []).append(
                _("%(item)s: suspected", item=labels.item_label(item["key"])))
    # a one-channel recording's machine transcript has text but no speakers: shown as it is
    said = (document or {}).get("utterances") or (document or {}).get("unattributed") or []
    return [{**u, "index": i, "items": quoted.get(i, [])} for i, u in enumerate(said)]


# --- reviewers -------------------------------------------------------------------------------------

@bp.get("/review")
@page_login_required(roles=REVIEWERS)
def review_queue():
    user = current_user()
    return render_template("quality/queue.html", results=queries.review_queue(user),
                           disputes=queries.open_disputes(user))


@bp.route("/review/<int:result_id>", methods=["GET", "POST"])
@page_login_required(roles=REVIEWERS)
def review(result_id):
    user = current_user()
    result = queries.result_for_reviewer(user, result_id)
    if request.method == "POST":
        action = request.form.get("action")
        if action == "review":
            overrides = {}
            for item in result.items or []:
                choice = request.form.get(f"item-{item['key']}", "")
                wanted = {"pass": True, "fail": False, "na": None}.get(choice, item.get("passed"))
                if wanted != item.get("passed"):
                    overrides[item["key"]] = {"passed": wanted, "reason": request.form.get(f"reason-{item['key']}", "")}
            done = _attempt(lambda: reviews.review_call(user, result.id, request.form.get("decision", ""),
                                                        request.form.get("reason"), overrides), _("Decision saved."))
        elif action == "resolve":
            dispute = queries.dispute_of(result.id)
            score = request.form.get("score", "").strip()
            if dispute is None:
                abort(404)
            done = _attempt(lambda: reviews.resolve_dispute(
                user, dispute.id, request.form.get("outcome", ""), request.form.get("reason"),
                int(score) if score.isdigit() else None), _("Dispute decided."))
        else:
            abort(400)
        if done is not None:
            return redirect(url_for("quality.review_queue"))
        result = queries.result_for_reviewer(user, result_id)
    return render_template("quality/review.html", result=result, utterances=_utterances(result),
                           dispute=queries.dispute_of(result.id), reviews=queries.reviews_of(result.id),
                           interaction=db.session.get(Interaction, result.interaction_id), form=request.form,
                           player=queries.recording_player(user, result.interaction_id))


# --- scorecards ------------------------------------------------------------------------------------

def _campaigns_for(user) -> list[Campaign]:
    stmt = select(Campaign).order_by(Campaign.id.desc()).limit(200)
    if not user.has_role("trainer", "admin"):
        stmt = stmt.where(Campaign.org_id == user.org_id)
    return list(db.session.scalars(stmt))


@bp.get("/scorecards")
@page_login_required(roles=REVIEWERS)
def scorecard_list():
    user = current_user()
    return render_template("quality/scorecards.html", campaigns=_campaigns_for(user),
                           can_edit=user.has_role(*EDITORS))


def _pasted_transcript(text: str) -> list:
    """The "try it" box: a JSON list of utterances, or lines ``agent: text`` / ``customer: text``
    (optionally ``[12.5] agent: text``), two seconds apart unless timed."""
    text = text.strip()
    if text.startswith("["):
        try:
            return json.loads(text)
        except ValueError:
            pass
    lines, clock = [], 0.0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        start = None
        if line.startswith("[") and "]" in line:
            stamp, line = line[1:].split("]", 1)
            try:
                start = float(stamp)
            except ValueError:
                start = None
            line = line.strip()
        speaker, _sep, said = line.partition(":")
        speaker = {"a": "agent", "c": "customer", "坐席": "agent", "客户": "customer"}.get(
            speaker.strip().lower(), speaker.strip().lower())
        clock = start if start is not None else clock
        lines.append({"speaker": speaker, "text": said.strip(), "start": clock, "end": clock + 1.5})
        clock += 2.0
    return lines


@bp.route("/scorecards/<int:campaign_id>", methods=["GET", "POST"])
@page_login_required(roles=EDITORS)
def scorecard(campaign_id):
    user = current_user()
    found = scorecards.editable_campaign(user, campaign_id)
    card = gate.current_scorecard(found.id)
    spec_text = json.dumps(card.spec if card else scoring.STANDARD, ensure_ascii=False, indent=2)
    tried, status, errors = None, 200, {}
    if request.method == "POST" and request.form.get("action") != "rescore":
        spec_text = request.form.get("spec", "")
        try:
            spec = json.loads(spec_text)
        except ValueError:
            spec = None
            errors["spec"] = _("The scorecard is not valid JSON.")
        if request.form.get("action") == "save" and spec is not None:
            saved = _attempt(lambda: scorecards.save_scorecard(user, found.id, spec, request.form.get("note")),
                             _("Scorecard saved as a new version."))
            if saved is not None:
                return redirect(url_for("quality.scorecard", campaign_id=found.id))
            status = 422
        elif request.form.get("action") == "try" and spec is not None:
            try:
                scorecards.check_spec(spec)
                raw = _pasted_transcript(request.form.get("transcript", ""))
                transcripts.parse(raw)
                tried = gate.run_scorer(spec, raw, request.form.get("language") or None,
                                        thresholds={"approve": found.qa_auto_approve, "review": found.qa_review_from})
            except AppError as exc:
                errors["try"] = error_text(exc)
                status = 422
        elif spec is None:
            status = 422
    if request.method == "POST" and request.form.get("action") == "rescore":
        status = _rescore(user, found, errors)
        if status == 302:
            return redirect(url_for("quality.scorecard", campaign_id=found.id))
    versions = db.session.scalars(select(scorecards.Scorecard).where(scorecards.Scorecard.campaign_id == found.id)
                                  .order_by(scorecards.Scorecard.version.desc())).all()
    return render_template("quality/scorecard.html", campaign=found, card=card, spec_text=spec_text, tried=tried,
                           errors=errors, versions=versions, item_types=sorted(scoring.ITEM_TYPES),
                           default_spec=scoring.STANDARD, auto_fail_labels=labels.AUTO_FAIL_LABELS,
                           agreement=calibration.agreement(found.id), form=request.form,
                           runs=queries.rescoring_runs(found.id)), status


@bp.get("/scorecards/<int:campaign_id>/rescorings")
@page_login_required(roles=EDITORS)
def rescoring_progress(campaign_id):
    """What the scorecard page polls while a rescoring waits or runs (JSON)."""
    found = scorecards.editable_campaign(current_user(), campaign_id)
    return {"items": [{key: run[key] for key in ("id", "state", "progress", "summary")}
                      for run in queries.rescoring_runs(found.id)]}


def _rescore(user, found, errors: dict) -> int:
    """The editor's "rescore" button: queue the job for the dates or the call given (302), or say
    what is wrong (422)."""
    from datetime import date

    def day(name):
        text = request.form.get(name, "").strip()
        return date.fromisoformat(text) if text else None

    number = request.form.get("interaction_id", "").strip()
    try:
        start, end = day("from"), day("to")
    except ValueError:
        errors["rescore"] = _("Give the dates as year-month-day.")
        return 422
    if number and not (number.isdigit() and is_id(int(number))):
        errors["rescore"] = _("Give the call's number.")
        return 422
    try:
        rescoring.start_job(user, found.id, int(number) if number else None, start, end)
        commit()
    except AppError as exc:
        rollback()
        errors["rescore"] = error_text(exc)
        return 422
    flash(_("Rescoring started: the calls are scored again in the background, each one recorded in the audit "
            "ledger."), "success")
    return 302


# --- the member's calls ----------------------------------------------------------------------------

@bp.get("/calls")
@page_login_required(roles=["member"])
def my_calls():
    return render_template("quality/my_calls.html", results=queries.member_results(current_user().id))


@bp.route("/calls/<int:result_id>", methods=["GET", "POST"])
@page_login_required(roles=["member"])
def my_call(result_id):
    user = current_user()
    result = queries.own_result(user, result_id)
    status = 200
    if request.method == "POST":
        action = request.form.get("action")
        if action == "acknowledge":
            _attempt(lambda: reviews.acknowledge(user, result.id), _("Thank you: acknowledged."))
        elif action == "dispute":
            if _attempt(lambda: reviews.file_dispute(user, result.id, request.form.get("comment")),
                        _("Your dispute was sent. A different reviewer will decide it.")) is None:
                status = 422
        else:
            abort(400)
        if status == 200:
            return redirect(url_for("quality.my_call", result_id=result.id))
        result = queries.own_result(user, result_id)
    open_until = reviews.dispute_open_until(result)
    return render_template("quality/my_call.html", result=result, utterances=_utterances(result),
                           agreement=calibration.agreement(result.campaign_id),
                           dispute=queries.dispute_of(result.id), can_dispute=reviews.disputable(result),
                           reviews=[r for r in queries.reviews_of(result.id) if r.reason],
                           open_until=open_until, form=request.form,
                           player=queries.recording_player(user, result.interaction_id)), status


# --- calibration -----------------------------------------------------------------------------------

@bp.route("/calibration/<int:campaign_id>", methods=["GET", "POST"])
@page_login_required(roles=REVIEWERS)
def calibration_page(campaign_id):
    """The campaign's calibration sample, judged blind (the automatic result is not shown), and the
    agreement per item so far."""
    user = current_user()
    found = scorecards.readable_campaign(user, campaign_id)
    calls = calibration.sample(found.id, user)
    chosen = request.args.get("call", type=int) or request.form.get("result_id", type=int)
    current = next((c for c in calls if c.id == chosen), None)
    if request.method == "POST" and current is not None:
        values = {}
        for item in current.items or []:
            choice = request.form.get(f"item-{item['key']}", "na")
            values[item["key"]] = {"pass": True, "fail": False}.get(choice)
        if _attempt(lambda: calibration.record_judgement(user, current.id, values), _("Judgement saved.")):
            return redirect(url_for("quality.calibration_page", campaign_id=found.id))
    mine = {c.result_id for c in db.session.scalars(select(calibration.CalibrationScore).where(
        calibration.CalibrationScore.reviewer_id == user.id, calibration.CalibrationScore.campaign_id == found.id))}
    return render_template("quality/calibration.html", campaign=found, calls=calls, current=current, mine=mine,
                           utterances=_utterances(current, blind=True) if current else [],
                           agreement=calibration.agreement(found.id))
