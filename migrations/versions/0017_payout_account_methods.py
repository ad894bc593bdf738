"""payouts: a payout account is structured — a bank account, Alipay or WeChat Pay

Revision ID: 0017
Revises: 0016

The manual provider used to keep one free-text field of "how to pay me". An account now has its
method, holder, bank (for a bank account) and account number, each checked, and is shown masked.
Accounts saved before keep their text in ``details`` (shown masked) until the member saves again.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('payout_destinations') as batch:
        batch.add_column(sa.Column('method', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('holder', sa.String(length=120), nullable=True))
        batch.add_column(sa.Column('bank_name', sa.String(length=120), nullable=True))
        batch.add_column(sa.Column('account_number', sa.String(length=254), nullable=True))
        batch.create_check_constraint(
            op.f('ck_payout_destinations_method_known'), "method IS NULL OR method IN ('bank', 'alipay', 'wechat')")


def downgrade():
    with op.batch_alter_table('payout_destinations') as batch:
        batch.drop_constraint(op.f('ck_payout_destinations_method_known'), type_='check')
        for column in ('account_number', 'bank_name', 'holder', 'method'):
            batch.drop_column(column)
