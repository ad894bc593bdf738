"""What quality tells a member: a call refused or held by the scorer, a reviewer's decision, and the
outcome of their dispute, each linking to the call's QA page."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.notifications.services import notify, register_kind
from quality.models import QAResult

register_kind("qa.rejected", title=_l("Call #%(call)s did not pass QA"),
              body=_l("Score %(score)s. Read the items and their evidence; you can dispute it within 7 days."))
register_kind("qa.reviewed", title=_l("A reviewer decided call #%(call)s"),
              body=_l("Score %(score)s. Reason: %(reason)s"))
register_kind("qa.dispute_upheld", title=_l("Your dispute of call #%(call)s was upheld"),
              body=_l("The call is approved and paid. Reason: %(reason)s"))
register_kind("qa.dispute_rejected", title=_l("Your dispute of call #%(call)s was rejected"),
              body=_l("The decision stands. Reason: %(reason)s"))


def _link(result: QAResult) -> str:
    return f"/qa/calls/{result.id}"


def _score(result: QAResult) -> str:
    return str(result.score) if result.score is not None else "—"


def rejected(result: QAResult) -> None:
    if result.member_id is not None:
        notify(result.member_id, "qa.rejected", {"call": result.interaction_id, "score": _score(result)},
               link=_link(result))


def reviewed(result: QAResult, reason: str | None) -> None:
    if result.member_id is not None:
        notify(result.member_id, "qa.reviewed", {"call": result.interaction_id, "score": _score(result),
                                                 "reason": reason or ""}, link=_link(result))


def dispute_resolved(result: QAResult, outcome: str, reason: str | None) -> None:
    if result.member_id is not None:
        notify(result.member_id, f"qa.dispute_{outcome}", {"call": result.interaction_id, "reason": reason or ""},
               link=_link(result))
