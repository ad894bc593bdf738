"""The member's progress pages: the profile (XP, level, streak, badges) and the leaderboard."""

from __future__ import annotations

from flask import render_template, request

from academy import rules, services
from academy.models import INDUSTRIES
from academy.views.blueprint import bp
from app.auth.guards import current_user, page_login_required


def _ring(ratio: float, radius: int = 36) -> dict:
    circumference = 2 * 3.14159 * radius
    return {"r": radius, "c": round(circumference, 2), "offset": round(circumference * (1 - ratio), 2),
            "pct": round(ratio * 100)}


@bp.get("/me")
@page_login_required(["member"])
def profile():
    user = current_user()
    summary = services.member_summary(user)
    courses = [(c, services.course_progress(user.id, c)) for c in services.published_courses()]
    rings = {"level": _ring(summary["level_ratio"])}
    return render_template("academy/profile.html", summary=summary, courses=courses, rings=rings, make_ring=_ring,
                           badge_keys=rules.BADGE_KEYS, assessment=services.latest_assessment(user.id),
                           curve=[(lvl, rules.xp_for_level(lvl)) for lvl in range(1, 11)])


@bp.get("/leaderboard")
@page_login_required()
def leaderboard():
    period = request.args.get("period") if request.args.get("period") in services.PERIODS else "week"
    industry = request.args.get("industry") if request.args.get("industry") in INDUSTRIES else None
    rows = services.leaderboard(period, industry, 50)
    return render_template("academy/leaderboard.html", rows=rows, period=period, industry=industry,
                           industries=INDUSTRIES)
