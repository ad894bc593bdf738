"""Transcripts uploaded by an enterprise or a reviewer: checked by the scorer's parser, stored
where the simulator's are, and scored when the call has no judged transcript yet."""

from __future__ import annotations

import logging

from flask_babel import gettext as _

from app.auth.models import User
from app.errors import Forbidden, NotFound, ValidationError
from app.extensions import db
from app.jobs import enqueue
from app.numbers import is_id
from quality import queries, scoring
from quality.services import gate
from telephony import services as calls
from telephony.models import Interaction
from telephony.transcripts import save_transcript

logger = logging.getLogger(__name__)
UPLOADERS = ("trainer", "enterprise_admin", "enterprise_supervisor", "admin")


def _error_messages() -> dict:
    """The parser's codes (``quality.scoring.TranscriptError``) in words."""
    return {
        "empty": _("The transcript has no utterances."),
        "too_long": _("The transcript has too many utterances (at most 2000)."),
        "bad_speaker": _("The speaker must be agent or customer."),
        "time_backwards": _("Times must not go backwards."),
        "bad_time": _("Start and end must be numbers of seconds, the end not before the start."),
    }


def transcript_problem(error) -> ValidationError:
    code = str(getattr(error, "code", "") or "")
    index = getattr(error, "index", None)
    messages = _error_messages()
    message = messages.get(code) or _(
        "This utterance is not valid: it needs a speaker, a text, and start and end times.")
    field = f"transcript.{index}" if index is not None else "transcript"
    return ValidationError(_("The transcript is not valid."), fields={field: message})


def parse(raw) -> list:
    try:
        return scoring.parse_transcript(raw)
    except scoring.TranscriptError as error:
        raise transcript_problem(error) from None


def upload_transcript(user: User, interaction_id: int, raw: list, language: str | None) -> dict:
    """Store an interaction's transcript; score the call if it had none to judge."""
    if not user.has_role(*UPLOADERS):
        raise Forbidden()
    interaction = db.session.get(Interaction, interaction_id) if is_id(interaction_id) else None
    if interaction is None or not (user.has_role("trainer", "admin") or interaction.org_id == user.org_id):
        raise NotFound()
    parse(raw)
    if language is None:
        language = gate.guess_language(raw)
    ref = save_transcript(interaction.id, {"language": language, "source": "upload", "uploaded_by": user.id,
                                           "utterances": raw})
    calls.attach_media(interaction.id, transcript_ref=ref)
    result = queries.result_of_interaction(interaction.id)
    if result is None:
        scoring_state = "queued" if interaction.state == "completed" and interaction.member_id else "kept"
        if scoring_state == "queued":
            enqueue("quality.tasks.score_interaction", interaction.id, description="QA scoring")
    elif result.problem is not None and result.state == "in_review":
        gate.rescore_unjudged(result)
        scoring_state = "rescored"
    else:
        scoring_state = "kept"
    logger.info("Transcript of interaction %s uploaded by %s (%s)", interaction.id, user.id, scoring_state)
    return {"interaction_id": interaction.id, "utterances": len(raw), "language": language, "scoring": scoring_state}
