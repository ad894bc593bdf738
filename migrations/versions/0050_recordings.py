"""telephony: call recordings (the member's resumable upload or the provider's media)

Revision ID: 0050_recordings
Revises: 0020
Create Date: 2026-12-04 20:10:00.000000

One recording per interaction: where its media is kept, how much of an upload arrived, and whether
the retention purge removed its media (the row stays for the ledger entries that name it).
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0050_recordings'
down_revision = '0060_dialer'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('recordings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('storage_key', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=64), nullable=False),
    sa.Column('channels', sa.Integer(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=True),
    sa.Column('provider_ref', sa.String(length=255), nullable=True),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('purged_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("state IN ('uploading', 'ready', 'purged')", name='recording_state_known'),
    sa.CheckConstraint("source IN ('browser', 'provider')", name='recording_source_known'),
    sa.CheckConstraint('size >= 0 AND (total IS NULL OR size <= total)',
                       name='recording_size_within_total'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'],
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'],
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'],
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interaction_id')
    )
    op.create_index('ix_recordings_campaign_completed', 'recordings', ['campaign_id', 'completed_at'], unique=False)


def downgrade():
    op.drop_index('ix_recordings_campaign_completed', table_name='recordings')
    op.drop_table('recordings')
