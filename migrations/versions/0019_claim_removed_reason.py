"""marketplace: why the platform took a seat back (claims.removed_reason)

Revision ID: 0019
Revises: 0018
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('claims') as batch:
        batch.add_column(sa.Column('removed_reason', sa.String(length=32), nullable=True))


def downgrade():
    with op.batch_alter_table('claims') as batch:
        batch.drop_column('removed_reason')
