"""accounts: members made by the telephony simulator are marked (users.is_simulated), not only
recognised by their e-mail domain; the ones already made are marked from it

Revision ID: 0081_users_is_simulated
Revises: 0080_interaction_overflowed
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0081_users_is_simulated'
down_revision = '0080_interaction_overflowed'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('is_simulated', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute("UPDATE users SET is_simulated = TRUE WHERE email LIKE '%@sim.crowdline.invalid'")


def downgrade():
    with op.batch_alter_table('users') as batch:
        batch.drop_column('is_simulated')
