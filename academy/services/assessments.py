"""Assessments: the IPIP-50 Big-Five markers and the typing and writing check for chat work."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select

from academy import ipip, rules, typing
from academy.content import CONTENT_DIR, load_ipip
from academy.models import (
    AssessmentResult,
)
from academy.services.courses import require_member
from academy.services.progress import award_xp, check_badges, record_activity
from app.auth.models import User
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.timeutil import utcnow

# --- assessments ----------------------------------------------------------------------------

def content_dir():
    configured = current_app.config.get("ACADEMY_CONTENT_DIR") or os.environ.get("ACADEMY_CONTENT_DIR")
    return Path(configured or CONTENT_DIR)


def ipip_instrument() -> dict:
    """The IPIP-50 items from the content folder (404 when they are not installed)."""
    instrument = load_ipip(content_dir())
    if instrument is None:
        raise NotFound()
    return instrument


def submit_assessment(user: User, instrument: dict, answers: dict) -> AssessmentResult:
    """Score an IPIP-50 answer sheet and keep it; the member sees the trait scores."""
    require_member(user)
    try:
        parsed = {int(k): v for k, v in (answers or {}).items()}
    except (TypeError, ValueError) as exc:
        raise ValidationError(fields={"answers": _("Answer with item numbers.")}) from exc
    scale = instrument.get("scale", {})
    try:
        scores = ipip.score(instrument["items"], parsed, scale.get("min", 1), scale.get("max", 5))
    except ValueError as exc:
        raise ValidationError(fields={"answers": _("Answer every statement from 1 to 5.")}) from exc
    result = AssessmentResult(member_id=user.id, instrument="ipip50", answers={str(k): v for k, v in parsed.items()},
                              scores=scores)
    db.session.add(result)
    db.session.flush()
    award_xp(user.id, "assessment:ipip50", rules.XP_ASSESSMENT, "assessment")
    record_activity(user)
    check_badges(user)
    return result


def latest_assessment(member_id: int) -> AssessmentResult | None:
    return db.session.scalar(select(AssessmentResult).where(AssessmentResult.member_id == member_id,
                                                            AssessmentResult.instrument == "ipip50")
                             .order_by(AssessmentResult.taken_at.desc(), AssessmentResult.id.desc()).limit(1))


# --- typing check ---------------------------------------------------------------------------

TYPING_SALT = "academy-typing-check"
TYPING_MAX_SECONDS = 15 * 60


def start_typing_check(user: User, locale: str) -> dict:
    """A passage to type and a signed ticket that records, on the server's clock, when it was handed out."""
    require_member(user)
    index = secrets.randbelow(len(typing.PASSAGES["en"]))
    locale = locale if locale in typing.PASSAGES else "en"
    ticket = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=TYPING_SALT).dumps(
        {"member": user.id, "locale": locale, "index": index, "started": utcnow().timestamp()})
    return {"passage": typing.passage(locale, index), "locale": locale, "ticket": ticket,
            "cpm_needed": typing.PASS_CPM[locale], "accuracy_needed": typing.PASS_ACCURACY}


def submit_typing_check(user: User, ticket: str, typed: str) -> AssessmentResult:
    """Score the typed text against the ticket's passage; the time comes from the ticket, not the client."""
    require_member(user)
    try:
        data = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=TYPING_SALT).loads(
            ticket or "", max_age=TYPING_MAX_SECONDS)
    except SignatureExpired as exc:
        raise ValidationError(fields={"ticket": _("Time is up for this check. Start again.")}) from exc
    except BadSignature as exc:
        raise ValidationError(fields={"ticket": _("Start the check from the page.")}) from exc
    if data.get("member") != user.id:
        raise ValidationError(fields={"ticket": _("Start the check from the page.")})
    if not (typed or "").strip():
        raise ValidationError(fields={"typed": _("Type the passage.")})
    seconds = utcnow().timestamp() - float(data["started"])
    result = typing.score(typing.passage(data["locale"], data["index"]), typed[:5000], seconds, data["locale"])
    row = AssessmentResult(member_id=user.id, instrument="typing", scores=result,
                           answers={"locale": data["locale"], "index": data["index"], "seconds": round(seconds, 1)})
    db.session.add(row)
    db.session.flush()
    if result["passed"]:
        award_xp(user.id, "assessment:typing", rules.XP_ASSESSMENT, "assessment")
    record_activity(user)
    check_badges(user)
    return row


def latest_typing(member_id: int) -> AssessmentResult | None:
    return db.session.scalar(select(AssessmentResult).where(AssessmentResult.member_id == member_id,
                                                            AssessmentResult.instrument == "typing")
                             .order_by(AssessmentResult.taken_at.desc(), AssessmentResult.id.desc()).limit(1))
