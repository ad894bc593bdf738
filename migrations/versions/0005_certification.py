"""certification

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 23:29:35.852196

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('certifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('name', sa.JSON(), nullable=False),
    sa.Column('industry', sa.String(length=32), nullable=False),
    sa.Column('required_courses', sa.JSON(), nullable=False),
    sa.Column('exam_quiz_id', sa.Integer(), nullable=True),
    sa.Column('practical_rubric', sa.JSON(), nullable=True),
    sa.Column('min_profile', sa.JSON(), nullable=True),
    sa.Column('valid_days', sa.Integer(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('valid_days > 0', name=op.f('ck_certifications_valid_days_positive')),
    sa.ForeignKeyConstraint(['exam_quiz_id'], ['academy_quizzes.id'], name=op.f('fk_certifications_exam_quiz_id_academy_quizzes'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certifications')),
    sa.UniqueConstraint('key', name=op.f('uq_certifications_key'))
    )
    op.create_table('member_tags',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('tag', sa.String(length=64), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('score >= 0 AND score <= 100', name=op.f('ck_member_tags_score_range')),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_member_tags_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', 'tag', name=op.f('pk_member_tags'))
    )
    with op.batch_alter_table('member_tags', schema=None) as batch_op:
        batch_op.create_index('ix_member_tags_tag_score', ['tag', 'score'], unique=False)
    op.create_table('member_tiers',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('tier', sa.String(length=16), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("tier IN ('none', 'bronze', 'silver', 'gold', 'diamond')", name=op.f('ck_member_tiers_tier_known')),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_member_tiers_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_member_tiers'))
    )
    op.create_table('certification_grants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('credential_id', sa.String(length=36), nullable=False),
    sa.Column('granted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('renewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('granted_by_id', sa.Integer(), nullable=True),
    sa.Column('exam_score', sa.Double(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by_id', sa.Integer(), nullable=True),
    sa.Column('revoke_reason', sa.Text(), nullable=True),
    sa.CheckConstraint("status IN ('active', 'expired', 'revoked')", name=op.f('ck_certification_grants_status_known')),
    sa.ForeignKeyConstraint(['certification_id'], ['certifications.id'], name=op.f('fk_certification_grants_certification_id_certifications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['granted_by_id'], ['users.id'], name=op.f('fk_certification_grants_granted_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_certification_grants_member_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['revoked_by_id'], ['users.id'], name=op.f('fk_certification_grants_revoked_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification_grants')),
    sa.UniqueConstraint('credential_id', name=op.f('uq_certification_grants_credential_id'))
    )
    with op.batch_alter_table('certification_grants', schema=None) as batch_op:
        batch_op.create_index('ix_certification_grants_member_id', ['member_id'], unique=False)
        batch_op.create_index('ix_certification_grants_status_expires_at', ['status', 'expires_at'], unique=False)
        batch_op.create_index('uq_certification_grants_active', ['member_id', 'certification_id'], unique=True, sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))
    op.create_table('certification_practicals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('transcript', sa.Text(), nullable=False),
    sa.Column('recording_url', sa.String(length=500), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('grader_id', sa.Integer(), nullable=True),
    sa.Column('scores', sa.JSON(), nullable=True),
    sa.Column('points', sa.Integer(), nullable=True),
    sa.Column('max_points', sa.Integer(), nullable=True),
    sa.Column('feedback', sa.Text(), nullable=True),
    sa.Column('graded_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'passed', 'failed')", name=op.f('ck_certification_practicals_status_known')),
    sa.ForeignKeyConstraint(['certification_id'], ['certifications.id'], name=op.f('fk_certification_practicals_certification_id_certifications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['grader_id'], ['users.id'], name=op.f('fk_certification_practicals_grader_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_certification_practicals_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification_practicals'))
    )
    with op.batch_alter_table('certification_practicals', schema=None) as batch_op:
        batch_op.create_index('ix_certification_practicals_status', ['status', 'submitted_at'], unique=False)
        batch_op.create_index('uq_certification_practicals_pending', ['member_id', 'certification_id'], unique=True, sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"))


def downgrade():
    with op.batch_alter_table('certification_practicals', schema=None) as batch_op:
        batch_op.drop_index('uq_certification_practicals_pending', sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"))
        batch_op.drop_index('ix_certification_practicals_status')
    op.drop_table('certification_practicals')
    with op.batch_alter_table('certification_grants', schema=None) as batch_op:
        batch_op.drop_index('uq_certification_grants_active', sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))
        batch_op.drop_index('ix_certification_grants_status_expires_at')
        batch_op.drop_index('ix_certification_grants_member_id')
    op.drop_table('certification_grants')
    op.drop_table('member_tiers')
    with op.batch_alter_table('member_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_member_tags_tag_score')
    op.drop_table('member_tags')
    op.drop_table('certifications')
