"""Calibration: reviewers judge the same sample of calls blind, item by item; agreement per item
is Cohen's kappa between people (every pair of reviewers on a call, pooled) and between people
and the automatic scorer. The figures are published on the scorecard page, so members see how far
each automatic item is trusted."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from flask_babel import gettext as _
from sqlalchemy import select

from app.auth.models import User
from app.database import insert
from app.errors import ValidationError
from app.extensions import db
from quality import queries
from quality.models import CalibrationScore, QAResult

SAMPLE_SIZE = 10


def cohen_kappa(pairs: list[tuple]) -> float | None:
    """Cohen's kappa of paired labels; None without pairs. 1 = perfect, 0 = chance, < 0 = worse."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(1 for a, b in pairs if a == b) / n
    first, second = Counter(a for a, _b in pairs), Counter(b for _a, b in pairs)
    expected = sum(first[c] * second[c] for c in set(first) | set(second)) / (n * n)
    if expected >= 1:
        return 1.0 if observed >= 1 else 0.0
    return round((observed - expected) / (1 - expected), 3)


def sample(campaign_id: int, user: User) -> list[QAResult]:
    """The campaign's calibration sample: its latest scored calls with a transcript."""
    return list(db.session.scalars(queries.reviewable_results(user).where(
        QAResult.campaign_id == campaign_id, QAResult.problem.is_(None)).order_by(QAResult.id.desc())
        .limit(SAMPLE_SIZE)))


def record_judgement(reviewer: User, result_id: int, items: dict) -> CalibrationScore:
    """A reviewer's blind judgement of a sampled call (a second one replaces the first)."""
    result = queries.result_for_reviewer(reviewer, result_id)
    keys = {item["key"] for item in result.items or []}
    unknown = [key for key in items if key not in keys]
    if unknown or any(value not in (True, False, None) for value in items.values()):
        raise ValidationError(fields={"items": _("Judge each item of this call's scorecard: pass, fail or "
                                                 "not applicable.")})
    values = {key: items.get(key) for key in sorted(keys)}
    db.session.execute(insert(CalibrationScore).values(
        result_id=result.id, campaign_id=result.campaign_id, reviewer_id=reviewer.id, items=values)
        .on_conflict_do_update(index_elements=["result_id", "reviewer_id"], set_={"items": values}))
    db.session.flush()
    return db.session.scalar(select(CalibrationScore).where(CalibrationScore.result_id == result.id,
                                                            CalibrationScore.reviewer_id == reviewer.id)
                             .execution_options(populate_existing=True))


def agreement(campaign_id: int) -> list[dict]:
    """Per item: kappa between people and between people and the scorer, with the pairs counted."""
    rows = db.session.execute(select(CalibrationScore, QAResult.items).join(
        QAResult, QAResult.id == CalibrationScore.result_id).where(CalibrationScore.campaign_id == campaign_id)).all()
    by_call: dict[int, list[dict]] = defaultdict(list)
    automatic: dict[int, dict] = {}
    for judgement, items in rows:
        by_call[judgement.result_id].append(judgement.items or {})
        automatic[judgement.result_id] = {item["key"]: item.get("passed") for item in items or []}
    people: dict[str, list] = defaultdict(list)
    machine: dict[str, list] = defaultdict(list)
    for result_id, judgements in by_call.items():
        for judgement in judgements:
            for key, value in judgement.items():
                machine[key].append((value, automatic[result_id].get(key)))
        for first, second in combinations(judgements, 2):
            for key in set(first) & set(second):
                people[key].append((first[key], second[key]))
    return [{"key": key, "people_kappa": cohen_kappa(people.get(key, [])), "people_pairs": len(people.get(key, [])),
             "auto_kappa": cohen_kappa(machine[key]), "auto_pairs": len(machine[key])}
            for key in sorted(machine)]
