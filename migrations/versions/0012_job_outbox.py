"""jobs: the outbox, a job asked for inside a transaction is a row of that transaction

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'job_outbox',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('job_id', sa.String(length=32), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('args', sa.JSON(), nullable=False),
        sa.Column('kwargs', sa.JSON(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=True),
        sa.Column('description', sa.String(length=200), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_job_outbox')),
        sa.UniqueConstraint('job_id', name=op.f('uq_job_outbox_job_id')),
    )
    op.create_index(op.f('ix_job_outbox_created_at'), 'job_outbox', ['created_at'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_job_outbox_created_at'), table_name='job_outbox')
    op.drop_table('job_outbox')
