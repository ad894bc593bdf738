"""accounts: a token version per user, so a password change or a suspension ends access tokens

Revision ID: 0015
Revises: 0014

Every access token carries the user's ``token_version``; a password change or a suspension raises
it, and a token whose version is behind is refused at its next request.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('token_version', sa.Integer(), nullable=False, server_default='0'))


def downgrade():
    with op.batch_alter_table('users') as batch:
        batch.drop_column('token_version')
