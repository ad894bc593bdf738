"""telephony reports: each interaction's report fact and the 15-minute aggregates per campaign and member

Revision ID: 0070_reports
Revises: 0020
Create Date: 2026-12-04 19:50:00.000000

A report reads the aggregates, never the raw interactions; each fact remembers what it last added,
so a replayed completion counts once.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0070_reports'
down_revision = '0030_quality'
branch_labels = None
depends_on = None

MEASURES = ("offered", "answered", "abandoned", "abandoned_short", "answered_in_target", "abandoned_in_target",
            "wait_seconds", "handled", "talk_seconds", "hold_seconds", "wrapup_seconds", "handle_seconds",
            "attempted", "reached", "succeeded", "repeated", "earnings", "qa_count", "qa_score_sum",
            "qa_approve", "qa_review", "qa_reject", "csat_count", "csat_sum")


def _measures():
    return [sa.Column(name, sa.BigInteger(), server_default='0', nullable=False) for name in MEASURES]


def upgrade():
    op.create_table('report_facts',
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('bucket', sa.DateTime(timezone=True), nullable=False),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('customer_key', sa.String(length=80), nullable=True),
    sa.Column('qa_score', sa.Integer(), nullable=True),
    sa.Column('qa_decision', sa.String(length=16), nullable=True),
    sa.Column('csat_score', sa.SmallInteger(), nullable=True),
    sa.Column('contribution', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('interaction_id')
    )
    op.create_index('ix_report_facts_customer', 'report_facts', ['campaign_id', 'customer_key', 'queued_at'])
    op.create_index('ix_report_facts_bucket', 'report_facts', ['campaign_id', 'bucket'])
    op.create_table('report_buckets',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('bucket', sa.DateTime(timezone=True), nullable=False),
    *_measures(),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('campaign_id', 'bucket')
    )
    op.create_table('member_report_buckets',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('bucket', sa.DateTime(timezone=True), nullable=False),
    *_measures(),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', 'campaign_id', 'bucket')
    )
    op.create_table('scheduled_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('frequency', sa.String(length=16), nullable=False),
    sa.Column('file_format', sa.String(length=8), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("frequency IN ('daily', 'weekly', 'monthly')", name='scheduled_report_frequency_known'),
    sa.CheckConstraint("file_format IN ('csv', 'xlsx')", name='scheduled_report_format_known'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('campaign_id', 'user_id', 'frequency', name='uq_scheduled_reports_campaign_user_frequency')
    )
    op.create_index(op.f('ix_scheduled_reports_user_id'), 'scheduled_reports', ['user_id'], unique=False)
    op.create_table('report_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scheduled_report_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('filename', sa.String(length=160), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scheduled_report_id'], ['scheduled_reports.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('scheduled_report_id', 'first_day', name='uq_report_files_period')
    )
    op.create_index(op.f('ix_report_files_user_id'), 'report_files', ['user_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_report_files_user_id'), table_name='report_files')
    op.drop_table('report_files')
    op.drop_index(op.f('ix_scheduled_reports_user_id'), table_name='scheduled_reports')
    op.drop_table('scheduled_reports')
    op.drop_table('member_report_buckets')
    op.drop_table('report_buckets')
    op.drop_index('ix_report_facts_bucket', table_name='report_facts')
    op.drop_index('ix_report_facts_customer', table_name='report_facts')
    op.drop_table('report_facts')
