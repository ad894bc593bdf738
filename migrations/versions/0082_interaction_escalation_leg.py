"""telephony: a call handed over to the enterprise keeps its escalation leg and how the hand-over went
(interactions.escalation_call_sid, transfer_state)

Revision ID: 0082_interaction_escalation_leg
Revises: 0081_users_is_simulated
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0082_interaction_escalation_leg'
down_revision = '0081_users_is_simulated'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('interactions') as batch:
        batch.add_column(sa.Column('escalation_call_sid', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('transfer_state', sa.String(length=16), nullable=True))
        batch.create_check_constraint(
            'interaction_transfer_state_known',
            "transfer_state IS NULL OR transfer_state IN ('calling', 'connected', 'failed')")


def downgrade():
    with op.batch_alter_table('interactions') as batch:
        batch.drop_constraint('interaction_transfer_state_known', type_='check')
        batch.drop_column('transfer_state')
        batch.drop_column('escalation_call_sid')
