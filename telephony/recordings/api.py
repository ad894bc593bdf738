"""Recordings API: the member's resumable upload of their call's recording, what a recording is
and how far its upload came, listening with HTTP range requests, and a campaign's recording policy.

Upload protocol (``POST /api/v1/interactions/{id}/recording``): the body is raw audio
(``Content-Type: audio/webm``, ``audio/ogg``, ``audio/wav`` or ``audio/mpeg``), sent in parts of at
most ``MAX_BODY_BYTES`` (1 MiB by default), each with ``Content-Range: bytes <first>-<last>/<total>``
(``*`` for the total while it is unknown; the last part names it). A part must start where the
upload stands: otherwise 409 ``upload_offset_mismatch`` with the ``Upload-Offset`` header, and
``GET /api/v1/interactions/{id}/recording`` tells ``received`` too, so an interrupted upload
resumes from there. A body without Content-Range is the whole file at once."""

from __future__ import annotations

from apiflask import APIBlueprint, Schema, fields
from flask import Response, request
from marshmallow import validate

from app.auth.guards import current_user, get_in_org_or_404, require_user, token_auth
from app.database import commit
from app.errors import AppError, NotFound, Unauthorized
from app.extensions import db
from app.numbers import MAX_ID, is_id
from telephony import queries
from telephony.campaigns import Campaign
from telephony.models import Interaction
from telephony.recordings import services
from telephony.recordings.policy import policy
from telephony.recordings.storage import store

bp = APIBlueprint("telephony_recordings_api", __name__, url_prefix="/api/v1", tag="Recordings")

LISTENERS = ["member", "enterprise_admin", "enterprise_supervisor", "trainer", "auditor", "admin"]


class RecordingOut(Schema):
    interaction_id = fields.Integer()
    recording_enabled = fields.Boolean(metadata={"description": "Whether the campaign records its calls."})
    id = fields.Integer(allow_none=True)
    state = fields.String(allow_none=True, metadata={"description": "uploading, ready or purged (retention)."})
    received = fields.Integer(metadata={"description": "Bytes stored so far: where the next part starts."})
    total = fields.Integer(allow_none=True)
    content_type = fields.String(allow_none=True)
    source = fields.String(allow_none=True, metadata={"description": "browser (the member's upload) or provider."})
    completed_at = fields.DateTime(allow_none=True)
    media_url = fields.String(allow_none=True, metadata={"description": "Where to listen (range requests)."})


class ConsentIn(Schema):
    en = fields.String(validate=validate.Length(min=1, max=500))
    zh = fields.String(validate=validate.Length(min=1, max=500))


class RecordingPolicyIn(Schema):
    enabled = fields.Boolean(metadata={"description": "Record the campaign's calls (after the consent announcement)."})
    consent = fields.Nested(ConsentIn, metadata={"description": "The announcement per caller language."})
    retention_days = fields.Integer(validate=validate.Range(min=1, max=3650))
    qa_reviewer_ids = fields.List(fields.Integer(validate=validate.Range(min=1, max=MAX_ID)),
                                  validate=validate.Length(max=100),
                                  metadata={"description": "Trainers who review the campaign's calls and may listen."})


class RecordingPolicyOut(Schema):
    campaign_id = fields.Integer()
    enabled = fields.Boolean()
    consent = fields.Dict(keys=fields.String(), values=fields.String())
    retention_days = fields.Integer()
    qa_reviewer_ids = fields.List(fields.Integer())


def _interaction(interaction_id: int) -> Interaction:
    user = require_user()
    if user.has_role("member") and not user.has_role("enterprise_admin", "enterprise_supervisor", "trainer",
                                                     "auditor", "admin"):
        return queries.visible_interaction(user, interaction_id)
    return services.listenable(user, interaction_id)[0]


@bp.post("/interactions/<int:interaction_id>/recording")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(RecordingOut)
@bp.doc(summary="Upload my call's recording, in resumable parts",
        description="Raw audio (Content-Type audio/webm, audio/ogg, audio/wav or audio/mpeg) in parts of at most "
                    "1 MiB, each with `Content-Range: bytes <first>-<last>/<total or *>`; without it, the whole file. "
                    "Only the member who handled the call, once it ended (wrap-up or completed), for a campaign that "
                    "records. 409 `upload_offset_mismatch` (with `Upload-Offset`) when a part does not start where the "
                    "upload stands, `recording_exists`, `call_not_ended`, `recording_off`; 413 `too_large` past "
                    "RECORDING_MAX_BYTES; 415 `not_audio`; 400 `bad_content_range`; 503 `recording_store_unavailable` "
                    "when the recordings' storage cannot be reached. Nothing changes then.",
        responses=[400, 403, 404, 409, 413, 415, 503])
def upload(interaction_id):
    user = require_user()
    interaction = queries.visible_interaction(user, interaction_id)
    recording = services.receive_chunk(user, interaction, content_type=request.content_type,
                                       content_range=request.headers.get("Content-Range"),
                                       data=request.get_data(cache=False))
    commit()
    return services.recording_json(recording, interaction)


@bp.get("/interactions/<int:interaction_id>/recording")
@bp.auth_required(token_auth, roles=LISTENERS)
@bp.output(RecordingOut)
@bp.doc(summary="The call's recording: its state, how much of it was received, where to listen",
        description="For those who may listen (the enterprise's users, the member who handled the call, the "
                    "campaign's QA reviewers, auditors); 404 for anyone else.", responses=[403, 404])
def recording(interaction_id):
    interaction = _interaction(interaction_id)
    return services.recording_json(services.recording_of(interaction.id), interaction)


@bp.get("/interactions/<int:interaction_id>/recording/media")
@bp.doc(summary="Listen to the call's recording (HTTP range requests)",
        description="Signed in (bearer token or the page's session) as someone who may listen; 404 for anyone else "
                    "and for a recording not complete or purged. `Range: bytes=…` answers 206 with Content-Range, "
                    "416 when unsatisfiable; `If-Range` with a stale ETag answers the whole file. Each listening is a "
                    "`recording_accessed` ledger entry (one per listener and recording within five minutes). 503 "
                    "`recording_store_unavailable` when the recordings' storage cannot be reached.",
        security=[{"BearerAuth": []}], responses={200: "The audio", 206: "Part of the audio", 401: "Signed out",
                                                    404: "Not found", 416: "Range not satisfiable",
                                                    503: "The recordings' storage cannot be reached"})
def media(interaction_id):
    user = _listener()
    interaction, reason = services.listenable(user, interaction_id)
    found = services.recording_of(interaction.id)
    if found is None or found.state != "ready":
        raise NotFound()
    response = ranged(found)  # first: a store that cannot serve it answers 503 and no access is recorded
    services.record_access(user, found, reason)
    commit()
    return response


def _listener():
    """The caller, by bearer token (an API client) or by the page's session (the page's player)."""
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    user = token_auth.verify_token_callback(token.strip()) if scheme.lower() == "bearer" else current_user()
    if user is None:
        raise Unauthorized()
    return user


def ranged(found) -> Response:
    """The recording's bytes, whole (200) or the one range asked for (206); 416 past its end."""
    size = found.size
    etag = f'"rec-{found.id}-{size}"'
    headers = {"Accept-Ranges": "bytes", "ETag": etag, "Cache-Control": "private, no-store",
               "Last-Modified": _http_date(found.completed_at)}
    wanted = request.range
    if wanted is not None and not _if_range_holds(request.if_range, etag, found.completed_at):
        wanted = None  # the file changed since the client's copy: send it whole
    data_store = store()
    if wanted is None or len(wanted.ranges) != 1:
        return Response(data_store.read(found.storage_key, 0, size - 1) if size else iter(()), status=200,
                        mimetype=found.content_type, headers={**headers, "Content-Length": str(size)},
                        direct_passthrough=True)
    bounds = wanted.range_for_length(size)
    if bounds is None:
        raise AppError(status=416, code="range_not_satisfiable", message=_unsatisfiable(),
                       headers={**headers, "Content-Range": f"bytes */{size}"})
    start, stop = bounds
    return Response(data_store.read(found.storage_key, start, stop - 1), status=206, mimetype=found.content_type,
                    headers={**headers, "Content-Length": str(stop - start),
                             "Content-Range": f"bytes {start}-{stop - 1}/{size}"}, direct_passthrough=True)


def _if_range_holds(if_range, etag: str, completed_at) -> bool:
    """Whether ``If-Range`` (absent, an ETag or a date) still names this recording."""
    if if_range is None or (if_range.etag is None and if_range.date is None):
        return True
    if if_range.etag is not None:
        return if_range.etag == etag.strip('"')
    return completed_at is not None and if_range.date >= completed_at.replace(microsecond=0)


def _unsatisfiable() -> str:
    from flask_babel import gettext as _

    return _("The range asked for is outside the recording.")


def _http_date(value) -> str:
    from werkzeug.http import http_date

    return http_date(value) if value is not None else ""


@bp.get("/campaigns/<int:campaign_id>/recording")
@bp.auth_required(token_auth, roles=["enterprise_admin", "enterprise_supervisor", "admin"])
@bp.output(RecordingPolicyOut)
@bp.doc(summary="The campaign's recording policy", tags=["Campaigns"], responses=[403, 404])
def get_policy(campaign_id):
    return _policy_json(_campaign(campaign_id))


@bp.put("/campaigns/<int:campaign_id>/recording")
@bp.auth_required(token_auth, roles=["enterprise_admin", "admin"])
@bp.input(RecordingPolicyIn, arg_name="data")
@bp.output(RecordingPolicyOut)
@bp.doc(summary="Set whether the campaign's calls are recorded, the consent announcement, retention, QA reviewers",
        description="Only the fields given change. The consent announcement is said to the caller, in their "
                    "language, before the call is connected and recorded.", tags=["Campaigns"],
        responses=[403, 404, 422])
def set_policy(campaign_id, data):
    campaign = _campaign(campaign_id)
    current = policy(campaign)
    if "consent" in data:
        data["consent"] = {**(current["consent"] or {}), **data["consent"]}
    campaign.settings = {**(campaign.settings or {}), "recording": {**current, **data}}
    db.session.flush()
    commit()
    return _policy_json(campaign)


def _campaign(campaign_id: int) -> Campaign:
    if not is_id(campaign_id):
        raise NotFound()
    return get_in_org_or_404(Campaign, campaign_id, require_user())


def _policy_json(campaign) -> dict:
    return {"campaign_id": campaign.id, **policy(campaign)}

