"""academy

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 23:29:35.852196

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('academy_quizzes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('course_key', sa.String(length=80), nullable=False),
    sa.Column('questions_per_attempt', sa.Integer(), nullable=False),
    sa.Column('pass_mark', sa.Float(), nullable=False),
    sa.Column('time_limit_seconds', sa.Integer(), nullable=False),
    sa.Column('cooldown_seconds', sa.Integer(), nullable=False),
    sa.Column('max_attempts_per_day', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('quiz', 'exam')", name=op.f('ck_academy_quizzes_kind_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academy_quizzes')),
    sa.UniqueConstraint('key', name=op.f('uq_academy_quizzes_key'))
    )
    with op.batch_alter_table('academy_quizzes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_academy_quizzes_course_key'), ['course_key'], unique=False)
    op.create_table('academy_activity_days',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_academy_activity_days_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', 'day', name=op.f('pk_academy_activity_days'))
    )
    op.create_table('academy_assessment_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('instrument', sa.String(length=32), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_academy_assessment_results_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academy_assessment_results'))
    )
    with op.batch_alter_table('academy_assessment_results', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_academy_assessment_results_member_id'), ['member_id'], unique=False)
    op.create_table('academy_badge_awards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('badge_key', sa.String(length=40), nullable=False),
    sa.Column('awarded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_academy_badge_awards_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academy_badge_awards')),
    sa.UniqueConstraint('member_id', 'badge_key', name=op.f('uq_academy_badge_awards_member_id_badge_key'))
    )
    op.create_table('academy_courses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('industry', sa.String(length=32), nullable=False),
    sa.Column('title', sa.JSON(), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.Column('questions_per_attempt', sa.Integer(), nullable=False),
    sa.Column('pass_mark', sa.Float(), nullable=False),
    sa.Column('time_limit_seconds', sa.Integer(), nullable=False),
    sa.Column('cooldown_seconds', sa.Integer(), nullable=False),
    sa.Column('max_attempts_per_day', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('draft', 'published', 'archived')", name=op.f('ck_academy_courses_status_known')),
    sa.CheckConstraint('pass_mark > 0 AND pass_mark <= 1', name=op.f('ck_academy_courses_pass_mark_ratio')),
    sa.CheckConstraint('questions_per_attempt > 0', name=op.f('ck_academy_courses_questions_positive')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_academy_courses_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academy_courses')),
    sa.UniqueConstraint('key', 'version', name=op.f('uq_academy_courses_key_version'))
    )
    with op.batch_alter_table('academy_courses', schema=None) as batch_op:
        batch_op.create_index('ix_academy_courses_status_key', ['status', 'key'], unique=False)
    op.create_table('academy_member_stats',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('xp', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('longest_streak', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_academy_member_stats_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_academy_member_stats'))
    )
    with op.batch_alter_table('academy_member_stats', schema=None) as batch_op:
        batch_op.create_index('ix_academy_member_stats_xp', ['xp'], unique=False)
    op.create_table('academy_xp_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('source_key', sa.String(length=160), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('industry', sa.String(length=32), nullable=True),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_academy_xp_entries_amount_positive')),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_academy_xp_entries_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academy_xp_entries')),
    sa.UniqueConstraint('member_id', 'source_key', name=op.f('uq_academy_xp_entries_member_id_source_key'))
    )
    with op.batch_alter_table('academy_xp_entries', schema=None) as batch_op:
        batch_op.create_index('ix_academy_xp_entries_created_at', ['created_at', 'member_id', 'amount'], unique=False)
        batch_op.create_index('ix_academy_xp_entries_industry_created_at', ['industry', 'created_at'], unique=False)
    op.create_table('academy_lessons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.JSON(), nullable=False),
    sa.Column('body_html', sa.JSON(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['academy_courses.id'], name=op.f('fk_academy_lessons_course_id_academy_courses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academy_lessons')),
    sa.UniqueConstraint('course_id', 'key', name=op.f('uq_academy_lessons_course_id_key'))
    )
    with op.batch_alter_table('academy_lessons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_academy_lessons_course_id'), ['course_id'], unique=False)
    op.create_table('academy_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('prompt', sa.JSON(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('answer', sa.JSON(), nullable=False),
    sa.Column('explanation', sa.JSON(), nullable=False),
    sa.CheckConstraint("type IN ('single', 'multiple', 'true_false', 'ordering')", name=op.f('ck_academy_questions_type_known')),
    sa.ForeignKeyConstraint(['course_id'], ['academy_courses.id'], name=op.f('fk_academy_questions_course_id_academy_courses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academy_questions')),
    sa.UniqueConstraint('course_id', 'key', name=op.f('uq_academy_questions_course_id_key'))
    )
    with op.batch_alter_table('academy_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_academy_questions_course_id'), ['course_id'], unique=False)
    op.create_table('academy_quiz_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('questions', sa.JSON(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deadline_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('correct', sa.Integer(), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.Column('xp_awarded', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'graded', 'expired')", name=op.f('ck_academy_quiz_attempts_status_known')),
    sa.ForeignKeyConstraint(['course_id'], ['academy_courses.id'], name=op.f('fk_academy_quiz_attempts_course_id_academy_courses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_academy_quiz_attempts_member_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['quiz_id'], ['academy_quizzes.id'], name=op.f('fk_academy_quiz_attempts_quiz_id_academy_quizzes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academy_quiz_attempts'))
    )
    with op.batch_alter_table('academy_quiz_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_academy_quiz_attempts_member_quiz', ['member_id', 'quiz_id', 'started_at'], unique=False)
        batch_op.create_index('uq_academy_quiz_attempts_open', ['member_id', 'quiz_id'], unique=True, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
    op.create_table('academy_lesson_completions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=False),
    sa.Column('course_key', sa.String(length=80), nullable=False),
    sa.Column('lesson_key', sa.String(length=80), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lesson_id'], ['academy_lessons.id'], name=op.f('fk_academy_lesson_completions_lesson_id_academy_lessons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_academy_lesson_completions_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academy_lesson_completions')),
    sa.UniqueConstraint('member_id', 'course_key', 'lesson_key', name=op.f('uq_academy_lesson_completions_member_id_course_key_lesson_key'))
    )


def downgrade():
    op.drop_table('academy_lesson_completions')
    with op.batch_alter_table('academy_quiz_attempts', schema=None) as batch_op:
        batch_op.drop_index('uq_academy_quiz_attempts_open', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index('ix_academy_quiz_attempts_member_quiz')
    op.drop_table('academy_quiz_attempts')
    with op.batch_alter_table('academy_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_academy_questions_course_id'))
    op.drop_table('academy_questions')
    with op.batch_alter_table('academy_lessons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_academy_lessons_course_id'))
    op.drop_table('academy_lessons')
    with op.batch_alter_table('academy_xp_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_academy_xp_entries_industry_created_at')
        batch_op.drop_index('ix_academy_xp_entries_created_at')
    op.drop_table('academy_xp_entries')
    with op.batch_alter_table('academy_member_stats', schema=None) as batch_op:
        batch_op.drop_index('ix_academy_member_stats_xp')
    op.drop_table('academy_member_stats')
    with op.batch_alter_table('academy_courses', schema=None) as batch_op:
        batch_op.drop_index('ix_academy_courses_status_key')
    op.drop_table('academy_courses')
    op.drop_table('academy_badge_awards')
    with op.batch_alter_table('academy_assessment_results', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_academy_assessment_results_member_id'))
    op.drop_table('academy_assessment_results')
    op.drop_table('academy_activity_days')
    with op.batch_alter_table('academy_quizzes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_academy_quizzes_course_key'))
    op.drop_table('academy_quizzes')
