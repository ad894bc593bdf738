"""quality: scorecards, QA results, reviews, disputes, calibration scores, CSAT answers

Revision ID: 0030_quality
Revises: 0020
Create Date: 2026-12-04 19:50:00.000000

Each interaction gets one QA result (the automatic score and the decision in force); reviews and
disputes change it; scorecards are versioned per campaign.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0030_quality'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('qa_scorecards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('spec', sa.JSON(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('version > 0', name='qa_scorecard_version_positive'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('campaign_id', 'version', name='uq_qa_scorecards_campaign_version')
    )
    op.create_index('ix_qa_scorecards_org_id', 'qa_scorecards', ['org_id'], unique=False)
    op.create_table('qa_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('scorecard_id', sa.Integer(), nullable=True),
    sa.Column('scorecard_version', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('auto_score', sa.Integer(), nullable=True),
    sa.Column('auto_decision', sa.String(length=8), nullable=False),
    sa.Column('auto_failed', sa.Boolean(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('problem', sa.String(length=32), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('decision', sa.String(length=8), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('review_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('scored_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("auto_decision IN ('approve', 'review', 'reject')", name='qa_result_auto_decision_known'),
    sa.CheckConstraint("decision IN ('approve', 'review', 'reject')", name='qa_result_decision_known'),
    sa.CheckConstraint("state IN ('in_review', 'final')", name='qa_result_state_known'),
    sa.CheckConstraint('score IS NULL OR score BETWEEN 0 AND 100', name='qa_result_score_range'),
    sa.CheckConstraint("state <> 'final' OR decision <> 'review'", name='qa_result_final_decided'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scorecard_id'], ['qa_scorecards.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interaction_id')
    )
    op.create_index('ix_qa_results_queue', 'qa_results', ['state', 'review_due_at'], unique=False)
    op.create_index('ix_qa_results_org', 'qa_results', ['org_id', 'id'], unique=False)
    op.create_index('ix_qa_results_member', 'qa_results', ['member_id', 'id'], unique=False)
    op.create_table('qa_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('overrides', sa.JSON(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('decision', sa.String(length=8), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('review', 'auto_window', 'dispute')", name='qa_review_kind_known'),
    sa.CheckConstraint("decision IN ('approve', 'review', 'reject')", name='qa_review_decision_known'),
    sa.ForeignKeyConstraint(['result_id'], ['qa_results.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_qa_reviews_result_id', 'qa_reviews', ['result_id'], unique=False)
    op.create_table('qa_disputes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('previous_decision', sa.String(length=8), nullable=False),
    sa.Column('previous_score', sa.Integer(), nullable=True),
    sa.Column('resolver_id', sa.Integer(), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('filed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("state IN ('open', 'upheld', 'rejected')", name='qa_dispute_state_known'),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resolver_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['result_id'], ['qa_results.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('result_id')
    )
    op.create_index('ix_qa_disputes_state', 'qa_disputes', ['state', 'id'], unique=False)
    op.create_table('qa_calibration_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['result_id'], ['qa_results.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('result_id', 'reviewer_id', name='uq_qa_calibration_result_reviewer')
    )
    op.create_index('ix_qa_calibration_scores_result_id', 'qa_calibration_scores', ['result_id'], unique=False)
    op.create_index('ix_qa_calibration_scores_campaign_id', 'qa_calibration_scores', ['campaign_id'], unique=False)
    op.create_table('qa_csat_responses',
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('rating BETWEEN 1 AND 5', name='qa_csat_rating_range'),
    sa.CheckConstraint("source IN ('keypad', 'web', 'api')", name='qa_csat_source_known'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('interaction_id')
    )
    op.create_index('ix_qa_csat_responses_campaign_id', 'qa_csat_responses', ['campaign_id'], unique=False)
    op.create_index('ix_qa_csat_responses_member_id', 'qa_csat_responses', ['member_id'], unique=False)


def downgrade():
    op.drop_table('qa_csat_responses')
    op.drop_table('qa_calibration_scores')
    op.drop_table('qa_disputes')
    op.drop_table('qa_reviews')
    op.drop_table('qa_results')
    op.drop_table('qa_scorecards')
