"""certification: each call's QA score and decision and customer rating as certification learns them
from quality's signals (certification_work_scores), and the work-quality level of a skill tag
(member_tags.quality); the calls already decided and rated are copied in

Revision ID: 0100_certification_work_scores
Revises: 0081_users_is_simulated
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0100_certification_work_scores'
down_revision = '0082_interaction_escalation_leg'
branch_labels = None
depends_on = None


# The calls decided and rated before this table existed (the nightly recompute then reads them).
BACKFILL = (
    """
        INSERT INTO certification_work_scores (interaction_id, member_id, qa_score, qa_decision, qa_decided_at,
                                               qa_signal_at, updated_at)
        SELECT interaction_id, member_id, score, decision,
               CASE WHEN decision IN ('approve', 'reject') THEN COALESCE(decided_at, scored_at) END,
               updated_at, updated_at
        FROM qa_results WHERE member_id IS NOT NULL""",
    """
        UPDATE certification_work_scores SET
            csat_score = (SELECT rating FROM qa_csat_responses c
                          WHERE c.interaction_id = certification_work_scores.interaction_id),
            csat_at = (SELECT created_at FROM qa_csat_responses c
                       WHERE c.interaction_id = certification_work_scores.interaction_id)
        WHERE interaction_id IN (SELECT interaction_id FROM qa_csat_responses)""",
    """
        INSERT INTO certification_work_scores (interaction_id, member_id, csat_score, csat_at, updated_at)
        SELECT interaction_id, member_id, rating, created_at, created_at FROM qa_csat_responses c
        WHERE member_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM certification_work_scores w WHERE w.interaction_id = c.interaction_id)""",
)


def upgrade():
    op.create_table('certification_work_scores',
    sa.Column('interaction_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('qa_score', sa.Integer(), nullable=True),
    sa.Column('qa_decision', sa.String(length=8), nullable=True),
    sa.Column('qa_decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('qa_signal_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('csat_score', sa.Integer(), nullable=True),
    sa.Column('csat_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('qa_score IS NULL OR (qa_score >= 0 AND qa_score <= 100)',
                       name=op.f('ck_certification_work_scores_qa_score_range')),
    sa.CheckConstraint("qa_decision IS NULL OR qa_decision IN ('approve', 'review', 'reject')",
                       name=op.f('ck_certification_work_scores_qa_decision_known')),
    sa.CheckConstraint('csat_score IS NULL OR (csat_score >= 1 AND csat_score <= 5)',
                       name=op.f('ck_certification_work_scores_csat_score_range')),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_certification_work_scores_member_id_users'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('interaction_id', name=op.f('pk_certification_work_scores'))
    )
    op.create_index('ix_certification_work_scores_member_qa', 'certification_work_scores',
                    ['member_id', 'qa_decided_at'])
    op.create_index('ix_certification_work_scores_member_csat', 'certification_work_scores', ['member_id', 'csat_at'])
    with op.batch_alter_table('member_tags') as batch:
        batch.add_column(sa.Column('quality', sa.String(length=16), nullable=True))
        batch.create_check_constraint(
            op.f('ck_member_tags_quality_known'), "quality IS NULL OR quality IN ('unrated', 'standard', 'proven', 'suspended')")
    for statement in BACKFILL:
        op.execute(statement)

def downgrade():
    with op.batch_alter_table('member_tags') as batch:
        batch.drop_constraint(op.f('ck_member_tags_quality_known'), type_='check')
        batch.drop_column('quality')
    op.drop_index('ix_certification_work_scores_member_csat', table_name='certification_work_scores')
    op.drop_index('ix_certification_work_scores_member_qa', table_name='certification_work_scores')
    op.drop_table('certification_work_scores')
