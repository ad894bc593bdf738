"""Academy tables: versioned courses with lessons and question banks, quizzes, attempts, XP, badges."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, Float, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow

COURSE_STATES = ("draft", "published", "archived")
QUESTION_TYPES = ("single", "multiple", "true_false", "ordering")
ATTEMPT_STATES = ("open", "graded", "expired")
INDUSTRIES = ("general", "ecommerce", "finance", "energy", "government", "travel", "food_delivery")


class Course(db.Model):
    """One version of a course. Editing a published version creates the next version as a draft;
    publishing it archives the previous one. Texts are ``{"en": ..., "zh": ...}``."""

    __tablename__ = "academy_courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    industry: Mapped[str] = mapped_column(String(32), default="general")
    title: Mapped[dict] = mapped_column(JSON)
    summary: Mapped[dict] = mapped_column(JSON)
    questions_per_attempt: Mapped[int] = mapped_column(default=10)
    pass_mark: Mapped[float] = mapped_column(Float, default=0.7)
    time_limit_seconds: Mapped[int] = mapped_column(default=600)
    cooldown_seconds: Mapped[int] = mapped_column(default=3600)
    max_attempts_per_day: Mapped[int] = mapped_column(default=3)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    lessons: Mapped[list[Lesson]] = relationship(back_populates="course", order_by="Lesson.position",
                                                 cascade="all, delete-orphan")
    questions: Mapped[list[Question]] = relationship(back_populates="course", order_by="Question.id",
                                                     cascade="all, delete-orphan")

    __table_args__ = (
        UniqueConstraint("key", "version"),
        CheckConstraint(one_of("status", COURSE_STATES), name="status_known"),
        CheckConstraint("pass_mark > 0 AND pass_mark <= 1", name="pass_mark_ratio"),
        CheckConstraint("questions_per_attempt > 0", name="questions_positive"),
        Index("ix_academy_courses_status_key", "status", "key"),
    )


class Lesson(db.Model):
    __tablename__ = "academy_lessons"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("academy_courses.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[dict] = mapped_column(JSON)
    body_html: Mapped[dict] = mapped_column(JSON)  # what learners see: rendered, allow-listed HTML per language
    # The Markdown the trainer typed, per language, which the editor opens again; None for lessons
    # saved before it was kept (the editor converts their HTML: academy.sanitize.html_to_markdown).
    body_markdown: Mapped[dict | None] = mapped_column(JSON)
    minutes: Mapped[int] = mapped_column(default=5)

    course: Mapped[Course] = relationship(back_populates="lessons")

    __table_args__ = (UniqueConstraint("course_id", "key"),)


class Question(db.Model):
    """A question of a course's bank. ``answer`` never leaves the server."""

    __tablename__ = "academy_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("academy_courses.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(80))
    type: Mapped[str] = mapped_column(String(16))
    prompt: Mapped[dict] = mapped_column(JSON)
    options: Mapped[list] = mapped_column(JSON)
    answer: Mapped[object] = mapped_column(JSON)
    explanation: Mapped[dict] = mapped_column(JSON)

    course: Mapped[Course] = relationship(back_populates="questions")

    __table_args__ = (
        UniqueConstraint("course_id", "key"),
        CheckConstraint(one_of("type", QUESTION_TYPES), name="type_known"),
    )


class Quiz(db.Model):
    """Something a member can attempt: a course's quiz, or a certification exam drawn from a course's
    bank. It names the course by key, so it always draws from the published version."""

    __tablename__ = "academy_quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(8), default="quiz")
    course_key: Mapped[str] = mapped_column(String(80), index=True)
    questions_per_attempt: Mapped[int] = mapped_column(default=10)
    pass_mark: Mapped[float] = mapped_column(Float, default=0.7)
    time_limit_seconds: Mapped[int] = mapped_column(default=600)
    cooldown_seconds: Mapped[int] = mapped_column(default=3600)
    max_attempts_per_day: Mapped[int] = mapped_column(default=3)

    __table_args__ = (CheckConstraint(one_of("kind", ("quiz", "exam")), name="kind_known"),)


class QuizAttempt(db.Model):
    """An attempt keeps the exact questions asked, in the order shown, with their answers (server side)."""

    __tablename__ = "academy_quiz_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("academy_quizzes.id", ondelete="CASCADE"))
    course_id: Mapped[int] = mapped_column(ForeignKey("academy_courses.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="open")
    questions: Mapped[list] = mapped_column(JSON)
    answers: Mapped[dict | None] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    correct: Mapped[int | None] = mapped_column()
    score: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None] = mapped_column()
    xp_awarded: Mapped[int] = mapped_column(default=0)

    quiz: Mapped[Quiz] = relationship()

    __table_args__ = (
        CheckConstraint(one_of("status", ATTEMPT_STATES), name="status_known"),
        Index("ix_academy_quiz_attempts_member_quiz", "member_id", "quiz_id", "started_at"),
        # One open attempt per member and quiz: a second concurrent start fails in the database.
        Index("uq_academy_quiz_attempts_open", "member_id", "quiz_id", unique=True,
              sqlite_where=text("status = 'open'"), postgresql_where=text("status = 'open'")),
    )


class LessonCompletion(db.Model):
    """Keyed by course and lesson key, so progress survives a new version of the course."""

    __tablename__ = "academy_lesson_completions"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lesson_id: Mapped[int] = mapped_column(ForeignKey("academy_lessons.id", ondelete="CASCADE"))
    course_key: Mapped[str] = mapped_column(String(80))
    lesson_key: Mapped[str] = mapped_column(String(80))
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("member_id", "course_key", "lesson_key"),)


class XPEntry(db.Model):
    """The XP ledger: one row per achievement. The unique (member, source key) pair is what makes
    an achievement pay exactly once, even when two requests race."""

    __tablename__ = "academy_xp_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    source_key: Mapped[str] = mapped_column(String(160))
    reason: Mapped[str] = mapped_column(String(32))
    industry: Mapped[str | None] = mapped_column(String(32))
    amount: Mapped[int] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("member_id", "source_key"),
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_academy_xp_entries_created_at", "created_at", "member_id", "amount"),
        Index("ix_academy_xp_entries_industry_created_at", "industry", "created_at"),
    )


class MemberStats(db.Model):
    """A member's running totals (derived from the XP ledger; kept for fast leaderboards and pages)."""

    __tablename__ = "academy_member_stats"

    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    xp: Mapped[int] = mapped_column(default=0)
    level: Mapped[int] = mapped_column(default=1)
    longest_streak: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_academy_member_stats_xp", "xp"),)


class ActivityDay(db.Model):
    """A day (in the member's own time zone) on which the member learned something: streaks."""

    __tablename__ = "academy_activity_days"

    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)


class BadgeAward(db.Model):
    __tablename__ = "academy_badge_awards"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    badge_key: Mapped[str] = mapped_column(String(40))
    awarded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("member_id", "badge_key"),)


class AssessmentResult(db.Model):
    """A psychological assessment taken by a member (IPIP-50 Big-Five): answers and trait scores 0-100."""

    __tablename__ = "academy_assessment_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    instrument: Mapped[str] = mapped_column(String(32), default="ipip50")
    answers: Mapped[dict] = mapped_column(JSON)
    scores: Mapped[dict] = mapped_column(JSON)
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)



class MediaFile(db.Model):
    """An image or audio sample a trainer uploaded for lessons, stored by its SHA-256 under instance/media/."""

    __tablename__ = "academy_media"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column()
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
