"""XP, levels, streaks, badges and leaderboards."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update

from academy import rules
from academy.models import (
    ActivityDay,
    BadgeAward,
    LessonCompletion,
    MemberStats,
    QuizAttempt,
    XPEntry,
)
from academy.services.courses import course_progress, insert_once, published_courses
from app import events
from app.auth.models import User
from app.extensions import db
from app.timeutil import as_utc, local, utcnow

# --- XP, activity, badges --------------------------------------------------------------------

def award_xp(member_id: int, source_key: str, amount: int, reason: str, industry: str | None = None) -> int:
    """Pay ``amount`` XP for the achievement ``source_key`` once; returns what was paid (0 if already)."""
    if not insert_once(XPEntry(member_id=member_id, source_key=source_key, amount=amount, reason=reason,
                               industry=industry)):
        return 0
    stats = _stats(member_id)
    db.session.execute(update(MemberStats).where(MemberStats.member_id == member_id)
                       .values(xp=MemberStats.xp + amount, updated_at=utcnow()))
    db.session.refresh(stats)
    stats.level = rules.level_for_xp(stats.xp)
    db.session.flush()
    events.send(events.xp_awarded, "academy", member_id=member_id, amount=amount, reason=reason,
                source_key=source_key, total_xp=stats.xp)
    return amount


def _stats(member_id: int) -> MemberStats:
    stats = db.session.get(MemberStats, member_id)
    if stats is None:
        insert_once(MemberStats(member_id=member_id, xp=0, level=1))
        stats = db.session.get(MemberStats, member_id)
    return stats


def local_today(user: User, now: datetime | None = None) -> date:
    try:
        return local(now or utcnow(), user.timezone or "UTC").date()
    except ValueError:
        return as_utc(now or utcnow()).date()


def record_activity(user: User, now: datetime | None = None) -> None:
    """Today (in the member's time zone) counts for the streak."""
    today = local_today(user, now)
    if db.session.get(ActivityDay, (user.id, today)) is None:
        insert_once(ActivityDay(member_id=user.id, day=today))
    streak = current_streak(user, now)
    stats = _stats(user.id)
    if streak > stats.longest_streak:
        stats.longest_streak = streak


def current_streak(user: User, now: datetime | None = None) -> int:
    today = local_today(user, now)
    days = db.session.scalars(select(ActivityDay.day).where(
        ActivityDay.member_id == user.id, ActivityDay.day >= today - timedelta(days=400)))
    return rules.streak_days(days, today)


def member_facts(user: User, now: datetime | None = None, certifications: int | None = None) -> rules.MemberFacts:
    lessons = db.session.scalar(select(func.count()).select_from(LessonCompletion)
                                .where(LessonCompletion.member_id == user.id))
    perfect = db.session.scalar(select(func.count()).select_from(QuizAttempt).where(
        QuizAttempt.member_id == user.id, QuizAttempt.score >= 1.0))
    courses = sum(1 for course in published_courses() if course_progress(user.id, course)["completed"]) \
        if lessons else 0
    stats = _stats(user.id)
    held = certifications
    if held is None:
        held = db.session.scalar(select(func.count()).select_from(XPEntry).where(
            XPEntry.member_id == user.id, XPEntry.reason == "certification"))
    return rules.MemberFacts(lessons_completed=lessons, courses_completed=courses, perfect_quizzes=perfect,
                             streak=current_streak(user, now), level=stats.level, certifications=held)


def check_badges(user: User, now: datetime | None = None) -> list[str]:
    """Award every badge whose rule now holds and the member does not have yet."""
    have = set(db.session.scalars(select(BadgeAward.badge_key).where(BadgeAward.member_id == user.id)))
    new = []
    for key in sorted(rules.earned_badges(member_facts(user, now)) - have):
        if insert_once(BadgeAward(member_id=user.id, badge_key=key)):
            events.send(events.badge_awarded, "academy", member_id=user.id, badge_key=key)
            new.append(key)
    return new


def badges_of(member_id: int) -> list[dict]:
    rows = db.session.execute(select(BadgeAward.badge_key, BadgeAward.awarded_at)
                              .where(BadgeAward.member_id == member_id).order_by(BadgeAward.awarded_at))
    return [{"key": key, "awarded_at": at} for key, at in rows]


def member_summary(user: User) -> dict:
    stats = db.session.get(MemberStats, user.id)
    xp = stats.xp if stats else 0
    progress = rules.level_progress(xp)
    return {"xp": xp, "level": progress["level"], "next_level_xp": progress["next_level_xp"],
            "level_ratio": progress["ratio"], "streak_days": current_streak(user),
            "longest_streak": stats.longest_streak if stats else 0, "badges": badges_of(user.id)}


def member_section(user: User) -> dict:
    """The academy's part of ``GET /me``: XP and level."""
    stats = db.session.get(MemberStats, user.id)
    xp = stats.xp if stats else 0
    return {"xp": xp, "level": rules.level_for_xp(xp)}


# --- leaderboards ---------------------------------------------------------------------------

PERIODS = ("week", "month", "all")


def period_start(period: str, now: datetime | None = None) -> datetime | None:
    now = as_utc(now or utcnow())
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return None


def leaderboard(period: str = "week", industry: str | None = None, limit: int = 20,
                now: datetime | None = None) -> list[dict]:
    """Top members by XP earned in the period (UTC weeks and months), globally or in one industry."""
    start = period_start(period, now)
    if start is None and industry is None:
        stmt = (select(MemberStats.member_id, MemberStats.xp.label("xp")).where(MemberStats.xp > 0)
                .order_by(MemberStats.xp.desc(), MemberStats.member_id).limit(limit))
    else:
        total = func.sum(XPEntry.amount).label("xp")
        stmt = select(XPEntry.member_id, total).group_by(XPEntry.member_id)
        if start is not None:
            stmt = stmt.where(XPEntry.created_at >= start)
        if industry is not None:
            stmt = stmt.where(XPEntry.industry == industry)
        stmt = stmt.order_by(total.desc(), XPEntry.member_id).limit(limit)
    member_column = stmt.selected_columns[0]
    stmt = stmt.where(~select(User.id).where(User.id == member_column, User.is_simulated).exists())  # people only
    rows = db.session.execute(stmt).all()
    names = dict(db.session.execute(select(User.id, User.name).where(User.id.in_([r[0] for r in rows]))).all())
    levels = dict(db.session.execute(select(MemberStats.member_id, MemberStats.xp)
                                     .where(MemberStats.member_id.in_([r[0] for r in rows]))).all())
    return [{"rank": i + 1, "member_id": member_id, "name": names.get(member_id, ""), "xp": int(xp),
             "level": rules.level_for_xp(levels.get(member_id, 0))} for i, (member_id, xp) in enumerate(rows)]


