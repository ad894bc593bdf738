"""payouts: a notice on the payout account when the member's bank refuses a payout

Revision ID: 0011
Revises: 0010

A Stripe Connect account pays its balance out to the member's bank. When the bank refuses
(``payout.failed`` on the connected account) the money stays on that Stripe balance and the member
has to fix their bank details: the account keeps what failed until a later bank payout succeeds.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('payout_destinations') as batch:
        batch.add_column(sa.Column('notice_code', sa.String(length=40), nullable=True))
        batch.add_column(sa.Column('notice_amount', sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column('notice_currency', sa.String(length=3), nullable=True))
        batch.add_column(sa.Column('notice_ref', sa.String(length=120), nullable=True))
        batch.add_column(sa.Column('notice_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('bank_paid_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('payout_destinations') as batch:
        for column in ('bank_paid_at', 'notice_at', 'notice_ref', 'notice_currency', 'notice_amount', 'notice_code'):
            batch.drop_column(column)
