"""The member's home page: their latest call's QA, with a link to every call's score and evidence."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.web.home import Section
from quality.models import QAResult


def latest_qa(user) -> Section | None:
    latest = db.session.scalar(select(QAResult).where(QAResult.member_id == user.id)
                               .order_by(QAResult.id.desc()).limit(1))
    if latest is None:
        return None
    return Section("quality/home_qa.html", {"result": latest})
