"""quality: each run of an explicit rescoring is kept (qa_rescorings): who started it, when, what it
covered, and once done what it changed, for the scorecard page

Revision ID: 0110_qa_rescorings
Revises: 0110_interaction_survey_answers
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0110_qa_rescorings'
down_revision = '0110_interaction_survey_answers'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'qa_rescorings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('org_id', sa.Integer(), nullable=False),
        sa.Column('campaign_id', sa.Integer(), nullable=False),
        sa.Column('started_by_id', sa.Integer(), nullable=True),
        sa.Column('job_id', sa.String(length=64), nullable=True),
        sa.Column('interaction_id', sa.Integer(), nullable=True),
        sa.Column('start_day', sa.Date(), nullable=True),
        sa.Column('end_day', sa.Date(), nullable=True),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('summary', sa.JSON(), nullable=True),
        sa.Column('error', sa.String(length=500), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("state IN ('queued', 'done', 'failed')", name='qa_rescoring_state_known'),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['started_by_id'], ['users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('job_id', name='uq_qa_rescorings_job_id'),
    )
    op.create_index('ix_qa_rescorings_org_id', 'qa_rescorings', ['org_id'])
    op.create_index('ix_qa_rescorings_campaign', 'qa_rescorings', ['campaign_id', 'id'])


def downgrade():
    op.drop_index('ix_qa_rescorings_campaign', table_name='qa_rescorings')
    op.drop_index('ix_qa_rescorings_org_id', table_name='qa_rescorings')
    op.drop_table('qa_rescorings')
