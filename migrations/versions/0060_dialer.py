"""telephony: the outbound dialer (why a contact was not dialed; who answered an outbound call)

Revision ID: 0060_dialer
Revises: 0020
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0060_dialer'
down_revision = '0070_reports'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('contacts') as batch:
        batch.add_column(sa.Column('dial_refusal', sa.String(length=32), nullable=True))
        batch.add_column(sa.Column('dial_refused_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('interactions') as batch:
        batch.add_column(sa.Column('answered_by', sa.String(length=16), nullable=True))


def downgrade():
    with op.batch_alter_table('interactions') as batch:
        batch.drop_column('answered_by')
    with op.batch_alter_table('contacts') as batch:
        batch.drop_column('dial_refused_at')
        batch.drop_column('dial_refusal')
