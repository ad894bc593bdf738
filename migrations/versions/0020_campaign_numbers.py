"""telephony: campaigns' inbound numbers and SIP users, callers' callback requests

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 17:30:00.000000

An inbound call finds its campaign by the number (E.164) or SIP user it dialled, each unique to
one campaign; a caller who waited past the campaign's longest wait may leave a callback request
(sealed number, open until the outbound dialer takes it).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('campaign_numbers',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=True),
    sa.Column('sip_user', sa.String(length=64), nullable=True),
    sa.Column('escalation_sip_uri', sa.String(length=255), nullable=True),
    sa.Column('escalation_number', sa.String(length=20), nullable=True),
    sa.Column('allocated', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('campaign_id'),
    sa.UniqueConstraint('number'),
    sa.UniqueConstraint('sip_user')
    )
    op.create_table('callback_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('phone_hash', sa.String(length=64), nullable=True),
    sa.Column('phone_encrypted', sa.LargeBinary(), nullable=True),
    sa.Column('phone_masked', sa.String(length=32), nullable=True),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.CheckConstraint("state IN ('open', 'dialed', 'closed')", name='callback_request_state_known'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interaction_id')
    )
    with op.batch_alter_table('callback_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_callback_requests_campaign_id'), ['campaign_id'], unique=False)


def downgrade():
    with op.batch_alter_table('callback_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_callback_requests_campaign_id'))
    op.drop_table('callback_requests')
    op.drop_table('campaign_numbers')
